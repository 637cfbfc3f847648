/**
 * Where a finished task's result shows up, in a real extension host against the local IMM and OSS endpoints
 * (in-process, loopback, signatures checked by their own code): the task view's children (output objects with
 * sizes, errors in words, the job file), the tooltip's command links, the "succeeded" notification's buttons, the
 * CodeLens on Output.URI, and a cancelled download through the progress notification's own Cancel.
 */
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { createOssConnection } from '../../api/src/oss/index';
import type { SubmitOutcome } from '../../client/src/submit';
import { TaskHistory, type StateStore } from '../../client/src/tasks/history';
import type { TaskRecord } from '../../client/src/tasks/record';
import { resultActions } from '../../client/src/tasks/status';
import { TaskTreeProvider, type MessageNode, type OutputNode, type TaskTreeNode } from '../../client/src/tasks/tree';
import { RESULT_COMMAND_IDS } from '../../client/src/commandIds';
import type { ConnectionFactory } from '../../client/src/results/connection';
import { MAX_LISTED_OBJECTS, OutputLister } from '../../client/src/results/outputLister';
import { startImmEndpoint, TEST_ACCESS_KEY, type ImmEndpoint } from '../endpoints/imm/server';
import { startOssEndpoint, type OssEndpoint } from '../endpoints/oss/server';
import { activatedApi, retrievalJob, waitFor, workspaceFile } from './helpers';

const config = () => vscode.workspace.getConfiguration('immHighlight');
const VIDEO = Buffer.alloc(256 * 1024, 7);
let run = 0;
const job = (outputUri: string, extra = ''): string => retrievalJob('results-view', { source: 'oss://test-bucket/videos/beach.mp4', outputUri, extra });

const memory = (): StateStore => {
  let saved: unknown;
  return { get: <T>() => saved as T, update: async (_key, value) => void (saved = value) };
};

function succeeded(outputUri: string, extra: Partial<TaskRecord> = {}): TaskRecord {
  const now = new Date().toISOString();
  run += 1;
  return {
    taskId: `Highlight-00000000-0000-4000-8000-${String(run).padStart(12, '0')}`,
    projectName: 'immtest',
    fileUri: workspaceFile('results-view-source.highlight.yaml').toString(),
    fileLabel: 'results-view-source.highlight.yaml',
    submittedAt: now,
    region: 'cn-hangzhou',
    requestId: 'R',
    outputUri,
    status: 'Succeeded',
    updatedAt: now,
    ...extra,
  };
}

/** A provider over a history of its own, its outputs listed through the local OSS endpoint. */
function treeOf(record: TaskRecord, connection: ConnectionFactory): { tree: TaskTreeProvider; lister: OutputLister; task: TaskTreeNode; dispose: () => void } {
  const history = new TaskHistory(memory());
  void history.add(record);
  const lister = new OutputLister(connection);
  const tree = new TaskTreeProvider(history, lister);
  const [file] = tree.getChildren();
  const [task] = tree.getChildren(file);
  return { tree, lister, task: task!, dispose: () => (tree.dispose(), lister.dispose()) };
}

/** The children of a task once its output has been looked up (the first answer is "Looking up…"). */
async function settledChildren(tree: TaskTreeProvider, task: TaskTreeNode): Promise<TaskTreeNode[]> {
  return waitFor('the output look-up to end', () => {
    const children = tree.getChildren(task);
    return children.some((c) => c.kind === 'message' && c.icon === 'loading~spin') ? undefined : children;
  });
}

const previewTab = (): vscode.Tab | undefined =>
  vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('immHighlight.outputPreview'));

async function closePreviews(): Promise<void> {
  for (let tab = previewTab(); tab; tab = previewTab()) await vscode.window.tabGroups.close(tab);
}

