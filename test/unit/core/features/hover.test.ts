import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Hover, MarkupContent, Range } from 'vscode-languageserver-types';
import { parseJob } from '../../../../core/src/parse/document';
import { hover } from '../../../../core/src/features/hover';
import { positionIn, withCursor } from '../../../support/markers';

const JOB = `ProjectName: immtest
Type: Concat  # the kind of task
Mode: Scene
Sources:
  - URI: oss://test-bucket/a.mp4
    StartTime: 1.5
  - URI: oss://test-bucket/b.mp4
Edit:
  Mode: Sequential
  BackgroundMusicMode: Shuffle
  BackgroundMusics:
    - URI: oss://test-bucket/m.mp3
      Volume: 0.2
Output:
  URI: oss://test-bucket/out.mp4
  Container: mkv
  Video:
    TranscodeVideo:
      Rotation: 90
    FilterVideo:
      Watermarks:
        - FontSize: 20
Colour: blue
Tags:
  team: media
`;

const doc = parseJob(JOB);

/** Hover on the first occurrence of `needle` (after `after`), `at` characters into it. */
function hoverOn(needle: string, at = 1, after = ''): { result: Hover | null; range: Range } {
  const base = after ? JOB.indexOf(after) : 0;
  const offset = JOB.indexOf(needle, base);
  assert.ok(offset !== -1, `${needle} not in the job`);
  const result = hover(doc, positionIn(JOB, offset + at));
  return { result, range: { start: positionIn(JOB, offset), end: positionIn(JOB, offset + needle.length) } };
}

const markdown = (result: Hover | null): string => {
  assert.ok(result, 'no hover');
  const contents = result.contents as MarkupContent;
  assert.equal(contents.kind, 'markdown');
  return contents.value;
};

test('a key: path, type, required, description, valid values and the range of the key', () => {
  const { result, range } = hoverOn('Type:', 2);
  const text = markdown(result);
  assert.match(text, /^\*\*Type\*\* — string, required/);
  assert.match(text, /The processing type\./);
  assert.match(text, /Valid values:/);
  assert.deepEqual(result!.range, { ...range, end: { line: range.end.line, character: range.end.character - 1 } });
});

test('an enum value: the current value first and marked, the others with their meaning, range of the value', () => {
  const { result, range } = hoverOn('Concat', 3);
  const text = markdown(result);
  const lines = text.split('\n').filter((line) => line.startsWith('- '));
  assert.deepEqual(lines, [
    '- **`Concat`** ← current — joins clips of videos into one; StartTime and Duration pick each clip.',
    '- `Retrieval` — extracts highlights from one video.',
    '- `Compose` — creates an edited video in one step, with transitions, effects and background music settings.',
  ]);
  assert.deepEqual(result!.range, range);
});

test('the root Mode and Edit.Mode are told apart; the default is named', () => {
  const root = markdown(hoverOn('Scene').result);
  assert.match(root, /^\*\*Mode\*\* — string, optional/);
  assert.match(root, /- \*\*`Scene`\*\* ← current — scene and frame recognition\.\n- `Average` \(default\) — average slice recognition\./);
  assert.match(root, /Default: `Average`/);
  const edit = markdown(hoverOn('Mode:', 1, 'Edit:').result);
  assert.match(edit, /^\*\*Edit\.Mode\*\* — string, required/);
  assert.doesNotMatch(edit, /Scene/);
});

test('a value that is not valid is marked as such, above the valid ones', () => {
  const text = markdown(hoverOn('Shuffle').result);
  assert.match(text, /- \*\*`Shuffle`\*\* ← current: not a valid value\n- `Random`/);
  assert.doesNotMatch(text, /Auto/);
});

test('nested fields and list items: full path, limits, default, example', () => {
  const volume = hoverOn('Volume');
  const text = markdown(volume.result);
  assert.match(text, /^\*\*Edit\.BackgroundMusics\[0\]\.Volume\*\* — number, optional/);
  assert.match(text, /Default: `0.2`/);
  assert.match(text, /Limits: 0 ≤ value ≤ 10/);
  assert.deepEqual(volume.result!.range, { start: volume.range.start, end: { line: volume.range.start.line, character: volume.range.start.character + 6 } });

  const uri = markdown(hoverOn('oss://test-bucket/b.mp4', 5).result);
  assert.match(uri, /^\*\*Sources\[1\]\.URI\*\* — string, required/);
  assert.match(uri, /must be an OSS URI/);

  const rotation = markdown(hoverOn('90', 0, 'Rotation').result);
  assert.match(rotation, /^\*\*Output\.Video\.TranscodeVideo\.Rotation\*\* — integer, optional/);
  assert.match(rotation, /- \*\*`90`\*\* ← current — rotate 90 degrees clockwise\.\n- `0` \(default\) — no rotation\./);

  const fontSize = markdown(hoverOn('FontSize').result);
  assert.match(fontSize, /^\*\*Output\.Video\.FilterVideo\.Watermarks\[0\]\.FontSize\*\*/);
  assert.match(fontSize, /Limits: 4 < value < 120; whole numbers only/);
  assert.match(fontSize, /Default: `16`/);
});

