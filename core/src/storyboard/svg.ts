import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { t } from '../shared/l10n';
import { clipLine, effectNames, judgementOf, musicAgainstOutput, oneLine } from './describe';
import type { StoryboardClip, StoryboardJoin, StoryboardLayout, StoryboardMusic, StoryboardTransition } from './layout';
import { problemsOn, problemsText, worstProblem } from './problems';
import { secondsText } from './seconds';
import { storyboardSummary } from './summary';

/**
 * The storyboard as one SVG image, drawn to scale: a ruler in seconds, the clips, the transitions where they join,
 * effects, music, the total and the MaxDuration cut line. Colours come from CSS classes (`sb-…`) that read custom
 * properties (`--sb-…`) with light-theme fallbacks: the standalone file embeds that stylesheet; the editor's webview
 * sets the properties from its theme, or leaves the stylesheet out and brings its own. Each element the user can
 * point at carries `data-kind` and `data-index` (its item in the job) and an accessible name that reads its facts.
 */
export interface StoryboardSvgOptions {
  /** Embed the default (light) stylesheet; default true. */
  readonly embedStyle?: boolean;
  /** Prefix of the ids inside the image (patterns, clip paths), for pages that show more than one; default `sb`. */
  readonly idPrefix?: string;
  /** Give every element tabindex="0", for keyboard navigation in a page; default false. */
  readonly focusable?: boolean;
  /** Width of the image in pixels; default 960. */
  readonly width?: number;
  /** The job's diagnostics: each element whose entry has an error or a warning is marked, and says it. */
  readonly diagnostics?: readonly Diagnostic[];
}

/** The default stylesheet: a light theme, each colour a custom property a host page may set. */
export const STORYBOARD_STYLE = `
.sb-root { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; font-size: 12px; }
.sb-background { fill: var(--sb-background, #ffffff); }
.sb-root text { fill: var(--sb-foreground, #1f2328); }
.sb-root text.sb-note, .sb-ruler text { fill: var(--sb-muted, #59636e); }
.sb-ruler line { stroke: var(--sb-muted, #59636e); }
.sb-clip-box { fill: var(--sb-clip, #ddf4ff); stroke: var(--sb-clip-border, #0969da); }
.sb-alternate .sb-clip-box { fill: var(--sb-clip-alternate, #b6e3ff); }
.sb-hatch-line { stroke: var(--sb-hatch, #8c959f); stroke-width: 2; }
.sb-transition-box { fill: var(--sb-transition, #9a6700); fill-opacity: 0.55; stroke: var(--sb-transition, #9a6700); }
.sb-uncertain .sb-transition-box { fill-opacity: 0.25; stroke-dasharray: 3 2; }
.sb-dropped .sb-transition-box { fill: var(--sb-dropped, #afb8c1); stroke: var(--sb-dropped, #afb8c1); }
.sb-root .sb-dropped text { fill: var(--sb-muted, #59636e); text-decoration: line-through; }
.sb-effect-mark { fill: var(--sb-effect, #8250df); }
.sb-music-box { fill: var(--sb-music, #dafbe1); stroke: var(--sb-music-border, #1a7f37); }
.sb-silent .sb-music-box { fill: none; stroke-dasharray: 4 3; }
.sb-reel-box { fill: none; stroke: var(--sb-foreground, #1f2328); stroke-dasharray: 6 3; }
.sb-total line { stroke: var(--sb-foreground, #1f2328); stroke-width: 2; }
.sb-cut line { stroke: var(--sb-cut, #cf222e); stroke-width: 2; stroke-dasharray: 5 3; }
.sb-root .sb-cut text { fill: var(--sb-cut, #cf222e); }
.sb-past-cut { fill: var(--sb-background, #ffffff); fill-opacity: 0.65; pointer-events: none; }
.sb-problem-mark { stroke: var(--sb-background, #ffffff); }
.sb-error .sb-problem-mark { fill: var(--sb-error, #cf222e); }
.sb-warning .sb-problem-mark { fill: var(--sb-warning, #9a6700); }
.sb-root .sb-problem-mark + text { fill: var(--sb-background, #ffffff); font-weight: 700; }
.sb-root [data-kind]:focus { outline: 2px solid var(--sb-focus, #0969da); }
.sb-root .sb-selected .sb-clip-box, .sb-root .sb-selected .sb-music-box, .sb-root .sb-selected .sb-transition-box { stroke-width: 3; }
`;

