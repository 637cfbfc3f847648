import type { Node } from 'yaml';
import type { Range } from 'vscode-languageserver-types';
import type { MediaFacts } from '../cloud/mediaFacts';
import type { JobDocument, JsonPath } from '../parse/document';
import { keyRange, locate } from '../parse/locate';
import { rangeOf } from '../parse/positions';
import { t } from '../shared/l10n';
import { objectAt } from '../shared/jobValue';
import { fileNameOf, listAt, secondsAt, textAt } from './jobValues';

/**
 * The storyboard of a job: what it will make, laid out in seconds from the job and the media facts, for the
 * editor's drawing, the SVG, the terminal text and the CLI's JSON alike. Pure: no IO, no clock.
 */

/** The facts of an `oss://bucket/key`, when they were read; undefined when not known (web, cloud checks off, unreadable). */
export type MediaFactsLookup = (uri: string) => MediaFacts | undefined;

/** How a list of transitions or effects is applied (Edit.TransitionMode, Edit.VfxEffectMode). */
export type ListMode = 'Sequential' | 'Random' | 'Auto' | 'Closed';

export interface StoryboardClip {
  readonly index: number;
  readonly uri: string;
  /** The URI's last segment, the label a person knows the file by. */
  readonly fileName: string;
  /** The in point in the video (Concat's StartTime; 0 otherwise). */
  readonly startSeconds: number;
  /** How much of the video the clip takes (Concat: Duration, or the rest of the video from StartTime); null when unknown. */
  readonly lengthSeconds: number | null;
  /** The out point in the video; null when the length is unknown. */
  readonly endSeconds: number | null;
  /** Where the clip starts in the output (Concat only); null when an earlier length is unknown, or not Concat. */
  readonly atSeconds: number | null;
  /** How long the clip lasts in the output (its length over Output.Speed); null when unknown. */
  readonly outputLengthSeconds: number | null;
  /** The video's whole length from the media facts; null when not known. */
  readonly videoSeconds: number | null;
  /** Where the length came from: the job's Duration, the media facts, or nowhere. */
  readonly lengthFrom: 'job' | 'facts' | 'unknown';
  /** The facts' duration is itself an estimate (e.g. ADTS `.aac`). */
  readonly lengthEstimated: boolean;
  /** StartTime lies at or past the end of the video (facts): the clip holds nothing. */
  readonly startsPastEnd: boolean;
  /** StartTime + Duration runs past the end of the video (facts): the clip ends with the video. */
  readonly runsPastEnd: boolean;
  /** Indexes of Edit.VfxEffects that apply (Sequential) or may apply (Random) to this clip. */
  readonly effects: readonly number[];
  /** The whole Sources item, for reveal and select. */
  readonly range: Range | undefined;
  readonly path: JsonPath;
}

export interface StoryboardTransition {
  readonly index: number;
  readonly transition: string;
  /** The transition's Duration; null when the job does not set it (the check then reads it as 0). */
  readonly durationSeconds: number | null;
  /** The clip it is dropped on, or else the clip it lands on (Sequential); null when it lands on none or on any (Random). */
  readonly clip: number | null;
  /** Every clip it may land on: Sequential, every Nth join; Random, any join. */
  readonly clips: readonly number[];
  /** False when IMM drops it on some clip it may land on, or does not use the list; null when that cannot be told. */
  readonly takesEffect: boolean | null;
  /** Why it does not (or may not) take effect; null when it does. */
  readonly reason: string | null;
  readonly range: Range | undefined;
  readonly path: JsonPath;
}

/** Where two clips meet in the output. */
export interface StoryboardJoin {
  /** The clip before the join; the next one is afterClip + 1. */
  readonly afterClip: number;
  /** Where the next clip starts in the output; null when unknown. */
  readonly atSeconds: number | null;
  /** The transitions that land (Sequential: one) or may land (Random: any) here. */
  readonly transitions: readonly number[];
  /** Whether the transition here is dropped (Sequential); null when unknown or not one transition. */
  readonly dropped: boolean | null;
  /** How much the two clips overlap in the output (an estimate; a weighted mean under Random); null when unknown. */
  readonly overlapSeconds: number | null;
}

