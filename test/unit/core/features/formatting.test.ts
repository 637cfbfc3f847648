import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Document, isCollection, parseAllDocuments, visit } from 'yaml';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseJob } from '../../../../core/src/parse/document';
import { formatDocument, type FormattingOptions } from '../../../../core/src/features/formatting';

const TWO: FormattingOptions = { tabSize: 2, insertSpaces: true };

function format(text: string, options: FormattingOptions = TWO): string {
  const edits = formatDocument(parseJob(text), options);
  return TextDocument.applyEdits(TextDocument.create('file:///job.highlight.yaml', 'imm-highlight', 1, text), edits);
}

/** Every document's value, to prove formatting changed only the layout. */
function values(text: string): unknown[] {
  return parseAllDocuments(text).map((document) => document.toJS());
}

function sameYaml(a: string, b: string): boolean {
  const documents = parseAllDocuments(a);
  return documents.every((document) => document.errors.length === 0) && JSON.stringify(values(a)) === JSON.stringify(values(b));
}

/** Every comment of a text, in order, as written. */
function comments(text: string): string[] {
  return text.match(/#.*$/gm)?.map((comment) => comment.trim()) ?? [];
}

const MESSY = `# Highlight job for the demo
ProjectName:    "demo"   # quoted on purpose
Type:   'Retrieval'
Sources:
- URI: oss://bucket/a.mp4   # first

  # the second clip
- {URI: oss://bucket/b.mp4,
     StartTime: 1}
Output:
      URI: oss://bucket/out.mp4
      Video:
            DisableVideo: false
      # about the audio
      Audio:    {DisableAudio: true}
UserData: |
    {"id": 7,
      "tags": ["a"]}
Tags: >-
        folded
        text
Number: 0x1F
`;

const TIDY = `# Highlight job for the demo
ProjectName: "demo"   # quoted on purpose
Type: 'Retrieval'
Sources:
  - URI: oss://bucket/a.mp4   # first

    # the second clip
  - {URI: oss://bucket/b.mp4,
       StartTime: 1}
Output:
  URI: oss://bucket/out.mp4
  Video:
    DisableVideo: false
  # about the audio
  Audio: {DisableAudio: true}
UserData: |
  {"id": 7,
    "tags": ["a"]}
Tags: >-
  folded
  text
Number: 0x1F
`;

test('re-indents to the tab size with lists under their key, one space after colons', () => {
  assert.equal(format(MESSY), TIDY);
});

test('keeps every comment, value, quote and scalar style', () => {
  const formatted = format(MESSY);
  assert.deepEqual(values(formatted), values(MESSY));
  assert.deepEqual(comments(formatted), comments(MESSY));
  for (const written of ['"demo"', "'Retrieval'", '0x1F', 'UserData: |', 'Tags: >-', '{URI: oss://bucket/b.mp4,']) {
    assert.ok(formatted.includes(written), written);
  }
});

test('is idempotent', () => {
  assert.deepEqual(formatDocument(parseJob(TIDY), TWO), []);
  const four = format(MESSY, { tabSize: 4, insertSpaces: true });
  assert.equal(format(four, { tabSize: 4, insertSpaces: true }), four);
});

test('indents four spaces per level when the tab size is 4', () => {
  assert.equal(
    format('Sources:\n- URI: oss://b/a.mp4\n  Duration: 2\nOutput:\n  Video:\n    DisableVideo: true\n', { tabSize: 4, insertSpaces: true }),
    'Sources:\n    - URI: oss://b/a.mp4\n      Duration: 2\nOutput:\n    Video:\n        DisableVideo: true\n',
  );
});

test('writes one space after a dash and after a colon', () => {
  assert.equal(
    format('Sources:\n  -   URI:    oss://b/a.mp4\n      Duration:\t2\n  -  [1, 2]\n'),
    'Sources:\n  - URI: oss://b/a.mp4\n    Duration: 2\n  - [1, 2]\n',
  );
});

test('removes trailing whitespace but not inside block scalars', () => {
  assert.equal(format('Type: Retrieval   \nUserData: |\n  kept   \n\n  end\n'), 'Type: Retrieval\nUserData: |\n  kept   \n\n  end\n');
});

test('ends the file with exactly one line break, unless a |+ scalar keeps the blank lines', () => {
  assert.equal(format('Type: Retrieval'), 'Type: Retrieval\n');
  assert.equal(format('Type: Retrieval\n\n\n'), 'Type: Retrieval\n');
  assert.equal(format('UserData: |+\n  text\n\n'), 'UserData: |+\n  text\n\n');
});

test('keeps all documents of the file and their markers', () => {
  const text = 'Type: Retrieval\n---\n# second\nOther:\n    nested: 1\n...\n';
  assert.equal(format(text), 'Type: Retrieval\n---\n# second\nOther:\n  nested: 1\n...\n');
});

test('keeps blank lines and places a comment after a block with that block', () => {
  const text = 'Output:\n    URI: oss://b/o.mp4\n    # more to come\n\n# next\nType: Retrieval\n';
  assert.equal(format(text), 'Output:\n  URI: oss://b/o.mp4\n  # more to come\n\n# next\nType: Retrieval\n');
});

test('keeps Windows line breaks', () => {
  assert.equal(format('Output:\r\n    URI: x  \r\n'), 'Output:\r\n  URI: x\r\n');
});

test('keeps the offset of a block scalar with an indentation indicator', () => {
  const text = 'Output:\n    UserData: |2\n         lead\n        text\n';
  assert.equal(format(text), 'Output:\n  UserData: |2\n       lead\n      text\n');
  assert.deepEqual(values(format(text)), values(text));
});

test('refuses to format a file with YAML syntax errors', () => {
  assert.deepEqual(formatDocument(parseJob('Output:\n    URI: [oss://b/o.mp4\nType:   Retrieval\n'), TWO), []);
  assert.deepEqual(formatDocument(parseJob('Type: Retrieval\n---\nbad: "unclosed\n'), TWO), []);
});

test('returns one edit covering only what changes', () => {
  const edits = formatDocument(parseJob('ProjectName: demo\nOutput:\n    URI: x\nType: Retrieval\n'), TWO);
  assert.deepEqual(edits, [{ range: { start: { line: 2, character: 2 }, end: { line: 2, character: 4 } }, newText: '' }]);
});

test('formats an empty file to nothing and leaves a file of blank lines alone', () => {
  assert.deepEqual(formatDocument(parseJob(''), TWO), []);
  assert.deepEqual(formatDocument(parseJob('  \n\n'), TWO), []);
});

test('leaves a file alone when formatting would change what the parser reads', () => {
  // Found by fuzzing: a lone carriage return and a form feed are text to the parser, not whitespace.
  assert.deepEqual(formatDocument(parseJob('\u0010abc\r'), TWO), []);
  assert.deepEqual(formatDocument(parseJob('\f'), TWO), []);
  // A key that is a mapping reads differently when its lines move.
  assert.deepEqual(formatDocument(parseJob('? {a: 1,\n     b: 2}\n: v\nc:    1\n'), TWO), []);
});

test('never changes the value or the comments of generated YAML, and formats it to a fixed point', () => {
  const key = fc.stringMatching(/^[A-Z][a-zA-Z]{0,7}$/);
  const text = fc.oneof(
    fc.string({ maxLength: 30 }),
    fc.constantFrom('multi\nline\n', 'it\'s "quoted"', '  lead', 'trail  ', '# not a comment', 'a: b', '- x'),
  );
  const scalar = fc.oneof(text, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null));
  const { tree } = fc.letrec((tie) => ({
    tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('list'), tie('map')),
    list: fc.array(tie('tree'), { maxLength: 4 }),
    map: fc.dictionary(key, tie('tree'), { maxKeys: 4 }),
  }));
  const layout = fc.record({
    indent: fc.integer({ min: 1, max: 5 }),
    indentSeq: fc.boolean(),
    lineWidth: fc.constantFrom(0, 16, 40),
    flowEvery: fc.integer({ min: 2, max: 6 }),
    commentEvery: fc.integer({ min: 2, max: 5 }),
    messEvery: fc.integer({ min: 1, max: 4 }),
  });
  fc.assert(
    fc.property(fc.dictionary(key, tree, { minKeys: 1, maxKeys: 6 }), layout, fc.constantFrom(2, 4), (value, style, tabSize) => {
      const document = new Document(value);
      let count = 0;
      visit(document, (_, node) => {
        count++;
        if (isCollection(node) && count % style.flowEvery === 0) node.flow = true;
        if (!isCollection(node) && count % style.commentEvery === 0) (node as { comment?: string }).comment = ` note ${count}`;
      });
      const printed = document.toString({ indent: style.indent, indentSeq: style.indentSeq, lineWidth: style.lineWidth, minContentWidth: 0 });
      // Wider gaps after dashes and colons and trailing spaces, where they do not change the value.
      const messy = printed
        .split('\n')
        .map((line, i) => (i % style.messEvery === 0 ? `${line.replace(/^( *-) /, '$1   ').replace(/: /, ':   ')}  ` : line))
        .join('\n');
      const source = sameYaml(messy, printed) ? messy : printed;
      const options = { tabSize, insertSpaces: true };
      const formatted = format(source, options);
      assert.deepEqual(values(formatted), values(source), `value changed:\n${source}\n---->\n${formatted}`);
      assert.deepEqual(
        comments(formatted).filter((c) => c.startsWith('# note')),
        comments(source).filter((c) => c.startsWith('# note')),
      );
      assert.equal(format(formatted, options), formatted, `not idempotent:\n${formatted}`);
    }),
    { numRuns: 300 },
  );
});
