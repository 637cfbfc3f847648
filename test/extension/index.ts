/**
 * Entry of the extension-host test run (VS Code's `extensionTestsPath` contract): the host requires
 * this module and awaits `run()`; a rejection fails the run. Works the same under code-server's
 * test mode (scripts/e2e/test-extension.ts) and @vscode/test-electron (test/extension/electron.ts).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

export async function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    // The first test waits for activation and the server start; later ones are far quicker.
    timeout: 60_000,
    color: false,
    reporter: 'spec',
    grep: process.env.IMM_EXTENSION_TEST_GREP,
  });
  for (const file of readdirSync(__dirname)
    .filter((name) => name.endsWith('.test.js'))
    .sort()) {
    mocha.addFile(join(__dirname, file));
  }
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} extension test(s) failed`);
}
