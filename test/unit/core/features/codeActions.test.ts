import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Document, isCollection, parse, visit } from 'yaml';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, Range, TextEdit } from 'vscode-languageserver-types';
import { codeActions } from '../../../../core/src/features/codeActions';
import { parseJob } from '../../../../core/src/parse/document';
import { validateJob } from '../../../../core/src/validate/validate';

const URI = 'file:///job.highlight.yaml';

function apply(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create(URI, 'imm-highlight', 1, text), [...edits]);
}

function editsOf(action: CodeAction): TextEdit[] {
  const edits = action.edit?.changes?.[URI];
  assert.ok(edits, `action ${action.title} has no edits for the file`);
  return edits;
}

function diagnosticWithCode(text: string, code: string): Diagnostic {
  const found = validateJob(parseJob(text)).find((diagnostic) => diagnostic.code === code);
  assert.ok(found, `expected a ${code} diagnostic in:\n${text}`);
  return found;
}

/** The actions offered for the first diagnostic with `code`, as the editor would ask for them. */
function actionsFor(text: string, code: string): CodeAction[] {
  const diagnostic = diagnosticWithCode(text, code);
  return codeActions(parseJob(text), URI, diagnostic.range, [diagnostic]);
}

/**
 * Applies the action titled `title` for the first `code` diagnostic, checks the diagnostic is gone after
 * the edit, and returns the new text.
 */
function applyFix(text: string, code: string, title: string): string {
  const diagnostic = diagnosticWithCode(text, code);
  const action = codeActions(parseJob(text), URI, diagnostic.range, [diagnostic]).find((candidate) => candidate.title === title);
  assert.ok(action, `no action titled ${title}`);
  assert.equal(action.kind, 'quickfix');
  assert.deepEqual(action.diagnostics, [diagnostic]);
  const fixed = apply(text, editsOf(action));
  const after = validateJob(parseJob(fixed));
  assert.ok(!after.some((d) => d.code === diagnostic.code && d.message === diagnostic.message), `the diagnostic survived the fix:\n${fixed}`);
  assert.ok(!after.some((d) => String(d.code).startsWith('yaml-')), `the fix broke the YAML:\n${fixed}`);
  return fixed;
}

const JOB_HEAD = 'ProjectName: demo\n';
const SOURCES = 'Sources:\n  - URI: oss://bucket/in.mp4\n';
const OUTPUT = 'Output:\n  URI: oss://bucket/out.mp4\n';

test('replaces a misspelt enum value, as the preferred fix', () => {
  const text = `${JOB_HEAD}Type: retrival\n${SOURCES}${OUTPUT}`;
  const actions = actionsFor(text, 'invalid-value');
  assert.equal(actions.length, 1);
  assert.equal(actions[0]!.title, 'Change to `Retrieval`');
  assert.equal(actions[0]!.isPreferred, true);
  assert.equal(applyFix(text, 'invalid-value', 'Change to `Retrieval`'), `${JOB_HEAD}Type: Retrieval\n${SOURCES}${OUTPUT}`);
});

test('keeps single and double quotes around a replaced value', () => {
  const single = `${JOB_HEAD}Type: 'retrieval'\n${SOURCES}${OUTPUT}`;
  assert.equal(applyFix(single, 'invalid-value', 'Change to `Retrieval`'), `${JOB_HEAD}Type: 'Retrieval'\n${SOURCES}${OUTPUT}`);
  const double = `${JOB_HEAD}Type: "retrieval" # the kind of job\n${SOURCES}${OUTPUT}`;
  assert.equal(applyFix(double, 'invalid-value', 'Change to `Retrieval`'), `${JOB_HEAD}Type: "Retrieval" # the kind of job\n${SOURCES}${OUTPUT}`);
});