export interface StoryboardEffect {
  readonly index: number;
  readonly effect: string;
  /** The clips it applies to (Sequential) or may apply to (Random); empty when the list is not used. */
  readonly clips: readonly number[];
  /** False when the mode does not use the list (Auto, Closed). */
  readonly applies: boolean;
  readonly range: Range | undefined;
  readonly path: JsonPath;
}

export interface StoryboardMusic {
  readonly index: number;
  readonly uri: string;
  readonly fileName: string;
  /** The music's length from the media facts; null when not known. */
  readonly lengthSeconds: number | null;
  readonly lengthEstimated: boolean;
  /** False when BackgroundMusicMode is Closed or absent: the music is not used. */
  readonly plays: boolean;
  /** Where the music ends in the output (its length, or the output's end when it is longer); null when unknown. */
  readonly endsAtSeconds: number | null;
  /** The music against the output: longer (cut at the output's end), shorter (silence after), same; null when unknown. */
  readonly againstOutput: 'longer' | 'shorter' | 'same' | null;
  readonly range: Range | undefined;
  readonly path: JsonPath;
}

export interface StoryboardLayout {
  /** The job's Type as written; null when absent or not text. */
  readonly type: string | null;
  readonly clips: readonly StoryboardClip[];
  readonly joins: readonly StoryboardJoin[];
  readonly transitions: readonly StoryboardTransition[];
  readonly transitionMode: ListMode;
  readonly effects: readonly StoryboardEffect[];
  readonly effectMode: ListMode;
  readonly music: readonly StoryboardMusic[];
  /** Concat: the clips joined, before the cut; null when a length is unknown or not Concat. */
  readonly timelineSeconds: number | null;
  /** Concat: the planned output length, cut at MaxDuration; null when unknown or not Concat. */
  readonly outputSeconds: number | null;
  /** True when outputSeconds rests on an assumption (transition overlaps, estimated durations). */
  readonly outputEstimated: boolean;
  readonly maxDurationSeconds: number | null;
  /** Output.Speed (0.5–1.0), 1 when absent. */
  readonly speed: number;
  /** Retrieval and Compose: all the footage of the sources; null when a length is unknown or Concat. */
  readonly footageSeconds: number | null;
  /** Highlight.Content, when the job says. */
  readonly highlightContent: string | null;
  /** What the drawing assumes where the API says nothing, one sentence each. */
  readonly assumptions: readonly string[];
}

/** The JSON of `highlight-task storyboard --format json`, fixed by issue 24. */
export interface StoryboardJson {
  readonly type: string | null;
  readonly clips: readonly { index: number; uri: string; startSeconds: number; lengthSeconds: number | null; atSeconds: number | null }[];
  readonly transitions: readonly {
    index: number;
    transition: string;
    durationSeconds: number | null;
    clip: number | null;
    takesEffect: boolean | null;
    reason: string | null;
  }[];
  readonly music: readonly { uri: string; lengthSeconds: number | null }[];
  readonly outputSeconds: number | null;
  readonly maxDurationSeconds: number | null;
}

const DEFAULT_WEIGHT = 50;
/** The API: "If the transition duration is greater than the clip duration minus 1, the transition effect on that clip does not take effect." */
const TRANSITION_MARGIN_SECONDS = 1;

