/**
 * The page every diagnostic links to is in the .vsix, where the client and the server look for it: docs/diagnostics.md
 * beside dist/ (client: extensionUri joined with the path; server: its bundle's folder, then ..).
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { listFiles, PackageManager } from '@vscode/vsce';
import { DIAGNOSTICS_PAGE_PATH } from '../../../core/src/shared/codeDocs';

const ROOT = path.resolve(__dirname, '../../..');

test('the .vsix holds docs/diagnostics.md beside dist/server.js', async () => {
  const files = await listFiles({ cwd: ROOT, packageManager: PackageManager.None });
  assert.ok(files.includes(DIAGNOSTICS_PAGE_PATH), 'docs/diagnostics.md is not packaged: see .vscodeignore');
  assert.ok(files.includes('dist/server.js'));
  assert.equal(path.posix.join(path.posix.dirname('dist/server.js'), '..', DIAGNOSTICS_PAGE_PATH), DIAGNOSTICS_PAGE_PATH);
});