test('renames a misspelt key as the preferred fix and offers removing it too', () => {
  const text = `${JOB_HEAD}Tpye: Retrieval\n${SOURCES}${OUTPUT}`;
  const actions = actionsFor(text, 'unknown-property');
  assert.deepEqual(
    actions.map((action) => [action.title, action.isPreferred ?? false]),
    [
      ['Rename to `Type`', true],
      ['Remove `Tpye`', false],
    ],
  );
  assert.equal(applyFix(text, 'unknown-property', 'Rename to `Type`'), `${JOB_HEAD}Type: Retrieval\n${SOURCES}${OUTPUT}`);
});

test('does not offer a rename onto a key that is already there', () => {
  const text = `${JOB_HEAD}Type: Retrieval\ntype: Concat\n${SOURCES}${OUTPUT}`;
  const titles = actionsFor(text, 'unknown-property').map((action) => action.title);
  assert.deepEqual(titles, ['Remove `type`']);
});

test('adds a missing required object as a skeleton after the last key, with an empty value to fill in', () => {
  const text = `${JOB_HEAD}Type: Retrieval\n${SOURCES}`;
  const fixed = applyFix(text, 'missing-property', 'Add missing property `Output`');
  assert.equal(fixed, `${JOB_HEAD}Type: Retrieval\n${SOURCES}Output:\n  URI: \n`);
  // What is left to do is said at the empty value.
  assert.ok(validateJob(parseJob(fixed)).some((d) => d.message.startsWith('Output.URI must be')));
});

test('writes the line breaks the document uses', () => {
  const text = `${JOB_HEAD}Type: Retrieval\n${SOURCES}`.replace(/\n/g, '\r\n');
  assert.equal(applyFix(text, 'missing-property', 'Add missing property `Output`'), `${text}Output:\r\n  URI: \r\n`);
  const withStart = `${JOB_HEAD}Type: Retrieval\nSources:\n  - URI: oss://bucket/in.mp4\n    StartTime: 1\n${OUTPUT}`.replace(/\n/g, '\r\n');
  assert.equal(
    applyFix(withStart, 'source-timing-concat-only', 'Remove `StartTime`'),
    `${JOB_HEAD}Type: Retrieval\n${SOURCES}${OUTPUT}`.replace(/\n/g, '\r\n'),
  );
});

test('adds a missing property where the schema orders it, above the comments of the next key', () => {
  const text = `${JOB_HEAD}# what to cut\n${SOURCES}${OUTPUT}`;
  assert.equal(applyFix(text, 'missing-property', 'Add missing property `Type`'), `${JOB_HEAD}Type: Retrieval\n# what to cut\n${SOURCES}${OUTPUT}`);
});

test('adds a required list as a list with one skeleton item, indented like the document', () => {
  const text = `${JOB_HEAD}Type: Retrieval\nOutput:\n    URI: oss://bucket/out.mp4\n`;
  assert.equal(
    applyFix(text, 'missing-property', 'Add missing property `Sources`'),
    `${JOB_HEAD}Type: Retrieval\nSources:\n    - URI: \nOutput:\n    URI: oss://bucket/out.mp4\n`,
  );
});

test('fills a required enum with a value the schema allows', () => {
  const text = `${JOB_HEAD}Type: Concat\n${SOURCES}${OUTPUT}`;
  assert.equal(applyFix(text, 'container-required', 'Add missing property `Container`'), `${JOB_HEAD}Type: Concat\n${SOURCES}${OUTPUT}  Container: mp4\n`);
});

test('adds a missing key to a list item whose first key sits on the dash line', () => {
  const edit = 'Edit:\n  Mode: Sequential\n  TransitionMode: Random\n  Transitions:\n    - Duration: 1\n';
  const text = `${JOB_HEAD}Type: Compose\n${SOURCES}Output:\n  URI: oss://bucket/out.mp4\n  Container: mp4\n${edit}`;
  const fixed = applyFix(text, 'missing-property', 'Add missing property `Transition`');
  assert.ok(fixed.endsWith('  Transitions:\n    - Transition: \n      Duration: 1\n'), fixed);
});