/** The storyboard of a job, from its parse and the media facts known so far. */
export function storyboardLayout(doc: JobDocument, factsOf: MediaFactsLookup): StoryboardLayout {
  const job = objectAt(doc.value) ?? {};
  const type = textAt(job.Type) ?? null;
  const concat = type === 'Concat';
  const edit = objectAt(job.Edit) ?? {};
  const output = objectAt(job.Output) ?? {};
  const maxDurationSeconds = positive(output.MaxDuration);
  const speedValue = positive(output.Speed);
  const speed = speedValue !== null && speedValue <= 1 ? speedValue : 1;
  const assumptions: string[] = [];

  const transitionMode = modeOf(edit.TransitionMode);
  const effectMode = modeOf(edit.VfxEffectMode);
  const sources = listAt(job.Sources).map((item, index) => sourceOf(doc, item, index, concat, factsOf));
  const lengths = sources.map((source) => source.lengthSeconds);
  const transitionItems = listAt(edit.Transitions).map((item, index) => transitionItemOf(doc, item, index));
  const joinCount = concat ? Math.max(0, sources.length - 1) : 0;

  const transitions = transitionItems.map((item) => judgeTransition(item, transitionItems.length, transitionMode, joinCount, lengths, type));
  const joins = concat ? layJoins(joinCount, transitionMode, transitionItems, lengths) : [];
  const effectItems = listAt(edit.VfxEffects);
  const effects = effectItems.map((item, index) => effectOf(doc, item, index, effectItems.length, effectMode, concat ? sources.length : 0));

  // Where each clip starts: the previous start, plus its length, less the overlap of the transition between them.
  const clips: StoryboardClip[] = [];
  let at: number | null = 0;
  sources.forEach((source, index) => {
    const atSeconds = concat && at !== null ? round(at / speed) : null;
    const outputLengthSeconds = source.lengthSeconds === null ? null : round(source.lengthSeconds / speed);
    const clipEffects = concat ? effectsOnClip(index, effectMode, effects.length) : [];
    clips.push({ ...source, atSeconds, outputLengthSeconds, effects: clipEffects });
    const overlap = index < joins.length ? joins[index]!.overlapSeconds : 0;
    at = at === null || source.lengthSeconds === null || overlap === null ? null : at + source.lengthSeconds - overlap;
  });
  const laidJoins = joins.map((join) => ({ ...join, atSeconds: clips[join.afterClip + 1]?.atSeconds ?? null }));

  const timelineSeconds = concat ? timelineOf(clips) : null;
  const outputSeconds = concat ? outputOf(clips, timelineSeconds, maxDurationSeconds) : null;
  const footageSeconds = concat ? null : sumOrNull(sources.map((source) => source.lengthSeconds));

  const playsMusic = edit.BackgroundMusicMode === 'Random' || edit.BackgroundMusicMode === 'Sequential';
  const music = listAt(edit.BackgroundMusics).map((item, index) => musicOf(doc, item, index, playsMusic, outputSeconds, factsOf));

  const overlapping = laidJoins.some((join) => (join.overlapSeconds ?? 0) > 0);
  const estimatedLengths = sources.some((source) => source.lengthEstimated);
  if (concat) {
    assumptions.push(
      t(
        'A transition belongs to the clip before it: IMM drops it when its Duration is greater than that clip\u2019s length minus 1 s. The API does not say which of the two clips it means.',
      ),
    );
    if (overlapping || transitionMode === 'Random') {
      assumptions.push(
        t(
          'The API does not say how transitions change the output\u2019s length: an effective transition is drawn overlapping its two clips by its Duration, as a crossfade does, so the total is an estimate.',
        ),
      );
    }
    if (transitionMode === 'Random' && transitionItems.length > 0) {
      assumptions.push(t('TransitionMode Random picks a transition for each join by weight: the total uses their weighted mean length.'));
    }
    if (transitionMode === 'Auto') assumptions.push(t('TransitionMode Auto lets IMM choose the transitions; their lengths are unknown and drawn as none.'));
    if (sources.some((source) => source.runsPastEnd))
      assumptions.push(t('A clip whose Duration runs past the end of its video is drawn ending with the video.'));
    if (maxDurationSeconds !== null) assumptions.push(t('Output.MaxDuration is drawn as the cut line: what lies past it is not in the output.'));
  } else if (type === 'Retrieval' || type === 'Compose') {
    assumptions.push(t('IMM chooses the highlights of a {0} job: the sources are drawn whole, and the reel lasts at most Output.MaxDuration.', type));
  }
  if (speed !== 1) assumptions.push(t('Output.Speed {0} plays the video at that rate: the output lasts 1/{0} as long as its clips.', String(speed)));
  if (music.some((item) => item.plays)) {
    assumptions.push(t('Music longer than the output is drawn cut where the output ends; shorter music is not assumed to loop.'));
  }

  return {
    type,
    clips,
    joins: laidJoins,
    transitions,
    transitionMode,
    effects,
    effectMode,
    music,
    timelineSeconds,
    outputSeconds,
    outputEstimated: outputSeconds !== null && (overlapping || transitionMode === 'Auto' || estimatedLengths),
    maxDurationSeconds,
    speed,
    footageSeconds,
    highlightContent: textAt(objectAt(job.Highlight)?.Content) ?? null,
    assumptions,
  };
}