describe('Results in the task view, notifications and job files', () => {
  let imm: ImmEndpoint;
  let oss: OssEndpoint;
  let connection: ConnectionFactory;

  before(async () => {
    await activatedApi();
    imm = await startImmEndpoint();
    // One stored key signs both: the OSS endpoint accepts the IMM test key.
    oss = await startOssEndpoint({ accessKeys: { [TEST_ACCESS_KEY.id]: TEST_ACCESS_KEY.secret } });
    connection = async () =>
      createOssConnection({
        credentials: { kind: 'accessKey', accessKeyId: TEST_ACCESS_KEY.id, accessKeySecret: TEST_ACCESS_KEY.secret },
        endpoint: oss.url,
        timeoutMs: 2000,
      });
    await config().update('endpoint', imm.url, vscode.ConfigurationTarget.Global);
    await config().update('ossEndpoint', oss.url, vscode.ConfigurationTarget.Global);
    // The lens and the tree's listing follow cloudChecks (off would turn them off); the checks on open and save
    // share their HEADs with the lens, so the lens's request counts below hold with them on.
    await config().update('cloudChecks', 'onSave', vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('immHighlight.setAccessKey', { accessKeyId: TEST_ACCESS_KEY.id, accessKeySecret: TEST_ACCESS_KEY.secret });
  });
  beforeEach(() => {
    imm.control.reset();
    oss.control.reset();
    oss.control.putObject('test-bucket', { key: 'out/view.mp4', contentType: 'video/mp4', body: VIDEO });
  });
  afterEach(closePreviews);
  after(async () => {
    await vscode.commands.executeCommand('immHighlight.clearAccessKey');
    for (const key of ['endpoint', 'ossEndpoint', 'cloudChecks', 'results.codeLens']) await config().update(key, undefined, vscode.ConfigurationTarget.Global);
    await imm.close();
    await oss.close();
  });

  it('a succeeded task expands to its output object with its size and its job file; the results commands work on the object', async () => {
    const { tree, task, dispose } = treeOf(succeeded('oss://test-bucket/out/view.mp4'), connection);
    try {
      const taskItem = tree.getTreeItem(task);
      // The row the UI test right-clicks stays as it was: label, context value; it now has children.
      assert.equal(taskItem.label, 'Succeeded');
      assert.equal(taskItem.contextValue, 'immHighlightTask');
      assert.equal(taskItem.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
      // Never blocking: the first answer is immediate, a child that says it is looking.
      const first = tree.getChildren(task);
      assert.equal((first[0] as MessageNode).icon, 'loading~spin');
      const children = await settledChildren(tree, task);
      assert.deepEqual(
        children.map((c) => c.kind),
        ['output', 'source'],
      );
      const output = tree.getTreeItem(children[0]!);
      assert.equal(output.label, 'view.mp4');
      assert.equal(output.description, '256.0 KB');
      assert.equal(output.contextValue, 'immHighlightOutput');
      assert.equal(output.command?.command, 'immHighlight.results.previewOutput');
      const source = tree.getTreeItem(children[1]!);
      assert.equal(source.label, 'results-view-source.highlight.yaml');
      assert.equal(source.command?.command, 'immHighlight.tasks.openJobFile');

      // One look per task: expanding again asks OSS nothing more.
      const asked = () => oss.requests.filter((r) => r.key === 'out/view.mp4').length;
      const before = asked();
      // A new look would answer with the loading item first (its request leaves later): the answer is the kept one.
      assert.deepEqual(
        tree.getChildren(task).map((c) => c.kind),
        ['output', 'source'],
      );
      assert.deepEqual(
        tree.getChildren(task).map((c) => c.kind),
        ['output', 'source'],
      );
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.equal(asked(), before);

      // The item's click (Preview Output on the node) through the real command: a video on a presigned URL of it.
      const panel = await vscode.commands.executeCommand<vscode.WebviewPanel | undefined>(output.command!.command, ...(output.command!.arguments ?? []));
      assert.ok(panel);
      const src = /<video[^>]* src="([^"]+)"/.exec(panel.webview.html)?.[1]?.replace(/&amp;/g, '&');
      assert.equal(new URL(src!).pathname, '/test-bucket/out/view.mp4');
      panel.dispose();
      await vscode.commands.executeCommand('immHighlight.results.copyOutputUri', children[0]);
      assert.equal(await vscode.env.clipboard.readText(), 'oss://test-bucket/out/view.mp4');
    } finally {
      dispose();
    }
  });

  it("an output's answer refreshes its task's row only, never the whole view (which drops the task a context menu is open on)", async () => {
    const { tree, lister, task, dispose } = treeOf(succeeded('oss://test-bucket/out/view.mp4'), connection);
    const refreshed: (TaskTreeNode | undefined)[] = [];
    const listening = tree.onDidChangeTreeData((node) => refreshed.push(node));
    try {
      tree.getChildren(task);
      await settledChildren(tree, task);
      // Refresh of that task: it shows "Looking up…" again, then the new answer; still that row alone.
      lister.forget((task as Extract<TaskTreeNode, { kind: 'task' }>).record.taskId);
      await settledChildren(tree, task);
      assert.ok(refreshed.length >= 2, `refreshed: ${refreshed.length}`);
      // The very node VS Code was given (it finds rows by identity); undefined would be the whole view.
      assert.ok(
        refreshed.every((node) => node === task),
        `refreshed: ${JSON.stringify(refreshed.map((node) => node?.kind ?? 'everything'))}`,
      );
    } finally {
      listening.dispose();
      dispose();
    }
  });

  it('a segmented output lists the objects under its prefix, bounded, as parts; Download… of a part writes that object', async () => {
    for (let i = 0; i <= MAX_LISTED_OBJECTS; i++)
      oss.control.putObject('test-bucket', { key: `out/seg/reel-${String(i).padStart(3, '0')}.ts`, contentType: 'video/mp2t', body: Buffer.alloc(100 + i) });
    oss.control.putObject('test-bucket', { key: 'out/seg/reel.m3u8', contentType: 'application/vnd.apple.mpegurl', body: '#EXTM3U\n' });
    const { tree, task, dispose } = treeOf(succeeded('oss://test-bucket/out/seg/reel.m3u8', { outputSegmented: true }), connection);
    try {
      const children = await settledChildren(tree, task);
      const outputs = children.filter((c): c is OutputNode => c.kind === 'output');
      assert.equal(outputs.length, MAX_LISTED_OBJECTS);
      assert.deepEqual(
        outputs.slice(0, 2).map((o) => [tree.getTreeItem(o).label, tree.getTreeItem(o).description]),
        [
          ['reel-000.ts', '100 B'],
          ['reel-001.ts', '101 B'],
        ],
      );
      assert.ok(outputs.every((o) => tree.getTreeItem(o).contextValue === 'immHighlightOutput.part' && !tree.getTreeItem(o).command));
      const more = children.find((c): c is MessageNode => c.kind === 'message');
      assert.match(more!.text, new RegExp(`first ${MAX_LISTED_OBJECTS} objects`));
      assert.equal(children.at(-1)!.kind, 'source');

      const dir = mkdtempSync(join(tmpdir(), 'imm-results-view-'));
      const path = await vscode.commands.executeCommand<string | undefined>(
        'immHighlight.results.downloadOutput',
        outputs[1],
        vscode.Uri.file(join(dir, 'part.ts')),
      );
      assert.equal(path, join(dir, 'part.ts'));
      assert.deepEqual(readdirSync(dir), ['part.ts']);
    } finally {
      dispose();
    }
  });

  it('a failed look-up is a child item in plain words, never a hang, and Refresh asks again', async () => {
    const missing = treeOf(succeeded('oss://test-bucket/out/gone.mp4'), connection);
    const denied = treeOf(succeeded('oss://test-bucket/out/view.mp4'), connection);
    const unanswered = treeOf(succeeded('oss://test-bucket/out/view.mp4'), connection);
    try {
      const [gone] = await settledChildren(missing.tree, missing.task);
      assert.equal(gone!.kind, 'message');
      assert.match((gone as MessageNode).text, /^No object at oss:\/\/test-bucket\/out\/gone\.mp4/);

      oss.control.deny('oss:GetObject');
      const [refused] = await settledChildren(denied.tree, denied.task);
      assert.match((refused as MessageNode).text, /denied reading oss:\/\/test-bucket\/out\/view\.mp4: the identity needs oss:GetObject/);
      oss.control.reset();
      oss.control.putObject('test-bucket', { key: 'out/view.mp4', contentType: 'video/mp4', body: VIDEO });
      // The answer is kept until Refresh (forget) asks again.
      assert.equal(denied.tree.getChildren(denied.task)[0]!.kind, 'message');
      denied.lister.forget(denied.task.kind === 'task' ? denied.task.record.taskId : undefined);
      assert.equal((await settledChildren(denied.tree, denied.task))[0]!.kind, 'output');

      // OSS never answers: the request timeout ends the look-up and says so.
      oss.control.failNext({ kind: 'hang' }, 5);
      const [silent] = await settledChildren(unanswered.tree, unanswered.task);
      assert.match((silent as MessageNode).text, /OSS could not be reached/);
    } finally {
      missing.dispose();
      denied.dispose();
      unanswered.dispose();
    }
  });

  it('with cloudChecks off, expanding a task lists nothing and sends nothing; the commands still work (issue 20, 2)', async () => {
    await config().update('cloudChecks', 'off', vscode.ConfigurationTarget.Global);
    const { tree, task, dispose } = treeOf(succeeded('oss://test-bucket/out/view.mp4'), connection);
    try {
      const children = await settledChildren(tree, task);
      const message = children.find((c): c is MessageNode => c.kind === 'message');
      assert.match(message?.text ?? '', /cloudChecks is off/);
      assert.equal(oss.requests.filter((r) => r.key === 'out/view.mp4').length, 0);
    } finally {
      dispose();
      await config().update('cloudChecks', 'onSave', vscode.ConfigurationTarget.Global);
    }
  });

  it("a succeeded task's tooltip links run only the results commands, on that task", async () => {
    const record = succeeded('oss://test-bucket/out/view.mp4');
    const { tree, task, dispose } = treeOf(record, connection);
    try {
      const tooltip = tree.getTreeItem(task).tooltip;
      assert.ok(tooltip instanceof vscode.MarkdownString);
      assert.deepEqual(tooltip.isTrusted, { enabledCommands: [...RESULT_COMMAND_IDS] });
      const links = [...tooltip.value.matchAll(/\[([^\]]+)\]\(command:([\w.]+)\?([^)]+)\)/g)].map((m) => ({
        label: m[1],
        command: m[2]!,
        args: JSON.parse(decodeURIComponent(m[3]!)) as unknown[],
      }));
      assert.deepEqual(
        links.map((l) => l.label),
        ['Preview Output', 'Open Output', 'Download Output…', 'Copy Output URI', 'Copy Presigned URL', 'Open in OSS Console'],
      );
      assert.ok(links.every((l) => RESULT_COMMAND_IDS.includes(l.command)));
      const preview = links[0]!;
      const panel = await vscode.commands.executeCommand<vscode.WebviewPanel | undefined>(preview.command, ...preview.args);
      assert.ok(panel);
      assert.match(panel.webview.html, /\/test-bucket\/out\/view\.mp4\?/);
      panel.dispose();
    } finally {
      dispose();
    }
  });

  it('the "succeeded" notification offers Preview Output first, and its button opens the preview', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'imm-highlight', content: job('oss://test-bucket/out/view.mp4') });
    await vscode.window.showTextDocument(document);
    imm.control.setTaskScript({ pollsBeforeDone: 0, outcome: 'Succeeded' });
    const outcome = await vscode.commands.executeCommand<SubmitOutcome>('immHighlight.submitTask');
    assert.equal(outcome.status, 'submitted', JSON.stringify(outcome));
    if (outcome.status !== 'submitted') return;
    // The "submitted" notification goes, so the newest one is the end's.
    await vscode.commands.executeCommand('notifications.clearAll');
    const final = await outcome.finished;
    assert.equal(final?.status, 'Succeeded');
    assert.deepEqual(
      resultActions(final!).map((a) => a.label),
      ['Preview Output', 'Open Output'],
    );
    // The notification's first button, pressed by the workbench's own command for it.
    await waitFor('a preview opened from the notification', async () => {
      await vscode.commands.executeCommand('notification.acceptPrimaryAction');
      return previewTab();
    });
    await closePreviews();
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  describe('CodeLens on Output.URI', () => {
    const file = workspaceFile('results-lens.highlight.yaml');
    let document: vscode.TextDocument;
    const resultLenses = async (): Promise<vscode.CodeLens[]> =>
      ((await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri)) ?? []).filter((l) =>
        l.command?.command.startsWith('immHighlight.results.'),
      );
    /** An edit and a save: the moment the lens looks at OSS again. */
    const touchAndSave = async (): Promise<void> => {
      const editor = await vscode.window.showTextDocument(document);
      await editor.edit((b) => b.insert(new vscode.Position(document.lineCount, 0), `# saved ${Date.now()}\n`));
      assert.ok(await document.save());
    };

    before(() => writeFileSync(file.fsPath, job('oss://test-bucket/out/lens.mp4')));
    after(async () => {
      // Undefined when a grep ran only some of these tests.
      if (document) {
        await vscode.window.showTextDocument(document);
        await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      }
      rmSync(file.fsPath, { force: true });
    });

    it('shows Open/Preview/Download only once the object exists, looked up on save, never while typing; the setting turns it off', async () => {
      const heads = () => oss.requests.filter((r) => r.key === 'out/lens.mp4');
      document = await vscode.workspace.openTextDocument(file);
      const editor = await vscode.window.showTextDocument(document);
      // Opening looks once; nothing is there yet.
      await waitFor('the look on open', () => heads().some((r) => r.status === 404));
      assert.deepEqual(await resultLenses(), []);
      oss.control.putObject('test-bucket', { key: 'out/lens.mp4', contentType: 'video/mp4', body: VIDEO });
      await editor.edit((b) => b.insert(new vscode.Position(document.lineCount, 0), '# typing\n'));
      assert.deepEqual(await resultLenses(), []);
      assert.ok(await document.save());
      const lenses = await waitFor('the results lenses after the save', async () => {
        const found = await resultLenses();
        return found.length ? found : undefined;
      });
      // One look on open, one on save: typing asked nothing.
      assert.deepEqual(
        heads().map((r) => [r.method, r.status]),
        [
          ['HEAD', 404],
          ['HEAD', 200],
        ],
      );
      assert.deepEqual(
        lenses.map((l) => l.command?.title),
        ['Open Output', 'Preview Output', 'Download Output…'],
      );
      assert.equal(
        lenses[0]!.range.start.line,
        document
          .getText()
          .split('\n')
          .findIndex((l) => l.includes('URI: oss://test-bucket/out/lens.mp4')),
      );
      const preview = lenses[1]!.command!;
      const panel = await vscode.commands.executeCommand<vscode.WebviewPanel | undefined>(preview.command, ...(preview.arguments ?? []));
      assert.match(panel!.webview.html, /\/test-bucket\/out\/lens\.mp4\?/);
      panel!.dispose();

      // The editor context menu's commands take the job file itself.
      await vscode.commands.executeCommand('immHighlight.results.copyOutputUri', document.uri);
      assert.equal(await vscode.env.clipboard.readText(), 'oss://test-bucket/out/lens.mp4');

      await config().update('results.codeLens', false, vscode.ConfigurationTarget.Global);
      assert.deepEqual(await resultLenses(), []);
      await config().update('results.codeLens', undefined, vscode.ConfigurationTarget.Global);
      assert.equal((await resultLenses()).length, 3);

      oss.state.buckets.get('test-bucket')!.objects.delete('out/lens.mp4');
      await touchAndSave();
      await waitFor('the lenses to go once the object is gone', async () => ((await resultLenses()).length === 0 ? true : undefined));
    });

    it('offers nothing for an Output.URI that is a folder without Output.Segment, though files sit in it', async () => {
      oss.control.putObject('test-bucket', { key: 'out/folder/other.mp4', contentType: 'video/mp4', body: VIDEO });
      const folderFile = workspaceFile('results-lens-folder.highlight.yaml');
      writeFileSync(folderFile.fsPath, job('oss://test-bucket/out/folder/'));
      try {
        const folderDocument = await vscode.workspace.openTextDocument(folderFile);
        await vscode.window.showTextDocument(folderDocument);
        await new Promise((resolve) => setTimeout(resolve, 500));
        const lenses = ((await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', folderDocument.uri)) ?? []).filter((l) =>
          l.command?.command.startsWith('immHighlight.results.'),
        );
        assert.deepEqual(lenses, []);
        // Not even looked at: a listing of the folder would have found other.mp4.
        assert.deepEqual(
          oss.requests.filter((r) => r.key.startsWith('out/folder') || /out(\/|%2F)folder/i.test(r.url)),
          [],
        );
        await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      } finally {
        rmSync(folderFile.fsPath, { force: true });
        oss.state.buckets.get('test-bucket')!.objects.delete('out/folder/other.mp4');
      }
    });

    it('appears when a task writing that Output.URI succeeds, without a save', async () => {
      assert.deepEqual(await resultLenses(), []);
      oss.control.putObject('test-bucket', { key: 'out/lens.mp4', contentType: 'video/mp4', body: VIDEO });
      imm.control.setTaskScript({ pollsBeforeDone: 0, outcome: 'Succeeded' });
      await vscode.window.showTextDocument(document);
      const outcome = await vscode.commands.executeCommand<SubmitOutcome>('immHighlight.submitTask', document.uri);
      assert.equal(outcome.status, 'submitted', JSON.stringify(outcome));
      if (outcome.status !== 'submitted') return;
      assert.equal((await outcome.finished)?.status, 'Succeeded');
      await waitFor('the lenses after the task succeeded', async () => ((await resultLenses()).length === 3 ? true : undefined));
    });
  });

  it('cancelling the download from its progress notification leaves no file', async () => {
    oss.control.putObject('test-bucket', { key: 'out/big.mp4', contentType: 'video/mp4', body: Buffer.alloc(4 * 1024 * 1024, 3) });
    // The transfer stops after its first bytes and waits: there is time to press Cancel.
    oss.control.failNext({ kind: 'stall', afterBytes: 64 * 1024 });
    await vscode.commands.executeCommand('notifications.clearAll');
    const dir = mkdtempSync(join(tmpdir(), 'imm-results-cancel-'));
    const target = join(dir, 'big.mp4');
    let settled: { value: string | undefined } | undefined;
    const download = vscode.commands.executeCommand<string | undefined>(
      'immHighlight.results.downloadOutput',
      'oss://test-bucket/out/big.mp4',
      vscode.Uri.file(target),
    );
    void download.then((value) => (settled = { value }));
    await waitFor('the transfer to start', () => oss.requests.some((r) => r.key === 'out/big.mp4' && r.method === 'GET'));
    // The stalled transfer cannot end by itself: only Cancel ends it.
    assert.equal(settled, undefined);
    let pressed = 0;
    // The progress notification's primary action is its Cancel button.
    await waitFor('the download to end after Cancel', async () => {
      if (!settled) {
        pressed += 1;
        await vscode.commands.executeCommand('notification.acceptPrimaryAction');
      }
      return settled;
    });
    assert.ok(pressed > 0);
    assert.equal(settled!.value, undefined);
    assert.equal(existsSync(target), false);
    assert.deepEqual(readdirSync(dir), []);
  });
});