test('adds missing properties inside a flow mapping', () => {
  const text = `${JOB_HEAD}Type: Concat\nSources: [{URI: oss://bucket/in.mp4}]\nOutput: {URI: oss://bucket/out.mp4}\n`;
  assert.equal(
    applyFix(text, 'container-required', 'Add missing property `Container`'),
    `${JOB_HEAD}Type: Concat\nSources: [{URI: oss://bucket/in.mp4}]\nOutput: {URI: oss://bucket/out.mp4, Container: mp4}\n`,
  );
  const empty = `${JOB_HEAD}Type: Retrieval\n${SOURCES}Output: {}\n`;
  assert.equal(applyFix(empty, 'missing-property', 'Add missing property `URI`'), `${JOB_HEAD}Type: Retrieval\n${SOURCES}Output: {URI: }\n`);
});

test('removes a property line together with its comment', () => {
  const text = `${JOB_HEAD}Type: Retrieval\nSources:\n  - URI: oss://bucket/in.mp4\n    StartTime: 3 # skip the intro\n${OUTPUT}`;
  assert.equal(applyFix(text, 'source-timing-concat-only', 'Remove `StartTime`'), `${JOB_HEAD}Type: Retrieval\n${SOURCES}${OUTPUT}`);
});

test('removes a property with a nested block value, keeping the lines around it', () => {
  const video =
    '  Video:\n    FilterVideo: # blur it\n      Watermarks:\n        - Content: hi\n          # about the size\n          FontSize: 20\n    DisableVideo: false\n';
  const text = `${JOB_HEAD}Type: Retrieval\n${SOURCES}${OUTPUT}${video}# done\n`;
  assert.equal(
    applyFix(text, 'codec-copy-ignores-settings', 'Remove `FilterVideo`'),
    `${JOB_HEAD}Type: Retrieval\n${SOURCES}${OUTPUT}  Video:\n    DisableVideo: false\n# done\n`,
  );
});

test('removes the first key of a list item and moves the next key onto the dash', () => {
  const text = `${JOB_HEAD}Type: Retrieval\nSources:\n  - StartTime: 3\n    URI: oss://bucket/in.mp4\n${OUTPUT}`;
  assert.equal(applyFix(text, 'source-timing-concat-only', 'Remove `StartTime`'), `${JOB_HEAD}Type: Retrieval\n${SOURCES}${OUTPUT}`);
});

test('removes a list item whose only key is removed, when the list has other items', () => {
  const text = `${JOB_HEAD}Type: Retrieval\nSources:\n  - URI: oss://bucket/in.mp4\n  - Uri2: oss://bucket/b.mp4\n${OUTPUT}`;
  assert.equal(applyFix(text, 'unknown-property', 'Remove `Uri2`'), `${JOB_HEAD}Type: Retrieval\n${SOURCES}${OUTPUT}`);
});

test('leaves an empty mapping when the only key of an object is removed', () => {
  const text = `${JOB_HEAD}Type: Retrieval\n${SOURCES}Output:\n  URI: oss://bucket/out/\n  Segment:\n    StartNumber: 1 # first part\n`;
  assert.equal(
    applyFix(text, 'segment-start-number-hls-only', 'Remove `StartNumber`'),
    `${JOB_HEAD}Type: Retrieval\n${SOURCES}Output:\n  URI: oss://bucket/out/\n  Segment: {} # first part\n`,
  );
});

test('keeps a comment on the line of an emptied object', () => {
  const text = `${JOB_HEAD}Type: Retrieval\n${SOURCES}Output:\n  URI: oss://bucket/out/\n  Segment: # parts\n    StartNumber: 1\n`;
  assert.equal(
    applyFix(text, 'segment-start-number-hls-only', 'Remove `StartNumber`'),
    `${JOB_HEAD}Type: Retrieval\n${SOURCES}Output:\n  URI: oss://bucket/out/\n  Segment: # parts\n    {}\n`,
  );
});

