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

export function taskDetailsUri(taskId: string): vscode.Uri {
  return vscode.Uri.from({ scheme: TASK_DETAILS_SCHEME, path: `/${taskId}.md` });
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

  constructor(
    private readonly history: TaskHistory,
    private readonly clientFor: (record: TaskRecord) => Promise<ImmClient>,
    /** The results feature's listing (desktop only), which reads a single output's media facts. */
    private readonly outputs?: OutputSource,
  ) {
    this.listener = history.onDidChange(() => this.refreshOpen());
    this.outputsListener = outputs?.onDidChange((taskId) => this.refreshOpen(taskId));
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
    const taskId = taskIdOfUri(uri);
    const record = this.history.get(taskId);
    if (!record)
      return `# ${markdownText(vscode.l10n.t('Highlight task {0}', taskId))}\n\n${markdownText(vscode.l10n.t('This task is no longer in the task history of this workspace.'))}\n`;
    const jobUri = vscode.Uri.parse(record.fileUri, true);
    let jobExists = true;
    if (jobUri.scheme !== 'untitled') {
      jobExists = await vscode.workspace.fs.stat(jobUri).then(
        () => true,
        () => false,
      );
    }
    const jobPath = jobUri.scheme === 'untitled' ? `${record.fileLabel} (unsaved)` : vscode.workspace.asRelativePath(jobUri, true);
    // Opening the details is asking about the task: its output is looked up (the lister keeps to the cloud settings).
    const output = record.status === 'Succeeded' && record.outputUri && this.outputs ? this.outputs.answer(record) : undefined;
    const outputMedia = output?.state === 'listed' && !output.segmented ? output.objects[0]?.media : undefined;
    return renderTaskDetails(record, { jobPath, jobExists, live: this.live.get(taskId), ...(outputMedia ? { outputMedia } : {}) });
  }

  private refreshOpen(taskId?: string): void {
    for (const document of vscode.workspace.textDocuments) {
      if (document.uri.scheme !== TASK_DETAILS_SCHEME) continue;
      if (taskId === undefined || taskIdOfUri(document.uri) === taskId) this.changed.fire(document.uri);
    }
  }

  dispose(): void {
    this.listener.dispose();
    this.outputsListener?.dispose();
    this.changed.dispose();
  }
}
