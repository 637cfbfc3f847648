/**
 * The one performance table of the project lives in docs/performance.md between two markers; `npm run bench`
 * rewrites what is between them, so the figures the docs show are always those of the last full run.
 */
export const TABLE_BEGIN = '<!-- bench:begin (written by `npm run bench`; edits between these markers are overwritten) -->';
export const TABLE_END = '<!-- bench:end -->';

export interface BenchReport {
  readonly machine: string;
  /** The header row first. */
  readonly table: readonly (readonly string[])[];
  readonly inProcess: readonly string[];
  readonly targets: readonly { readonly target: string; readonly value: string; readonly met: boolean }[];
}

/** A Markdown cell: a `|` would end the cell early. */
function cell(text: string): string {
  return text.trim().replace(/\|/g, '\\|');
}

export function markdownReport(report: BenchReport): string {
  const [header, ...rows] = report.table;
  if (!header) throw new Error('The bench table has no header row.');
  const line = (row: readonly string[]): string => `| ${header.map((_, column) => cell(row[column] ?? '')).join(' | ')} |`;
  return [
    report.machine,
    '',
    line(header),
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map(line),
    '',
    'In-process core (no protocol), median / p95:',
    '',
    ...report.inProcess.map((entry) => `- ${entry}`),
    '',
    '| target | result | |',
    '| --- | --- | --- |',
    ...report.targets.map((target) => `| ${cell(target.target)} | ${cell(target.value)} | ${target.met ? 'met' : 'not met'} |`),
  ].join('\n');
}

/** `document` with the text between the markers replaced; throws when the markers are missing or out of order. */
export function replaceBetweenMarkers(document: string, content: string): string {
  const begin = document.indexOf(TABLE_BEGIN);
  const end = document.indexOf(TABLE_END);
  if (begin < 0 || end < 0 || end < begin || document.indexOf(TABLE_BEGIN, begin + 1) >= 0 || document.indexOf(TABLE_END, end + 1) >= 0) {
    throw new Error(`Expected exactly one ${TABLE_BEGIN} followed by one ${TABLE_END}.`);
  }
  return `${document.slice(0, begin + TABLE_BEGIN.length)}\n${content}\n${document.slice(end)}`;
}