/** The CLI's JSON: exactly the fields issue 24 fixes, in its order (ranges, paths and the rest stay in the layout). */
export function storyboardJson(layout: StoryboardLayout): StoryboardJson {
  return {
    type: layout.type,
    clips: layout.clips.map(({ index, uri, startSeconds, lengthSeconds, atSeconds }) => ({ index, uri, startSeconds, lengthSeconds, atSeconds })),
    transitions: layout.transitions.map(({ index, transition, durationSeconds, clip, takesEffect, reason }) => ({
      index,
      transition,
      durationSeconds,
      clip,
      takesEffect,
      reason,
    })),
    music: layout.music.map(({ uri, lengthSeconds }) => ({ uri, lengthSeconds })),
    outputSeconds: layout.outputSeconds,
    maxDurationSeconds: layout.maxDurationSeconds,
  };
}

type Source = Omit<StoryboardClip, 'atSeconds' | 'outputLengthSeconds' | 'effects'>;

function sourceOf(doc: JobDocument, item: unknown, index: number, concat: boolean, factsOf: MediaFactsLookup): Source {
  const source = objectAt(item) ?? {};
  const uri = textAt(source.URI) ?? '';
  const path: JsonPath = ['Sources', index];
  const facts = uri ? factsOf(uri) : undefined;
  const videoSeconds = facts?.durationSeconds ?? null;
  const lengthEstimated = facts?.durationEstimated === true && videoSeconds !== null;
  const base = { index, uri, fileName: fileNameOf(uri), videoSeconds, range: itemRange(doc, path), path };
  // StartTime and Duration take effect only in a Concat job: the other types take each source whole.
  const startSeconds = concat ? (secondsAt(source.StartTime) ?? 0) : 0;
  const declared = concat ? positive(source.Duration) : null;
  const startsPastEnd = concat && videoSeconds !== null && startSeconds >= videoSeconds;
  const rest = videoSeconds === null ? null : Math.max(0, videoSeconds - startSeconds);
  let lengthSeconds: number | null;
  let lengthFrom: StoryboardClip['lengthFrom'];
  let runsPastEnd = false;
  if (declared !== null) {
    runsPastEnd = rest !== null && !startsPastEnd && declared > rest;
    lengthSeconds = rest !== null && declared > rest ? rest : declared;
    lengthFrom = 'job';
  } else if (rest !== null) {
    lengthSeconds = rest;
    lengthFrom = 'facts';
  } else {
    lengthSeconds = null;
    lengthFrom = 'unknown';
  }
  const rounded = lengthSeconds === null ? null : round(lengthSeconds);
  return {
    ...base,
    startSeconds,
    lengthSeconds: rounded,
    endSeconds: rounded === null ? null : round(startSeconds + rounded),
    lengthFrom,
    lengthEstimated: lengthEstimated && lengthFrom !== 'job',
    startsPastEnd,
    runsPastEnd,
  };
}

interface TransitionItem {
  readonly index: number;
  readonly transition: string;
  readonly durationSeconds: number | null;
  readonly weight: number;
  readonly range: Range | undefined;
  readonly path: JsonPath;
}

function transitionItemOf(doc: JobDocument, item: unknown, index: number): TransitionItem {
  const entry = objectAt(item) ?? {};
  const path: JsonPath = ['Edit', 'Transitions', index];
  const weight = positive(entry.Weight);
  return {
    index,
    transition: textAt(entry.Transition) ?? '',
    durationSeconds: secondsAt(entry.Duration) ?? null,
    weight: weight ?? DEFAULT_WEIGHT,
    range: itemRange(doc, path),
    path,
  };
}

/** Dropped on a clip of this length: the API's rule, a missing Duration read as 0. */
function droppedOn(item: TransitionItem, clipSeconds: number): boolean {
  return (item.durationSeconds ?? 0) > clipSeconds - TRANSITION_MARGIN_SECONDS;
}

