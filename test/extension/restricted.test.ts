/**
 * Restricted Mode (issue 20, 2): a workspace that is not trusted sends nothing in the background for the job files
 * it holds, neither the checks on open and save, nor live completion, nor the Output.URI CodeLens; what the user
 * runs (Check Against Cloud) still works. Runs only in the untrusted run (`npm run test:extension:restricted`,
 * which starts code-server with workspace trust on); the ordinary run's workspace is trusted.
 */
import * as assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { startImmEndpoint, TEST_ACCESS_KEY, type ImmEndpoint } from '../endpoints/imm/server';
import { startOssEndpoint, type OssEndpoint } from '../endpoints/oss/server';
import { activatedApi, workspaceFile } from './helpers';

const config = () => vscode.workspace.getConfiguration('immHighlight');
const JOB = `ProjectName: immtest
Type: Concat
Sources:
  - URI: oss://test-bucket/videos/restricted-typo.mp4
  - URI: oss://test-bucket/videos/beach.mp4
Output:
  URI: oss://test-bucket/videos/beach.mp4
`;

(process.env.IMM_E2E_RESTRICTED === '1' ? describe : describe.skip)('Restricted Mode (untrusted workspace)', () => {
  let imm: ImmEndpoint;
  let oss: OssEndpoint;
  const file = workspaceFile('restricted.highlight.yaml');

  before(async () => {
    // The run is meant to be untrusted: a trusted workspace here would make every test below pass for nothing.
    assert.equal(vscode.workspace.isTrusted, false, 'this run must open the workspace untrusted');
    await activatedApi();
    [imm, oss] = await Promise.all([startImmEndpoint(), startOssEndpoint({ accessKeys: { [TEST_ACCESS_KEY.id]: TEST_ACCESS_KEY.secret } })]);
    await vscode.commands.executeCommand('immHighlight.setAccessKey', { accessKeyId: TEST_ACCESS_KEY.id, accessKeySecret: TEST_ACCESS_KEY.secret });
    // User settings: in force in Restricted Mode (a workspace's endpoint would be ignored).
    await config().update('endpoint', imm.url, vscode.ConfigurationTarget.Global);
    await config().update('ossEndpoint', oss.url, vscode.ConfigurationTarget.Global);
    await config().update('cloudChecks', 'onSave', vscode.ConfigurationTarget.Global);
    writeFileSync(file.fsPath, JOB);
  });
  after(async () => {
    await vscode.commands.executeCommand('immHighlight.clearAccessKey');
    for (const key of ['endpoint', 'ossEndpoint', 'cloudChecks']) await config().update(key, undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await Promise.all([imm.close(), oss.close()]);
    rmSync(file.fsPath, { force: true });
  });

  it('opening, saving and completing a job file sends nothing: no checks, no completion listing, no CodeLens HEAD', async () => {
    oss.control.reset();
    const document = await vscode.workspace.openTextDocument(file);
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), '# edited\n'));
    assert.ok(await document.save());
    await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      document.uri,
      new vscode.Position(4, '  - URI: oss://'.length),
    );
    const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri)) ?? [];
    assert.deepEqual(
      lenses.filter((l) => l.command?.command.startsWith('immHighlight.results.')),
      [],
    );
    // Absence has no event: wait as long as a cloud answer takes on loopback (the next test shows it arrives).
    await new Promise((resolve) => setTimeout(resolve, 2000));
    assert.deepEqual(
      oss.requests.map((r) => `${r.method} ${r.action} ${r.key}`),
      [],
    );
    assert.equal(imm.received('GetProject').length + imm.received('ListProjects').length, 0);
  });

  it('Check Against Cloud, run by the user, still checks (and so reaches the local endpoints from here)', async () => {
    oss.control.reset();
    const result = await vscode.commands.executeCommand<{ status: string; diagnostics: { code?: unknown }[] }>('immHighlight.checkCloud', file);
    assert.equal(result.status, 'checked');
    assert.ok(
      result.diagnostics.some((d) => d.code === 'oss-object-not-found'),
      JSON.stringify(result.diagnostics),
    );
    assert.ok(oss.requests.some((r) => r.method === 'HEAD' && r.key === 'videos/restricted-typo.mp4'));
  });
});
