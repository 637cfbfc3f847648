import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { CloseAction, ErrorAction } from 'vscode-languageclient/node';
import { CrashHandler, type CrashEvent } from '../../client/src/crashHandler';
import { credentialFreeEnvironment } from '../../client/src/serverEnvironment';
import { activatedApi, diagnosticWithCode, openJob, waitFor, workspaceFile } from './helpers';

/** Language servers forked by this extension host (Linux /proc; the client keeps its process private). */
function serverPids(): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Field 4 of stat is the parent pid; the command name (field 2) may contain spaces, so split after ')'.
      const parent = Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(')').pop()!.trim().split(' ')[1]);
      const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (parent === process.pid && command.includes('dist/server.js')) pids.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return pids;
}

describe('language server process', () => {
  before(activatedApi);

  it('starts without credentials in its environment', function () {
    if (process.platform !== 'linux') this.skip();
    const [pid] = serverPids();
    assert.ok(pid, 'found the server process');
    const names = readFileSync(`/proc/${pid}/environ`, 'utf8')
      .split('\0')
      .map((entry) => entry.split('=')[0]!);
    assert.ok(names.includes('PATH'), 'the rest of the environment is passed on');
    assert.deepEqual(
      names.filter((name) => /^ALIBABA_CLOUD_|SECRET/.test(name)),
      [],
    );
    // The runners put fake credentials into the host's environment, so the check above is not vacuous.
    if (!process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET) console.warn('  (the host has no ALIBABA_CLOUD_ACCESS_KEY_SECRET to hide)');
  });

  it('is restarted after it crashes, and features work again', async function () {
    if (process.platform !== 'linux') this.skip();
    const api = await activatedApi();
    const [before] = serverPids();
    assert.ok(before, 'found the server process');
    process.kill(before, 'SIGKILL');
    const after = await waitFor('a new server process', () => serverPids().find((pid) => pid !== before));
    assert.notEqual(after, before);
    await waitFor('the client to be running again', () => api.languageClient.isRunning());
    // The client clears the diagnostics of the dead server, so a new one proves the new server works.
    const { document } = await openJob('misspelt-type.highlight.yaml');
    await diagnosticWithCode(document.uri, 'invalid-value');
  });

  it('restarts on the Restart Language Server command', async function () {
    if (process.platform !== 'linux') this.skip();
    const api = await activatedApi();
    const [before] = serverPids();
    await vscode.commands.executeCommand('immHighlight.restartServer');
    assert.ok(api.languageClient.isRunning());
    const after = serverPids();
    assert.equal(after.length, 1, `one server, not ${after.join(', ')}`);
    assert.notEqual(after[0], before);
  });
});

describe('CrashHandler', () => {
  const MINUTE = 60_000;
  const handler = (clock: { now: number }, told: CrashEvent[]) =>
    new CrashHandler(
      (event) => told.push(event),
      () => clock.now,
    );

  it('restarts after a crash and tells the user only once', () => {
    const clock = { now: 0 };
    const told: CrashEvent[] = [];
    const crashes = handler(clock, told);
    for (let i = 0; i < 3; i++) {
      assert.equal(crashes.closed().action, CloseAction.Restart);
      clock.now += 10_000;
    }
    assert.deepEqual(told, ['restarted']);
  });

  it('gives up on the 5th crash within 3 minutes, says so once, and starts over after a reset', () => {
    const clock = { now: 0 };
    const told: CrashEvent[] = [];
    const crashes = handler(clock, told);
    const actions = Array.from({ length: 6 }, () => crashes.closed().action);
    assert.deepEqual(actions.slice(0, 4), Array(4).fill(CloseAction.Restart));
    assert.deepEqual(actions.slice(4), [CloseAction.DoNotRestart, CloseAction.DoNotRestart]);
    assert.deepEqual(told, ['restarted', 'gaveUp']);
    crashes.reset();
    assert.equal(crashes.closed().action, CloseAction.Restart);
    assert.deepEqual(told, ['restarted', 'gaveUp', 'restarted']);
  });

  it('a burst of failed writes to a server that just died leaves the restart to its exit, not a shutdown', () => {
    const crashes = handler({ now: 0 }, []);
    // What the writer reports when the server was killed while requests were on their way (seen in the UI test).
    const epipe = Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });
    const actions = Array.from({ length: 6 }, (_, i) => crashes.error(epipe, undefined, i + 1).action);
    assert.deepEqual(actions, Array(6).fill(ErrorAction.Continue));
    assert.equal(crashes.closed().action, CloseAction.Restart);
    // Other errors still end a connection that keeps failing.
    assert.equal(crashes.error(new Error('bad message'), undefined, 4).action, ErrorAction.Shutdown);
  });

  it('forgets crashes older than 3 minutes', () => {
    const clock = { now: 0 };
    const crashes = handler(clock, []);
    for (let i = 0; i < 10; i++) {
      assert.equal(crashes.closed().action, CloseAction.Restart, `crash ${i}`);
      clock.now += 1 * MINUTE;
    }
  });
});

describe('credentialFreeEnvironment', () => {
  it('removes Alibaba Cloud credentials and secrets, keeps the rest', () => {
    const overrides = credentialFreeEnvironment({
      PATH: '/usr/bin',
      HOME: '/root',
      ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAI-fake',
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'fake',
      ALIBABA_CLOUD_SECURITY_TOKEN: 'fake',
      ALICLOUD_ACCESS_KEY: 'fake',
      MY_API_SECRET: 'fake',
    });
    assert.deepEqual(Object.keys(overrides).sort(), [
      'ALIBABA_CLOUD_ACCESS_KEY_ID',
      'ALIBABA_CLOUD_ACCESS_KEY_SECRET',
      'ALIBABA_CLOUD_SECURITY_TOKEN',
      'ALICLOUD_ACCESS_KEY',
      'MY_API_SECRET',
    ]);
    assert.ok(Object.values(overrides).every((value) => value === undefined));
  });
});

// Desktop only (it writes files): the web host's suites bundle diagnostics.test.ts for the browser.
describe('the language server and job files', () => {
  before(activatedApi);

  it('checks a job file opened as plain yaml, its name in any letter case (issue 21, 5)', async () => {
    for (const name of ['misspelt-as-yaml.highlight.yml', 'MISSPELT-CAPITALS.HIGHLIGHT.YAML']) {
      const uri = workspaceFile(name);
      writeFileSync(uri.fsPath, readFileSync(workspaceFile('misspelt-type.highlight.yaml').fsPath));
      try {
        const document = await vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(uri), 'yaml');
        await vscode.window.showTextDocument(document);
        await diagnosticWithCode(uri, 'invalid-value');
      } finally {
        await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
        rmSync(uri.fsPath, { force: true });
      }
    }
  });
});
