/**
 * Issue 19, item 1: Enter on the "already sent" dialog sent a second paid task, because VS Code focuses the first
 * button an extension passes to a modal. Every modal of the extension goes through client/src/guardedModal.ts,
 * which passes the harmless button first; a modal asked any other way is a modal whose Enter may pay or delete.
 * (The real dialog is pinned by the UI test: Enter on "already sent" sends nothing.)
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '../../..');
const HELPER = 'client/src/guardedModal.ts';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('modals that guard money or data', () => {
  it('are all asked through confirmGuarded, never with a bare modal: true', () => {
    const bare = sources(join(ROOT, 'client/src'))
      .map((path) => relative(ROOT, path))
      .filter((path) => path !== HELPER)
      .flatMap((path) =>
        readFileSync(join(ROOT, path), 'utf8')
          .split('\n')
          .flatMap((line, index) => (/\bmodal\s*:\s*true\b/.test(line) ? [`${path}:${index + 1}: ${line.trim()}`] : [])),
      );
    assert.deepEqual(bare, [], 'a modal outside guardedModal.ts focuses the first button passed, which may be the paid one');
  });

  it('passes the harmless button first (the one VS Code focuses), then the action', () => {
    const helper = readFileSync(join(ROOT, HELPER), 'utf8');
    const buttons = /export function guardedButtons\([^)]*\)[^{]*\{\s*return \[([^\]]*)\]/.exec(helper)?.[1] ?? '';
    assert.match(buttons, /^\s*\{ title: question\.keep \}, \{ title: question\.action \}\s*$/, buttons);
    assert.doesNotMatch(helper.replace(/\/\*\*[\s\S]*?\*\//g, ''), /isCloseAffordance/, 'a close affordance is always put last by VS Code, never focused');
  });

  it('every caller names its harmless choice', () => {
    const callers = sources(join(ROOT, 'client/src'))
      .map((path) => readFileSync(path, 'utf8'))
      .flatMap((text) => [...text.matchAll(/confirmGuarded\(\{([^;]*?)\}\)/g)].map((match) => match[1]!));
    assert.ok(callers.length >= 5, `duplicate, credentials, endpoint consent, clear history, overwrite: ${callers.length}`);
    for (const call of callers) assert.match(call, /\bkeep:/, call);
  });
});
