/**
 * Entry of the extension tests in the web extension host (@vscode/test-web's `extensionTestsPath`): the desktop
 * language-feature suites of test/extension, unchanged, plus the web-only checks of web.test.ts. Bundled for the
 * browser by test/web/suite/build.ts; mocha's browser build runs them.
 */
// mocha's browser build; it defines the global `mocha` (see build.ts for why only that).
import 'mocha/mocha';

export function run(): Promise<void> {
  // spec: plain lines on the console, which the workbench hands to the harness (the HTML reporter needs a page).
  mocha.setup({ ui: 'bdd', reporter: 'spec', timeout: 60_000, color: false });
  // Enter after `Output:` does not indent in Code - OSS 1.91 (the only web build that installs offline), with the
  // extension's language configuration unchanged; the editor's handling of it, not the web entry, is what differs.
  // The desktop suite checks it in VS Code 1.139.
  mocha.grep('indents the line after a key that opens a block').invert();
  // Required after setup, which defines describe/it; each file registers its suite as it loads.
  /* eslint-disable @typescript-eslint/no-require-imports -- imports would load the suites before setup */
  require('../../extension/activation.test');
  require('../../extension/diagnostics.test');
  require('../../extension/completion.test');
  require('../../extension/hover.test');
  require('../../extension/codeActions.test');
  require('../../extension/editing.test');
  require('./web.test');
  /* eslint-enable @typescript-eslint/no-require-imports */
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} web extension test(s) failed`)) : resolve()));
  });
}
