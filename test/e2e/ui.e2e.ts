/**
 * `npm run test:e2e`: the extension as a user gets it. Packages the .vsix (`npm run package`),
 * installs it into code-server 4.139.1 (VS Code 1.139.1) with `--install-extension`, opens the
 * sample workspace (a fresh copy of demo/) in Debian's Chromium and works through the UI with
 * keyboard and mouse: squiggle + Problems entry, completion at `Type: `, commands from the palette,
 * Submit task against the local IMM endpoint (as `npm run demo` sets it up), and what a user sees when
 * the language server crashes.
 *
 *   E2E_SCREENSHOT=docs/screenshot.png npm run test:e2e    # also writes the README screenshot
 *   E2E_VSIX=path/to.vsix npm run test:e2e                 # test a given package instead of building one
 *
 * On failure: a screenshot per failed step and the VS Code logs in test-results/e2e-<time>/.
 */
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import {
  freshRunDirs, installVsix, keepLogs, launchBrowser, log, outputDir, packageExtension, ROOT, setupCodeServer,
  startCodeServer, workbenchUrl, writeUserSettings, type Browser, type RunDirs, type RunningCodeServer,
} from '../../scripts/e2e/harness';
import { startDemoServices, type DemoServices } from '../../scripts/demo-services';

const QUICK_INPUT = '.quick-input-widget';
const SUGGEST = '.suggest-widget.visible';
const JOB = 'mistakes.highlight.yaml';

let dirs: RunDirs;
let server: RunningCodeServer | undefined;
let browser: Browser | undefined;
let services: DemoServices | undefined;
let page: Page;
let failures: string | undefined;
/** Created on the first failure only, so passing runs leave nothing behind. */
const out = (): string => (failures ??= outputDir('e2e'));

/** A test step that leaves a screenshot and the logs behind when it fails. */
function step(name: string, body: () => Promise<void>): void {
  it(name, { timeout: 180_000 }, async () => {
    const t0 = Date.now();
    try {
      await body();
      log(`PASS ${name} (${((Date.now() - t0) / 1000).toFixed(1)}s)`);
    } catch (error) {
      const file = join(out(), `${name.replace(/\W+/g, '-')}.png`);
      await page?.screenshot({ path: file }).catch(() => undefined);
      keepLogs(dirs, server, out());
      log(`FAIL ${name}: screenshot ${file}`);
      throw error;
    }
  });
}

async function quickPick(key: string, text: string, row: string): Promise<void> {
  await page.keyboard.press(key);
  await page.waitForSelector(`${QUICK_INPUT} .quick-input-box input`, { state: 'visible' });
  await page.keyboard.type(text);
  // The list fills in after the box opens: wait for the very row, or Enter picks something else.
  await page.waitForSelector(`${QUICK_INPUT} .monaco-list-row[aria-label*="${row}"]`);
  await page.keyboard.press('Enter');
}

function problemRow(text: string): Locator {
  return page.locator('.markers-panel .monaco-list-row', { hasText: text });
}

function editorLine(text: string): Locator {
  return page.locator('.monaco-editor .view-lines .view-line', { hasText: text });
}

/** Language servers of the installed extension (found by their path under this run's extensions dir). */
function languageServerPids(): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
        return command.includes(dirs.extensions) && command.includes('dist/server.js');
      } catch {
        return false; // ended while we looked
      }
    })
    .map(Number);
}

