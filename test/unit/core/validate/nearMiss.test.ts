import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TextEdit } from 'vscode-languageserver-types';
import { codeActions } from '../../../../core/src/features/codeActions';
import { parseJob } from '../../../../core/src/parse/document';
import { validateJob } from '../../../../core/src/validate/validate';
import { withRanges } from '../../../support/markers';

const URI = 'file:///job.highlight.yaml';

test('a misspelt required key of a rule (Contianer in a Concat job) is one problem at the typo, with the rename first', () => {
  const { text, ranges } = withRanges(`ProjectName: immtest
Type: Concat
Sources:
  - URI: oss://my-videos/a.mp4
Output:
  URI: oss://my-videos/o.mp4
  [[Contianer]]: mp4
`);
  const doc = parseJob(text);
  const diagnostics = validateJob(doc);
  assert.deepEqual(
    diagnostics.map((d) => [d.code, d.range]),
    [['unknown-property', ranges[0]]],
  );
  assert.match(diagnostics[0]!.message, /Did you mean `Container`\?.*`Container` is required here/);
  const actions = codeActions(doc, URI, ranges[0]!, diagnostics);
  assert.deepEqual(
    actions.map((a) => a.title),
    ['Rename to `Container`', 'Remove `Contianer`'],
  );
  assert.equal(actions[0]!.isPreferred, true);
  const [edit] = actions[0]!.edit!.changes![URI]! as TextEdit[];
  assert.equal(edit!.newText, 'Container');
  assert.ok(!actions.some((a) => /Add missing/.test(a.title)));
});

test('a misspelt required key of the schema is one problem too, and other missing keys are still reported', () => {
  const doc = parseJob('ProjectName: immtest\nType: Retrieval\nSorces:\n  - URI: oss://my-videos/a.mp4\n');
  const diagnostics = validateJob(doc);
  assert.deepEqual(
    diagnostics.map((d) => d.code),
    ['missing-property', 'unknown-property'],
  );
  assert.match(diagnostics[0]!.message, /missing the required property `Output`\.$/);
  assert.match(diagnostics[1]!.message, /Did you mean `Sources`\?/);
});

test('a misspelt required key of the schema (ProjectNme) gets the same note as one of a rule', () => {
  const { text, ranges } = withRanges(
    '[[ProjectNme]]: immtest\nType: Retrieval\nSources:\n  - URI: oss://my-videos/a.mp4\nOutput:\n  URI: oss://my-videos/o.mp4\n',
  );
  const doc = parseJob(text);
  const diagnostics = validateJob(doc);
  assert.deepEqual(
    diagnostics.map((d) => [d.code, d.range]),
    [['unknown-property', ranges[0]]],
  );
  assert.match(diagnostics[0]!.message, /Did you mean `ProjectName`\?.*`ProjectName` is required here, so the rename also fixes that\./);
  assert.equal(codeActions(doc, URI, ranges[0]!, diagnostics)[0]!.title, 'Rename to `ProjectName`');
});

test('an unknown key that is no near miss leaves the missing-property report alone', () => {
  const diagnostics = validateJob(
    parseJob('ProjectName: immtest\nType: Concat\nSources:\n  - URI: oss://my-videos/a.mp4\nOutput:\n  URI: oss://my-videos/o.mp4\n  Colour: red\n'),
  );
  assert.deepEqual(diagnostics.map((d) => d.code).sort(), ['container-required', 'unknown-property']);
});
