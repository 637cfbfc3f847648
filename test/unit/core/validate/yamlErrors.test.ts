import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseJob } from '../../../../core/src/parse/document';
import { formatDocument } from '../../../../core/src/features/formatting';
import { formattingRefusal } from '../../../../core/src/features/formatRefusal';
import { validateJob } from '../../../../core/src/validate/validate';
import { parserMessagesOf } from '../../../../core/src/validate/yamlErrors';
import { withRanges } from '../../../support/markers';
import { MINIMAL_CONCAT_JOB } from '../../../support/minimalJobs';

/** The diagnostics of `marked`, which must be exactly one, at the marked range. */
function only(marked: string): { message: string; parser: readonly string[] } {
  const { text, ranges } = withRanges(marked);
  const diagnostics = validateJob(parseJob(text));
  assert.deepEqual(
    diagnostics.map((d) => [d.code, d.range]),
    [['yaml-syntax', ranges[0]]],
    diagnostics.map((d) => d.message).join('\n'),
  );
  return { message: diagnostics[0]!.message, parser: parserMessagesOf(diagnostics[0]!) };
}

test('a key indented too far is one problem that names the line and the column it should have', () => {
  const { message, parser } = only(MINIMAL_CONCAT_JOB.replace('  Container: mp4', '    [[Container: mp4]]'));
  assert.equal(
    message,
    'Line 7 is indented too far: `Container` starts at column 5, but the keys of `Output` start at column 3. Indent it like the line above, or give the line above no value to nest under it.',
  );
  assert.deepEqual(parser, ['Nested mappings are not allowed in compact mappings', 'Implicit keys need to be on a single line']);
  // In a list item too.
  assert.match(
    only(MINIMAL_CONCAT_JOB.replace('  - URI: oss://my-videos/a.mp4', '  - URI: oss://my-videos/a.mp4\n      [[StartTime: 1]]')).message,
    /^Line 5 is indented too far: `StartTime` starts at column 7, .* column 5\./,
  );
});

test('a key not indented enough to line up names the columns that would', () => {
  const { message, parser } = only(MINIMAL_CONCAT_JOB.replace('  Container: mp4', ' [[Container: mp4]]'));
  assert.equal(message, 'Line 7 is not indented enough to line up: `Container` starts at column 2, where no key above it starts (column 1 or column 3 would).');
  assert.deepEqual(parser, ['All mapping items must start at the same column']);
});

test('a missing space after a colon says what to write', () => {
  assert.equal(
    only(MINIMAL_CONCAT_JOB.replace('Type: Concat', '[[Type:Concat]]')).message,
    'Line 2 needs a space after the colon: write `Type: Concat`. Without it YAML reads `Type:Concat` as one piece of text.',
  );
  assert.match(
    only(MINIMAL_CONCAT_JOB.replace('  Container: mp4', '  [[Container:mp4]]')).message,
    /^Line 7 needs a space after the colon: write `Container: mp4`/,
  );
});

test('a tab and an unclosed quote are named, with the parser text kept', () => {
  const tab = only(MINIMAL_CONCAT_JOB.replace('  Container: mp4', '[[\t]]Container: mp4'));
  assert.equal(tab.message, 'Line 7 is indented with a tab: YAML indents with spaces only. Replace the tab with spaces.');
  assert.deepEqual(tab.parser, ['Tabs are not allowed as indentation']);
  const quoted = only(MINIMAL_CONCAT_JOB.replace('ProjectName: immtest', 'ProjectName: [["immtest]]'));
  assert.equal(quoted.message, 'The double quote opened on line 1 (`"immtest`) is never closed: add the closing " at the end of the value.');
  assert.match(only(MINIMAL_CONCAT_JOB.replace('Type: Concat', "Type: [['Concat]]")).message, /^The single quote opened on line 2 \(`'Concat`\)/);
});

test('errors the YAML explains do not leave schema problems that only follow from them, and valid indentation stays silent', () => {
  // Without the cascade rule: Output.URI a mapping, Container missing, Container unknown at the top level, …
  assert.equal(validateJob(parseJob(MINIMAL_CONCAT_JOB.replace('  Container: mp4', ' Container: mp4'))).length, 1);
  for (const text of [
    MINIMAL_CONCAT_JOB,
    MINIMAL_CONCAT_JOB.replace('  - URI: oss://my-videos/a.mp4', '  - URI: oss://my-videos/a.mp4\n    StartTime: 1'),
    MINIMAL_CONCAT_JOB.replace(/\n {2}/g, '\n    '),
  ]) {
    assert.deepEqual(
      validateJob(parseJob(text)).map((d) => d.message),
      [],
    );
  }
  // A problem elsewhere in the file is still reported.
  const codes = validateJob(parseJob(MINIMAL_CONCAT_JOB.replace('  Container: mp4', '    Container: mp4').replace('Type: Concat', 'Type: Concatt'))).map(
    (d) => d.code,
  );
  assert.deepEqual(codes, ['invalid-value', 'yaml-syntax']);
});

test('formatting a file it cannot read says why it did nothing; a formatted file gets no such word', () => {
  const broken = parseJob(MINIMAL_CONCAT_JOB.replace('  Container: mp4', '    Container: mp4'));
  assert.deepEqual(formatDocument(broken, { tabSize: 2, insertSpaces: true }), []);
  assert.match(formattingRefusal(broken) ?? '', /^Format Document left the file as it is: the YAML on line 7 cannot be read.* Line 7 is indented too far/);
  assert.equal(formattingRefusal(parseJob(MINIMAL_CONCAT_JOB)), undefined);
});

test("a tab-indented key is one problem: not the parser's misreading of the rest of its line, not an empty object above it", () => {
  const alone = only(MINIMAL_CONCAT_JOB.replace('  URI: oss://my-videos/o.mp4\n  Container: mp4', '[[\t]]URI: oss://my-videos/o.mp4'));
  assert.equal(alone.message, 'Line 6 is indented with a tab: YAML indents with spaces only. Replace the tab with spaces.');
  const withSibling = only(MINIMAL_CONCAT_JOB.replace('  URI: oss://my-videos/o.mp4', '[[\t]]URI: oss://my-videos/o.mp4'));
  assert.equal(withSibling.message, alone.message);
  assert.ok(withSibling.parser.includes('Tabs are not allowed as indentation'), withSibling.parser.join(' | '));
});