const WIDTH = 960;
const PAD = 16;
const CHAR_PX = 6.4;
const ROW = { title: 22, rulerLabel: 44, rulerLine: 50, labelsA: 68, labelsB: 82, clips: 92, clipHeight: 64, markers: 170, below: 180 };
const TICK_STEPS = [0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200];
/** A year of footage: longer spans are not drawn to scale. */
const MAX_DRAWN_SECONDS = 366 * 24 * 3600;

/** The storyboard as a standalone SVG document. */
export function storyboardSvg(layout: StoryboardLayout, options: StoryboardSvgOptions = {}): string {
  const width = options.width ?? WIDTH;
  const id = (name: string) => `${options.idPrefix ?? 'sb'}-${name}`;
  const focus = options.focusable ? ' tabindex="0"' : '';
  const marks = markerOf(options.diagnostics ?? []);
  const plan = planOf(layout);
  const usable = width - 2 * PAD;
  // A job can name absurd lengths (1e308 s): past what a drawing can hold, nothing is drawn to scale.
  const drawable = plan.extent > 0 && plan.extent <= MAX_DRAWN_SECONDS;
  const scale = drawable ? usable / plan.extent : 0;
  const x = (seconds: number) => PAD + (Number.isFinite(seconds) ? seconds * scale : 0);
  const body: string[] = [];
  const summary = storyboardSummary(layout) ?? t('No sources to draw.');
  const title = `${layout.type ?? t('(no Type)')}: ${summary}`;
  body.push(`<text x="${PAD}" y="${ROW.title}" font-weight="600">${esc(title)}</text>`);

  if (drawable) body.push(ruler(plan, scale, x));
  const concat = layout.type === 'Concat';
  // Transition labels alternate between two rows, so that those of short clips do not print over each other.
  layout.joins.forEach((join, j) => body.push(joinElement(layout, join, plan, x, scale, j % 2 === 0 ? ROW.labelsA : ROW.labelsB, focus, marks)));
  layout.clips.forEach((clip, i) => body.push(clipElement(layout, clip, plan.clips[i]!, x, scale, id, focus, marks)));
  // Drawn over the clips, so that a transition's overlap shows on both.
  layout.joins.forEach((join) => body.push(joinBox(layout, join, plan, x, scale)));

  let y = ROW.below;
  if (!concat && layout.clips.length > 0) {
    body.push(reelElement(layout, x, y, focus));
    y += 34;
  }
  for (const music of layout.music) {
    body.push(musicElement(music, plan, x, scale, y, id, focus, marks));
    y += 34;
  }
  const bottom = y - 8;
  const cut = concat && drawable ? layout.maxDurationSeconds : null;
  if (cut !== null) {
    const past = PAD + usable - x(cut);
    if (past > 0)
      body.push(`<rect class="sb-past-cut" x="${px(x(cut))}" y="${ROW.labelsA - 12}" width="${px(past)}" height="${px(bottom - ROW.labelsA + 12)}"/>`);
  }
  // The markers go over the faded part, so that the total past the cut stays readable.
  if (concat && layout.timelineSeconds !== null) {
    body.push(markerLine('sb-total', x(layout.timelineSeconds), ROW.rulerLine, bottom, totalLabel(layout), totalLabel(layout), focus, 'start'));
  }
  if (cut !== null) {
    const label = t('Output.MaxDuration {0}: what lies past it is not in the output', secondsText(cut));
    const beforeTotal = layout.timelineSeconds !== null && layout.timelineSeconds > cut;
    body.push(markerLine('sb-cut', x(cut), ROW.rulerLine, bottom, label, t('MaxDuration {0}', secondsText(cut)), focus, beforeTotal ? 'end' : 'start'));
  }
  y += 6;
  for (const transition of layout.transitions.filter((item) => item.clips.length === 0)) {
    body.push(unplacedTransition(transition, y, focus, marks));
    y += 18;
  }
  for (const assumption of layout.assumptions) {
    for (const line of wrap(t('Assumes: {0}', assumption), Math.floor(usable / CHAR_PX))) {
      body.push(`<text class="sb-note" x="${PAD}" y="${px(y + 4)}">${esc(line)}</text>`);
      y += 15;
    }
  }
  const height = Math.ceil(y + PAD);
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" class="sb-root" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="group" aria-labelledby="${id('title')}">`,
    `<title id="${id('title')}">${esc(title)}</title>`,
    options.embedStyle === false ? '' : `<style>${STORYBOARD_STYLE}</style>`,
    `<defs><pattern id="${id('hatch')}" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><line class="sb-hatch-line" x1="0" y1="0" x2="0" y2="8"/></pattern></defs>`,
    `<rect class="sb-background" x="0" y="0" width="${width}" height="${height}"/>`,
    ...body,
    `</svg>`,
    '',
  ]
    .filter((line) => line !== '')
    .join('\n');
}

