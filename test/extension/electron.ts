/**
 * `npm run test:electron`: the same extension-host suite as `npm run test:extension`, in desktop
 * VS Code through @vscode/test-electron. Needs a VS Code binary: it downloads one (needs access to
 * update.code.visualstudio.com), or uses `VSCODE_EXECUTABLE=/path/to/code`. On Linux without a
 * display, run it under `xvfb-run -a`.
 *
 *   VSCODE_EXECUTABLE=/usr/share/code/code xvfb-run -a npm run test:electron
 *   VSCODE_VERSION=1.139.1 npm run test:electron
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runTests } from '@vscode/test-electron';

const ROOT = resolve(__dirname, '../..');

async function main(): Promise<void> {
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
  execFileSync(process.execPath, ['scripts/e2e/build-extension-tests.mjs'], { cwd: ROOT, stdio: 'inherit' });
  const scratch = mkdtempSync(join(tmpdir(), 'imm-highlight-electron-'));
  const workspace = join(scratch, 'workspace');
  cpSync(join(ROOT, 'test/extension/workspace'), workspace, { recursive: true });
  try {
    await runTests({
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: join(ROOT, 'out/test/extension/index.js'),
      vscodeExecutablePath: process.env.VSCODE_EXECUTABLE || undefined,
      version: process.env.VSCODE_VERSION || undefined,
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', join(scratch, 'user')],
      // Fake credentials, so the test that the language server does not inherit them is not vacuous.
      extensionTestsEnv: {
        ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAI-e2e-fake-id',
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'e2e-fake-secret',
        IMM_EXTENSION_TEST_GREP: process.env.IMM_EXTENSION_TEST_GREP,
      },
    });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
