import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

// docs/other-editors.md says of each editor configuration whether the tests run it: a "(tested)" one must be read
// by a test in test/editors, the others must say "(untested)".

const ROOT = path.resolve(__dirname, '../../..');
const PAGE = readFileSync(path.join(ROOT, 'docs/other-editors.md'), 'utf8');
const EDITOR_TESTS = readdirSync(path.join(ROOT, 'test/editors'))
  .filter((name) => name.endsWith('.test.ts'))
  .map((name) => readFileSync(path.join(ROOT, 'test/editors', name), 'utf8'));

/** Each `###` section of the page with the languages of its fenced code blocks. */
function configurationSections(): { heading: string; languages: string[] }[] {
  return PAGE.split(/^(?=### )/m)
    .filter((section) => section.startsWith('### '))
    .map((section) => ({
      heading: section.split('\n')[0],
      languages: [...section.matchAll(/^```(\w+)$/gm)].map((match) => match[1]),
    }));
}

test('every editor configuration of docs/other-editors.md says whether the tests run it', () => {
  const sections = configurationSections().filter((section) => section.languages.length > 0);
  assert.ok(sections.length >= 5, sections.map((section) => section.heading).join('\n'));
  for (const { heading } of sections) assert.match(heading, / \((tested|untested)\)$/, heading);
});

test('a configuration marked tested is the one a test in test/editors reads', () => {
  const tested = configurationSections().filter((section) => section.heading.endsWith(' (tested)'));
  assert.ok(tested.length > 0);
  for (const { heading } of tested) {
    assert.ok(
      EDITOR_TESTS.some((source) => source.includes(`'${heading}'`)),
      `no test in test/editors reads "${heading}"`,
    );
  }
});
