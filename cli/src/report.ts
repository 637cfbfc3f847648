/** Diagnostics printed as text lines or JSON (SARIF: sarif.ts). */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { escapeLine } from './terminal';

export interface FileReport {
  /** As displayed: relative to the working directory when inside it. */
  readonly file: string;
  readonly diagnostics: readonly Diagnostic[];
}

export type OutputFormat = 'text' | 'json' | 'sarif';

const SEVERITY: Record<number, string> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'info',
  [DiagnosticSeverity.Hint]: 'hint',
};

const severityOf = (d: Diagnostic): number => d.severity ?? DiagnosticSeverity.Error;
const codeOf = (d: Diagnostic): string => (d.code === undefined ? 'unknown' : String(d.code));

export function countBySeverity(reports: readonly FileReport[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const report of reports) {
    for (const d of report.diagnostics) {
      if (severityOf(d) === DiagnosticSeverity.Error) errors++;
      else if (severityOf(d) === DiagnosticSeverity.Warning) warnings++;
    }
  }
  return { errors, warnings };
}

/** `file:line:col: severity code message`, 1-based like compilers, one problem per line. */
export function formatText(reports: readonly FileReport[]): string {
  const lines: string[] = [];
  for (const { file, diagnostics } of reports) {
    for (const d of diagnostics) {
      const message = d.message.replace(/\s*\n\s*/g, ' ');
      lines.push(
        `${escapeLine(file)}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${SEVERITY[severityOf(d)]} ${codeOf(d)} ${escapeLine(message)}`,
      );
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

export function formatJson(reports: readonly FileReport[]): string {
  const files = reports.map(({ file, diagnostics }) => ({
    file,
    diagnostics: diagnostics.map((d) => ({
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
      endLine: d.range.end.line + 1,
      endColumn: d.range.end.character + 1,
      severity: SEVERITY[severityOf(d)],
      code: codeOf(d),
      message: d.message,
    })),
  }));
  return `${JSON.stringify({ files, summary: { files: reports.length, ...countBySeverity(reports) } }, null, 2)}\n`;
}
