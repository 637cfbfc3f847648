/**
 * `npm run demo`: the extension as a user installs it, in VS Code in the browser. Packages the
 * .vsix, installs it into code-server 4.139.1 (VS Code 1.139.1) with a fresh profile, opens a fresh
 * copy of demo/ (one job per Type and one with mistakes) and prints the URL. Runs until Ctrl+C.
 *
 *   npm run demo
 *   npm run demo -- --check              # the same, then proves it works (workbench answers, extension
 *                                        # installed and active, a job checked), stops everything, exits 0/1
 *   PORT=8080 npm run demo               # a fixed port (default: a free one)
 *   HOST=0.0.0.0 PORT=8080 npm run demo  # reachable from other machines: there is NO password, trusted networks only
 */
import { join } from 'node:path';
import {
  EXTENSION_ID,
  freshRunDirs,
  installVsix,
  log,
  onShutdown,
  packageExtension,
  ROOT,
  setupCodeServer,
  startCodeServer,
  workbenchUrl,
  writeUserSettings,
} from './e2e/harness';
import { startDemoServices } from './demo-services';
import { checkDemo } from './demo-check';

const USAGE = 'usage: npm run demo [-- --check]';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const unknown = args.filter((arg) => arg !== '--check');
  if (unknown.length > 0) throw new Error(`unknown argument ${unknown.join(' ')}; ${USAGE}`);
  const check = args.includes('--check');
  const vsix = packageExtension(join(ROOT, '.e2e/imm-highlight-tasks.vsix'));
  const cs = setupCodeServer();
  // A copy: the demo files stay as they are in git whatever is typed in the browser.
  const dirs = freshRunDirs('demo', join(ROOT, 'demo'));
  const services = await startDemoServices();
  onShutdown(() => services.stop());
  writeUserSettings(dirs, { ...services.settings });
  installVsix(cs, dirs, vsix);
  const server = await startCodeServer(cs, dirs, {
    port: process.env.PORT ? Number(process.env.PORT) : undefined,
    host: process.env.HOST,
    env: services.env,
  });
  if (check) {
    const url = workbenchUrl(server, dirs);
    log(`demo served at ${url}`);
    try {
      await checkDemo(server, dirs);
    } finally {
      await server.stop();
      await services.stop();
    }
    console.log(`\n  demo check passed: ${url} served VS Code with ${EXTENSION_ID} installed and active; everything it started is stopped\n`);
    return;
  }
  console.log(`
  IMM Highlight demo: open this URL in a browser

    ${workbenchUrl(server, dirs)}

  Workspace (a copy of demo/): ${dirs.workspace}
  Server log: ${server.logFile}
${services.notes.map((note) => `  ${note}\n`).join('')}
  Press Ctrl+C to stop.
`);
  const code = await server.exited;
  log(`code-server exited with ${code}; see ${server.logFile}`);
  await services.stop();
  process.exit(1);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`demo${process.argv.includes('--check') ? ' check' : ''} failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
