/**
 * docs/diagnostics.md is generated from the registry of codes: the committed page is what `npm run docs:diagnostics`
 * makes, and every code of the registry has its anchor there exactly once (the links of LSP codeDescription.href
 * and SARIF helpUri end in #<code>).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { DIAGNOSTIC_CODES } from '../../../core/src/shared/codes';
import { DIAGNOSTICS_PAGE_PATH } from '../../../core/src/shared/codeDocs';
import { DIAGNOSTICS_PAGE_FILE, renderDiagnosticsPage } from '../../../scripts/docs/diagnosticsPage';

const page = readFileSync(path.resolve(__dirname, '../../..', DIAGNOSTICS_PAGE_FILE), 'utf8');

test('the committed docs/diagnostics.md is what the generator makes from the registry (run npm run docs:diagnostics)', () => {
  assert.equal(DIAGNOSTICS_PAGE_FILE, DIAGNOSTICS_PAGE_PATH);
  assert.equal(page, renderDiagnosticsPage(), 'docs/diagnostics.md is out of date: run npm run docs:diagnostics and commit it');
});

test('every code of the registry has its anchor exactly once, and the page no anchor of a code that does not exist', () => {
  const anchors = [...page.matchAll(/<a id="([^"]+)"><\/a>/g)].map((m) => m[1]!);
  for (const code of Object.keys(DIAGNOSTIC_CODES)) assert.equal(anchors.filter((anchor) => anchor === code).length, 1, `docs/diagnostics.md#${code}`);
  assert.deepEqual(
    anchors.filter((anchor) => !(anchor in DIAGNOSTIC_CODES)),
    [],
  );
});

test('each section says what the code means, where it comes from and how to fix it', () => {
  for (const code of Object.keys(DIAGNOSTIC_CODES)) {
    const start = page.indexOf(`<a id="${code}"></a>`);
    const next = page.indexOf('<a id="', start + 1);
    const section = page.slice(start, next < 0 ? undefined : next);
    assert.match(section, /\*\*Where it comes from\.\*\* \S/, code);
    assert.match(section, /\*\*How to fix it\.\*\* \S/, code);
  }
});

test('the section headings other pages link to are still there', () => {
  assert.match(page, /^## Cloud diagnostic codes$/m, 'README.md and docs/cloud.md link to #cloud-diagnostic-codes');
});
