/**
 * `npm run test:e2e`: the extension as a user gets it. Packages the .vsix (`npm run package`),
 * installs it into code-server 4.139.1 (VS Code 1.139.1) with `--install-extension`, opens the
 * sample workspace (a fresh copy of demo/) in Debian's Chromium and works through the UI with
 * keyboard and mouse: squiggle + Problems entry, completion at `Type: `, commands from the palette,
 * Submit task against the local IMM endpoint (as `npm run demo` sets it up), Enter on the "already sent" dialog
 * (sends nothing), Preview Output of the succeeded task (a webview whose <video> plays the real result the local IMM
 * endpoint wrote into the local OSS endpoint), what a user sees when the language server crashes, a job made
 * with File › New File… that keeps its language once saved and reopened, and the storyboard of the demo's Concat job.
 *
 *   E2E_SCREENSHOT=docs/screenshot.png npm run test:e2e    # also writes the README screenshot
 *   E2E_STORYBOARD_SCREENSHOT=images/storyboard.png npm run test:e2e    # and the README's storyboard picture
 *   E2E_VSIX=path/to.vsix npm run test:e2e                 # test a given package instead of building one
 *
 * On failure: a screenshot per failed step and the VS Code logs in test-results/e2e-<time>/. Always: the storyboard's
 * screenshot in test-results/e2e-storyboard-<time>/.
 */
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import {
  freshRunDirs,
  installVsix,
  keepLogs,
  launchBrowser,
  log,
  outputDir,
  packageExtension,
  ROOT,
  setupCodeServer,
  startCodeServer,
  workbenchUrl,
  writeUserSettings,
  type Browser,
  type RunDirs,
  type RunningCodeServer,
} from '../../scripts/e2e/harness';
import { startDemoServices, type DemoServices } from '../../scripts/demo-services';
import { faults } from '../endpoints/imm/faults';
import { TEST_OSS_ACCESS_KEY } from '../endpoints/oss/server';

const QUICK_INPUT = '.quick-input-widget';
const SUGGEST = '.suggest-widget.visible';
const JOB = 'mistakes.highlight.yaml';
/** Where the Concat job of step 5 writes its result (demo/concat.highlight.yaml's Output.URI). */
const OUTPUT = (() => {
  const uri = /^Output:\n\s+URI:\s*(oss:\/\/\S+)/m.exec(readFileSync(join(ROOT, 'demo/concat.highlight.yaml'), 'utf8'))?.[1];
  const match = /^oss:\/\/([^/]+)\/(.+)$/.exec(uri ?? '');
  if (!uri || !match) throw new Error('demo/concat.highlight.yaml has no Output.URI');
  return { uri, bucket: match[1]!, key: match[2]! };
})();
/** The first source of demo/concat.highlight.yaml: what the local IMM endpoint writes as the task's result. */
const FIRST_SOURCE = (() => {
  const uri = /^Sources:\n\s+- URI:\s*(oss:\/\/\S+)/m.exec(readFileSync(join(ROOT, 'demo/concat.highlight.yaml'), 'utf8'))?.[1];
  const match = /^oss:\/\/([^/]+)\/(.+)$/.exec(uri ?? '');
  if (!uri || !match) throw new Error('demo/concat.highlight.yaml has no first source');
  return { bucket: match[1]!, key: match[2]! };
})();
/** The pair a keybinding (standing in for another extension or a task) tries to put in place of the user's. */
const INTRUDER_KEY = { accessKeyId: 'LTAI5tIntruderKey0042', accessKeySecret: 'intruder-secret-0123456789abcdef' };

/** What the tests read of a <video> inside the page (the project compiles without the DOM library). */
interface VideoElement {
  muted: boolean;
  play(): Promise<void>;
  readonly readyState: number;
  readonly videoWidth: number;
  readonly videoHeight: number;
  readonly currentTime: number;
  readonly error: { readonly message: string } | null;
}

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

/**
 * Runs an item of the open context menu: pointed at, then Enter. Not a click: a VS Code menu item ignores a mouse-up
 * until 100 ms after it was rendered (so that releasing the right button does not pick an item), and a click that
 * comes sooner leaves the menu open and runs nothing. The hover focuses the item at once; Enter runs the focused one.
 */