interface ClipPlan {
  /** Where the clip is drawn, in output seconds (an unknown length drawn as a stand-in width). */
  readonly at: number;
  readonly length: number;
}

interface DrawingPlan {
  readonly clips: readonly ClipPlan[];
  /** The seconds the drawing spans. */
  readonly extent: number;
  /** The ruler is true up to here: past the first clip of unknown start or length, the seconds are not known. */
  readonly knownUntil: number;
}

/** Where each clip is drawn: Concat end to end less the transitions' overlaps; Retrieval and Compose as footage, end to end. */
function planOf(layout: StoryboardLayout): DrawingPlan {
  const known = layout.clips.map((clip) => clip.outputLengthSeconds).filter((length): length is number => length !== null && length > 0);
  // An unknown length is drawn as wide as an average known clip, hatched: wide enough to label, and never a claim.
  const standIn = known.length > 0 ? known.reduce((a, b) => a + b, 0) / known.length : 10;
  const clips: ClipPlan[] = [];
  let at = 0;
  let knownUntil: number | null = null;
  layout.clips.forEach((clip, i) => {
    if (knownUntil === null && (clip.outputLengthSeconds === null || (layout.type === 'Concat' && clip.atSeconds === null))) knownUntil = at;
    const length = clip.outputLengthSeconds ?? standIn;
    clips.push({ at, length });
    const overlap = layout.type === 'Concat' ? (layout.joins[i]?.overlapSeconds ?? 0) / layout.speed : 0;
    at += length - (i < layout.joins.length ? overlap : 0);
  });
  const clipsEnd = clips.length > 0 ? clips[clips.length - 1]!.at + clips[clips.length - 1]!.length : 0;
  // Long music would squash the clips: past twice the clips' span, its bar is cut and says how long it is.
  const musicSpan = Math.max(0, ...layout.music.map((music) => music.lengthSeconds ?? 0));
  const extent = Math.max(clipsEnd, layout.maxDurationSeconds ?? 0, Math.min(musicSpan, clipsEnd > 0 ? clipsEnd * 2 : musicSpan));
  return { clips, extent, knownUntil: knownUntil ?? extent };
}

