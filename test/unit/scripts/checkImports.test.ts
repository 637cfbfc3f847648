import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const SCRIPT = path.resolve(__dirname, '../../../scripts/check-imports.mjs');

/** Runs scripts/check-imports.mjs on a tree of the given files; returns its exit code and what it printed. */
function check(files: Record<string, string>): { status: number | null; output: string } {
  const root = mkdtempSync(path.join(tmpdir(), 'check-imports-'));
  try {
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), text);
    }
    const run = spawnSync(process.execPath, [SCRIPT, '--root', root], { encoding: 'utf8' });
    return { status: run.status, output: run.stdout + run.stderr };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const INDEX = { 'core/src/index.ts': "export { a } from './a';\n", 'core/src/a.ts': 'export const a = 1;\n' };

test('a tree that keeps every rule passes', () => {
  const result = check({ ...INDEX, 'client/src/x.ts': "import { a } from '../../core/src/index';\nexport const x = a;\n" });
  assert.equal(result.status, 0, result.output);
});

test('a cycle with a type-only leg is a cycle (import/no-cycle would skip it)', () => {
  const result = check({
    ...INDEX,
    'core/src/request/request.ts': "import { line } from './commandLine';\nexport interface Request { a: string }\nexport const preview = line;\n",
    'core/src/request/commandLine.ts': "import type { Request } from './request';\nexport const line = (r: Request) => r.a;\n",
  });
  assert.equal(result.status, 1);
  assert.match(
    result.output,
    /import cycle \(type-only imports count\): core\/src\/request\/commandLine\.ts -> core\/src\/request\/request\.ts -> core\/src\/request\/commandLine\.ts/,
  );
});

test('product code outside core/ may import the core only through its index', () => {
  const result = check({ ...INDEX, 'server/src/s.ts': "import type { a } from '../../core/src/a';\nexport type S = typeof a;\n" });
  assert.equal(result.status, 1);
  assert.match(result.output, /server\/src\/s\.ts: imports core\/src\/a\.ts; outside core\//);
});

test('the core imports no vscode, no Node built-in and nothing of the programs around it', () => {
  const result = check({
    ...INDEX,
    'core/src/b.ts':
      "import { readFileSync } from 'node:fs';\nimport type * as vscode from 'vscode';\nimport { c } from '../../client/src/c';\nexport const b = [readFileSync, c] as unknown as vscode.Uri;\n",
    'client/src/c.ts': 'export const c = 1;\n',
  });
  assert.equal(result.status, 1);
  assert.match(result.output, /core\/src\/b\.ts: the core imports 'node:fs'/);
  assert.match(result.output, /core\/src\/b\.ts: the core imports 'vscode'/);
  assert.match(result.output, /core\/src\/b\.ts: the core imports client\/src\/c\.ts/);
});

test('two files of one folder may not share a name stem, nor a file the name of a sibling folder', () => {
  const result = check({
    ...INDEX,
    'core/src/fixes.ts': 'export const f = 1;\n',
    'core/src/fixes/hint.ts': 'export const h = 1;\n',
    'test/unit/document.test.ts': '',
    'test/unit/document.ts': '',
  });
  assert.equal(result.status, 1);
  assert.match(result.output, /core\/src\/: fixes\.ts beside the folder fixes\//);
  assert.match(result.output, /test\/unit\/: document\.test\.ts, document\.ts share the name stem "document"/);
});
