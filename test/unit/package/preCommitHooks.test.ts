/** .pre-commit-hooks.yaml: a hook definition pre-commit can read, running `highlight-task validate` on job files only. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';

const ROOT = path.resolve(__dirname, '../../..');

interface HookDefinition {
  id: string;
  name: string;
  entry: string;
  language: string;
  files: string;
  pass_filenames?: boolean;
}

test('the hook file parses, with the fields pre-commit requires and validate as its entry', () => {
  const hooks = parse(readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as HookDefinition[];
  assert.ok(Array.isArray(hooks) && hooks.length === 1);
  const [hook] = hooks;
  assert.equal(hook!.id, 'highlight-task-validate');
  assert.ok(hook!.name);
  assert.equal(hook!.entry, 'highlight-task validate');
  assert.equal(hook!.language, 'system');
  // pre-commit appends the staged files it matched: validate takes file arguments.
  assert.notEqual(hook!.pass_filenames, false);
});

test("the hook's files pattern matches job files and nothing else (a regex Python and JavaScript read alike)", () => {
  const [hook] = parse(readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as HookDefinition[];
  const files = new RegExp(hook!.files);
  for (const name of ['a.highlight.yaml', 'jobs/b.highlight.yml', 'my jobs/精彩集锦.highlight.yaml', 'deep/x/#1 100%.highlight.yaml'])
    assert.match(name, files, name);
  for (const name of ['a.yaml', 'highlight.yaml', 'a.highlight.yaml.bak', 'a.highlight.json', 'a-highlight.yaml', 'a.highlightXyaml'])
    assert.doesNotMatch(name, files, name);
});