async function chooseMenuItem(name: string): Promise<void> {
  const item = page.getByRole('menuitem', { name, exact: true });
  await item.hover();
  await page.locator('[role="menuitem"]:focus', { hasText: name }).waitFor();
  await page.keyboard.press('Enter');
  await item.waitFor({ state: 'detached' });
}

function problemRow(text: string): Locator {
  return page.locator('.markers-panel .monaco-list-row', { hasText: text });
}

function editorLine(text: string): Locator {
  return page.locator('.monaco-editor .view-lines .view-line', { hasText: text });
}

/** Waits for `check` to hold (the endpoints' logs fill in as the workbench works), naming `what` when it does not. */
async function until(what: string, check: () => boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolveWait) => setTimeout(resolveWait, 100));
  }
}

/** The Highlight Tasks pane of the Explorer, expanded. */
async function tasksPane(): Promise<Locator> {
  await page.keyboard.press('Control+Shift+E');
  const header = page.locator('.pane-header', { hasText: 'Highlight Tasks' });
  await header.waitFor();
  if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
  return page.locator('.pane', { has: header });
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
  before(
    async () => {
      const vsix = process.env.E2E_VSIX ? resolve(process.env.E2E_VSIX) : packageExtension(join(ROOT, '.e2e/imm-highlight-tasks.vsix'));
      log(`testing ${vsix}`);
      const cs = setupCodeServer();
      dirs = freshRunDirs('e2e', join(ROOT, 'demo'));
      services = await startDemoServices();
      writeUserSettings(dirs, { ...services.settings });
      // What any extension or a trusted workspace's task can do: run Set AccessKey with arguments (see that step).
      writeFileSync(
        join(dirs.userData, 'User/keybindings.json'),
        JSON.stringify([{ key: 'ctrl+alt+shift+k', command: 'immHighlight.setAccessKey', args: INTRUDER_KEY }]),
      );
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
    },
    { timeout: 600_000 },
  );

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

  step('Set AccessKey run with arguments asks in a modal first; Escape leaves the credentials as they were', async () => {
    await quickPick('Control+P', 'concat.highlight.yaml', 'concat.highlight.yaml');
    await page.keyboard.press('Control+Alt+Shift+K');
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor();
    const text = await dialog.innerText();
    assert.match(
      text,
      /A command run by another extension or a task asks to set the AccessKey used for IMM submissions to LTAI\*\*\*\*0042\. Replace the credentials\?/,
    );
    assert.ok(!text.includes(INTRUDER_KEY.accessKeySecret), 'the secret is never shown');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await page.locator('.notifications-toasts .notification-toast', { hasText: 'the credentials were left unchanged' }).first().waitFor();
    // The next steps' Submit names the environment's key (LTAI****ey01): the intruder's pair was not stored.
  });

  step('submits a job from its CodeLens, shows the TaskId and follows the task to Succeeded', async () => {
    await quickPick('Control+P', 'concat.highlight.yaml', 'concat.highlight.yaml');
    const submitLens = page.locator('.codelens-decoration a', { hasText: 'Submit task' });
    await submitLens.click();
    const submitted = page.locator('.notifications-toasts .notification-toast', { hasText: /IMM task Highlight-[0-9a-f-]+ .*submitted/ });
    await submitted.waitFor();
    const taskId = /Highlight-[0-9a-f-]+/.exec(await submitted.innerText())?.[0];
    await page
      .locator('.notifications-toasts .notification-toast', { hasText: `${taskId}` })
      .filter({ hasText: 'succeeded' })
      .waitFor({ timeout: 90_000 });
    const creates = services!.endpoint.requests.filter((request) => request.action === 'CreateHighlightTask');
    assert.equal(creates.length, 1, 'exactly one CreateHighlightTask');
    assert.equal(creates[0]!.signatureValid, true);
    assert.equal(creates[0]!.params.Type, 'Concat');
    assert.equal(creates[0]!.taskId, taskId);
  });

  step('asks in a modal before sending the same request again, naming the earlier task; Escape sends nothing', async () => {
    const creates = () => services!.endpoint.requests.filter((request) => request.action === 'CreateHighlightTask');
    const [earlier] = creates();
    assert.equal(creates().length, 1);
    await page.locator('.codelens-decoration a', { hasText: 'Submit task' }).click();
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor();
    const text = await dialog.innerText();
    assert.match(text, /This exact request was already sent to IMM/);
    assert.ok(text.includes(`Earlier task: ${earlier!.taskId}`), text);
    assert.match(text, /Status: Succeeded/);
    assert.match(text, /Sent: \d\d:\d\d:\d\d \(/);
    assert.match(text, /This time as: AccessKey LTAI\*\*\*\*ey01 from environment variables/);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    assert.equal(creates().length, 1, 'a dismissed dialog sends nothing');
  });

  step('Enter on the "already sent" dialog sends nothing: the harmless button has the focus', async () => {
    const creates = () => services!.endpoint.requests.filter((request) => request.action === 'CreateHighlightTask');
    assert.equal(creates().length, 1);
    await page.locator('.codelens-decoration a', { hasText: 'Submit task' }).click();
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor();
    await dialog.locator('.monaco-button', { hasText: 'Submit Again' }).waitFor();
    const focused = (await dialog.locator('.monaco-button:focus').innerText()).trim();
    assert.equal(focused, "Don't Submit", 'the focused button');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    // A confirmed Submit sends at once; give it time to show that nothing went.
    await page.waitForTimeout(2_000);
    assert.equal(creates().length, 1, 'Enter sent a second, billed task');
  });

  step('Submit Again sends once; clicks while it is on the wire do nothing; the progress names the identity', async () => {
    const creates = () => services!.endpoint.requests.filter((request) => request.action === 'CreateHighlightTask');
    assert.equal(creates().length, 1);
    // IMM holds the call until it is released below, so the clicks land while it is on the wire however slow the
    // machine (a 4 s delay elapsed before them on a loaded CI machine, and they opened the duplicate modal instead).
    services!.endpoint.control.failNext(faults.held(), { action: 'CreateHighlightTask' });
    const lens = page.locator('.codelens-decoration a', { hasText: 'Submit task' });
    await lens.click();
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.locator('.monaco-button', { hasText: 'Submit Again' }).click();
    await dialog.waitFor({ state: 'detached' });
    // On the wire: the endpoint holds it.
    await services!.endpoint.control.whenHeld();
    await lens.click();
    await page.waitForTimeout(150);
    await lens.click();
    // Read in the Notification Center, not as toasts: VS Code shows at most three toasts, and none beyond three
    // notifications within 800 ms (spam protection); earlier steps' toasts with buttons may still be up.
    await quickPick('F1', 'Notifications: Show Notifications', 'Notifications: Show Notifications');
    const center = page.locator('.notifications-center');
    await center.locator('.monaco-list-row', { hasText: 'is being submitted already' }).first().waitFor();
    // The progress of the call on the wire, until it is released.
    // The progress title, not the earlier "submitted" notification, which names the identity too.
    await center
      .locator('.monaco-list-row', {
        hasText: /IMM: submitting concat\.highlight\.yaml to project \S+ in \S+ as AccessKey LTAI\*\*\*\*ey01 from environment variables/,
      })
      .first()
      .waitFor();
    assert.equal(creates().length, 2, 'the clicks while it is on the wire sent nothing');
    assert.equal(services!.endpoint.control.releaseHeld(), 1);
    const firstTaskId = creates()[0]!.taskId!;
    await center
      .locator('.monaco-list-row', { hasText: /IMM task Highlight-[0-9a-f-]+ .*submitted/ })
      .filter({ hasNotText: firstTaskId })
      .first()
      .waitFor();
    await quickPick('F1', 'Notifications: Hide Notifications', 'Notifications: Hide Notifications');
    await center.waitFor({ state: 'hidden' });
    assert.equal(
      creates().length,
      2,
      `exactly one more CreateHighlightTask: ${creates()
        .map((c) => c.taskId)
        .join(', ')}`,
    );
  });

  step('a click on a task in the Highlight Tasks view opens its details, rendered (not Markdown source)', async () => {
    const pane = await tasksPane();
    const row = pane.locator('.monaco-list-row', { hasText: 'Succeeded' }).first();
    await row.waitFor();
    await row.click();
    const tab = page.locator('.tabs-container .tab.active', { hasText: /Preview Highlight-[0-9a-f-]+\.md/ });
    await tab.waitFor();
    // The Markdown preview is a webview: the host iframe, and the page inside it in #active-frame.
    const preview = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    await preview.locator('h1', { hasText: /Highlight task Highlight-[0-9a-f-]+/ }).waitFor();
    await preview
      .locator('td', { hasText: /^TaskType$/ })
      .first()
      .waitFor();
    assert.equal(await preview.getByText('|---|').count(), 0, 'a table, not its source');
    // Closed again: the next step finds its own webview.
    await tab.getByRole('button', { name: /^Close/ }).click();
    await tab.waitFor({ state: 'detached' });
    await page.locator('iframe.webview').waitFor({ state: 'detached' });
  });

  step('Preview Output on a succeeded task plays the real video the task wrote, on a presigned URL that verifies; media only from OSS', async () => {
    const oss = services!.ossEndpoint;
    const source = oss.state.buckets.get(FIRST_SOURCE.bucket)!.objects.get(FIRST_SOURCE.key)!.body;
    const written = oss.state.buckets.get(OUTPUT.bucket)!.objects.get(OUTPUT.key)!.body;
    assert.ok(written.equals(source), "the succeeded task wrote its first source's bytes at Output.URI");
    const [create] = services!.endpoint.requests.filter((request) => request.action === 'CreateHighlightTask');
    assert.equal((JSON.parse(create!.params['Output'] ?? '{}') as { URI?: string }).URI, OUTPUT.uri, 'the task writes the seeded object');
    const objectGets = () =>
      oss.requests.filter((request) => request.action === 'oss:GetObject' && request.bucket === OUTPUT.bucket && request.key === OUTPUT.key);

    const pane = await tasksPane();
    // Every poll of a running task refreshes the view, and a refresh between the right-click and the menu click
    // hands the command no task (it then asks for a URI): first wait until every task of the run has finished.
    const taskRow = (taskId: string): Locator => pane.locator(`.monaco-list-row[aria-label*="Highlight task ${taskId}: Succeeded"]`);
    const taskIds = services!.endpoint.requests.flatMap((request) => (request.action === 'CreateHighlightTask' && request.taskId ? [request.taskId] : []));
    for (const taskId of taskIds) await taskRow(taskId).waitFor();
    await taskRow(create!.taskId!).click({ button: 'right' });
    await chooseMenuItem('Preview Output');
    const name = OUTPUT.key.split('/').pop()!;
    await page.locator('.tabs-container .tab.active', { hasText: `Preview ${name}` }).waitFor();

    // A webview in code-server: the host iframe, and the page inside it in #active-frame.
    const webview = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    const video = webview.locator('video');
    await video.waitFor({ state: 'attached' });
    const src = (await video.getAttribute('src')) ?? '';
    const url = new URL(src);
    // Path style against the loopback endpoint (the bucket in the path), as ali-oss presigns with sldEnable.
    assert.equal(url.origin, oss.url, 'the presigned URL points at the OSS endpoint in the settings');
    assert.equal(decodeURIComponent(url.pathname), `/${OUTPUT.bucket}/${OUTPUT.key}`);
    const query = url.searchParams;
    assert.equal(query.get('x-oss-signature-version'), 'OSS4-HMAC-SHA256');
    assert.match(query.get('x-oss-credential') ?? '', new RegExp(`^${TEST_OSS_ACCESS_KEY.id}/\\d{8}/cn-hangzhou/oss/aliyun_v4_request$`));
    assert.match(query.get('x-oss-date') ?? '', /^\d{8}T\d{6}Z$/);
    assert.equal(query.get('x-oss-expires'), '900', 'the default expiry, immHighlight.presignExpirySeconds');
    assert.match(query.get('x-oss-signature') ?? '', /^[0-9a-f]{64}$/);

    const csp = (await webview.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')) ?? '';
    const directives = new Map(
      csp
        .split(';')
        .map((part) => part.trim().split(/\s+/))
        .filter(([directive]) => directive)
        .map(([directive, ...sources]) => [directive!, sources]),
    );
    assert.deepEqual(directives.get('default-src'), ["'none'"], csp);
    assert.deepEqual(directives.get('media-src'), [oss.url], `media only from the OSS origin: ${csp}`);

    // The <video> loads its source itself: the endpoint saw that GET, presigned and valid.
    await until("the video element's GET of the output", () =>
      objectGets().some((request) => request.presigned && typeof request.status === 'number' && request.status < 300),
    );
    // And the URL verifies for anyone who holds it: the seeded bytes, and a valid presigned GET in the endpoint's log.
    const seen = oss.requests.length;
    const response = await fetch(src);
    assert.equal(response.status, 200);
    assert.ok(Buffer.from(await response.arrayBuffer()).equals(source), 'the presigned GET returns the result the task wrote');
    const fetched = oss.requests.slice(seen).filter((request) => request.key === OUTPUT.key && request.status === 200);
    assert.ok(
      fetched.some((request) => request.presigned && request.signatureValid && request.style === 'path' && request.signedRegion === 'cn-hangzhou'),
      JSON.stringify(fetched),
    );
    assert.ok(
      objectGets().every((request) => request.signatureValid),
      'no request for the output failed its signature check',
    );

    // It plays: Chromium decodes the H.264/AAC result (Debian's Chromium does) and its clock advances.
    await video.evaluate((element: VideoElement) => {
      element.muted = true;
      return element.play();
    });
    // Polled from here, not in the page: tsx's helpers (__name) do not exist inside the webview.
    const playback = (): Promise<{ ready: number; width: number; time: number; error: string | undefined }> =>
      video.evaluate((element: VideoElement) => ({
        ready: element.readyState,
        width: element.videoWidth,
        time: element.currentTime,
        error: element.error?.message,
      }));
    const deadline = Date.now() + 20_000;
    for (let now = await playback(); !(now.ready >= 2 && now.width > 0 && now.time > 0.3); now = await playback()) {
      if (now.error !== undefined || Date.now() > deadline) assert.fail(`the preview does not play: ${JSON.stringify(now)}`);
      await page.waitForTimeout(100);
    }
    assert.equal(await video.evaluate((element: VideoElement) => `${element.videoWidth}x${element.videoHeight}`), '160x90');

    // Closed again, so the steps after this one start with the editors they expect.
    const tab = page.locator('.tabs-container .tab', { hasText: `Preview ${name}` });
    await tab.getByRole('button', { name: /^Close/ }).click();
    await tab.waitFor({ state: 'detached' });
    await page.locator('iframe.webview').waitFor({ state: 'detached' });
  });

  step('typing oss:// in a URI lists the buckets of the account, the IMM region first', async () => {
    // From the Explorer: after the task details Quick Open did not bring the job back in time.
    await page.keyboard.press('Control+Shift+E');
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'concat.highlight.yaml' }).click();
    await page.locator('.tabs-container .tab.active', { hasText: 'concat.highlight.yaml' }).waitFor();
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
    assert.ok((await index(bucket)) < (await index(elsewhere)), "the IMM region's bucket comes first");
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

  step('a job made with File › New File… is saved as <type>-job.highlight.yaml and keeps its language when reopened', async () => {
    await page.keyboard.press('Escape');
    await page.locator('.monaco-workbench .part.editor').click();
    // VS Code's own New File… picker (Create: New File…), not the Explorer's File: New File (a name box).
    await quickPick('F1', 'Create: New File...', 'Create: New File...');
    // Clicked, not typed: text typed into this picker becomes a "new file named …" entry.
    await page.locator(`${QUICK_INPUT} .monaco-list-row[aria-label*="IMM Highlight Job"]`).click();
    await page.locator(`${QUICK_INPUT} .monaco-list-row[aria-label*="(Concat)"]`).click();
    await page.locator('.tabs-container .tab.active', { hasText: 'concat-job.highlight.yaml' }).waitFor();
    await editorLine('Type: Concat').waitFor();
    await page.keyboard.press('Escape'); // leaves the snippet's placeholders
    await page.keyboard.press('Control+S');
    const saved = join(dirs.workspace, 'concat-job.highlight.yaml');
    // The remote file system creates the file first and writes it after: wait for the text.
    await until('the saved job on disk', () => existsSync(saved) && /^Type: Concat$/m.test(readFileSync(saved, 'utf8')));
    await page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached' });
    // Only this editor: earlier steps left other jobs with unsaved edits, which Close All would ask about.
    const tab = page.locator('.tabs-container .tab', { hasText: 'concat-job.highlight.yaml' });
    await tab.getByRole('button', { name: /^Close/ }).click();
    await tab.waitFor({ state: 'detached' });
    // From the Explorer, as a user reopens it (Quick Open was slow to list a file made during the run).
    await page.keyboard.press('Control+Shift+E');
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'concat-job.highlight.yaml' }).click();
    await page.locator('.tabs-container .tab.active', { hasText: 'concat-job.highlight.yaml' }).waitFor();
    await editorLine('Type: Concat').waitFor();
    await page.locator('#status\\.editor\\.mode', { hasText: 'IMM Highlight Job' }).waitFor();
  });

  step('the Storyboard CodeLens draws the demo Concat job beside it, clips to scale; arrow keys and Enter, or a click, select a clip in the job', async () => {
    await page.keyboard.press('Control+Shift+E');
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'concat.highlight.yaml' }).click();
    await page.locator('.tabs-container .tab.active', { hasText: 'concat.highlight.yaml' }).waitFor();
    // Above Sources: the planned length of the output, from the job alone (both clips declare their Duration).
    const lens = page.locator('.codelens-decoration a', { hasText: 'Storyboard · about 74 s' });
    await lens.click();
    await page.locator('.tabs-container .tab', { hasText: 'Storyboard: concat.highlight.yaml' }).waitFor();
    assert.equal(await page.locator('.tabs-container .tab.active', { hasText: 'concat.highlight.yaml' }).count(), 2, 'the job keeps its editor active beside');

    const webview = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    const keynote = webview.locator('.element.clip', { hasText: 'keynote.mp4' });
    const demo = webview.locator('.element.clip', { hasText: 'product-demo.mp4' });
    await keynote.waitFor();
    await demo.waitFor();
    await webview.locator('.element.transition', { hasText: 'fade' }).waitFor();
    assert.match((await keynote.getAttribute('aria-label')) ?? '', /Sources\[0\].*keynote\.mp4/);
    assert.match(await keynote.innerText(), /12 s → 42 s/);
    // To scale: 30 s and 45 s.
    const [a, b] = [await keynote.boundingBox(), await demo.boundingBox()];
    assert.ok(a && b && Math.abs(b.width / a.width - 1.5) < 0.05, `widths ${a?.width} and ${b?.width}`);
    const shot = join(outputDir('e2e-storyboard'), 'storyboard.png');
    await page.screenshot({ path: shot });
    log(`storyboard screenshot kept in ${shot}`);
    if (process.env.E2E_STORYBOARD_SCREENSHOT) {
      await page.screenshot({ path: resolve(ROOT, process.env.E2E_STORYBOARD_SCREENSHOT) });
      log(`README storyboard screenshot written to ${process.env.E2E_STORYBOARD_SCREENSHOT}`);
    }

    // Keyboard: the right arrow goes to the next clip, Enter selects its Sources item (line 8) in the job.
    await keynote.focus();
    await page.keyboard.press('ArrowRight');
    await webview.locator('.element.clip:focus', { hasText: 'product-demo.mp4' }).waitFor();
    await page.keyboard.press('Enter');
    // What a person sees: the item selected in the job, and the breadcrumbs at it (the status bar's line and column
    // show only while the editor has the focus).
    const selectedAt = async (item: string, line: string): Promise<void> => {
      await page.locator('.breadcrumbs-control .monaco-breadcrumb-item', { hasText: item }).waitFor();
      await page.locator('.monaco-editor .line-numbers.active-line-number', { hasText: new RegExp(`^${line}$`) }).waitFor();
      await page.locator('.monaco-editor .selected-text').first().waitFor();
    };
    await selectedAt('Sources[1]', '8');
    // The mouse: a click on the first clip selects its item (line 5).
    await keynote.click();
    await selectedAt('Sources[0]', '5');
    const tab = page.locator('.tabs-container .tab', { hasText: 'Storyboard: concat.highlight.yaml' });
    await tab.getByRole('button', { name: /^Close/ }).click();
    await tab.waitFor({ state: 'detached' });
  });
});
