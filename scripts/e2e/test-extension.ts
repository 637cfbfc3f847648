/**
 * `npm run test:extension`: runs the mocha suite of test/extension inside the extension host of a
 * real VS Code 1.139.1 (code-server), the browser equivalent of @vscode/test-electron. The workbench
 * loads the development copy of the extension (this repository) and the bundled suite from a
 * `?payload=` URL, which it honours only with the smoke-test driver enabled; it reports the end
 * through `codeAutomationExit(code)`.
 *
 *   IMM_EXTENSION_TEST_GREP=completion npm run test:extension    # a subset, by mocha --grep
 *   IMM_E2E_LOCALE=zh-cn IMM_EXTENSION_TEST_GREP='display language' npm run test:extension   # in Chinese
 *   IMM_E2E_RESTRICTED=1 IMM_EXTENSION_TEST_GREP='Restricted Mode' npm run test:extension      # untrusted workspace
 */
import { join } from 'node:path';
import { format } from 'node:util';
import {
  buildExtension,
  freshRunDirs,
  installLanguagePack,
  keepLogs,
  launchBrowser,
  log,
  outputDir,
  remoteUri,
  ROOT,
  run,
  setupCodeServer,
  startCodeServer,
  workbenchUrl,
  writeUserSettings,
  type Browser,
  type RunningCodeServer,
} from './harness';

const TIMEOUT_MS = 5 * 60_000;
/** The workbench's own console lines ("[Tag] …", connection set-up), forwarded along with the suite's. */
const WORKBENCH_NOISE = /^(\[[^\]]+\]|Resolving connection token|Resolved connection token|Creating a socket|Updating additional builtin extensions cache)/;

async function main(): Promise<number> {
  if (!process.env.IMM_E2E_SKIP_BUILD) {
    buildExtension();
    run(process.execPath, ['scripts/e2e/build-extension-tests.mjs']);
  }
  const cs = setupCodeServer();
  // An empty extensions directory: an installed copy of the extension would clash with the development one.
  const dirs = freshRunDirs('extension-tests', join(ROOT, 'test/extension/workspace'));
  writeUserSettings(dirs);
  if (process.env.IMM_E2E_LOCALE) installLanguagePack(cs, dirs, process.env.IMM_E2E_LOCALE);
  let server: RunningCodeServer | undefined;
  let browser: Browser | undefined;
  let code: number | 'timeout' = 'timeout';
  try {
    server = await startCodeServer(cs, dirs, {
      smokeTestDriver: true,
      ...(process.env.IMM_E2E_LOCALE ? { locale: process.env.IMM_E2E_LOCALE } : {}),
      ...(process.env.IMM_E2E_RESTRICTED === '1' ? { workspaceTrust: true } : {}),
      // Fake credentials in the host's environment, so the test that the language server does not
      // inherit them has something to find.
      env: {
        ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAI-e2e-fake-id',
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'e2e-fake-secret',
        IMM_EXTENSION_TEST_GREP: process.env.IMM_EXTENSION_TEST_GREP ?? '',
        IMM_E2E_LOCALE: process.env.IMM_E2E_LOCALE ?? '',
        IMM_E2E_RESTRICTED: process.env.IMM_E2E_RESTRICTED ?? '',
      },
    });
    browser = await launchBrowser();
    let finish: (exitCode: number) => void = () => undefined;
    const exited = new Promise<number>((resolveExit) => (finish = resolveExit));
    // The workbench forwards the extension host's console here; mocha's spec reporter writes to it.
    // It also forwards the workbench's own console, whose messages start with a [Tag]: those are dropped.
    await browser.page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
      const text = format(...(args ?? []));
      // The gallery (open-vsx.org) is unreachable offline; its errors say nothing about our tests.
      if (/getaddrinfo|ENOTFOUND|EAI_AGAIN/.test(text)) return;
      if (type === 'error') console.log(`[${type}] ${text}`);
      else if (!WORKBENCH_NOISE.test(text)) console.log(text);
    });
    await browser.page.exposeFunction('codeAutomationExit', (exitCode: number) => finish(exitCode));
    const url = workbenchUrl(server, dirs, [
      ['extensionDevelopmentPath', remoteUri(server, ROOT)],
      ['extensionTestsPath', remoteUri(server, join(ROOT, 'out/test/extension'))],
      ['skipWelcome', 'true'],
    ]);
    log('opening the workbench in test mode');
    await browser.page.goto(url);
    code = await Promise.race([exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), TIMEOUT_MS))]);
    log(`extension tests finished: ${code === 'timeout' ? `no result within ${TIMEOUT_MS / 1000} s` : `exit code ${code}`}`);
    if (code !== 0) {
      const out = outputDir('extension-tests');
      await browser.page.screenshot({ path: join(out, 'failure.png') }).catch(() => undefined);
      keepLogs(dirs, server, out);
      log(`screenshot and logs in ${out}`);
    }
  } finally {
    await browser?.close();
    await server?.stop();
  }
  return code === 0 ? 0 : 1;
}

main().then(
  (exitCode) => process.exit(exitCode),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
