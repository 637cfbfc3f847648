/**
 * The Highlight Tasks view in a real extension host: a click opens the task's details (every GetTask field,
 * the job file, the request sent without secrets), and the item actions Refresh, Open Job File, Show Request
 * and Copy Task ID work on the task they are run on.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { startImmEndpoint, TEST_ACCESS_KEY, type ImmEndpoint } from '../endpoints/imm/server';
import type { SubmitOutcome } from '../../client/src/submit';
import { TaskHistory, type StateStore } from '../../client/src/tasks/history';
import type { TaskRecord } from '../../client/src/tasks/record';
import { TaskTreeProvider, type TaskTreeNode } from '../../client/src/tasks/tree';
import { activatedApi, retrievalJob, waitFor } from './helpers';

const config = () => vscode.workspace.getConfiguration('immHighlight');
const job = (tag: string): string => retrievalJob(`task-view-${tag}`);

describe('Highlight Tasks view', () => {
  let endpoint: ImmEndpoint;
  let document: vscode.TextDocument;
  let failed: TaskRecord;

  before(async () => {
    await activatedApi();
    endpoint = await startImmEndpoint();
    await config().update('endpoint', endpoint.url, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('immHighlight.setAccessKey', { accessKeyId: TEST_ACCESS_KEY.id, accessKeySecret: TEST_ACCESS_KEY.secret });
    endpoint.control.setTaskScript({ pollsBeforeDone: 0, outcome: 'Failed', failure: { Code: 'InvalidFile.NotFound', Message: 'The video does not exist.' } });
    document = await vscode.workspace.openTextDocument({ language: 'imm-highlight', content: job('failed') });
    await vscode.window.showTextDocument(document);
    const outcome = await vscode.commands.executeCommand<SubmitOutcome>('immHighlight.submitTask');
    assert.equal(outcome.status, 'submitted', JSON.stringify(outcome));
    if (outcome.status !== 'submitted') return;
    const final = await outcome.finished;
    assert.equal(final?.status, 'Failed');
    failed = final!;
  });
  after(async () => {
    await vscode.commands.executeCommand('immHighlight.clearAccessKey');
    await config().update('endpoint', undefined, vscode.ConfigurationTarget.Global);
    await endpoint.close();
  });

  it('an item reads status and failure code first, then the time; its click opens the details; no Output URI on a failed task', () => {
    const store: StateStore = { get: () => undefined, update: async () => undefined };
    const history = new TaskHistory(store);
    void history.add(failed);
    const tree = new TaskTreeProvider(history);
    const [file] = tree.getChildren();
    const [task] = tree.getChildren(file as TaskTreeNode);
    const item = tree.getTreeItem(task!);
    assert.equal(item.label, 'Failed: InvalidFile.NotFound');
    assert.match(String(item.description), /^(\d{4}-\d\d-\d\d )?\d\d:\d\d:\d\d · [0-9a-f]{1,8}…$/);
    assert.equal(item.command?.command, 'immHighlight.tasks.showDetails');
    assert.deepEqual(item.command?.arguments, [failed.taskId]);
    assert.ok(!String(item.tooltip).includes('oss://test-bucket/out.mp4'), String(item.tooltip));
    tree.dispose();
  });

  it('the details show every GetTask field, the job file and the request sent, without secrets', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('immHighlight.tasks.showDetails', failed.taskId);
    // Rendered in the Markdown preview (a webview), not shown as its `| | |` source.
    // (The tab reaches the extension host after the command has returned.)
    const previewTab = () =>
      vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(t.input.viewType));
    const tab = await waitFor('the Markdown preview of the details', previewTab, 10_000).catch(() => undefined);
    assert.ok(
      tab,
      vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .map((t) => `${t.label}: ${JSON.stringify(t.input)}`)
        .join('\n'),
    );
    assert.match(tab.label, /Highlight-[0-9a-f-]+\.md/);
    const shown = await vscode.workspace.openTextDocument(uri);
    // The source's backslash escapes removed, as the rendered preview shows it.
    const text = shown.getText().replace(/\\([!-/:-@[-`{-~])/g, '$1');
    assert.equal(shown.languageId, 'markdown');
    for (const field of ['RequestId', 'ProjectName', 'TaskId', 'TaskType', 'Status', 'Code', 'Message', 'StartTime', 'EndTime']) {
      assert.match(text, new RegExp(`^\\| ${field} \\| .+ \\|$`, 'm'), field);
    }
    assert.match(text, /^\| Code \| InvalidFile\.NotFound \|$/m);
    assert.match(text, /^\| TaskType \| Highlight \|$/m);
    assert.match(text, /^\| Job file \| Untitled-\d+ \(unsaved\) \|$/m);
    assert.match(text, /^\| Identity \| AccessKey LTAI\*\*\*\*ey01 from VS Code secret storage \|$/m);
    assert.match(text, /"Type": "Retrieval"/);
    assert.ok(!text.includes(TEST_ACCESS_KEY.secret));
    assert.ok(!/^Result:/m.test(text));
    // The view is read-only: a virtual document, not a file.
    assert.equal(shown.uri.scheme, 'imm-highlight-task');
  });

  it('item actions: Refresh asks GetTask once more, Open Job File, Show Request (the one sent), Copy Task ID', async () => {
    const node = { kind: 'task', record: failed };
    const before = endpoint.received('GetTask').length;
    await vscode.commands.executeCommand('immHighlight.tasks.refresh', node);
    assert.equal(endpoint.received('GetTask').length, before + 1);

    const opened = await vscode.commands.executeCommand<vscode.Uri>('immHighlight.tasks.openJobFile', node);
    assert.equal(opened?.toString(), document.uri.toString());
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), document.uri.toString());

    // The file changes after the submission; Show Request on the task still shows what was sent.
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((b) => b.replace(document.lineAt(1).range, 'Type: Concat'));
    const sentUri = await vscode.commands.executeCommand<vscode.Uri>('immHighlight.showRequest', node);
    const sent = JSON.parse((await vscode.workspace.openTextDocument(sentUri)).getText()) as { body: Record<string, string> };
    assert.equal(sent.body['Type'], 'Retrieval');

    await vscode.commands.executeCommand('immHighlight.tasks.copyTaskId', node);
    assert.equal(await vscode.env.clipboard.readText(), failed.taskId);
  });
});

describe('New IMM Highlight Job', () => {
  it('File › New File… › IMM Highlight Job opens an untitled job from the chosen template, with its Type', async () => {
    await activatedApi();
    const document = await vscode.commands.executeCommand<vscode.TextDocument>('immHighlight.newJob', { type: 'Concat' });
    assert.equal(document.languageId, 'imm-highlight');
    assert.equal(document.isUntitled, true);
    assert.match(document.getText(), /^Type: Concat$/m);
    assert.match(document.getText(), /^ProjectName: /m);
    // Named, so Save keeps the extension that makes it a job (issue 19: it was saved as "ProjectName: immtest").
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.path;
    if (folder) {
      assert.equal(document.uri.path, `${folder}/concat-job.highlight.yaml`);
      const second = await vscode.commands.executeCommand<vscode.TextDocument>('immHighlight.newJob', { type: 'Concat' });
      assert.equal(second.uri.path, `${folder}/concat-job-2.highlight.yaml`, 'an open job keeps its name');
      assert.equal(second.languageId, 'imm-highlight');
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('Restart Language Server says it restarted', async () => {
    assert.equal(await vscode.commands.executeCommand<boolean>('immHighlight.restartServer'), true);
  });
});