test('objects and lists: description, limits and the fields they hold', () => {
  const sources = markdown(hoverOn('Sources').result);
  assert.match(sources, /^\*\*Sources\*\* — list of objects, required/);
  assert.match(sources, /Limits: 1–10 items/);
  assert.match(sources, /Each item has: `URI` \(required\), `StartTime`, `Duration`/);
  const output = markdown(hoverOn('Output:').result);
  assert.match(output, /The output configuration\./);
  assert.match(output, /Fields: `URI` \(required\), `Container`/);
  const content = markdown(hover(parseJob('Highlight:\n  Content: 宠物\n'), { line: 1, character: 12 }));
  assert.match(content, /Limits: at most 100 characters/);
  assert.match(content, /Suggested values \(other text is accepted\):\n- \*\*`宠物`\*\* ← current/);
  const transitions = markdown(hover(parseJob('Edit:\n  Transitions: []\n'), { line: 1, character: 4 }));
  assert.match(transitions, /at most 10 items/);
});

test('nothing on comments, unknown keys, their values, blank lines or the dash of an item', () => {
  assert.equal(hoverOn('# the kind', 3).result, null);
  assert.equal(hoverOn('Colour').result, null);
  assert.equal(hoverOn('blue').result, null);
  assert.equal(hover(doc, { line: 4, character: 2 }), null, 'dash');
  assert.equal(hover(parseJob('Type: Concat\n\n\nMode: Scene\n'), { line: 1, character: 0 }), null);
  assert.equal(hover(parseJob('# only a comment\n'), { line: 0, character: 4 }), null);
  assert.equal(hover(parseJob(''), { line: 0, character: 0 }), null);
});

test('free keys of Tags are described as their values', () => {
  const text = markdown(hoverOn('team').result);
  assert.match(text, /^\*\*Tags\.team\*\* — string/);
});

test('flow collections are described from the YAML tree', () => {
  const flow = parseJob('Output:\n  Video:\n    Stream: [0, 2]\nSources: [{URI: oss://b/a.mp4}]\n');
  const item = markdown(hover(flow, { line: 2, character: 16 }));
  assert.match(item, /^\*\*Output\.Video\.Stream\[1\]\*\* — integer/);
  assert.match(item, /Limits: 0 ≤ value/);
  const key = hover(flow, { line: 3, character: 12 });
  assert.match(markdown(key), /^\*\*Sources\[0\]\.URI\*\*/);
  assert.deepEqual(key!.range, { start: { line: 3, character: 11 }, end: { line: 3, character: 14 } });
});

test('hover works while another line is broken', () => {
  const { text, position } = withCursor('Type: Retrieval\nOutput:\n  Tr\n  Conta|iner: mp4\n');
  const result = hover(parseJob(text), position);
  assert.match(markdown(result), /^\*\*Output\.Container\*\*/);
});

test('at every position of broken and valid jobs, a hover range holds the position', async () => {
  const fc = (await import('fast-check')).default;
  const pieces = [
    'Type: Concat\n',
    'Mode: Scene # m\n',
    'Sources:\n',
    '  - URI: oss://b/a.mp4\n',
    '  - ',
    'Output:\n',
    '  Tr\n',
    '  Container: mp4\n',
    'Edit: {Mode: Sequential}\n',
    '"Type": "Compose"\n',
    'UserData: |\n  Type: x\n',
    '\r\n',
    ':',
  ];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 10 }), (chosen) => {
      const text = chosen.join('');
      const parsed = parseJob(text);
      for (let offset = 0; offset <= text.length; offset++) {
        if (text[offset - 1] === '\r') continue; // no editor position between \r and \n
        const { line, col } = parsed.lineCounter.linePos(offset);
        const at = { line: line - 1, character: col - 1 };
        const result = hover(parsed, at);
        if (!result) continue;
        const range = result.range!;
        const before = (a: { line: number; character: number }, b: { line: number; character: number }) =>
          a.line < b.line || (a.line === b.line && a.character <= b.character);
        assert.ok(before(range.start, at) && before(at, range.end), JSON.stringify({ text, at, range }));
      }
    }),
    { numRuns: 200 },
  );
});