function ruler(plan: DrawingPlan, scale: number, x: (seconds: number) => number): string {
  // Ticks at least 64 px apart: the steps a person reads, then multiples of two hours for longer spans.
  const last = TICK_STEPS[TICK_STEPS.length - 1]!;
  const step = TICK_STEPS.find((candidate) => candidate * scale >= 64) ?? last * Math.ceil(64 / scale / last);
  const parts = [`<line x1="${px(x(0))}" y1="${ROW.rulerLine}" x2="${px(x(plan.extent))}" y2="${ROW.rulerLine}"/>`];
  for (let tick = 0; tick <= plan.extent + 1e-9; tick = Math.round((tick + step) * 1000) / 1000) {
    if (tick > plan.knownUntil + 1e-9) break;
    parts.push(`<line x1="${px(x(tick))}" y1="${ROW.rulerLine}" x2="${px(x(tick))}" y2="${ROW.rulerLine + 5}"/>`);
    // The last label would be cut in half by the image's edge: it ends at its tick instead.
    const anchor = x(tick) > x(plan.extent) - 20 ? 'end' : 'middle';
    parts.push(`<text x="${px(x(tick))}" y="${ROW.rulerLabel}" text-anchor="${anchor}">${esc(secondsText(tick))}</text>`);
  }
  if (plan.knownUntil < plan.extent) {
    parts.push(
      `<text x="${px(x((plan.knownUntil + plan.extent) / 2))}" y="${ROW.rulerLabel}" text-anchor="middle">${esc(t('? (a length is unknown)'))}</text>`,
    );
  }
  const label = t('Ruler in seconds of the output, 0 to {0}', secondsText(plan.knownUntil));
  return `<g class="sb-ruler" role="img" aria-label="${esc(label)}"><title>${esc(label)}</title>${parts.join('')}</g>`;
}

function clipElement(
  layout: StoryboardLayout,
  clip: StoryboardClip,
  plan: ClipPlan,
  x: (seconds: number) => number,
  scale: number,
  id: (name: string) => string,
  focus: string,
  marks: MarkerOf,
): string {
  const left = x(plan.at);
  const mark = marks(clip.range);
  const label = clipLine(layout, clip) + mark.said;
  const w = px(Math.max(2, plan.length * scale));
  // Every other clip a shade darker: end to end, and overlapped by transitions, clips of one colour would merge.
  const classes = clip.index % 2 === 1 ? ['sb-clip', 'sb-alternate'] : ['sb-clip'];
  if (clip.lengthSeconds === null) classes.push('sb-unknown');
  if (mark.className) classes.push(mark.className);
  if (layout.maxDurationSeconds !== null && clip.atSeconds !== null && clip.atSeconds >= layout.maxDurationSeconds) classes.push('sb-past');
  const box = `<rect class="sb-clip-box" x="${px(left)}" y="${ROW.clips}" width="${w}" height="${ROW.clipHeight}" rx="3"/>`;
  const hatch =
    clip.lengthSeconds === null ? `<rect fill="url(#${id('hatch')})" x="${px(left)}" y="${ROW.clips}" width="${w}" height="${ROW.clipHeight}" rx="3"/>` : '';
  const lines = [oneLine(clip.fileName || clip.uri || t('(no URI)'))];
  if (clip.lengthSeconds === null) {
    lines.push(t('from {0}', secondsText(clip.startSeconds)), t('length unknown'));
  } else {
    lines.push(`${secondsText(clip.startSeconds)} \u2192 ${secondsText(clip.endSeconds ?? clip.startSeconds)}`, secondsText(clip.lengthSeconds));
  }
  const texts = lines.map((line, n) => `<text x="${px(left + 4)}" y="${ROW.clips + 15 + n * 14}">${esc(line)}</text>`).join('');
  const effects = effectNames(layout, clip);
  const effectMark = effects
    ? `<g class="sb-effect" data-kind="effect" data-index="${clip.effects[0] ?? ''}" role="img" aria-label="${esc(effects)}"><title>${esc(effects)}</title><circle class="sb-effect-mark" cx="${px(left + 8)}" cy="${ROW.clips + ROW.clipHeight - 9}" r="4"/><text x="${px(left + 16)}" y="${ROW.clips + ROW.clipHeight - 5}">${esc(effects)}</text></g>`
    : '';
  const clipPath = `<clipPath id="${id(`clip-${clip.index}`)}"><rect x="${px(left)}" y="${ROW.clips}" width="${w}" height="${ROW.clipHeight}"/></clipPath>`;
  return (
    `<g class="${classes.join(' ')}" data-kind="clip" data-index="${clip.index}" role="img" aria-label="${esc(label)}"${focus}>` +
    `<title>${esc(label)}</title>${clipPath}${box}${hatch}<g clip-path="url(#${id(`clip-${clip.index}`)})">${texts}${effectMark}</g>${mark.badge(left + Number(w) - 9, ROW.clips + 9)}</g>`
  );
}

