/**
 * `npm run demo -- --check`: proves that the demo works for a user, without one. Opens the demo's
 * workbench in Debian's Chromium, waits until VS Code answers, the installed extension has been
 * activated by the extension host and its language server has checked a job, then returns. Throws
 * with the reason otherwise; the caller stops everything.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_ID, keepLogs, launchBrowser, log, outputDir, workbenchUrl, type Browser, type RunDirs, type RunningCodeServer } from './e2e/harness';

/** The demo job with a mistake on line 3, which the language server must flag. */
const JOB = 'mistakes.highlight.yaml';
const STEP_TIMEOUT_MS = 120_000;

/** Every file under the profile's logs/ folder whose name matches, e.g. the extension host's log. */
function logFiles(dirs: RunDirs, name: RegExp): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.test(entry)) found.push(path);
    }
  };
  walk(join(dirs.userData, 'logs'));
  return found;
}

function extensionHostLog(dirs: RunDirs): string {
  return logFiles(dirs, /exthost.*\.log$/)
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n');
}

/**
 * The extension host writes `ExtensionService#_doActivateExtension <id>` when it calls activate() and
 * "Activating extension <id> failed" when activate() throws.
 */
function activation(dirs: RunDirs): 'activated' | 'failed' | 'not yet' {
  const text = extensionHostLog(dirs);
  if (new RegExp(`Activating extension '?${EXTENSION_ID.replace('.', '\\.')}'? failed`, 'i').test(text)) return 'failed';
  return text.includes(`_doActivateExtension ${EXTENSION_ID}`) ? 'activated' : 'not yet';
}

async function step(what: string, body: () => Promise<unknown>): Promise<void> {
  const t0 = Date.now();
  try {
    await body();
  } catch (error) {
    throw new Error(`${what}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
  log(`check: ${what} (${((Date.now() - t0) / 1000).toFixed(1)}s)`);
}

export async function checkDemo(server: RunningCodeServer, dirs: RunDirs): Promise<void> {
  let browser: Browser | undefined;
  try {
    browser = await launchBrowser({ width: 1280, height: 800 });
    const page = browser.page;
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    await step('the workbench answers', async () => {
      const response = await page.goto(workbenchUrl(server, dirs), { waitUntil: 'domcontentloaded' });
      if (!response?.ok()) throw new Error(`HTTP ${response?.status() ?? 'no response'}`);
      await page.waitForSelector('.monaco-workbench', { state: 'attached' });
      // Rows in the explorer mean the remote file system is up; Quick Open finds nothing before that.
      await page.waitForSelector('.explorer-folders-view .monaco-list-row');
    });
    await step(`${JOB} opens as an IMM Highlight Job`, async () => {
      await page.locator('.monaco-workbench .part.editor').click();
      await page.keyboard.press('Control+P');
      await page.waitForSelector('.quick-input-widget .quick-input-box input', { state: 'visible' });
      await page.keyboard.type(JOB);
      await page.waitForSelector(`.quick-input-widget .monaco-list-row[aria-label*="${JOB}"]`);
      await page.keyboard.press('Enter');
      await page.locator('#status\\.editor\\.mode', { hasText: 'IMM Highlight Job' }).waitFor();
    });
    await step(`the extension host activated ${EXTENSION_ID}`, async () => {
      for (const t0 = Date.now(); ; await new Promise((r) => setTimeout(r, 250))) {
        const state = activation(dirs);
        if (state === 'activated') return;
        if (state === 'failed') throw new Error('activate() failed; see the extension host log');
        if (Date.now() - t0 > STEP_TIMEOUT_MS) throw new Error(`no activation in the extension host log within ${STEP_TIMEOUT_MS / 1000} s`);
      }
    });
    await step('its language server is running and flags the mistake in the job', async () => {
      // Both come from the running extension: the status item from activate(), the squiggle from its server.
      await page.locator('#status\\.languageStatus[aria-label*="Validated against the CreateHighlightTask schema"]').waitFor();
      await page.waitForSelector('.monaco-editor .squiggly-error');
      // The activation line is written before activate() runs; its failure would be logged after it.
      if (activation(dirs) === 'failed') throw new Error('activate() failed; see the extension host log');
    });
  } catch (error) {
    const out = outputDir('demo-check');
    await browser?.page.screenshot({ path: join(out, 'failure.png') }).catch(() => undefined);
    keepLogs(dirs, server, out);
    throw new Error(`${error instanceof Error ? error.message : String(error)} (screenshot and logs in ${out})`);
  } finally {
    await browser?.close();
  }
}
