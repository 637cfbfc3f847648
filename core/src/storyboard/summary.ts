import { t } from '../shared/l10n';
import type { StoryboardLayout } from './layout';
import { secondsText } from './seconds';

/**
 * The planned output in one line: a Concat job's length (clips in order, transitions, MaxDuration), or how much
 * footage becomes how long a reel for Retrieval and Compose. Shown once on `Sources` (issue 23), and as the first
 * line of the storyboard's text and SVG. Undefined when the job has no sources to plan from.
 */
export function storyboardSummary(layout: StoryboardLayout): string | undefined {
  if (layout.clips.length === 0) return undefined;
  const clips = layout.clips.length;
  if (layout.type === 'Concat') {
    const cutFrom = layout.timelineSeconds !== null && layout.maxDurationSeconds !== null && layout.timelineSeconds > layout.maxDurationSeconds;
    if (layout.outputSeconds !== null) {
      const output = secondsText(layout.outputSeconds);
      if (layout.timelineSeconds === null) return t('Output {0}: the clips reach Output.MaxDuration before one of unknown length', output);
      if (cutFrom) {
        const uncut = secondsText(layout.timelineSeconds!);
        return layout.outputEstimated
          ? t('Output \u2248 {0}: {1} clips make \u2248 {2}, cut at Output.MaxDuration (estimate)', output, String(clips), uncut)
          : t('Output {0}: {1} clips make {2}, cut at Output.MaxDuration', output, String(clips), uncut);
      }
      return layout.outputEstimated
        ? t('Output \u2248 {0} from {1} clips (estimate)', output, String(clips))
        : t('Output {0} from {1} clips', output, String(clips));
    }
    const unknown = layout.clips.filter((clip) => clip.lengthSeconds === null).length;
    return layout.maxDurationSeconds !== null
      ? t('Output length unknown ({0} of {1} clips have no known length), at most {2}', String(unknown), String(clips), secondsText(layout.maxDurationSeconds))
      : t('Output length unknown: {0} of {1} clips have no known length', String(unknown), String(clips));
  }
  const footage = layout.footageSeconds === null ? null : secondsText(layout.footageSeconds);
  if (layout.maxDurationSeconds === null) {
    return footage === null ? t('{0} sources, footage length unknown', String(clips)) : t('{0} sources, {1} of footage', String(clips), footage);
  }
  const reel = secondsText(layout.maxDurationSeconds);
  return footage === null
    ? t('{0} sources (footage length unknown) become a reel of at most {1}', String(clips), reel)
    : t('{0} sources, {1} of footage, become a reel of at most {2}', String(clips), footage, reel);
}