test('removes a property from a flow mapping with its comma', () => {
  const text = `${JOB_HEAD}Type: Retrieval\nSources: [{URI: oss://bucket/in.mp4, StartTime: 3}]\n${OUTPUT}`;
  assert.equal(
    applyFix(text, 'source-timing-concat-only', 'Remove `StartTime`'),
    `${JOB_HEAD}Type: Retrieval\nSources: [{URI: oss://bucket/in.mp4}]\n${OUTPUT}`,
  );
  const first = `${JOB_HEAD}Type: Retrieval\nSources: [{StartTime: 3, URI: oss://bucket/in.mp4}]\n${OUTPUT}`;
  assert.equal(
    applyFix(first, 'source-timing-concat-only', 'Remove `StartTime`'),
    `${JOB_HEAD}Type: Retrieval\nSources: [{URI: oss://bucket/in.mp4}]\n${OUTPUT}`,
  );
});

test('turns a UserData mapping into a quoted JSON string with the same value', () => {
  const text = `${JOB_HEAD}Type: Retrieval\n${SOURCES}${OUTPUT}UserData: # for the callback\n  id: 7\n  name: "it's me"\n  tags: [a, b]\n`;
  const fixed = applyFix(text, 'invalid-type', 'Convert UserData to a JSON string');
  assert.equal(fixed, `${JOB_HEAD}Type: Retrieval\n${SOURCES}${OUTPUT}UserData: '{"id":7,"name":"it''s me","tags":["a","b"]}'\n`);
  const userData = (parse(fixed) as { UserData: string }).UserData;
  assert.deepEqual(JSON.parse(userData), { id: 7, name: "it's me", tags: ['a', 'b'] });
});

test('turns a flow UserData mapping into a JSON string in place', () => {
  const text = `${JOB_HEAD}Type: Retrieval\n${SOURCES}${OUTPUT}UserData: {a: 1} # keep\n`;
  assert.equal(
    applyFix(text, 'invalid-type', 'Convert UserData to a JSON string'),
    `${JOB_HEAD}Type: Retrieval\n${SOURCES}${OUTPUT}UserData: '{"a":1}' # keep\n`,
  );
});

test('ignores diagnostics whose data is not fix hints, and hints that no longer fit the text', () => {
  const text = `${JOB_HEAD}Type: Retrieval\n${SOURCES}${OUTPUT}`;
  const doc = parseJob(text);
  const at: Range = { start: { line: 1, character: 6 }, end: { line: 1, character: 15 } };
  const foreign: Diagnostic[] = [
    { range: at, message: 'x' },
    { range: at, message: 'x', data: { fixes: [{ kind: 'explode', path: ['Type'] }] } },
    { range: at, message: 'x', data: { fixes: [{ kind: 'rename-key', path: ['Type'] }] } },
    // Already fixed: the value is what the hint asks for.
    { range: at, message: 'x', data: { fixes: [{ kind: 'replace-value', path: ['Type'], value: 'Retrieval' }] } },
    // The key was deleted since the diagnostic was made.
    { range: at, message: 'x', data: { fixes: [{ kind: 'remove-property', path: ['Sources', 0, 'StartTime'] }] } },
  ];
  assert.deepEqual(codeActions(doc, URI, at, foreign), []);
});

test('offers no fix that would write into an unclosed flow mapping', () => {
  const text = '{';
  const doc = parseJob(text);
  const diagnostics = validateJob(doc);
  const whole: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
  assert.deepEqual(codeActions(doc, URI, whole, diagnostics), []);
});

test('offers only the fixes of diagnostics that touch the requested range', () => {
  const text = `${JOB_HEAD}Type: retrieval\nSources:\n  - URI: oss://bucket/in.mp4\n    Volume: 1\n${OUTPUT}`;
  const doc = parseJob(text);
  const diagnostics = validateJob(doc);
  const onType: Range = { start: { line: 1, character: 8 }, end: { line: 1, character: 8 } };
  assert.deepEqual(
    codeActions(doc, URI, onType, diagnostics).map((action) => action.title),
    ['Change to `Retrieval`'],
  );
});

