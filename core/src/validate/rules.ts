import type { JsonPath } from '../parse/document';
import { pathKey } from '../parse/duplicateKeys';
import type { FixHint } from '../fixes/hint';
import { t } from '../shared/l10n';
import { extensionFixes, ossUrlFix, setModeFix } from '../fixes/producers';
import { FIX_TITLES } from '../fixes/titles';
import { DIAGNOSTIC_CODES, type DiagnosticCode } from '../shared/codes';
import { ossUriProblem } from '../shared/ossUri';
import { quote } from '../shared/words';
import { objectAt, type JobObject } from '../shared/jobValue';

/** One problem a rule found: where (the key or the value at `path`), what, and how to fix it. */
export interface Finding {
  readonly path: JsonPath;
  readonly at: 'key' | 'value';
  readonly message: string;
  readonly fixes?: readonly FixHint[];
}

/**
 * A rule of the API that the schema alone cannot express. `source` is the sentence of the API reference
 * (or of the SDK model, for nested objects) that the rule enforces, so every warning can be traced back.
 */
export interface ApiRule {
  readonly code: DiagnosticCode;
  /** The code's severity in the registry of codes (core/src/shared/codes.ts). */
  readonly severity: 'error' | 'warning';
  readonly source: string;
  readonly check: (request: JobObject, report: (finding: Finding) => void) => void;
}

/** A row of the table: its severity comes from the registry of codes. */
type ApiRuleRow = Omit<ApiRule, 'severity'>;

export function apiRule(row: ApiRuleRow): ApiRule {
  return { ...row, severity: DIAGNOSTIC_CODES[row.code].severity };
}