/**
 * The places (joins, or clips for effects) the list item at `index` may land on: Sequential cycles the list over
 * them in order; Random may put it on any.
 */
function placesOf(index: number, mode: ListMode, count: number, listLength: number): number[] {
  const places: number[] = [];
  for (let place = 0; place < count; place++) if (mode === 'Random' || place % listLength === index) places.push(place);
  return places;
}

function judgeTransition(
  item: TransitionItem,
  listLength: number,
  mode: ListMode,
  joinCount: number,
  lengths: readonly (number | null)[],
  type: string | null,
): StoryboardTransition {
  const base = { index: item.index, transition: item.transition, durationSeconds: item.durationSeconds, range: item.range, path: item.path };
  if (mode !== 'Random' && mode !== 'Sequential') {
    return {
      ...base,
      clip: null,
      clips: [],
      takesEffect: false,
      reason: t('TransitionMode is {0}: the listed transitions take effect only when it is Random or Sequential.', mode),
    };
  }
  if (type !== 'Concat') {
    return {
      ...base,
      clip: null,
      clips: [],
      takesEffect: null,
      reason: t('IMM chooses the clips of a {0} job, so which clip a transition lands on cannot be told.', type ?? ''),
    };
  }
  // The clip of a join is the clip before it (see the assumption in storyboardLayout).
  const clips = placesOf(item.index, mode, joinCount, listLength);
  if (clips.length === 0) {
    const reason =
      joinCount === 0
        ? t('The job has one clip: there is no join for a transition.')
        : t('The {0} clips have {1} joins, filled in order before this transition is reached.', String(joinCount + 1), String(joinCount));
    return { ...base, clip: null, clips, takesEffect: false, reason };
  }
  const dropped = clips.find((clip) => lengths[clip] !== null && droppedOn(item, lengths[clip]!));
  if (dropped !== undefined) {
    return {
      ...base,
      clip: dropped,
      clips,
      takesEffect: false,
      reason: t(
        'Its Duration {0} s is greater than clip Sources[{1}]\u2019s length {2} s minus 1 s: IMM drops it on that clip.',
        String(item.durationSeconds ?? 0),
        String(dropped),
        String(lengths[dropped]),
      ),
    };
  }
  const unknown = clips.find((clip) => lengths[clip] === null);
  if (unknown !== undefined) {
    return {
      ...base,
      clip: unknown,
      clips,
      takesEffect: null,
      reason: t('The length of clip Sources[{0}] is unknown: whether IMM applies it there cannot be told.', String(unknown)),
    };
  }
  return { ...base, clip: mode === 'Sequential' ? clips[0]! : null, clips, takesEffect: true, reason: null };
}

function layJoins(joinCount: number, mode: ListMode, items: readonly TransitionItem[], lengths: readonly (number | null)[]): StoryboardJoin[] {
  const joins: StoryboardJoin[] = [];
  for (let join = 0; join < joinCount; join++) {
    const clipSeconds = lengths[join] ?? null;
    // A crossfade cannot be longer than the clip it fades into: IMM's rule looks at one clip, the overlap at both.
    const nextSeconds = lengths[join + 1] ?? null;
    const overlapOf = (seconds: number): number => (nextSeconds === null ? seconds : Math.min(seconds, nextSeconds));
    if ((mode !== 'Sequential' && mode !== 'Random') || items.length === 0) {
      joins.push({ afterClip: join, atSeconds: null, transitions: [], dropped: null, overlapSeconds: 0 });
    } else if (mode === 'Sequential') {
      const item = items[join % items.length]!;
      const dropped = clipSeconds === null ? null : droppedOn(item, clipSeconds);
      const overlapSeconds = dropped === null ? null : dropped ? 0 : overlapOf(item.durationSeconds ?? 0);
      joins.push({ afterClip: join, atSeconds: null, transitions: [item.index], dropped, overlapSeconds });
    } else {
      const totalWeight = items.reduce((sum, item) => sum + item.weight, 0);
      const overlapSeconds =
        clipSeconds === null
          ? null
          : round(items.reduce((sum, item) => sum + (droppedOn(item, clipSeconds) ? 0 : overlapOf(item.durationSeconds ?? 0) * item.weight), 0) / totalWeight);
      joins.push({ afterClip: join, atSeconds: null, transitions: items.map((item) => item.index), dropped: null, overlapSeconds });
    }
  }
  return joins;
}

