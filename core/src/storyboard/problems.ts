import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver-types';
import { t } from '../shared/l10n';
import { oneLine } from './describe';

/**
 * The problems the diagnostics report on a storyboard element: the errors and warnings whose range overlaps the
 * element's entry in the job (a Source, a transition, a music). Information and hints are not marked.
 */
export function problemsOn(range: Range | undefined, diagnostics: readonly Diagnostic[]): Diagnostic[] {
  if (!range) return [];
  return diagnostics.filter((d) => (d.severity ?? DiagnosticSeverity.Error) <= DiagnosticSeverity.Warning && overlaps(range, d.range));
}

/** The worst of them, for the element's marking: `error`, `warning`, or undefined when there are none. */
export function worstProblem(problems: readonly Diagnostic[]): 'error' | 'warning' | undefined {
  if (problems.length === 0) return undefined;
  return problems.some((d) => (d.severity ?? DiagnosticSeverity.Error) === DiagnosticSeverity.Error) ? 'error' : 'warning';
}

/** The problems in words, on one line: `error: …; warning: …`. */
export function problemsText(problems: readonly Diagnostic[]): string {
  return problems
    .map((d) =>
      (d.severity ?? DiagnosticSeverity.Error) === DiagnosticSeverity.Error ? t('error: {0}', oneLine(d.message)) : t('warning: {0}', oneLine(d.message)),
    )
    .join('; ');
}

/** Two ranges share a character, or an empty one (a squiggle at a point) lies inside the other. */
function overlaps(a: Range, b: Range): boolean {
  return !(before(a.end, b.start) || before(b.end, a.start));
}

/** `p` comes strictly before `q`: an end at the very start of the other range does not overlap it. */
function before(p: Range['start'], q: Range['start']): boolean {
  return p.line < q.line || (p.line === q.line && p.character < q.character);
}
