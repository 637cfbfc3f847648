import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { CLOUD_SEVERITIES } from '../../../core/src/cloud/codes';
import { DocumentedNameCode, SchemaCode, YamlCode } from '../../../core/src/shared/codes';
import { PLACEHOLDER_RULE } from '../../../core/src/validate/placeholders';
import { API_RULES } from '../../../core/src/validate/rules';

const page = readFileSync(path.resolve(__dirname, '../../../docs/diagnostics.md'), 'utf8');
// One row per code: its anchor, the code, its severity.
const rows = [...page.matchAll(/^\| <a id="([a-z-]+)"><\/a>`([a-z-]+)` \| (error|warning) \|/gm)];
const listedCodes = new Map(rows.map((m) => [m[2]!, m[3]!]));

test('docs/diagnostics.md lists every diagnostic code with its severity', () => {
  const codes = new Map<string, string>([
    ...Object.values(YamlCode).map((code): [string, string] => [code, 'error']),
    ...Object.values(SchemaCode).map((code): [string, string] => [code, 'error']),
    ...[...API_RULES, PLACEHOLDER_RULE].map((rule): [string, string] => [rule.code, rule.severity]),
    ...Object.values(DocumentedNameCode).map((code): [string, string] => [code, 'warning']),
    ...Object.entries(CLOUD_SEVERITIES),
  ]);
  for (const [code, severity] of codes) assert.equal(listedCodes.get(code), severity, `docs/diagnostics.md row for ${code}`);
  for (const code of listedCodes.keys()) assert.ok(codes.has(code), `docs/diagnostics.md lists ${code}, which no check reports`);
});

test('each code has one row, and its anchor is the code itself (docs/diagnostics.md#<code>)', () => {
  assert.equal(rows.length, listedCodes.size, 'a code listed twice');
  for (const [, anchor, code] of rows) assert.equal(anchor, code);
});
