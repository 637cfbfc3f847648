import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver-types';
import { parseJob } from '../../../../core/src/parse/document';
import { hover } from '../../../../core/src/features/hover';
import { documentSymbols } from '../../../../core/src/features/symbols';

const hoverText = (text: string, line: number, character: number): string => (hover(parseJob(text), { line, character })!.contents as MarkupContent).value;

test('the Highlight.Content hover lists its suggested values without the API example `character`', () => {
  const text = hoverText('Highlight:\n  Content: Sports\n', 1, 4);
  assert.match(text, /Suggested values/);
  assert.doesNotMatch(text, /`character`/);
  assert.doesNotMatch(text, /Example:/);
});

test('the Edit.Mode hover says "Valid values" once', () => {
  const text = hoverText('Edit:\n  Mode: Sequential\n', 1, 4);
  assert.equal(text.match(/Valid values/g)?.length, 1, text);
  assert.match(text, /The editing mode\./);
  // A range written as "Valid values: [0, 5]" is no list of values: it stays.
  assert.match(hoverText('Edit:\n  Transitions:\n    - Transition: fade\n      Duration: 1\n', 3, 8), /Valid values: \[0, 5\]/);
});

test('the Outline shows a value as written: Speed 1.0, not 1', () => {
  const symbols = documentSymbols(parseJob('Output:\n  Speed: 1.0\n  MaxDuration: 0x1F\n  URI: "oss://b-1/o.mp4"\n'));
  const output = symbols.find((symbol) => symbol.name === 'Output')!;
  assert.deepEqual(
    output.children?.map((child) => [child.name, child.detail]),
    [
      ['Speed', '1.0'],
      ['MaxDuration', '0x1F'],
      ['URI', 'oss://b-1/o.mp4'],
    ],
  );
});
