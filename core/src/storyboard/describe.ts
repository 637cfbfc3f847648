import { t } from '../shared/l10n';
import type { StoryboardClip, StoryboardLayout, StoryboardMusic, StoryboardTransition } from './layout';
import { secondsText } from './seconds';

/**
 * The storyboard's elements in words: the terminal's lines and the SVG's accessible names read the same facts in the
 * same sentences.
 */

/** A clip's facts on one line: where it starts in the output, its file, in and out points, length, effects, cut. */
export function clipLine(layout: StoryboardLayout, clip: StoryboardClip): string {
  const parts = [`Sources[${clip.index}]`];
  if (layout.type === 'Concat') parts.push(clip.atSeconds === null ? t('at ?') : t('at {0}', secondsText(clip.atSeconds)));
  parts.push(oneLine(clip.uri));
  if (clip.lengthSeconds === null) {
    parts.push(t('from {0}, length unknown', secondsText(clip.startSeconds)));
  } else {
    parts.push(
      t('{0} \u2192 {1}, {2} long', secondsText(clip.startSeconds), secondsText(clip.endSeconds ?? clip.startSeconds), secondsText(clip.lengthSeconds)),
    );
  }
  if (clip.lengthEstimated) parts.push(t('(the video\u2019s duration is an estimate)'));
  if (clip.startsPastEnd && clip.videoSeconds !== null) parts.push(t('starts past the end of the {0} video', secondsText(clip.videoSeconds)));
  if (clip.runsPastEnd && clip.videoSeconds !== null) parts.push(t('runs past the end of the {0} video', secondsText(clip.videoSeconds)));
  const effects = effectNames(layout, clip);
  if (effects) parts.push(effects);
  const cut = cutOf(layout, clip);
  if (cut) parts.push(cut);
  return parts.join('  ');
}

/** What IMM does with a transition, in words. */
export function judgementOf(transition: StoryboardTransition): string {
  if (transition.takesEffect === false) return t('does not take effect: {0}', transition.reason ?? '');
  if (transition.takesEffect === null) return t('may not take effect: {0}', transition.reason ?? '');
  return transition.clip === null ? t('takes effect on any join it lands on') : t('takes effect after Sources[{0}]', String(transition.clip));
}

/** Where a music ends against the output. */
export function musicAgainstOutput(music: StoryboardMusic): string {
  if (!music.plays) return t('not played: Edit.BackgroundMusicMode is not Random or Sequential');
  switch (music.againstOutput) {
    case 'longer':
      return t('longer than the output: cut where the output ends, at {0}', secondsText(music.endsAtSeconds!));
    case 'shorter':
      return t('ends at {0}, before the output ends', secondsText(music.endsAtSeconds!));
    case 'same':
      return t('as long as the output');
    default:
      return t('where it ends against the output is unknown');
  }
}

/** The effects on a clip: those of the list that land (Sequential) or may land (Random) on it. */
export function effectNames(layout: StoryboardLayout, clip: StoryboardClip): string | undefined {
  if (layout.effectMode === 'Auto' && layout.type === 'Concat') return t('effects chosen by IMM (VfxEffectMode Auto)');
  if (clip.effects.length === 0) return undefined;
  const names = clip.effects.map((index) => oneLine(layout.effects[index]?.effect ?? '')).join(', ');
  return layout.effectMode === 'Random' ? t('effects: one of {0}, at random', names) : t('effects: {0}', names);
}

/** Where the MaxDuration cut line leaves a clip; undefined when the clip is wholly in the output or that is unknown. */
export function cutOf(layout: StoryboardLayout, clip: StoryboardClip): string | undefined {
  const cut = layout.maxDurationSeconds;
  if (layout.type !== 'Concat' || cut === null || clip.atSeconds === null) return undefined;
  if (clip.atSeconds >= cut) return t('past Output.MaxDuration: not in the output');
  if (clip.outputLengthSeconds !== null && clip.atSeconds + clip.outputLengthSeconds > cut)
    return t('cut by Output.MaxDuration at {0} of the output', secondsText(cut));
  return undefined;
}

/** A job's text on one line: its line breaks and other control characters shown as spaces. */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what would break a terminal line
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ');
}
