import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { codeDocs } from '../../../../core/src/shared/codeDocs';
import { DIAGNOSTIC_CODES, type DiagnosticCode, type DiagnosticCodeEntry } from '../../../../core/src/shared/codes';
import { API_RULES } from '../../../../core/src/validate/rules';
import { PLACEHOLDER_RULE } from '../../../../core/src/validate/placeholders';

const root = path.resolve(__dirname, '../../../..');
/** The API page as the project keeps it (test/fixtures/api-page/README.md names its source), white space collapsed. */
const apiPage = readFileSync(path.join(root, 'test/fixtures/api-page/create-highlight-task.txt'), 'utf8').replace(/\s+/g, ' ');
const registry = Object.entries(DIAGNOSTIC_CODES) as [DiagnosticCode, DiagnosticCodeEntry][];

test('every entry has what the docs page and a SARIF rule need: group, severity, summary, meaning, basis, fix', () => {
  for (const [code, entry] of registry) {
    assert.match(code, /^[a-z]+(-[a-z]+)*$/, code);
    assert.ok(['yaml', 'schema', 'rule', 'cloud', 'cli'].includes(entry.group), `${code}: group ${entry.group}`);
    assert.ok(entry.severity === 'error' || entry.severity === 'warning', code);
    assert.ok(entry.summary.length > 10 && !entry.summary.includes('\n'), `${code}: summary`);
    assert.ok(entry.meaning.length > 10, `${code}: meaning`);
    assert.ok(entry.fix.length > 10, `${code}: fix`);
    assert.doesNotThrow(() => codeDocs(code), code);
  }
});

test('an entry without its meaning, basis or fix fails loudly, naming the code and the field', () => {
  const { meaning: _meaning, ...withoutMeaning } = DIAGNOSTIC_CODES['invalid-type'];
  assert.throws(() => codeDocs('media-new-code', { 'media-new-code': withoutMeaning }), /media-new-code in core\/src\/shared\/codes\.ts has no meaning/);
  assert.throws(() => codeDocs('media-new-code', { 'media-new-code': { ...DIAGNOSTIC_CODES['invalid-type'], fix: ' ' } }), /has no fix/);
  assert.throws(() => codeDocs('no-such-code'), /not in the registry/);
});

test('every sentence quoted from the API page is on the API page, word for word', () => {
  const quoted = registry.flatMap(([code, entry]) => (entry.basis.kind === 'api-page' ? [[code, entry.basis] as const] : []));
  assert.ok(quoted.length >= 10, 'the registry quotes the page');
  for (const [code, basis] of quoted) assert.ok(apiPage.includes(basis.quote.replace(/\s+/g, ' ')), `${code}: "${basis.quote}" is not on the API page`);
});

test('a rule of the table and the docs of its code quote the same sentence of the API page', () => {
  for (const rule of API_RULES) {
    const basis = DIAGNOSTIC_CODES[rule.code].basis;
    if (basis.kind === 'api-page') assert.ok(rule.source.includes(basis.quote), `${rule.code}: the rule cites ${rule.source}, the docs "${basis.quote}"`);
  }
});

test('an own rule says why, a table or SDK basis says where', () => {
  for (const [code, entry] of registry) {
    const basis = entry.basis;
    if (basis.kind === 'ours') assert.ok(basis.why.length > 10, code);
    if (basis.kind === 'sdk-model') assert.ok(basis.field && basis.says, code);
    if (basis.kind === 'api-table') assert.ok(basis.column, code);
  }
});

test('the rules of the table report with the severity the registry gives their code', () => {
  for (const rule of [...API_RULES, PLACEHOLDER_RULE]) assert.equal(rule.severity, DIAGNOSTIC_CODES[rule.code].severity, rule.code);
});