test('fixes every misspelt value of the file in one action when there are several', () => {
  const text = `${JOB_HEAD}Type: retrieval\nMode: scene\n${SOURCES}${OUTPUT}`;
  const doc = parseJob(text);
  const diagnostics = validateJob(doc);
  const first = diagnostics.find((d) => d.code === 'invalid-value')!;
  const actions = codeActions(doc, URI, first.range, [first]);
  const fixAll = actions.find((action) => action.title === 'Fix all misspelt values in this file');
  assert.ok(fixAll);
  assert.equal(fixAll.diagnostics?.length, 2);
  assert.equal(apply(text, editsOf(fixAll)), `${JOB_HEAD}Type: Retrieval\nMode: Scene\n${SOURCES}${OUTPUT}`);
});

test('edits only the text that changes', () => {
  const text = `${JOB_HEAD}Type: retrieval\n${SOURCES}${OUTPUT}`;
  const [action] = actionsFor(text, 'invalid-value');
  assert.deepEqual(editsOf(action!), [{ range: { start: { line: 1, character: 6 }, end: { line: 1, character: 15 } }, newText: 'Retrieval' }]);
});

test('every offered fix leaves valid YAML without its diagnostic, however the job is laid out', () => {
  // One job with a problem of every fix kind, each nested differently.
  const job = {
    ProjectName: 'demo',
    Type: 'Compose',
    Mode: 'scene',
    Hightlight: { Content: 'goal' },
    Sources: [{ URI: 'oss://bucket/a.mp4', Duration: 3 }, { Foo: 1 }, { StartTime: 2, URI: 'oss://bucket/b.mp4', Colour: 'red' }],
    Output: { URI: 'oss://bucket/out/', Segment: { StartNumber: 1 }, Video: { TranscodeVideo: { Codec: 'copy', CRF: 23 } } },
    Edit: { Mode: 'Sequential', TransitionMode: 'Sequential', Transitions: [{ Duration: 1, Weight: 20 }] },
    UserData: { id: 7, name: "it's", nested: { list: [1, 'two'] } },
    Notification: { MNS: {} },
    Tags: { team: 'video' },
  };
  const layout = fc.record({
    indent: fc.integer({ min: 1, max: 4 }),
    indentSeq: fc.boolean(),
    flowEvery: fc.integer({ min: 2, max: 9 }),
    commentEvery: fc.integer({ min: 2, max: 9 }),
    typeQuote: fc.constantFrom('PLAIN', 'QUOTE_SINGLE', 'QUOTE_DOUBLE'),
  });
  fc.assert(
    fc.property(layout, (style) => {
      const document = new Document(job);
      let count = 0;
      visit(document, (_, node) => {
        count++;
        if (isCollection(node) && count % style.flowEvery === 0) node.flow = true;
        if (!isCollection(node) && count % style.commentEvery === 0) (node as { comment?: string }).comment = ` note ${count}`;
      });
      const text = document.toString({ indent: style.indent, indentSeq: style.indentSeq, lineWidth: 0 });
      const doc = parseJob(text);
      const diagnostics = validateJob(doc);
      for (const diagnostic of diagnostics) {
        for (const action of codeActions(doc, URI, diagnostic.range, [diagnostic])) {
          const fixed = apply(text, editsOf(action));
          const after = validateJob(parseJob(fixed));
          const where = `${action.title} on:\n${text}\n---->\n${fixed}`;
          assert.ok(!after.some((d) => String(d.code).startsWith('yaml-')), `broken YAML after ${where}`);
          for (const gone of action.diagnostics ?? []) {
            assert.ok(!after.some((d) => d.code === gone.code && d.message === gone.message), `diagnostic survived ${where}`);
          }
        }
      }
    }),
    { numRuns: 80 },
  );
});