/** The transitions at a join: their name and length over the clips, greyed when dropped. */
function joinElement(
  layout: StoryboardLayout,
  join: StoryboardJoin,
  plan: DrawingPlan,
  x: (seconds: number) => number,
  scale: number,
  labelY: number,
  focus: string,
  marks: MarkerOf,
): string {
  const transitions = join.transitions.map((index) => layout.transitions[index]).filter((item): item is StoryboardTransition => item !== undefined);
  if (transitions.length === 0) return '';
  const at = plan.clips[join.afterClip + 1]?.at ?? 0;
  const overlap = ((join.overlapSeconds ?? 0) / layout.speed) * scale;
  const names = transitions.map(transitionName).join(' | ');
  let shown: string;
  let state: string;
  let spoken: string;
  if (layout.transitionMode === 'Random') {
    shown = t('{0} (at random)', names);
    state = transitions.some((item) => item.takesEffect !== true) ? ' sb-uncertain' : '';
    spoken = t('Join after Sources[{0}]: one of {1}, picked at random by weight', String(join.afterClip), names);
  } else {
    const transition = transitions[0]!;
    state = join.dropped === true ? ' sb-dropped' : join.dropped === null ? ' sb-uncertain' : '';
    const verdict =
      join.dropped === true
        ? t('dropped: {0}', transition.reason ?? '')
        : join.dropped === null
          ? t('may be dropped: the clip\u2019s length is unknown')
          : t('takes effect');
    shown = join.dropped === true ? t('{0}: dropped', names) : names;
    spoken = t('Join after Sources[{0}]: {1}, {2}', String(join.afterClip), names, verdict);
  }
  const middle = x(at) + overlap / 2;
  const mark = marks(...transitions.map((item) => item.range));
  spoken += mark.said;
  if (mark.className) state += ` ${mark.className}`;
  return (
    `<g class="sb-transition${state}" data-kind="transition" data-index="${transitions[0]!.index}" data-transitions="${join.transitions.join(' ')}" data-join="${join.afterClip}" role="img" aria-label="${esc(spoken)}"${focus}>` +
    `<title>${esc(spoken)}</title><text x="${px(middle)}" y="${labelY}" text-anchor="middle">${esc(shown)}</text>${mark.badge(middle - (shown.length * CHAR_PX) / 2 - 9, labelY - 4)}` +
    `<line class="sb-transition-box" x1="${px(middle)}" y1="${labelY + 3}" x2="${px(middle)}" y2="${ROW.clips}"/></g>`
  );
}

/** The overlap of a join over both clips (or a thin mark where a transition has no length). */
function joinBox(layout: StoryboardLayout, join: StoryboardJoin, plan: DrawingPlan, x: (seconds: number) => number, scale: number): string {
  if (join.transitions.length === 0) return '';
  const at = plan.clips[join.afterClip + 1]?.at ?? 0;
  const overlap = ((join.overlapSeconds ?? 0) / layout.speed) * scale;
  const state = layout.transitionMode === 'Random' ? '' : join.dropped === true ? ' sb-dropped' : join.dropped === null ? ' sb-uncertain' : '';
  const w = Math.max(4, overlap);
  return `<g class="sb-transition${state}" aria-hidden="true"><rect class="sb-transition-box" x="${px(x(at) + overlap / 2 - w / 2)}" y="${ROW.clips}" width="${px(w)}" height="${ROW.clipHeight}"/></g>`;
}

