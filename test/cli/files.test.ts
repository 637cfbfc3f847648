/** cli/src/files.ts: which files a folder argument yields. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expandFiles } from '../../cli/src/files';

test('a folder yields its job files at any depth, in any letter case, like the editor counts them (issue 21, 5)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'highlight-files-'));
  try {
    mkdirSync(join(dir, 'nested'));
    mkdirSync(join(dir, 'node_modules'));
    for (const name of [
      'a.highlight.yaml',
      'nested/B.HIGHLIGHT.YML',
      'nested/c.Highlight.Yaml',
      'd.yaml',
      'e.highlight.yaml.bak',
      'node_modules/f.highlight.yaml',
    ])
      writeFileSync(join(dir, name), 'ProjectName: p\n');
    const found = await expandFiles(['.'], dir);
    assert.deepEqual(
      found.map((file) => file.slice(dir.length + 1)),
      ['a.highlight.yaml', 'nested/B.HIGHLIGHT.YML', 'nested/c.Highlight.Yaml'],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
