/**
 * A task's details as a read-only virtual Markdown document (`imm-highlight-task:/<TaskId>.md`): opened by a
 * click in the Highlight Tasks view, shown rendered in the Markdown preview, updated when the task changes or is
 * refreshed.
 */
import * as vscode from 'vscode';
import type { ImmClient, TaskInfo } from '../../../api/src/client';
import { markdownText } from '../plainText';
import { TASK_DETAILS_SCHEME } from '../constants';
import { adviseError } from '../access/errorAdvice';
import { renderTaskDetails, type LiveTask } from './details';
import { patchOf } from './follower';
import type { TaskHistory } from './history';
import type { TaskRecord } from './record';
import type { OutputSource } from '../results/outputAnswer';
import { batchItemDetails, type BatchItemDetails } from '../batch/itemDetails';
import type { BatchSource } from '../batch/treeItems';
import { itemStateText } from '../batch/view';
import type { BatchDetails } from './details';

export function taskDetailsUri(taskId: string): vscode.Uri {
  return vscode.Uri.from({ scheme: TASK_DETAILS_SCHEME, path: `/${taskId}.md` });
}

/** A batch item's details, by its place in the batch: its TaskId changes when it is sent again, and may be none. */
export function batchItemDetailsUri(batchId: string, index: number): vscode.Uri {
  return vscode.Uri.from({ scheme: TASK_DETAILS_SCHEME, path: `/batch/${batchId}/${index}.md` });
}

function batchItemOfUri(uri: vscode.Uri): { batchId: string; index: number } | undefined {
  const match = /^\/batch\/([^/]+)\/(\d+)\.md$/.exec(uri.path);
  return match ? { batchId: match[1]!, index: Number(match[2]) } : undefined;
}

function taskIdOfUri(uri: vscode.Uri): string {
  return uri.path.replace(/^\//, '').replace(/\.md$/, '');
}

export class TaskDetailsProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  /** The latest GetTask answer per task, this session: the history keeps only the fields it shows. */
  private readonly live = new Map<string, LiveTask>();
  private readonly listener: { dispose(): void };

  private readonly outputsListener: { dispose(): void } | undefined;
  private readonly batchesListener: { dispose(): void } | undefined;

  constructor(
    private readonly history: TaskHistory,
    private readonly clientFor: (record: TaskRecord) => Promise<ImmClient>,
    /** The results feature's listing (desktop only), which reads a single output's media facts. */
    private readonly outputs?: OutputSource,
    /** The batches, whose items are in no task history: their details are made from the manifest. */
    private readonly batches?: BatchSource,
  ) {
    this.listener = history.onDidChange(() => this.refreshOpen());
    this.outputsListener = outputs?.onDidChange((taskId) => this.refreshOpen(taskId));
    this.batchesListener = batches?.onDidChange(() => this.refreshOpen());
  }

  /** A batch item as its manifest says now: a task record for the details and GetTask, and its batch's part. */
  batchItem(batchId: string, index: number): BatchItemDetails | undefined {
    const manifest = this.batches?.get(batchId);
    const item = manifest?.items.find((i) => i.index === index);
    return manifest && item ? batchItemDetails(manifest, item, itemStateText(item)) : undefined;
  }

  /** From the follower: each answer it gets. */
  answered(task: TaskInfo): void {
    this.live.set(task.taskId, { kind: 'answer', at: new Date().toISOString(), fields: task.fields ?? {} });
    this.refreshOpen(task.taskId);
  }

  /** One GetTask now, whatever the task's state: the answer goes into the history and the details. */
  async lookUp(record: TaskRecord): Promise<LiveTask> {
    let live: LiveTask;
    try {
      const client = await this.clientFor(record);
      const task = await client.getTask({ projectName: record.projectName, taskId: record.taskId });
      live = { kind: 'answer', at: new Date().toISOString(), fields: task.fields ?? {} };
      this.live.set(record.taskId, live);
      await this.history.update(record.taskId, patchOf(task));
    } catch (error) {
      live = { kind: 'error', at: new Date().toISOString(), message: adviseError(error, { action: `GetTask ${record.taskId}` }).message };
      this.live.set(record.taskId, live);
    }
    this.refreshOpen(record.taskId);
    return live;
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const place = batchItemOfUri(uri);
    if (place) {
      const found = this.batchItem(place.batchId, place.index);
      if (found) return this.render(found.record, found.batch);
      return `# ${markdownText(vscode.l10n.t('Batch item {0}', String(place.index)))}\n\n${markdownText(vscode.l10n.t('This batch is no longer in this workspace.'))}\n`;
    }
    const taskId = taskIdOfUri(uri);
    const record = this.history.get(taskId);
    if (!record)
      return `# ${markdownText(vscode.l10n.t('Highlight task {0}', taskId))}\n\n${markdownText(vscode.l10n.t('This task is no longer in the task history of this workspace.'))}\n`;
    return this.render(record);
  }

  private async render(record: TaskRecord, batch?: BatchDetails): Promise<string> {
    // A batch made outside the editor has no job URI: its job file is named as given.
    const jobUri = record.fileUri ? vscode.Uri.parse(record.fileUri, true) : undefined;
    let jobExists = true;
    if (jobUri && jobUri.scheme !== 'untitled') {
      jobExists = await vscode.workspace.fs.stat(jobUri).then(
        () => true,
        () => false,
      );
    }
    const jobPath = !jobUri ? record.fileLabel : jobUri.scheme === 'untitled' ? `${record.fileLabel} (unsaved)` : vscode.workspace.asRelativePath(jobUri, true);
    // Opening the details is asking about the task: its output is looked up (the lister keeps to the cloud settings).
    const output = record.status === 'Succeeded' && record.outputUri && this.outputs ? this.outputs.answer(record) : undefined;
    const outputMedia = output?.state === 'listed' && !output.segmented ? output.objects[0]?.media : undefined;
    return renderTaskDetails(record, {
      jobPath,
      jobExists,
      live: record.taskId ? this.live.get(record.taskId) : undefined,
      ...(outputMedia ? { outputMedia } : {}),
      ...(batch ? { batch } : {}),
    });
  }

  private refreshOpen(taskId?: string): void {
    for (const document of vscode.workspace.textDocuments) {
      if (document.uri.scheme !== TASK_DETAILS_SCHEME) continue;
      // A batch item's page is named by its place, not its TaskId: it is made again from memory, at no cost.
      if (taskId === undefined || batchItemOfUri(document.uri) || taskIdOfUri(document.uri) === taskId) this.changed.fire(document.uri);
    }
  }

  dispose(): void {
    this.listener.dispose();
    this.outputsListener?.dispose();
    this.batchesListener?.dispose();
    this.changed.dispose();
  }
}