function transitionName(transition: StoryboardTransition): string {
  const name = oneLine(transition.transition) || t('(no name)');
  return transition.durationSeconds === null ? name : `${name} ${secondsText(transition.durationSeconds)}`;
}

/** How an element shows the problems on its entries: a class, a sentence added to its name, a badge. */
interface Marker {
  readonly className: string;
  readonly said: string;
  badge(cx: number, cy: number): string;
}

type MarkerOf = (...ranges: (Range | undefined)[]) => Marker;

const UNMARKED: Marker = { className: '', said: '', badge: () => '' };

function markerOf(diagnostics: readonly Diagnostic[]): MarkerOf {
  return (...ranges) => {
    if (diagnostics.length === 0) return UNMARKED;
    const problems = [...new Set(ranges.flatMap((range) => problemsOn(range, diagnostics)))];
    const worst = worstProblem(problems);
    if (!worst) return UNMARKED;
    return {
      className: worst === 'error' ? 'sb-error' : 'sb-warning',
      said: ` — ${problemsText(problems)}`,
      badge: (cx, cy) =>
        `<circle class="sb-problem-mark" cx="${px(cx)}" cy="${px(cy)}" r="7"/><text x="${px(cx)}" y="${px(cy + 4)}" text-anchor="middle">!</text>`,
    };
  };
}

/** A transition that is at no join (the mode does not use the list, or the joins ran out): a greyed line with why. */
function unplacedTransition(transition: StoryboardTransition, y: number, focus: string, marks: MarkerOf): string {
  const mark = marks(transition.range);
  const shown = `${t('Transition {0}', String(transition.index))} ${transitionName(transition)}: ${judgementOf(transition)}`;
  const label = shown + mark.said;
  const state = (transition.takesEffect === false ? ' sb-dropped' : ' sb-uncertain') + (mark.className ? ` ${mark.className}` : '');
  return (
    `<g class="sb-transition${state}" data-kind="transition" data-index="${transition.index}" role="img" aria-label="${esc(label)}"${focus}><title>${esc(label)}</title>` +
    `${mark.badge(PAD + 6, y)}<text x="${mark.className ? PAD + 16 : PAD}" y="${px(y + 4)}">${esc(shown)}</text></g>`
  );
}

function musicElement(
  music: StoryboardMusic,
  plan: DrawingPlan,
  x: (seconds: number) => number,
  scale: number,
  y: number,
  id: (name: string) => string,
  focus: string,
  marks: MarkerOf,
): string {
  const length = music.lengthSeconds === null ? t('length unknown') : secondsText(music.lengthSeconds);
  const against = musicAgainstOutput(music);
  const mark = marks(music.range);
  const label = `${t('Music')} ${oneLine(music.uri)}, ${length}: ${against}${mark.said}`;
  const drawn = music.lengthSeconds === null ? plan.extent : Math.min(music.lengthSeconds, plan.extent);
  const w = px(Math.max(2, drawn * scale));
  const classes = `sb-music${music.plays ? '' : ' sb-silent'}${music.lengthSeconds === null ? ' sb-unknown' : ''}${mark.className ? ` ${mark.className}` : ''}`;
  const box = `<rect class="sb-music-box" x="${px(x(0))}" y="${y}" width="${w}" height="20" rx="3"/>`;
  const hatch = music.lengthSeconds === null ? `<rect fill="url(#${id('hatch')})" x="${px(x(0))}" y="${y}" width="${w}" height="20"/>` : '';
  const text = `\u266a ${oneLine(music.fileName || music.uri)} \u00b7 ${length} \u00b7 ${against}`;
  return (
    `<g class="${classes}" data-kind="music" data-index="${music.index}" role="img" aria-label="${esc(label)}"${focus}>` +
    `<title>${esc(label)}</title>${box}${hatch}<text x="${px(PAD + (mark.className ? 20 : 4))}" y="${y + 14}">${esc(text)}</text>${mark.badge(PAD + 9, y + 10)}</g>`
  );
}