function list(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

function has(object: JobObject | undefined, key: string): boolean {
  return object !== undefined && object[key] !== undefined && object[key] !== null;
}

/**
 * Whether transcoding settings take effect: with Codec copy (or no Codec, which defaults to copy) all of them
 * are ignored, which codec-copy-ignores-settings says once per key; other rules stay quiet then.
 */
function transcodes(transcode: JobObject | undefined): boolean {
  return typeof transcode?.Codec === 'string' && transcode.Codec !== 'copy';
}

const removeFix = (path: JsonPath): readonly FixHint[] => [{ kind: 'remove-property', path }];

/** A property that is ignored in the current configuration: warned at its key, with a fix that removes it. */
function ineffective(path: JsonPath, message: string): Finding {
  return { path, at: 'key', message, fixes: removeFix(path) };
}

const MODE_LISTS = [
  { list: 'BackgroundMusics', mode: 'BackgroundMusicMode', code: 'background-musics-need-mode', item: undefined },
  { list: 'Transitions', mode: 'TransitionMode', code: 'transitions-need-mode', item: 'Transition' },
  { list: 'VfxEffects', mode: 'VfxEffectMode', code: 'vfx-effects-need-mode', item: 'VfxEffect' },
] as const;

const OPTION_NEEDS_VALUE: readonly { readonly object: JsonPath; readonly option: string; readonly value: string }[] = [
  { object: ['Output', 'Video', 'TranscodeVideo'], option: 'ResolutionOption', value: 'Resolution' },
  { object: ['Output', 'Video', 'TranscodeVideo'], option: 'ScaleType', value: 'Resolution' },
  { object: ['Output', 'Video', 'TranscodeVideo'], option: 'AdaptiveResolutionDirection', value: 'Resolution' },
  { object: ['Output', 'Video', 'TranscodeVideo'], option: 'FrameRateOption', value: 'FrameRate' },
  { object: ['Output', 'Video', 'TranscodeVideo'], option: 'BitrateOption', value: 'Bitrate' },
  { object: ['Output', 'Video', 'TranscodeVideo'], option: 'MaxBitrate', value: 'BufferSize' },
  { object: ['Output', 'Audio', 'TranscodeAudio'], option: 'BitrateOption', value: 'Bitrate' },
  { object: ['Output', 'Audio', 'TranscodeAudio'], option: 'SampleRateOption', value: 'SampleRate' },
];

const WATERMARK_TEXT_ONLY = ['Content', 'FontName', 'FontSize', 'FontColor', 'BorderColor', 'BorderWidth', 'FontApha'] as const;

/** Channel limits of audio codecs that take fewer than the 8 the schema allows. */
const MAX_CHANNELS: Readonly<Record<string, number>> = { mp3: 2, ac3: 6, amr: 1 };

const CONTAINERS = ['mp4', 'mkv', 'mov', 'asf', 'avi', 'mxf', 'ts', 'flv'];
/** Extensions that name a media container, so that `.m3u8` or `.json` outputs are not second-guessed. */
const MEDIA_EXTENSIONS = [...CONTAINERS, 'webm', 'm4v', 'mpg', 'mpeg', 'wmv', '3gp', 'm2ts'];

function at(root: JobObject, path: JsonPath): unknown {
  let current: unknown = root;
  for (const segment of path) {
    if (typeof segment === 'number') current = list(current)[segment];
    else current = objectAt(current)?.[segment];
  }
  return current;
}

/** Every place an OSS URI is expected, with the items of lists expanded. */
function ossUriPaths(request: JobObject): JsonPath[] {
  const paths: JsonPath[] = [];
  list(request.Sources).forEach((_, i) => paths.push(['Sources', i, 'URI']));
  list(objectAt(request.Edit)?.BackgroundMusics).forEach((_, i) => paths.push(['Edit', 'BackgroundMusics', i, 'URI']));
  paths.push(['Output', 'URI']);
  list(objectAt(objectAt(objectAt(request.Output)?.Video)?.FilterVideo)?.Watermarks).forEach((_, i) =>
    paths.push(['Output', 'Video', 'FilterVideo', 'Watermarks', i, 'URI']),
  );
  paths.push(['Notification', 'ExtendedMessageURI']);
  return paths;
}

export const API_RULES: readonly ApiRule[] = (
  [
    {
      code: 'source-timing-concat-only',
      source: 'Sources.StartTime / Sources.Duration: "This parameter takes effect only when Type is set to Concat."',
      check(request, report) {
        // An unknown Type is reported by the schema; guessing its effect here would only add noise.
        if (request.Type !== 'Retrieval' && request.Type !== 'Compose') return;
        list(request.Sources).forEach((source, i) => {
          for (const key of ['StartTime', 'Duration']) {
            if (has(objectAt(source), key)) {
              report(
                ineffective(['Sources', i, key], t('{0} takes effect only when Type is Concat; Type is {1}, so it is ignored.', key, String(request.Type))),
              );
            }
          }
        });
      },
    },
    {
      code: 'container-required',
      source: 'Output.Container: "This parameter is required when Type is set to Concat or Compose."',
      check(request, report) {
        const output = objectAt(request.Output);
        if ((request.Type === 'Concat' || request.Type === 'Compose') && output && !has(output, 'Container')) {
          report({
            path: ['Output'],
            at: 'key',
            message: t('Output.Container is required when Type is {0}. Valid: {1}.', request.Type, CONTAINERS.join(', ')),
            fixes: [{ kind: 'add-properties', path: ['Output'], properties: ['Container'] }],
          });
        }
      },
    },
    ...MODE_LISTS.map(({ list: listKey, mode, code }): ApiRuleRow => ({
      code,
      source: `Edit.${listKey}: "This parameter takes effect when ${mode} is set to Random or Sequential."`,
      check(request, report) {
        const edit = objectAt(request.Edit);
        if (!edit || !has(edit, listKey)) return;
        const current = edit[mode];
        if (current === 'Random' || current === 'Sequential') return;
        // A mode that is not a valid value (`random`) is the schema's to report; its fix makes this moot.
        if (current !== undefined && current !== null && current !== 'Closed' && current !== 'Auto') return;
        const now = typeof current === 'string' ? t('it is {0}', current) : t('it is not set (default Closed)');
        const finding = ineffective(['Edit', listKey], t('{0} take effect only when {1} is Random or Sequential; {2}.', listKey, mode, now));
        report({ ...finding, fixes: [setModeFix(mode, 'Sequential', listKey), ...(finding.fixes ?? [])] });
      },
    })),
    ...MODE_LISTS.filter((entry) => entry.item !== undefined).map(({ list: listKey, mode, item }): ApiRuleRow => ({
      code: item === 'Transition' ? 'transition-weight-random-only' : 'vfx-effect-weight-random-only',
      source: `Edit.${listKey}.Weight: "This parameter takes effect when ${mode} is set to Random."`,
      check(request, report) {
        const edit = objectAt(request.Edit);
        // With any mode but Sequential the whole list is ignored, which the rule above already says.
        if (!edit || edit[mode] !== 'Sequential') return;
        list(edit[listKey]).forEach((entry, i) => {
          if (has(objectAt(entry), 'Weight')) {
            const finding = ineffective(
              ['Edit', listKey, i, 'Weight'],
              t('Weight takes effect only when {0} is Random; it is Sequential, so the list is applied in order.', mode),
            );
            report({ ...finding, fixes: [setModeFix(mode, 'Random', undefined), ...(finding.fixes ?? [])] });
          }
        });
      },
    })),
    {
      code: 'segment-start-number-hls-only',
      source: 'Output.Segment.StartNumber: "The start number. Only hls is supported."',
      check(request, report) {
        const segment = objectAt(objectAt(request.Output)?.Segment);
        if (!segment || !has(segment, 'StartNumber') || segment.Format === 'hls') return;
        const format = typeof segment.Format === 'string' ? t('Segment.Format is {0}', segment.Format) : t('Segment.Format is not set');
        report(ineffective(['Output', 'Segment', 'StartNumber'], t('StartNumber applies to hls segments only; {0}.', format)));
      },
    },
    {
      code: 'invalid-oss-uri',
      source: 'Sources.URI, BackgroundMusics.URI, Output.URI: "The URI of the media resource (OSS URI)", in the form oss://bucket/object.',
      check(request, report) {
        for (const path of ossUriPaths(request)) {
          const value = at(request, path);
          if (typeof value !== 'string') continue;
          const problem = ossUriProblem(value);
          const asUri = problem ? ossUrlFix(path, value) : undefined;
          if (problem) report({ path, at: 'value', message: problem, ...(asUri ? { fixes: [asUri] } : {}) });
        }
      },
    },
    {
      code: 'output-extension-mismatch',
      source: 'Output.Container: "Container and URI must be specified together."',
      check(request, report) {
        const output = objectAt(request.Output);
        if (!output || typeof output.URI !== 'string' || typeof output.Container !== 'string' || has(output, 'Segment')) return;
        const extension = /\.([A-Za-z0-9]+)$/.exec(output.URI)?.[1]?.toLowerCase();
        if (!extension || !MEDIA_EXTENSIONS.includes(extension) || extension === output.Container) return;
        report({
          path: ['Output', 'URI'],
          at: 'value',
          message: t('Output.URI ends in .{0} but Container is {1}: the file will hold {1} data under a .{0} name.', extension, output.Container),
          fixes: extensionFixes(output.URI, extension, output.Container, CONTAINERS),
        });
      },
    },
    {
      code: 'output-uri-folder',
      source: 'Output.URI: "The URI of the output file." (with Output.Segment, the segments are written beside it)',
      check(request, report) {
        const output = objectAt(request.Output);
        if (!output || typeof output.URI !== 'string' || !output.URI.endsWith('/') || has(output, 'Segment') || ossUriProblem(output.URI)) return;
        const file = `${output.URI}output.${typeof output.Container === 'string' && CONTAINERS.includes(output.Container) ? output.Container : 'mp4'}`;
        report({
          path: ['Output', 'URI'],
          at: 'value',
          message: t('Output.URI ends in "/", a folder: it must name the output file (for example {0}), unless Output.Segment is set.', quote(file)),
          fixes: [{ kind: 'set-value', path: ['Output', 'URI'], value: file, title: FIX_TITLES.changeTo(file) }],
        });
      },
    },
    {
      code: 'video-bitrate-crf-exclusive',
      source: 'TargetVideo.TranscodeVideo.CRF: "Bitrate and CRF are mutually exclusive."',
      check(request, report) {
        const transcode = objectAt(at(request, ['Output', 'Video', 'TranscodeVideo']));
        if (transcodes(transcode) && has(transcode, 'Bitrate') && has(transcode, 'CRF')) {
          report(ineffective(['Output', 'Video', 'TranscodeVideo', 'CRF'], t('Bitrate and CRF exclude each other: set one of them.')));
        }
      },
    },
    {
      code: 'audio-bitrate-quality-exclusive',
      source: 'TargetAudio.TranscodeAudio.Quality: "Bitrate and Quality are mutually exclusive."',
      check(request, report) {
        const transcode = objectAt(at(request, ['Output', 'Audio', 'TranscodeAudio']));
        if (transcodes(transcode) && has(transcode, 'Bitrate') && has(transcode, 'Quality')) {
          report(ineffective(['Output', 'Audio', 'TranscodeAudio', 'Quality'], t('Bitrate and Quality exclude each other: set one of them.')));
        }
      },
    },
    {
      code: 'option-without-value',
      source: 'TranscodeVideo / TranscodeAudio: each *Option field (and ScaleType, MaxBitrate) qualifies its value field and does nothing without it.',
      check(request, report) {
        for (const { object, option, value } of OPTION_NEEDS_VALUE) {
          const target = objectAt(at(request, object));
          if (transcodes(target) && has(target, option) && !has(target, value)) {
            report(ineffective([...object, option], t('{0} has no effect without {1}.', option, value)));
          }
        }
      },
    },
    {
      code: 'codec-copy-ignores-settings',
      source:
        'TranscodeVideo.Codec / TranscodeAudio.Codec: "copy" (the default) keeps the stream as is and disables the other transcoding and filter settings.',
      check(request, report) {
        for (const kind of ['Video', 'Audio'] as const) {
          const target = objectAt(at(request, ['Output', kind]));
          if (!target) continue;
          const transcodeKey = `Transcode${kind}`;
          const filterKey = `Filter${kind}`;
          const transcode = objectAt(target[transcodeKey]);
          const copies = transcode !== undefined && (transcode.Codec === undefined || transcode.Codec === 'copy');
          const codecText = transcode?.Codec === undefined ? t('Codec is not set, so it is copy') : t('Codec is copy');
          if (transcode && copies) {
            for (const key of Object.keys(transcode)) {
              // An empty setting is the schema's to report; saying it is ignored as well would be noise.
              if (key !== 'Codec' && has(transcode, key))
                report(
                  ineffective(
                    ['Output', kind, transcodeKey, key],
                    kind === 'Video'
                      ? t('{0} is ignored: {1}, which keeps the video stream as it is.', key, codecText)
                      : t('{0} is ignored: {1}, which keeps the audio stream as it is.', key, codecText),
                  ),
                );
            }
          }
          if (has(target, filterKey) && (!transcode || copies)) {
            const why = transcode ? `${transcodeKey}.${codecText}` : t('there is no {0}', transcodeKey);
            report(ineffective(['Output', kind, filterKey], t('{0} is ignored: {1}. Filters need a transcoding codec.', filterKey, why)));
          }
        }
      },
    },
    {
      code: 'codec-setting-mismatch',
      source:
        'TargetAudio / TargetVideo (SDK model): BitsPerSample "only flac"; Channel "at most 2 for mp3, at most 6 for ac3, 1 for amr"; PixelFormat yuva420p "vp9 only"; VideoSlim "h264/h265, yuv420p, 8-bit only".',
      check(request, report) {
        // Codec copy (or none) is codec-copy-ignores-settings' case: every setting is ignored then anyway.
        const audioPath: JsonPath = ['Output', 'Audio', 'TranscodeAudio'];
        const audio = objectAt(at(request, audioPath));
        const audioCodec = audio?.Codec;
        if (audio && typeof audioCodec === 'string' && audioCodec !== 'copy') {
          if (has(audio, 'BitsPerSample') && audioCodec !== 'flac') {
            report(ineffective([...audioPath, 'BitsPerSample'], t('BitsPerSample applies to flac only; Codec is {0}, so it is ignored.', audioCodec)));
          }
          const maxChannels = MAX_CHANNELS[audioCodec];
          if (maxChannels !== undefined && typeof audio.Channel === 'number' && audio.Channel > maxChannels) {
            report({
              path: [...audioPath, 'Channel'],
              at: 'value',
              message:
                maxChannels === 1
                  ? t('{0} takes exactly 1 channel; Channel is {1}.', audioCodec, audio.Channel)
                  : t('{0} takes at most {1} channels; Channel is {2}.', audioCodec, maxChannels, audio.Channel),
              fixes: [{ kind: 'replace-value', path: [...audioPath, 'Channel'], value: maxChannels }],
            });
          }
        }
        const videoPath: JsonPath = ['Output', 'Video', 'TranscodeVideo'];
        const video = objectAt(at(request, videoPath));
        const videoCodec = video?.Codec;
        if (video && typeof videoCodec === 'string' && videoCodec !== 'copy') {
          if (video.PixelFormat === 'yuva420p' && videoCodec !== 'vp9') {
            report({ path: [...videoPath, 'PixelFormat'], at: 'value', message: t('yuva420p (with alpha) needs Codec vp9; Codec is {0}.', videoCodec) });
          }
          if (video.VideoSlim === 1 && videoCodec !== 'h264' && videoCodec !== 'h265') {
            report({
              path: [...videoPath, 'VideoSlim'],
              at: 'value',
              message: t('VideoSlim 1 (narrowband HD) works with h264 and h265 only; Codec is {0}.', videoCodec),
            });
          } else if (video.VideoSlim === 1 && typeof video.PixelFormat === 'string' && video.PixelFormat !== 'yuv420p') {
            report({
              path: [...videoPath, 'VideoSlim'],
              at: 'value',
              message: t('VideoSlim 1 (narrowband HD) works with PixelFormat yuv420p only; PixelFormat is {0}.', video.PixelFormat),
            });
          }
        }
      },
    },
    {
      code: 'media-convert-only',
      source: 'FilterVideo.Speed and FilterVideo.Desensitization are documented for CreateMediaConvertTask only.',
      check(request, report) {
        const filter = objectAt(at(request, ['Output', 'Video', 'FilterVideo']));
        for (const key of ['Speed', 'Desensitization']) {
          if (has(filter, key)) {
            report(
              ineffective(
                ['Output', 'Video', 'FilterVideo', key],
                t('FilterVideo.{0} works in media-convert tasks only; a highlight task ignores it.', key) +
                  (key === 'Speed' ? t(' Use Output.Speed instead.') : ''),
              ),
            );
          }
        }
      },
    },
    {
      code: 'watermark-field-mismatch',
      source: 'Watermarks: Content and the font fields apply to Type text only; URI applies to Type file only.',
      check(request, report) {
        list(at(request, ['Output', 'Video', 'FilterVideo', 'Watermarks'])).forEach((entry, i) => {
          const watermark = objectAt(entry);
          if (!watermark) return;
          const path: JsonPath = ['Output', 'Video', 'FilterVideo', 'Watermarks', i];
          const isFile = watermark.Type === 'file';
          if (isFile) {
            for (const key of WATERMARK_TEXT_ONLY) {
              if (has(watermark, key)) report(ineffective([...path, key], t('{0} applies to text watermarks only; this one has Type file.', key)));
            }
          } else if (has(watermark, 'URI')) {
            const type = watermark.Type === undefined ? t('Type is not set, so it is text') : t('Type is {0}', String(watermark.Type));
            report(ineffective([...path, 'URI'], t('URI applies to file watermarks only; {0}. Set {1} to use an image.', type, quote('Type: file'))));
          }
        });
      },
    },
  ] satisfies ApiRuleRow[]
).map(apiRule);

/**
 * Runs one rule, silencing it when it read a key that the job gives twice (`ambiguous`, from
 * duplicatedKeyPaths): the rule then reasons from a value the user may not mean, and the duplicate key is
 * already reported. Reads are seen through a proxy of the request, so no rule has to know about this; a job
 * without duplicate keys is checked directly.
 */
export function checkRule(rule: ApiRule, request: JobObject, ambiguous: ReadonlySet<string>, report: (finding: Finding) => void): void {
  if (ambiguous.size === 0) {
    rule.check(request, report);
    return;
  }
  const read = { ambiguous: false };
  const findings: Finding[] = [];
  rule.check(watchReads(request, [], ambiguous, read) as JobObject, (finding) => findings.push(finding));
  if (!read.ambiguous) for (const finding of findings) report(finding);
}

const INDEX = /^(?:0|[1-9][0-9]*)$/;

/** A view of `value` that sets `read.ambiguous` when a property at an ambiguous path (or below it) is read. */
function watchReads(value: object, path: readonly (string | number)[], ambiguous: ReadonlySet<string>, read: { ambiguous: boolean }): object {
  const isList = Array.isArray(value);
  return new Proxy(value, {
    get(target, property, receiver) {
      const child: unknown = Reflect.get(target, property, receiver);
      if (typeof property !== 'string' || !Object.hasOwn(target, property) || (isList && !INDEX.test(property))) return child;
      // Reading under an ambiguous key passes through it first, so only the path itself needs looking up.
      const childPath = [...path, isList ? Number(property) : property];
      if (ambiguous.has(pathKey(childPath))) read.ambiguous = true;
      return typeof child === 'object' && child !== null ? watchReads(child, childPath, ambiguous, read) : child;
    },
  });
}
