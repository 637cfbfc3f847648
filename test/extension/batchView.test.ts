/**
 * Batches in the Highlight Tasks view, in a real extension host: a batch is one row
 * (`Batch reels · 23/40 succeeded · 1 failed · 5 running`) whose children are its items, a succeeded item carries the
 * record the results commands read, and a batch run against the local IMM endpoint updates its row as ListTasks
 * answers, with no GetTask.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startImmEndpoint, TEST_ACCESS_KEY, type ImmEndpoint } from '../endpoints/imm/server';
import { faults } from '../endpoints/imm/faults';
import { createImmClient } from '../../api/src/index';
import { newManifest, type BatchManifest, type BatchPlan, type ItemState } from '../../api/src/batch/index';
import { BatchRuns } from '../../client/src/batch/runs';
import { BatchStore } from '../../client/src/batch/store';
import { TaskHistory, type StateStore } from '../../client/src/tasks/history';
import { ProjectTasks } from '../../client/src/tasks/projectTasks';
import { TaskTreeProvider, type TaskTreeNode } from '../../client/src/tasks/tree';
import { activatedApi, retrievalJob, waitFor } from './helpers';
import { startOssEndpoint, type OssEndpoint } from '../endpoints/oss/server';
import * as vscode from 'vscode';

function manifestOf(projectName: string, states: readonly ItemState[]): BatchManifest {
  const job = { ProjectName: projectName, Type: 'Retrieval', Sources: [{ URI: 'oss://test-bucket/x.mp4' }], Output: { URI: 'oss://test-bucket/x.mp4' } };
  const plan: BatchPlan = {
    batchId: `reels-${projectName}`,
    options: {
      job,
      name: 'reels',
      jobFile: 'reels.highlight.yaml',
      each: 'oss://test-bucket/matches/',
      outputTemplate: 'oss://test-bucket/reels/{name}.mp4',
      concurrency: 5,
    },
    items: states.map((_, i) => ({ index: i + 1, source: `oss://test-bucket/matches/m${i + 1}.mp4`, output: `oss://test-bucket/reels/m${i + 1}.mp4` })),
  };
  const manifest = newManifest(plan, plan.items, []);
  manifest.items.forEach((item, i) => {
    item.state = states[i]!;
    if (item.state !== 'waiting') item.taskId = `Highlight-${i + 1}`;
    if (item.state === 'failed') item.code = 'InvalidVideo';
  });
  return manifest;
}

const emptyHistory = (): TaskHistory => new TaskHistory({ get: () => undefined, update: async () => undefined } satisfies StateStore);

describe('Batches in the Highlight Tasks view', () => {
  before(() => activatedApi());

  it('a batch is one row with its counts; its items are its children; a succeeded item has the results actions', async () => {
    const states: ItemState[] = [
      ...Array<ItemState>(23).fill('succeeded'),
      'failed',
      ...Array<ItemState>(5).fill('sent'),
      ...Array<ItemState>(11).fill('waiting'),
    ];
    const store = new BatchStore(mkdtempSync(join(tmpdir(), 'imm-batch-view-')));
    await store.save(manifestOf('rows', states));
    const tree = new TaskTreeProvider(emptyHistory(), undefined, store);
    const [row] = tree.getChildren();
    assert.equal(row?.kind, 'batch');
    const item = tree.getTreeItem(row!);
    assert.equal(item.label, 'Batch reels · 23/40 succeeded · 1 failed · 5 running · 11 waiting');
    assert.equal(item.contextValue, 'immHighlightBatch');
    const children = tree.getChildren(row as TaskTreeNode);
    assert.equal(children.length, 40);
    const first = tree.getTreeItem(children[0]!);
    assert.equal(first.label, 'm1.mp4');
    assert.equal(first.contextValue, 'immHighlightBatchItem.succeeded');
    assert.deepEqual((children[0] as { record: unknown }).record, {
      taskId: 'Highlight-1',
      status: 'Succeeded',
      outputUri: 'oss://test-bucket/reels/m1.mp4',
      outputSegmented: false,
      region: undefined,
      fileUri: undefined,
    });
    const failed = tree.getTreeItem(children[23]!);
    assert.equal(failed.contextValue, 'immHighlightBatchItem');
    assert.match(String(failed.description), /Failed · InvalidVideo/);
    tree.dispose();
    store.dispose();
  });

  describe('a batch run', () => {
    let endpoint: ImmEndpoint;
    before(async () => {
      endpoint = await startImmEndpoint();
    });
    after(() => endpoint.close());

    it('updates its row as ListTasks answers, with no GetTask', async () => {
      endpoint.control.setTaskScript({ pollsBeforeDone: 0, outcome: 'Succeeded' });
      const store = new BatchStore(mkdtempSync(join(tmpdir(), 'imm-batch-run-')));
      const manifest = manifestOf('run', ['waiting', 'waiting', 'waiting']);
      await store.save(manifest);
      const client = createImmClient({
        endpoint: endpoint.url,
        credentials: { kind: 'accessKey', accessKeyId: TEST_ACCESS_KEY.id, accessKeySecret: TEST_ACCESS_KEY.secret },
      });
      const runs = new BatchRuns(
        store,
        async () => client,
        () => undefined,
      );
      const tree = new TaskTreeProvider(emptyHistory(), undefined, store);
      runs.start(manifest);
      assert.ok(runs.isRunning(manifest.batchId));
      // The first poll waits 5 s (the real pacing): the row reads done once ListTasks has answered.
      await waitFor('the batch to end', () => (!runs.isRunning(manifest.batchId) ? true : undefined), 30_000);
      const [row] = tree.getChildren();
      assert.equal(tree.getTreeItem(row!).label, 'Batch reels · 3/3 succeeded');
      assert.equal(endpoint.received('CreateHighlightTask').length, 3);
      assert.equal(endpoint.received('GetTask').length, 0);
      assert.ok(endpoint.received('ListTasks').length >= 1);
      runs.dispose();
      tree.dispose();
      store.dispose();
    });

    it('with immHighlight.tasks.showProjectTasks on, a project row lists its recent tasks from one ListTasks, read only', async () => {
      const client = createImmClient({
        endpoint: endpoint.url,
        credentials: { kind: 'accessKey', accessKeyId: TEST_ACCESS_KEY.id, accessKeySecret: TEST_ACCESS_KEY.secret },
      });
      const project = { projectName: 'run', region: 'cn-hangzhou', endpoint: endpoint.url };
      const projectTasks = new ProjectTasks(
        () => [project],
        async () => client,
      );
      const tree = new TaskTreeProvider(emptyHistory(), undefined, undefined, projectTasks);
      assert.deepEqual(tree.getChildren(), [], 'off by default');
      await vscode.workspace.getConfiguration('immHighlight').update('tasks.showProjectTasks', true, vscode.ConfigurationTarget.Global);
      try {
        const [row] = tree.getChildren();
        assert.equal(tree.getTreeItem(row!).label, 'Recent tasks in project run (IMM)');
        const lists = endpoint.received('ListTasks').length;
        tree.getChildren(row as TaskTreeNode);
        const rows = await waitFor('the ListTasks answer', () => {
          const children = tree.getChildren(row as TaskTreeNode);
          return children.length === 3 ? children : undefined;
        });
        assert.match(String(tree.getTreeItem(rows[0]!).label), /^Succeeded$/);
        assert.equal(endpoint.received('ListTasks').length, lists + 1);
        assert.equal(endpoint.received('ListTasks').at(-1)?.params['TaskTypes'], '["Highlight"]');
      } finally {
        await vscode.workspace.getConfiguration('immHighlight').update('tasks.showProjectTasks', undefined, vscode.ConfigurationTarget.Global);
        tree.dispose();
        projectTasks.dispose();
      }
    });
  });

  describe('Submit for Each Video…', () => {
    let imm: ImmEndpoint;
    let oss: OssEndpoint;
    const config = () => vscode.workspace.getConfiguration('immHighlight');
    type Window = Record<'showInputBox' | 'showQuickPick' | 'showWarningMessage', unknown>;

    before(async () => {
      imm = await startImmEndpoint();
      oss = await startOssEndpoint({
        buckets: [
          {
            name: 'sports-bucket',
            region: 'cn-hangzhou',
            objects: [
              { key: 'matches/derby.mp4', contentType: 'video/mp4' },
              { key: 'matches/cup/final.mp4', contentType: 'video/mp4' },
            ],
          },
        ],
      });
      await config().update('endpoint', imm.url, vscode.ConfigurationTarget.Global);
      await config().update('ossEndpoint', oss.url, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('immHighlight.setAccessKey', { accessKeyId: TEST_ACCESS_KEY.id, accessKeySecret: TEST_ACCESS_KEY.secret });
    });
    after(async () => {
      await vscode.commands.executeCommand('immHighlight.clearAccessKey');
      await config().update('endpoint', undefined, vscode.ConfigurationTarget.Global);
      await config().update('ossEndpoint', undefined, vscode.ConfigurationTarget.Global);
      await Promise.all([imm.close(), oss.close()]);
    });

    /** Runs the command with the boxes answered, Continue picked, and the modal answered with `answer` (undefined: Cancel/Escape). */
    async function run(answer: (buttons: string[]) => string | undefined): Promise<{ manifest: BatchManifest | undefined; modals: string[][] }> {
      const window = vscode.window as unknown as Window;
      const saved = { showInputBox: window.showInputBox, showQuickPick: window.showQuickPick, showWarningMessage: window.showWarningMessage };
      const inputs = ['oss://sports-bucket/matches/', '*.mp4', 'oss://sports-bucket/reels/{key}.mp4'];
      const modals: string[][] = [];
      window.showInputBox = () => Promise.resolve(inputs.shift());
      window.showQuickPick = (items: readonly vscode.QuickPickItem[]) => Promise.resolve(items[0]);
      window.showWarningMessage = (message: string, ...rest: unknown[]) => {
        const buttons = rest.filter((r): r is vscode.MessageItem => typeof r === 'object' && r !== null && 'title' in r).map((b) => b.title);
        modals.push([message, ...buttons]);
        const title = answer(buttons);
        return Promise.resolve(title === undefined ? undefined : { title });
      };
      try {
        const document = await vscode.workspace.openTextDocument({
          language: 'imm-highlight',
          content: retrievalJob(undefined, { source: 'oss://sports-bucket/matches/derby.mp4', outputUri: 'oss://sports-bucket/reels/derby.mp4' }),
        });
        const manifest = await vscode.commands.executeCommand<BatchManifest | undefined>('immHighlight.batch.submitForEachVideo', document.uri);
        return { manifest, modals };
      } finally {
        Object.assign(window, saved);
      }
    }

    it('asks for the count in a modal whose first (focused) button is Cancel; Cancel sends nothing', async () => {
      const { manifest, modals } = await run(() => undefined);
      assert.equal(manifest, undefined);
      const modal = modals.find((m) => /paid highlight tasks/.test(m[0]!));
      assert.ok(modal, JSON.stringify(modals));
      assert.match(modal[0]!, /^Send 2 paid highlight tasks to project immtest\?$/);
      assert.deepEqual(modal.slice(1), ['Cancel', 'Send 2 Tasks']);
      assert.equal(imm.received('CreateHighlightTask').length, 0);
    });

    it('confirmed: each video is sent once with the batch tag, and followed by ListTasks only', async () => {
      imm.control.setTaskScript({ pollsBeforeDone: 0, outcome: 'Succeeded' });
      const { manifest } = await run((buttons) => buttons[1]);
      assert.ok(manifest);
      assert.deepEqual(
        manifest.items.map((i) => `${i.source} -> ${i.output}`),
        [
          'oss://sports-bucket/matches/cup/final.mp4 -> oss://sports-bucket/reels/cup/final.mp4',
          'oss://sports-bucket/matches/derby.mp4 -> oss://sports-bucket/reels/derby.mp4',
        ],
      );
      await waitFor('both tasks to succeed', () => (manifest.items.every((i) => i.state === 'succeeded') ? true : undefined), 30_000);
      assert.equal(imm.received('CreateHighlightTask').length, 2);
      assert.equal(imm.tasksTagged('HighlightBatch', manifest.batchId), 2);
      assert.equal(imm.received('GetTask').length, 0);
    });

    /** Show Task Details on a batch item, as its row in the view runs it (the node is the click's argument). */
    async function detailsOf(manifest: BatchManifest, index: number): Promise<string> {
      const node: TaskTreeNode = {
        kind: 'batchItem',
        batchId: manifest.batchId,
        index,
        record: { taskId: '', status: '', outputUri: '', outputSegmented: false, region: undefined, fileUri: undefined },
      };
      const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('immHighlight.tasks.showDetails', node);
      assert.ok(uri);
      // Every text is escaped for Markdown (`\.`, `\(`): the assertions read it as the preview shows it.
      return (await vscode.workspace.openTextDocument(uri)).getText().replace(/\\(.)/g, '$1');
    }

    it('Show Task Details on a sent item: one GetTask, the details name its TaskId, status, batch and job', async () => {
      imm.control.setTaskScript({ pollsBeforeDone: 0, outcome: 'Succeeded' });
      const { manifest } = await run((buttons) => buttons[1]);
      assert.ok(manifest);
      await waitFor('both tasks to succeed', () => (manifest.items.every((i) => i.state === 'succeeded') ? true : undefined), 30_000);
      const item = manifest.items[0]!;
      const gets = imm.received('GetTask').length;
      const text = await detailsOf(manifest, item.index);
      assert.equal(imm.received('GetTask').length, gets + 1);
      assert.equal(imm.received('GetTask').at(-1)?.params['TaskId'], item.taskId);
      assert.ok(text.includes(`# Highlight task ${item.taskId}`), text);
      assert.match(text, /\*\*Succeeded\*\*/);
      assert.match(text, /## GetTask \(answered /);
      assert.ok(text.includes(`Batch ${manifest.name} (HighlightBatch=${manifest.batchId}): ${item.source} → ${item.output}`), text);
      // The item's job as the batch sent it: its own source, output and the batch's tag.
      assert.match(text, /"HighlightBatch": "/);
    });

    it('Show Task Details on a refused item (no TaskId): what the manifest knows, with no GetTask', async () => {
      imm.control.failNext(faults.invalidArgument('Sources.0.URI', 'the object cannot be read.'), { action: 'CreateHighlightTask', times: 2 });
      const { manifest } = await run((buttons) => buttons[1]);
      assert.ok(manifest);
      await waitFor('both items to be refused', () => (manifest.items.every((i) => i.state === 'refused') ? true : undefined), 30_000);
      const gets = imm.received('GetTask').length;
      const text = await detailsOf(manifest, 1);
      assert.equal(imm.received('GetTask').length, gets);
      assert.match(text, /^# Batch item oss:/);
      assert.match(text, /## Batch manifest/);
      assert.match(text, /\| State \| Refused \|/);
      assert.match(text, /\| Code \| InvalidArgument \|/);
      assert.match(text, /no task was made/);
      assert.doesNotMatch(text, /GetTask/);
    });

    it('a click on a batch item opens its details, as on a task of the history', async () => {
      const store = new BatchStore(mkdtempSync(join(tmpdir(), 'imm-batch-click-')));
      await store.save(manifestOf('click', ['sent']));
      const tree = new TaskTreeProvider(emptyHistory(), undefined, store);
      const [row] = tree.getChildren();
      const [child] = tree.getChildren(row as TaskTreeNode);
      const item = tree.getTreeItem(child!);
      assert.equal(item.command?.command, 'immHighlight.tasks.showDetails');
      assert.deepEqual(item.command?.arguments, [child]);
      tree.dispose();
      store.dispose();
    });
  });
});
