/**
 * A workspace endpoint outside Alibaba Cloud and loopback is used only after the user agreed, for every feature
 * that signs requests: the checks on open and save, live completion, Check Against Cloud, Submit (before its
 * preflight) and the results commands. The local endpoints are loopback, so the user's own (Global) settings point
 * at them and need no consent; a WORKSPACE setting names a host that is never contacted (`*.example.test`). Modal
 * dialogs are refused in extension tests, which is a question not answered yes: the local endpoints' logs must then
 * stay empty, and a control with the user's own settings shows that the same steps do reach them.
 */
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { startImmEndpoint, TEST_ACCESS_KEY, type ImmEndpoint } from '../endpoints/imm/server';
import { startOssEndpoint, type OssEndpoint } from '../endpoints/oss/server';
import type { SubmitOutcome } from '../../client/src/submit';
import { activatedApi, codeOf, waitFor, workspaceFile } from './helpers';

const IMM_ELSEWHERE = 'https://imm.example.test';
const OSS_ELSEWHERE = 'https://oss.example.test';
const FILE = 'consent-missing.highlight.yaml';
const JOB = `ProjectName: immtest
Type: Retrieval
Sources:
  - URI: oss://test-bucket/videos/typo.mp4
Output:
  URI: oss://test-bucket/highlights/new.mp4
`;
const config = () => vscode.workspace.getConfiguration('immHighlight');
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const labelText = (item: vscode.CompletionItem): string => (typeof item.label === 'string' ? item.label : item.label.label);

describe('workspace endpoints outside Alibaba Cloud', () => {
  let imm: ImmEndpoint;
  let oss: OssEndpoint;
  const sent = (): number => imm.requests.length + oss.requests.length;

  /** Opens and saves the job (an automatic check when it may run), and waits long enough for one to arrive. */
  async function saveJob(): Promise<vscode.Uri> {
    const uri = workspaceFile(FILE);
    writeFileSync(uri.fsPath, JOB);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    await document.save();
    await sleep(1500);
    return uri;
  }

  async function setWorkspace(key: 'endpoint' | 'ossEndpoint', value: string | undefined): Promise<void> {
    await config().update(key, value, vscode.ConfigurationTarget.Workspace);
    // A trusted workspace's value is in effect; otherwise these tests would pass for the wrong reason.
    if (value) assert.equal(config().get(key), value);
  }

  before(async () => {
    await activatedApi();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    [imm, oss] = await Promise.all([startImmEndpoint(), startOssEndpoint()]);
    await vscode.commands.executeCommand('immHighlight.setAccessKey', { accessKeyId: TEST_ACCESS_KEY.id, accessKeySecret: TEST_ACCESS_KEY.secret });
    // The workspace value first: from the moment the user's own settings name the local endpoints, it overrides them.
    await setWorkspace('endpoint', IMM_ELSEWHERE);
    await config().update('endpoint', imm.url, vscode.ConfigurationTarget.Global);
    await config().update('ossEndpoint', oss.url, vscode.ConfigurationTarget.Global);
    await config().update('cloudChecks', 'onSave', vscode.ConfigurationTarget.Global);
    // The Output.URI CodeLens asks OSS whether the result exists; with an IMM endpoint pending that is allowed (the OSS
    // endpoint is the user's own), but here every request counted must come from the features under test.
    await config().update('results.codeLens', false, vscode.ConfigurationTarget.Global);
  });
  beforeEach(() => {
    imm.control.reset();
    oss.control.reset();
  });
  after(async () => {
    for (const key of ['endpoint', 'ossEndpoint'] as const) await setWorkspace(key, undefined);
    await vscode.commands.executeCommand('immHighlight.clearAccessKey');
    for (const key of ['endpoint', 'ossEndpoint', 'cloudChecks', 'results.codeLens']) await config().update(key, undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await Promise.all([imm.close(), oss.close()]);
    rmSync(workspaceFile(FILE).fsPath, { force: true });
  });

  it('a workspace IMM endpoint not accepted: saving, live completion and Check Against Cloud send nothing', async () => {
    const uri = await saveJob();
    assert.deepEqual(
      vscode.languages.getDiagnostics(uri).filter((d) => String(codeOf(d)).startsWith('oss-')),
      [],
    );

    const document = await vscode.workspace.openTextDocument({ language: 'imm-highlight', content: 'ProjectName: ' });
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(0, 13));
    assert.equal(list.items.filter((item) => item.detail === 'IMM project').length, 0, list.items.map(labelText).join(', '));

    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const checked = await vscode.commands.executeCommand<{ status: string }>('immHighlight.checkCloud');
    assert.equal(checked.status, 'endpointNotAccepted');
    assert.equal(sent(), 0, JSON.stringify([...imm.requests.map((r) => r.action), ...oss.requests.map((r) => r.action)]));
  });

  it('Submit asks about the workspace IMM endpoint before its cloud preflight: not accepted, nothing reaches IMM or OSS', async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceFile(FILE)));
    const outcome = await vscode.commands.executeCommand<SubmitOutcome>('immHighlight.submitTask');
    assert.deepEqual(outcome, { status: 'endpointRefused', url: IMM_ELSEWHERE });
    assert.equal(sent(), 0, JSON.stringify(oss.requests.map((r) => r.action)));
  });

  it('the review command asks the same question; nothing pending once the workspace value is gone', async () => {
    assert.equal(await vscode.commands.executeCommand<boolean>('immHighlight.reviewEndpoints', workspaceFile(FILE)), false);
    await setWorkspace('endpoint', undefined);
    assert.equal(await vscode.commands.executeCommand<boolean>('immHighlight.reviewEndpoints', workspaceFile(FILE)), true);
  });

  it('a workspace OSS endpoint not accepted: the checks stop for IMM too, Submit sends nothing, a download sends nothing', async () => {
    // The previous test removed the workspace IMM endpoint, which re-checks the open job against the user's own
    // endpoints. Those requests were allowed when they left; wait for that run's finding, so none lands after the reset.
    await waitFor("the re-check against the user's own endpoints", () =>
      vscode.languages.getDiagnostics(workspaceFile(FILE)).find((d) => codeOf(d) === 'oss-object-not-found'),
    );
    await setWorkspace('ossEndpoint', OSS_ELSEWHERE);
    imm.control.reset();
    oss.control.reset();
    await saveJob();
    const outcome = await vscode.commands.executeCommand<SubmitOutcome>('immHighlight.submitTask');
    assert.deepEqual(outcome, { status: 'endpointRefused', url: OSS_ELSEWHERE });
    const dir = mkdtempSync(join(tmpdir(), 'imm-consent-ext-'));
    const target = vscode.Uri.file(join(dir, 'reel.mp4'));
    assert.equal(await vscode.commands.executeCommand('immHighlight.results.downloadOutput', 'oss://test-bucket/out/reel.mp4', target), undefined);
    assert.equal(existsSync(target.fsPath), false);
    assert.equal(sent(), 0, JSON.stringify([...imm.requests.map((r) => r.action), ...oss.requests.map((r) => `${r.method} ${r.url}`)]));
  });

  it("control: with only the user's own (loopback) endpoints the same save is checked against both", async () => {
    await setWorkspace('ossEndpoint', undefined);
    imm.control.reset();
    oss.control.reset();
    const uri = await saveJob();
    await waitFor('an oss-object-not-found diagnostic', () => vscode.languages.getDiagnostics(uri).find((d) => codeOf(d) === 'oss-object-not-found'));
    assert.ok(imm.received('GetProject').length > 0);
    assert.ok(oss.requests.length > 0);
  });
});
