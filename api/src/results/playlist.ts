/**
 * What a segmented output's playlist names: the URIs of an HLS playlist (segments, variant playlists, `URI="…"`
 * attributes of EXT-X-MAP / EXT-X-MEDIA / EXT-X-KEY) and of a DASH manifest (BaseURL, SegmentURL, and the
 * `initialization` / `media` names of a SegmentTemplate, whose `$Number$` / `$Time$` patterns are matched
 * against the keys listed beside the manifest). A segmented download fetches these and nothing else, so other
 * objects that merely share the playlist's name (`reel2.mp4`, `reel-final/…`) stay out. Pure, no IO.
 */

/** A URI from a playlist: relative ones become keys resolved against the playlist's key; others are not in the bucket. */
export type PlaylistEntry = { readonly kind: 'key'; readonly key: string; readonly text: string } | { readonly kind: 'elsewhere'; readonly text: string };

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** Resolves `uri` against the folder of `playlistKey`; `..` that climbs above the bucket's root stays in the key, for the plan to refuse. */
export function resolveEntry(playlistKey: string, uri: string): PlaylistEntry {
  const text = uri.trim();
  if (SCHEME.test(text) || text.startsWith('//')) return { kind: 'elsewhere', text };
  const path = text.split(/[?#]/, 1)[0]!;
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // Not percent-encoded after all: the name as written.
  }
  const base = decoded.startsWith('/') ? '' : playlistKey.slice(0, playlistKey.lastIndexOf('/') + 1);
  return { kind: 'key', key: base + decoded.replace(/^\/+/, ''), text };
}

const ATTRIBUTE_URI = /\bURI="([^"]*)"/g;

/** The URIs an HLS playlist names, in order, without repeats. */
export function hlsUris(text: string): string[] {
  const uris: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    if (line.startsWith('#')) {
      if (/^#EXT-X-(MAP|MEDIA|I-FRAME-STREAM-INF|KEY|SESSION-KEY|PART|PRELOAD-HINT)\b/.test(line))
        for (const m of line.matchAll(ATTRIBUTE_URI)) uris.push(m[1]!);
      continue;
    }
    uris.push(line);
  }
  return [...new Set(uris)];
}

const decodeXml = (text: string): string =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

export interface DashNames {
  /** Names given in full (BaseURL, SegmentURL media, an initialization without a pattern). */
  readonly names: string[];
  /** SegmentTemplate names with `$Number$`, `$Time$`, … : regular expressions over names relative to the manifest. */
  readonly patterns: RegExp[];
}

/** `$RepresentationID$` is filled in from the Representation ids; `$Number%05d$` and the like match digits. */
function templatePattern(template: string, ids: readonly string[]): RegExp[] {
  const expand = (id: string | undefined): RegExp =>
    new RegExp(
      '^' +
        template
          .split(/(\$[A-Za-z]*(?:%0\d+d)?\$)/)
          .map((part) => {
            if (part === '$$') return '\\$';
            if (/^\$RepresentationID\$$/.test(part)) return id !== undefined ? id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : '[^/]+';
            if (/^\$(Number|Time|SubNumber)(%0\d+d)?\$$/.test(part)) return '\\d+';
            if (/^\$Bandwidth(%0\d+d)?\$$/.test(part)) return '\\d+';
            return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          })
          .join('') +
        '$',
    );
  return template.includes('$RepresentationID$') && ids.length ? ids.map(expand) : [expand(undefined)];
}

/** The names a DASH manifest gives its segments, as far as they can be read without computing a timeline. */
export function dashNames(text: string): DashNames {
  const names: string[] = [];
  const patterns: RegExp[] = [];
  const ids = [...text.matchAll(/<Representation\b[^>]*\bid="([^"]*)"/g)].map((m) => decodeXml(m[1]!));
  for (const m of text.matchAll(/<BaseURL[^>]*>([^<]*)<\/BaseURL>/g)) {
    const base = decodeXml(m[1]!).trim();
    if (base && !base.endsWith('/')) names.push(base);
  }
  for (const m of text.matchAll(/<SegmentURL\b[^>]*\bmedia="([^"]*)"/g)) names.push(decodeXml(m[1]!));
  for (const m of text.matchAll(/<(?:SegmentTemplate|SegmentBase|Initialization|RepresentationIndex)\b([^>]*)>/g)) {
    for (const a of m[1]!.matchAll(/\b(initialization|media|sourceURL|index)="([^"]*)"/g)) {
      const value = decodeXml(a[2]!);
      if (value.includes('$')) patterns.push(...templatePattern(value, ids));
      else if (value) names.push(value);
    }
  }
  return { names: [...new Set(names)], patterns };
}

export function isDash(key: string): boolean {
  return /\.mpd$/i.test(key);
}
