import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { DIAGNOSTIC_CODES, type DiagnosticCode } from '../../../../core/src/shared/codes';
import { API_RULES } from '../../../../core/src/validate/rules';
import { PLACEHOLDER_RULE } from '../../../../core/src/validate/placeholders';

const root = path.resolve(__dirname, '../../../..');
/** The README and the pages under docs/: the tables of codes may live in either. */
const docsDir = path.join(root, 'docs');
const pages = [
  path.join(root, 'README.md'),
  ...(existsSync(docsDir)
    ? readdirSync(docsDir)
        .filter((name) => name.endsWith('.md'))
        .map((name) => path.join(docsDir, name))
    : []),
];
const text = pages.map((page) => readFileSync(page, 'utf8')).join('\n');
/** Rows of the codes' tables: | `code` | severity | what it means |, the code perhaps after its anchor (<a id="code"></a>). */
const tableRows = new Map([...text.matchAll(/^\| (?:<a id="[a-z-]+"><\/a>)?`([a-z-]+)` \| (error|warning) \|/gm)].map((m) => [m[1]!, m[2]!]));
const registry = Object.entries(DIAGNOSTIC_CODES) as [DiagnosticCode, (typeof DIAGNOSTIC_CODES)[DiagnosticCode]][];

test('every code in a table of the docs is in the registry, with the same severity', () => {
  assert.ok(tableRows.size > 0, 'no table of codes found in README.md or docs/*.md');
  for (const [code, severity] of tableRows) {
    assert.ok(code in DIAGNOSTIC_CODES, `the docs list ${code}, which is not in core/src/shared/codes.ts`);
    assert.equal(DIAGNOSTIC_CODES[code as DiagnosticCode].severity, severity, `severity of ${code}`);
  }
});

test('every code of the registry is in a table of the docs; the codes of the command line at least named there', () => {
  for (const [code, entry] of registry) {
    if (entry.group === 'cli') assert.ok(text.includes(`\`${code}\``), `the docs never name ${code}`);
    else assert.ok(tableRows.has(code), `no row for ${code} in the tables of README.md or docs/*.md`);
  }
});

test('every entry has what the docs page and a SARIF rule need: a group, a severity and a one-line summary', () => {
  for (const [code, entry] of registry) {
    assert.match(code, /^[a-z]+(-[a-z]+)*$/, code);
    assert.ok(['yaml', 'schema', 'rule', 'cloud', 'cli'].includes(entry.group), `${code}: group ${entry.group}`);
    assert.ok(entry.severity === 'error' || entry.severity === 'warning', code);
    assert.ok(entry.summary.length > 10 && !entry.summary.includes('\n'), `${code}: summary`);
  }
});

test('the rules of the table report with the severity the registry gives their code', () => {
  for (const rule of [...API_RULES, PLACEHOLDER_RULE]) assert.equal(rule.severity, DIAGNOSTIC_CODES[rule.code].severity, rule.code);
});