/** The effects on a clip, by the rule placesOf applies from the effects' side (asked per clip, it stays linear). */
function effectsOnClip(clip: number, mode: ListMode, listLength: number): number[] {
  if (listLength === 0) return [];
  if (mode === 'Random') return Array.from({ length: listLength }, (_, index) => index);
  return mode === 'Sequential' ? [clip % listLength] : [];
}

function effectOf(doc: JobDocument, item: unknown, index: number, listLength: number, mode: ListMode, clipCount: number): StoryboardEffect {
  const entry = objectAt(item) ?? {};
  const path: JsonPath = ['Edit', 'VfxEffects', index];
  const applies = mode === 'Sequential' || mode === 'Random';
  const clips = applies ? placesOf(index, mode, clipCount, listLength) : [];
  return { index, effect: textAt(entry.VfxEffect) ?? '', clips, applies, range: itemRange(doc, path), path };
}

function musicOf(doc: JobDocument, item: unknown, index: number, plays: boolean, outputSeconds: number | null, factsOf: MediaFactsLookup): StoryboardMusic {
  const entry = objectAt(item) ?? {};
  const uri = textAt(entry.URI) ?? '';
  const path: JsonPath = ['Edit', 'BackgroundMusics', index];
  const facts = uri ? factsOf(uri) : undefined;
  const lengthSeconds = facts?.durationSeconds ?? null;
  const known = plays && lengthSeconds !== null && outputSeconds !== null;
  return {
    index,
    uri,
    fileName: fileNameOf(uri),
    lengthSeconds: lengthSeconds === null ? null : round(lengthSeconds),
    lengthEstimated: facts?.durationEstimated === true,
    plays,
    endsAtSeconds: known ? round(Math.min(lengthSeconds, outputSeconds)) : null,
    againstOutput: !known ? null : lengthSeconds > outputSeconds ? 'longer' : lengthSeconds < outputSeconds ? 'shorter' : 'same',
    range: itemRange(doc, path),
    path,
  };
}

function timelineOf(clips: readonly StoryboardClip[]): number | null {
  const last = clips[clips.length - 1];
  if (!last || last.atSeconds === null || last.outputLengthSeconds === null) return null;
  return round(last.atSeconds + last.outputLengthSeconds);
}

/** The output's length: the clips' total cut at MaxDuration; also known when the clips of known length already reach the cut. */
function outputOf(clips: readonly StoryboardClip[], timelineSeconds: number | null, maxDurationSeconds: number | null): number | null {
  if (maxDurationSeconds === null) return timelineSeconds;
  if (timelineSeconds !== null) return Math.min(timelineSeconds, maxDurationSeconds);
  const reach = Math.max(0, ...clips.map((clip) => (clip.atSeconds === null ? 0 : clip.atSeconds + (clip.outputLengthSeconds ?? 0))));
  return reach >= maxDurationSeconds ? maxDurationSeconds : null;
}

function modeOf(value: unknown): ListMode {
  return value === 'Sequential' || value === 'Random' || value === 'Auto' ? value : 'Closed';
}

function positive(value: unknown): number | null {
  const seconds = secondsAt(value);
  return seconds !== undefined && seconds > 0 ? seconds : null;
}

function sumOrNull(values: readonly (number | null)[]): number | null {
  let sum = 0;
  for (const value of values) {
    if (value === null) return null;
    sum += value;
  }
  return round(sum);
}

/** Milliseconds: sums of decimal seconds (0.1 + 0.2) must not print as 0.30000000000000004. */
function round(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}

/** The whole item of a list (a Source, a transition), trailing blank lines and comments left out; its key range as a fallback. */
function itemRange(doc: JobDocument, path: JsonPath): Range | undefined {
  const node = locate(doc, path)?.node as Node | null | undefined;
  const range = node?.range;
  if (range && range[1] > range[0]) {
    let end = range[1];
    while (end > range[0] && /\s/.test(doc.text[end - 1]!)) end--;
    return rangeOf(doc, range[0], end);
  }
  return keyRange(doc, path);
}
