/**
 * The panel's drawing from the language core's storyboard layout (storyboardLayout): where each element sits on
 * the ruler, its words (the layout's own sentences: clipLine, judgementOf, musicAgainstOutput, storyboardSummary),
 * the problems on its entry and, with thumbnails on, its first frame. Pure: no vscode, no IO.
 */
import {
  clipLine,
  effectNames,
  judgementOf,
  keyRange,
  musicAgainstOutput,
  parseJob,
  problemsOn,
  problemsText,
  secondsText,
  storyboardLayout,
  storyboardSummary,
  t,
  worstProblem,
  type StoryboardClip,
  type StoryboardLayout,
} from '../../../core/src/index';
import type { EntryRange, StoryboardContent, StoryboardInput } from './content';
import type { StoryboardElement, StoryboardView } from './protocol';

/** The width of an element whose length is unknown, when no length at all is known to compare with. */
const NOMINAL_SECONDS = 10;

type Draft = Omit<StoryboardElement, 'problems' | 'accessibleName'> & { readonly facts: string; readonly range: EntryRange | undefined };

/** The width to draw an unknown length at: the mean of the known ones, so it neither dwarfs nor hides them. */
function nominalOf(lengths: readonly (number | null)[]): number {
  const known = lengths.filter((l): l is number => l !== null && l > 0);
  return known.length ? known.reduce((a, b) => a + b, 0) / known.length : NOMINAL_SECONDS;
}

function clipDetails(clip: StoryboardClip): string[] {
  if (clip.lengthSeconds === null) return [t('from {0}', secondsText(clip.startSeconds)), t('length unknown')];
  return [`${secondsText(clip.startSeconds)} \u2192 ${secondsText(clip.endSeconds ?? clip.startSeconds)}`, secondsText(clip.lengthSeconds)];
}

function concatDrafts(layout: StoryboardLayout, input: StoryboardInput, doc: ReturnType<typeof parseJob>): Draft[] {
  const drafts: Draft[] = [];
  const nominal = nominalOf(layout.clips.map((c) => c.outputLengthSeconds));
  const cut = layout.maxDurationSeconds;
  // Where the next clip is drawn when an earlier length is unknown: after the previous one, at its drawn width.
  let drawnEnd = 0;
  const clipStarts: number[] = [];
  for (const clip of layout.clips) {
    const start = clip.atSeconds ?? drawnEnd;
    const length = clip.outputLengthSeconds ?? nominal;
    clipStarts.push(start);
    drawnEnd = start + length;
    const image = clip.uri ? input.imageOf(clip.uri, clip.startSeconds) : undefined;
    const effects = effectNames(layout, clip);
    drafts.push({
      id: `clip:${clip.index}`,
      kind: 'clip',
      row: 'clips',
      startSeconds: start,
      lengthSeconds: length,
      lengthKnown: clip.outputLengthSeconds !== null,
      title: clip.fileName || clip.uri || `Sources[${clip.index}]`,
      details: [...clipDetails(clip), ...(effects ? [effects] : [])],
      facts: clipLine(layout, clip),
      dropped: clip.startsPastEnd,
      pastCut: cut !== null && clip.atSeconds !== null && clip.atSeconds >= cut,
      range: clip.range,
      ...(image ? { imageUrl: image } : {}),
    });
  }
  for (const join of layout.joins) {
    for (const index of join.transitions.slice(0, 1)) {
      const transition = layout.transitions[index];
      if (!transition) continue;
      const many = join.transitions.length > 1;
      const names = join.transitions.map((i) => layout.transitions[i]?.transition ?? '').join(', ');
      const at = join.atSeconds ?? clipStarts[join.afterClip + 1] ?? drawnEnd;
      const length = join.overlapSeconds ?? transition.durationSeconds ?? 0;
      drafts.push({
        id: `transition:${join.afterClip}`,
        kind: 'transition',
        row: 'transitions',
        startSeconds: at,
        lengthSeconds: Math.max(length, 0.5),
        lengthKnown: join.overlapSeconds !== null,
        title: many ? t('one of {0}', names) : transition.transition || t('transition'),
        details: [transition.durationSeconds === null ? t('no Duration') : secondsText(transition.durationSeconds), judgementOf(transition)],
        facts: t('Transition {0} after Sources[{1}], {2}', many ? names : transition.transition, String(join.afterClip), judgementOf(transition)),
        dropped: join.dropped === true,
        pastCut: cut !== null && at >= cut,
        // Under Random every join may get any transition: the whole list is the entry.
        range: many ? keyRange(doc, ['Edit', 'Transitions']) : transition.range,
      });
    }
  }
  // Transitions that land on no join (a mode that does not use them, more transitions than joins): greyed after the reel.
  const landing = new Set(layout.joins.flatMap((j) => j.transitions));
  let after = drawnEnd;
  for (const transition of layout.transitions) {
    if (landing.has(transition.index)) continue;
    const length = Math.max(transition.durationSeconds ?? 0, 0.5);
    drafts.push({
      id: `transition-unused:${transition.index}`,
      kind: 'transition',
      row: 'transitions',
      startSeconds: after,
      lengthSeconds: length,
      lengthKnown: transition.durationSeconds !== null,
      title: transition.transition || t('transition'),
      details: [judgementOf(transition)],
      facts: t('Transition {0}, {1}', transition.transition, judgementOf(transition)),
      dropped: true,
      pastCut: false,
      range: transition.range,
    });
    after += length;
  }
  return drafts;
}

