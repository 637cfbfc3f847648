import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { build } from 'esbuild';

import type * as GuardModule from '../../../scripts/web-bundle-guard.mjs' with { 'resolution-mode': 'import' };

type Guard = typeof GuardModule;

const ROOT = resolve(__dirname, '../../..');

describe('web bundle guard', () => {
  // Inside the project, so that esbuild finds node_modules from the entry files.
  const dir = mkdtempSync(join(ROOT, '.guard-test-'));
  let forbiddenImport: Guard['forbiddenImport'];
  let forbiddenInput: Guard['forbiddenInput'];
  let webBundleGuard: Guard['webBundleGuard'];
  before(async () => {
    ({ forbiddenImport, forbiddenInput, webBundleGuard } = await import('../../../scripts/web-bundle-guard.mjs'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const bundle = (source: string) => {
    const entry = join(dir, `entry-${Math.random().toString(36).slice(2)}.ts`);
    writeFileSync(entry, source);
    return build({ entryPoints: [entry], bundle: true, platform: 'browser', format: 'iife', write: false, logLevel: 'silent', plugins: [webBundleGuard] });
  };

  test('names what cannot run in a browser', () => {
    for (const specifier of [
      'node:path',
      'fs',
      'child_process',
      'fs/promises',
      'vscode-languageserver/node',
      'vscode-languageclient/node',
      'vscode-jsonrpc/node',
      '@alicloud/credentials',
      'ali-oss',
    ]) {
      assert.ok(forbiddenImport(specifier), specifier);
    }
    for (const specifier of ['vscode-languageserver/browser', 'vscode-languageclient', 'yaml', 'ajv/dist/runtime/ucs2length', './node', '../lib/node-ish']) {
      assert.equal(forbiddenImport(specifier), undefined, specifier);
    }
    assert.ok(forbiddenInput('node_modules/vscode-languageserver/lib/node/main.js'));
    assert.ok(forbiddenInput('node_modules/@alicloud/openapi-core/dist/client.js'));
    assert.equal(forbiddenInput('node_modules/vscode-languageserver/lib/browser/main.js'), undefined);
  });

  test('fails a build that imports the Node build of the LSP library, which esbuild would swap silently', async () => {
    await assert.rejects(
      bundle("import { createConnection } from 'vscode-languageserver/node';\nconsole.log(createConnection);\n"),
      /Node\.js build of the LSP libraries/,
    );
  });

  test('fails a build that reaches a Node built-in or the cloud SDK', async () => {
    await assert.rejects(bundle("import { posix } from 'node:path';\nconsole.log(posix);\n"), /Node\.js built-in/);
    await assert.rejects(bundle("import Credential from '@alicloud/credentials';\nconsole.log(Credential);\n"), /cloud SDK/);
  });

  test('keeps media reading out: the parsers and api/src/media (the web build reads no media)', async () => {
    assert.ok(forbiddenImport('mediabunny'));
    assert.ok(forbiddenImport('mp4box'));
    assert.ok(forbiddenInput('node_modules/mediabunny/dist/modules/src/index.js'));
    assert.ok(forbiddenInput('api/src/media/readMedia.ts'));
    await assert.rejects(bundle("import { Input } from 'mediabunny';\nconsole.log(Input);\n"), /media parser/);
  });

  test('lets the browser builds through', async () => {
    const result = await bundle("import { createConnection } from 'vscode-languageserver/browser';\nconsole.log(createConnection);\n");
    assert.equal(result.errors.length, 0);
  });
});