/** Retrieval and Compose: the reel the footage becomes, as long as MaxDuration allows. */
function reelElement(layout: StoryboardLayout, x: (seconds: number) => number, y: number, focus: string): string {
  const content = layout.highlightContent === null ? '' : ` \u00b7 ${t('Highlight: {0}', oneLine(layout.highlightContent))}`;
  if (layout.maxDurationSeconds === null) {
    const label = t('The reel: IMM chooses its length (no Output.MaxDuration)') + content;
    return `<g class="sb-reel" role="img" aria-label="${esc(label)}"${focus}><title>${esc(label)}</title><text x="${PAD}" y="${y + 14}">${esc(label)}</text></g>`;
  }
  const label = t('The reel: at most {0} (Output.MaxDuration)', secondsText(layout.maxDurationSeconds)) + content;
  return (
    `<g class="sb-reel" role="img" aria-label="${esc(label)}"${focus}><title>${esc(label)}</title>` +
    `<rect class="sb-reel-box" x="${px(x(0))}" y="${y}" width="${px(x(layout.maxDurationSeconds) - PAD)}" height="20" rx="3"/>` +
    `<text x="${px(PAD + 4)}" y="${y + 14}">${esc(label)}</text></g>`
  );
}

function totalLabel(layout: StoryboardLayout): string {
  const total = layout.timelineSeconds;
  if (total === null) return t('Output length unknown');
  return layout.outputEstimated ? t('Clips end at \u2248 {0} (estimate)', secondsText(total)) : t('Clips end at {0}', secondsText(total));
}

/** A vertical line through the rows, its label between the clips and the music, on the side `anchor` says. */
function markerLine(className: string, at: number, top: number, bottom: number, spoken: string, shown: string, focus: string, anchor: 'start' | 'end'): string {
  const textX = anchor === 'start' ? at + 4 : at - 4;
  return (
    `<g class="${className}" role="img" aria-label="${esc(spoken)}"${focus}><title>${esc(spoken)}</title>` +
    `<line x1="${px(at)}" y1="${top}" x2="${px(at)}" y2="${bottom}"/><text x="${px(textX)}" y="${ROW.markers}" text-anchor="${anchor}">${esc(shown)}</text></g>`
  );
}

/** Wide (CJK) characters: each is a word of its own and takes two columns. */
const WIDE = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/;
const TOKENS = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]+|\s+/g;

/**
 * Text to lines of at most `width` columns (a Latin character one, a CJK character two): broken at spaces, and
 * between CJK characters, which Chinese writes without spaces. A longer word keeps a line of its own.
 */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  let used = 0;
  for (const token of text.match(TOKENS) ?? []) {
    const blank = token.trim() === '';
    const size = WIDE.test(token) ? 2 : token.length;
    if (used + size > width && line.trim() !== '' && !blank) {
      lines.push(line.trimEnd());
      line = '';
      used = 0;
    }
    if (blank && line === '') continue;
    line += token;
    used += size;
  }
  if (line.trim() !== '') lines.push(line.trimEnd());
  return lines;
}

function px(value: number): string {
  return Number.isFinite(value) ? String(Math.round(value * 10) / 10) : '0';
}

/**
 * Text from the job as XML character data or an attribute value: the five markup characters escaped, and what XML
 * 1.0 cannot hold at all (most control characters, lone surrogates, U+FFFE/U+FFFF) replaced by U+FFFD.
 */
export function escapeXml(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- control characters are what XML 1.0 cannot hold
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
      .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!)
  );
}

const esc = escapeXml;
