import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isJobDocument, isJobFileName } from '../../../../core/src/shared/jobFiles';

test('a job file is named *.highlight.yaml or *.highlight.yml, in any letter case', () => {
  for (const name of ['a.highlight.yaml', 'dir/b.highlight.yml', 'file:///c/JOB.HIGHLIGHT.YAML', 'Mixed.Highlight.Yml']) assert.ok(isJobFileName(name), name);
  for (const name of ['a.yaml', 'highlight.yaml', 'a.highlight.yaml.bak', 'a.highlight.json', 'a-highlight.yaml']) assert.ok(!isJobFileName(name), name);
});

test('a document is a job by its language, or by its name under any other language', () => {
  assert.ok(isJobDocument('imm-highlight', 'untitled:Untitled-1'));
  assert.ok(isJobDocument('yaml', '/work/JOB.HIGHLIGHT.YAML'));
  assert.ok(!isJobDocument('yaml', '/work/job.yaml'));
});
