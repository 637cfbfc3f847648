/** Diagnostics printed as text lines, JSON, or SARIF 2.1.0 (for GitHub code scanning and other CI tools). */
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
const SARIF_LEVEL: Record<number, string> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'note',
  [DiagnosticSeverity.Hint]: 'note',
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

export function formatSarif(reports: readonly FileReport[], tool: { name: string; version: string }): string {
  const rules = [...new Set(reports.flatMap((r) => r.diagnostics.map(codeOf)))].sort();
  const results = reports.flatMap(({ file, diagnostics }) =>
    diagnostics.map((d) => ({
      ruleId: codeOf(d),
      ruleIndex: rules.indexOf(codeOf(d)),
      level: SARIF_LEVEL[severityOf(d)],
      message: { text: d.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: file.split('\\').join('/') },
            region: {
              startLine: d.range.start.line + 1,
              startColumn: d.range.start.character + 1,
              endLine: d.range.end.line + 1,
              endColumn: d.range.end.character + 1,
            },
          },
        },
      ],
    })),
  );
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: tool.name, version: tool.version, rules: rules.map((id) => ({ id })) } },
        // LSP positions count UTF-16 code units, which is SARIF's default too; said explicitly for readers.
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