function musicDrafts(layout: StoryboardLayout, nominal: number): Draft[] {
  return layout.music.map((music) => ({
    id: `music:${music.index}`,
    kind: 'music',
    row: 'music',
    startSeconds: 0,
    lengthSeconds: music.lengthSeconds ?? nominal,
    lengthKnown: music.lengthSeconds !== null,
    title: music.fileName || music.uri || t('music'),
    details: [music.lengthSeconds === null ? t('length unknown') : secondsText(music.lengthSeconds), musicAgainstOutput(music)],
    facts: t(
      'Music {0}, {1}, {2}',
      music.uri,
      music.lengthSeconds === null ? t('length unknown') : secondsText(music.lengthSeconds),
      musicAgainstOutput(music),
    ),
    dropped: !music.plays,
    pastCut: false,
    range: music.range,
  }));
}

/** Retrieval and Compose: the sources end to end (all the footage), and the reel they become. */
function footageDrafts(layout: StoryboardLayout, input: StoryboardInput, doc: ReturnType<typeof parseJob>): Draft[] {
  const drafts: Draft[] = [];
  const nominal = nominalOf(layout.clips.map((c) => c.lengthSeconds));
  let at = 0;
  for (const clip of layout.clips) {
    const length = clip.lengthSeconds ?? nominal;
    const image = clip.uri ? input.imageOf(clip.uri, 0) : undefined;
    drafts.push({
      id: `source:${clip.index}`,
      kind: 'source',
      row: 'sources',
      startSeconds: at,
      lengthSeconds: length,
      lengthKnown: clip.lengthSeconds !== null,
      title: clip.fileName || clip.uri || `Sources[${clip.index}]`,
      details: [clip.lengthSeconds === null ? t('length unknown') : secondsText(clip.lengthSeconds)],
      facts: clipLine(layout, clip),
      dropped: false,
      pastCut: false,
      range: clip.range,
      ...(image ? { imageUrl: image } : {}),
    });
    at += length;
  }
  if (layout.maxDurationSeconds !== null) {
    const content = layout.highlightContent;
    const words = content
      ? t('a reel of at most {0}: {1}', secondsText(layout.maxDurationSeconds), content)
      : t('a reel of at most {0}', secondsText(layout.maxDurationSeconds));
    drafts.push({
      id: 'reel',
      kind: 'reel',
      row: 'reel',
      startSeconds: 0,
      lengthSeconds: layout.maxDurationSeconds,
      lengthKnown: true,
      title: content ?? t('highlight reel'),
      details: [t('at most {0}', secondsText(layout.maxDurationSeconds))],
      facts: words,
      dropped: false,
      pastCut: false,
      range: keyRange(doc, ['Output', 'MaxDuration']),
    });
  }
  return drafts;
}

export function buildStoryboard(input: StoryboardInput): StoryboardContent {
  const doc = parseJob(input.text);
  const layout = storyboardLayout(doc, input.mediaFacts);
  const concat = layout.type === 'Concat';
  const summary = storyboardSummary(layout);
  const note = layout.assumptions.join(' ');
  if (!summary) {
    const view: StoryboardView = {
      title: input.fileName,
      summary: '',
      note: '',
      empty: t('Nothing to draw yet: the job has no Sources.'),
      extentSeconds: NOMINAL_SECONDS,
      cutSeconds: null,
      outputSeconds: null,
      elements: [],
    };
    return { view, ranges: new Map() };
  }
  const clipDraft = concat ? concatDrafts(layout, input, doc) : footageDrafts(layout, input, doc);
  const clipEnd = Math.max(0, ...clipDraft.map((d) => d.startSeconds + d.lengthSeconds));
  const drafts = [...clipDraft, ...musicDrafts(layout, layout.outputSeconds ?? (clipEnd || NOMINAL_SECONDS))];
  const ranges = new Map<string, EntryRange>();
  const elements = drafts.map(({ facts, range, ...element }): StoryboardElement => {
    if (range) ranges.set(element.id, range);
    const found = problemsOn(range, input.problems);
    const worst = worstProblem(found);
    const hatched = element.lengthKnown ? '' : ` (${t('drawn at a nominal width')})`;
    const issues = found.length ? ` ${t('Problems: {0}', problemsText(found))}` : '';
    return {
      ...element,
      problems: found.map((d) => problemsText([d])),
      ...(worst ? { problem: worst } : {}),
      accessibleName: `${facts}${hatched}${issues}`,
    };
  });
  const cutSeconds = concat ? layout.maxDurationSeconds : null;
  const extent = Math.max(NOMINAL_SECONDS, ...elements.map((e) => e.startSeconds + e.lengthSeconds), cutSeconds ?? 0);
  const view: StoryboardView = {
    title: input.fileName,
    summary,
    note,
    // Room after the last second for the end markers' labels.
    extentSeconds: Math.ceil(extent * 1.1),
    cutSeconds,
    outputSeconds: concat ? layout.outputSeconds : null,
    elements,
  };
  return { view, ranges };
}
