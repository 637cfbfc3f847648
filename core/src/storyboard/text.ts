import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { t } from '../shared/l10n';
import { clipLine, judgementOf, musicAgainstOutput, oneLine } from './describe';
import type { StoryboardLayout } from './layout';
import { problemsOn, problemsText } from './problems';
import { secondsText } from './seconds';
import { storyboardSummary } from './summary';

/**
 * The storyboard for a terminal: the summary, one line per clip in output order, then one per transition and per
 * music, the cut line, and what the drawing assumes. Plain text: nothing from the job is interpreted. With the
 * job's diagnostics, each line ends with the errors and warnings on its entry.
 */
export function storyboardText(layout: StoryboardLayout, diagnostics: readonly Diagnostic[] = []): string {
  const problems = (range: Range | undefined): string => {
    const on = problemsOn(range, diagnostics);
    return on.length > 0 ? `  — ${problemsText(on)}` : '';
  };
  const lines: string[] = [];
  lines.push(`${layout.type ?? t('(no Type)')}: ${storyboardSummary(layout) ?? t('no sources')}`);
  if (layout.type !== 'Concat' && layout.highlightContent !== null) lines.push(t('Highlight content: {0}', oneLine(layout.highlightContent)));
  for (const clip of layout.clips) lines.push(clipLine(layout, clip) + problems(clip.range));
  for (const transition of layout.transitions) {
    const name = `${oneLine(transition.transition)}${transition.durationSeconds === null ? '' : ` ${secondsText(transition.durationSeconds)}`}`;
    lines.push(`${t('Transition {0}', String(transition.index))}  ${name}: ${judgementOf(transition)}${problems(transition.range)}`);
  }
  for (const music of layout.music) {
    const length = music.lengthSeconds === null ? t('length unknown') : secondsText(music.lengthSeconds);
    lines.push(`${t('Music')}  ${oneLine(music.uri)}  ${length}: ${musicAgainstOutput(music)}${problems(music.range)}`);
  }
  if (layout.maxDurationSeconds !== null) lines.push(t('Cut line: Output.MaxDuration {0}', secondsText(layout.maxDurationSeconds)));
  for (const assumption of layout.assumptions) lines.push(t('Assumes: {0}', assumption));
  return lines.join('\n') + '\n';
}
