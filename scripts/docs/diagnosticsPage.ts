/**
 * docs/diagnostics.md, made from the registry of codes (core/src/shared/codes.ts): an index table, then a section
 * per code whose anchor is the code itself (the links of LSP codeDescription.href and SARIF helpUri point there).
 * `npm run docs:diagnostics` writes it; test/unit/docs/diagnostics.test.ts fails when the committed page differs.
 */
import { codeDocs, codeHelpMarkdown } from '../../core/src/shared/codeDocs';
import { DIAGNOSTIC_CODES, type DiagnosticCodeGroup } from '../../core/src/shared/codes';

export const DIAGNOSTICS_PAGE_FILE = 'docs/diagnostics.md';

/** Each group's heading (the cloud one is linked from the README and docs/cloud.md as #cloud-diagnostic-codes). */
const GROUPS: readonly { readonly group: DiagnosticCodeGroup; readonly heading: string; readonly intro: string }[] = [
  { group: 'yaml', heading: 'YAML codes', intro: 'Problems of the YAML text itself. Where the text cannot be read, the request is not checked.' },
  {
    group: 'schema',
    heading: 'Schema codes',
    intro: 'Found by the request schema, `schemas/highlight-task.schema.json`, made from the parameter table of the API page and the SDK models.',
  },
  {
    group: 'rule',
    heading: 'Rule codes',
    intro:
      'The rules of the API that a schema cannot express, in one table, `core/src/validate/rules.ts`: each row has its code and the sentence it comes from (`test/unit/core/validate/rules.test.ts` fails for a row without tests).',
  },
  {
    group: 'cloud',
    heading: 'Cloud diagnostic codes',
    intro: 'Reported by the [checks against your cloud](../README.md#checks-against-your-cloud) (VS Code and `validate --cloud`), with the same source.',
  },
  { group: 'cli', heading: 'Command-line codes', intro: 'Reported by `highlight-task validate` only.' },
];

/** Plain text inside a table cell: a `|` would end the cell, a `*` or `_` start emphasis. */
const cell = (text: string): string => text.replace(/[|*_\\]/g, '\\$&');

export function renderDiagnosticsPage(): string {
  const codes = Object.keys(DIAGNOSTIC_CODES);
  const entries = codes.map((code) => [code, codeDocs(code)] as const);
  const unknownGroup = entries.find(([, entry]) => !GROUPS.some((g) => g.group === entry.group));
  if (unknownGroup) throw new Error(`${unknownGroup[0]}: group ${unknownGroup[1].group} has no section in scripts/docs/diagnosticsPage.ts.`);
  const lines: string[] = [
    '# Diagnostic codes',
    '',
    '<!-- Generated from core/src/shared/codes.ts by `npm run docs:diagnostics`: edit the registry, then run it. -->',
    '',
    'Every diagnostic has the source `imm-highlight` and one of these codes. In VS Code, and in any editor whose',
    'language client declares `codeDescriptionSupport`, the code of a diagnostic links to its section below; so does',
    "each rule's `helpUri` in the SARIF of `highlight-task validate` (see [the command line](cli.md#sarif-for-code-scanning)).",
    '',
    '| code | severity | summary |',
    '|---|---|---|',
    ...entries.map(([code, entry]) => `| [\`${code}\`](#${code}) | ${entry.severity} | ${cell(entry.summary)} |`),
  ];
  for (const { group, heading, intro } of GROUPS) {
    const inGroup = entries.filter(([, entry]) => entry.group === group);
    if (inGroup.length === 0) continue;
    lines.push('', `## ${heading}`, '', intro);
    for (const [code, entry] of inGroup) lines.push('', `### <a id="${code}"></a>\`${code}\` (${entry.severity})`, '', codeHelpMarkdown(code));
  }
  lines.push(
    '',
    '---',
    '',
    'Every code is registered once in `core/src/shared/codes.ts` with its group, severity, summary, meaning, basis',
    'and fix: an entry without them does not compile, and this page cannot be generated without them.',
    '',
  );
  return lines.join('\n');
}
