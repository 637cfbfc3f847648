import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import { parseJob } from '../../../../core/src/parse/document';
import { documentSymbols } from '../../../../core/src/features/symbols';
import { withRanges } from '../../../support/markers';

/** name → kind, detail and children, without ranges: the shape of the outline. */
type Outline = [string, SymbolKind, string | undefined, Outline[]?];

function outline(symbols: readonly DocumentSymbol[]): Outline[] {
  return symbols.map((symbol) => {
    const entry: Outline = [symbol.name, symbol.kind, symbol.detail];
    if (symbol.children) entry.push(outline(symbol.children));
    return entry;
  });
}

const JOB = `ProjectName: demo
Type: Retrieval # the kind
Sources:
  - URI: oss://bucket/a.mp4
    StartTime: 2
  - URI: oss://bucket/b.mp4
Output:
  URI: oss://bucket/out.mp4
  Video:
    DisableVideo: false
UserData: '{"id": 7}'
Extra: [1, 2]
`;

test('outlines every key with its value, list items by index with their URI, nested keys as children', () => {
  assert.deepEqual(outline(documentSymbols(parseJob(JOB))), [
    ['ProjectName', SymbolKind.String, 'demo'],
    ['Type', SymbolKind.EnumMember, 'Retrieval'],
    [
      'Sources',
      SymbolKind.Array,
      '2 items',
      [
        [
          'Sources[0]',
          SymbolKind.Object,
          'oss://bucket/a.mp4',
          [
            ['URI', SymbolKind.String, 'oss://bucket/a.mp4'],
            ['StartTime', SymbolKind.Number, '2'],
          ],
        ],
        ['Sources[1]', SymbolKind.Object, 'oss://bucket/b.mp4', [['URI', SymbolKind.String, 'oss://bucket/b.mp4']]],
      ],
    ],
    [
      'Output',
      SymbolKind.Object,
      undefined,
      [
        ['URI', SymbolKind.String, 'oss://bucket/out.mp4'],
        ['Video', SymbolKind.Object, undefined, [['DisableVideo', SymbolKind.Boolean, 'false']]],
      ],
    ],
    ['UserData', SymbolKind.String, '{"id": 7}'],
    [
      'Extra',
      SymbolKind.Array,
      '2 items',
      [
        ['Extra[0]', SymbolKind.Number, '1'],
        ['Extra[1]', SymbolKind.Number, '2'],
      ],
    ],
  ]);
});

test('ranges cover the whole pair and select the key', () => {
  const { text, ranges } = withRanges('ProjectName: demo\n[[[[Type]]: Retrieval]] # the kind\n[[[[Output]]:\n  [[[[URI]]: oss://b/o.mp4]]]]\n');
  // Ranges that start together come inner first (the markers close in that order).
  const [typeKey, type, outputKey, output, uriKey, uri] = ranges;
  const symbols = documentSymbols(parseJob(text));
  assert.deepEqual([symbols[1]!.range, symbols[1]!.selectionRange], [type, typeKey]);
  assert.deepEqual([symbols[2]!.range, symbols[2]!.selectionRange], [output, outputKey]);
  const child = symbols[2]!.children![0]!;
  assert.deepEqual([child.range, child.selectionRange], [uri, uriKey]);
});

test('a list item spans from its dash and selects the dash and its first key', () => {
  const { text, ranges } = withRanges('Sources:\n  [[[[- URI]]: oss://b/a.mp4\n    Duration: 3]]\n');
  const item = documentSymbols(parseJob(text))[0]!.children![0]!;
  assert.deepEqual([item.selectionRange, item.range], [ranges[0], ranges[1]]);
});

test('every selection range lies inside its range', () => {
  const inside = (symbol: DocumentSymbol): void => {
    const { range, selectionRange } = symbol;
    const before = (a: typeof range.start, b: typeof range.start): boolean => a.line < b.line || (a.line === b.line && a.character <= b.character);
    assert.ok(before(range.start, selectionRange.start) && before(selectionRange.end, range.end), symbol.name);
    symbol.children?.forEach(inside);
  };
  documentSymbols(parseJob(JOB)).forEach(inside);
});

test('names keys the schema does not know by what they hold, and empty values without detail', () => {
  const symbols = documentSymbols(parseJob('Custom:\n  a: 1\nNothing:\nFlag: true\n'));
  assert.deepEqual(outline(symbols), [
    ['Custom', SymbolKind.Object, undefined, [['a', SymbolKind.Number, '1']]],
    ['Nothing', SymbolKind.Null, undefined],
    ['Flag', SymbolKind.Boolean, 'true'],
  ]);
});

test('describes a list item without a URI by its first value', () => {
  const symbols = documentSymbols(parseJob('Edit:\n  Transitions:\n    - Transition: fade\n      Duration: 1\n    - Duration: 2\n'));
  const items = symbols[0]!.children![0]!.children!;
  assert.deepEqual(
    items.map((item) => [item.name, item.detail]),
    [
      ['Transitions[0]', 'fade'],
      ['Transitions[1]', '2'],
    ],
  );
});

test('has no symbols for an empty or scalar document', () => {
  assert.deepEqual(documentSymbols(parseJob('')), []);
  assert.deepEqual(documentSymbols(parseJob('# only a comment\n')), []);
  assert.deepEqual(documentSymbols(parseJob('just text\n')), []);
});

test('a list item in a flow list selects only the item, inside its range', () => {
  const { text, ranges } = withRanges('Sources: [ [[[[{ URI: oss://b/a.mp4 }]]]], [[[[oss://b/c.mp4]]]] ]\n');
  const items = documentSymbols(parseJob(text))[0]!.children!;
  assert.deepEqual(
    items.map((item) => [item.selectionRange, item.range]),
    [
      [ranges[0], ranges[1]],
      [ranges[2], ranges[3]],
    ],
  );
});
