/**
 * `npm run demo`: the extension as a user installs it, in VS Code in the browser. Packages the
 * .vsix, installs it into code-server 4.139.1 (VS Code 1.139.1) with a fresh profile, opens a fresh
 * copy of demo/ (one job per Type and one with mistakes) and prints the URL. Runs until Ctrl+C.
 *
 *   npm run demo
 *   PORT=8080 npm run demo               # a fixed port (default: a free one)
 *   HOST=0.0.0.0 PORT=8080 npm run demo  # reachable from other machines: there is NO password, trusted networks only
 */
import { join } from 'node:path';
import {
  freshRunDirs, installVsix, log, onShutdown, packageExtension, ROOT, setupCodeServer, startCodeServer,
  workbenchUrl, writeUserSettings,
} from './e2e/harness';
import { startDemoServices } from './demo-services';

async function main(): Promise<void> {
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

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