describe('IMM Highlight in VS Code 1.139 (code-server), installed from the .vsix', () => {
  before(async () => {
    const vsix = process.env.E2E_VSIX ? resolve(process.env.E2E_VSIX) : packageExtension(join(ROOT, '.e2e/imm-highlight-tasks.vsix'));
    log(`testing ${vsix}`);
    const cs = setupCodeServer();
    dirs = freshRunDirs('e2e', join(ROOT, 'demo'));
    services = await startDemoServices();
    writeUserSettings(dirs, { ...services.settings });
    installVsix(cs, dirs, vsix);
    server = await startCodeServer(cs, dirs, { env: services.env });
    browser = await launchBrowser({ width: 1280, height: 800 });
    page = browser.page;
    page.setDefaultTimeout(60_000);
    await page.goto(workbenchUrl(server, dirs), { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('.monaco-workbench', { state: 'attached' });
    // Rows in the explorer mean the remote file system is up; Quick Open finds nothing before that.
    await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 90_000 });
    log('workbench ready');
  }, { timeout: 600_000 });

  after(async () => {
    await browser?.close();
    await server?.stop();
    await services?.stop();
    if (failures) log(`screenshots and logs in ${failures}`);
  });

  step('shows a squiggle under the misspelt Type and lists it in Problems with its code', async () => {
    await page.locator('.monaco-workbench .part.editor').click();
    await quickPick('Control+P', JOB, JOB);
    await editorLine('Type: concat').waitFor();
    await page.waitForSelector('.monaco-editor .squiggly-error', { timeout: 90_000 });
    assert.equal((await page.locator('#status\\.editor\\.mode').innerText()).trim(), 'IMM Highlight Job');
    await page.locator('#status\\.languageStatus[aria-label*="Validated against the CreateHighlightTask schema (API 2020-09-30)"]').waitFor();

    await page.keyboard.press('Control+Shift+M');
    const row = problemRow('invalid-value');
    await row.waitFor();
    const text = (await row.innerText()).replace(/\s+/g, ' ');
    assert.match(text, /`concat` is not a valid Type/);
    assert.match(text, /imm-highlight\W+invalid-value/);
    assert.match(text, /\[Ln 3, Col 7\]/);
  });

  step('completes "Type: " with Concat, which clears the problem', async () => {
    await editorLine('Type: concat').click();
    await page.keyboard.press('End');
    await page.keyboard.press('Control+Shift+ArrowLeft');
    await page.keyboard.press('Backspace');
    await editorLine('Type:').filter({ hasNotText: 'concat' }).waitFor();
    await page.keyboard.press('Control+Space');
    for (const type of ['Retrieval', 'Concat', 'Compose']) await page.waitForSelector(`${SUGGEST} .monaco-list-row[aria-label*="${type}"]`);
    if (process.env.E2E_SCREENSHOT) {
      // A second Ctrl+Space opens the documentation beside the list: a better picture, not a check.
      await page.keyboard.press('Control+Space');
      await page.waitForSelector('.suggest-details-container .suggest-details', { state: 'visible', timeout: 5_000 }).catch(() => undefined);
      await page.screenshot({ path: resolve(ROOT, process.env.E2E_SCREENSHOT) });
      log(`README screenshot written to ${process.env.E2E_SCREENSHOT}`);
    }
    await page.keyboard.type('Con');
    await page.waitForSelector(`${SUGGEST} .monaco-list-row.focused[aria-label*="Concat"]`);
    await page.keyboard.press('Enter');
    await editorLine('Type: Concat').waitFor();
    await problemRow('invalid-value').waitFor({ state: 'detached' });
  });

  step('restarts the language server from the Command Palette and checks the file again', async () => {
    await quickPick('F1', 'IMM Highlight: Restart Language Server', 'IMM Highlight: Restart Language Server');
    await page.locator('.part.statusbar', { hasText: 'IMM Highlight language server restarted' }).waitFor();
    // A new mistake gets a new problem: only a running (restarted) server can have made it.
    await editorLine('Type: Concat').click();
    await page.keyboard.press('End');
    await page.keyboard.type('t');
    await problemRow('`Concatt` is not a valid Type').waitFor();
    await page.waitForSelector('.monaco-editor .squiggly-error');
  });

  step('shows the IMM Highlight output channel from the Command Palette', async () => {
    await quickPick('F1', 'IMM Highlight: Show Output', 'IMM Highlight: Show Output');
    await page.locator('.part.panel .output-view[aria-label="IMM Highlight - Output"]').waitFor();
  });

  step('submits a job from its CodeLens, shows the TaskId and follows the task to Succeeded', async () => {
    await quickPick('Control+P', 'concat.highlight.yaml', 'concat.highlight.yaml');
    const submitLens = page.locator('.codelens-decoration a', { hasText: 'Submit task' });
    await submitLens.click();
    const submitted = page.locator('.notifications-toasts .notification-toast', { hasText: /IMM task Highlight-[0-9a-f-]+ .*submitted/ });
    await submitted.waitFor();
    const taskId = /Highlight-[0-9a-f-]+/.exec(await submitted.innerText())?.[0];
    await page.locator('.notifications-toasts .notification-toast', { hasText: `${taskId}` }).filter({ hasText: 'succeeded' }).waitFor({ timeout: 90_000 });
    const creates = services!.endpoint.requests.filter((request) => request.action === 'CreateHighlightTask');
    assert.equal(creates.length, 1, 'exactly one CreateHighlightTask');
    assert.equal(creates[0]!.signatureValid, true);
    assert.equal(creates[0]!.params.Type, 'Concat');
    assert.equal(creates[0]!.taskId, taskId);
  });

  step('typing oss:// in a URI lists the buckets of the account, the IMM region first', async () => {
    await quickPick('Control+P', 'concat.highlight.yaml', 'concat.highlight.yaml');
    await editorLine('URI: oss://test-bucket/highlights/keynote-and-demo.mp4').click();
    await page.keyboard.press('End');
    await page.keyboard.press('Shift+Home');
    await page.keyboard.type('URI: oss://');
    const bucket = page.locator(`${SUGGEST} .monaco-list-row[aria-label^="oss://test-bucket/, "]`);
    // The first live request also loads the OSS library; an incomplete list is asked again.
    for (let attempt = 0; attempt < 6 && !(await bucket.isVisible()); attempt++) {
      await page.keyboard.press('Control+Space');
      await bucket.waitFor({ timeout: 5_000 }).catch(() => undefined);
    }
    await bucket.waitFor({ timeout: 5_000 });
    const elsewhere = page.locator(`${SUGGEST} .monaco-list-row[aria-label^="oss://shanghai-footage/, "]`);
    await elsewhere.waitFor();
    assert.match((await elsewhere.getAttribute('aria-label')) ?? '', /cn-shanghai/);
    const index = async (row: typeof bucket): Promise<number> => Number(await row.getAttribute('data-index'));
    assert.ok((await index(bucket)) < (await index(elsewhere)), 'the IMM region\'s bucket comes first');
    assert.ok(services!.ossEndpoint.requests.some((request) => request.action === 'oss:ListBuckets' && request.signatureValid));
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Z');
  });

  step('restarts a crashed language server and says so once, with a Show logs action', async () => {
    await page.keyboard.press('Control+Shift+M'); // Problems in front, so "Show logs" has something to do
    const output = page.locator('.part.panel .output-view[aria-label="IMM Highlight - Output"]');
    await output.waitFor({ state: 'hidden' });
    const [pid] = languageServerPids();
    assert.ok(pid, 'the language server of the installed extension is running');
    process.kill(pid, 'SIGKILL');
    const toast = page.locator('.notifications-toasts .notification-toast', { hasText: 'stopped unexpectedly and was restarted' });
    await toast.locator('.monaco-button', { hasText: 'Show logs' }).click();
    await output.waitFor({ state: 'visible' });
    assert.ok(languageServerPids().every((other) => other !== pid));
  });
});
