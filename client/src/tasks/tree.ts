/**
 * The "Highlight Tasks" view: submitted tasks grouped per job file, newest first; under a succeeded task its
 * output object(s) with their sizes (looked up when it is expanded, never blocking the tree) and its job file.
 */
import * as vscode from 'vscode';
import { formatSize, mediaHintLabel, type MediaAnswer } from '../../../core/src/index';
import { Commands, RESULT_COMMAND_IDS } from '../commandIds';
import { OUTPUT_CONTEXT } from '../constants';
import type { OutputAnswer, OutputSource } from '../results/outputAnswer';
import type { TaskHistory } from './history';
import {
  projectNodes,
  projectTaskNodes,
  projectTaskTreeItem,
  projectTreeItem,
  type ProjectNode,
  type ProjectTaskNode,
  type ProjectTasksSource,
} from './projectTaskItems';
import { batchItemNodes, batchItemTreeItem, batchNodes, batchTreeItem, type BatchItemNode, type BatchNode, type BatchSource } from '../batch/treeItems';
import { isTerminal, type TaskRecord } from './record';
import { formatTime, offeredResults, statusIcon, statusText, taskRowDescription, taskTooltip, tooltipMarkdown } from './status';

export interface FileNode {
  readonly kind: 'file';
  readonly fileUri: string;
  readonly fileLabel: string;
}
export interface TaskNode {
  readonly kind: 'task';
  readonly record: TaskRecord;
}
/** One object of a succeeded task's output; the results commands take it as their argument. */
export interface OutputNode {
  readonly kind: 'output';
  readonly record: TaskRecord;
  readonly bucket: string;
  readonly key: string;
  readonly size: number | undefined;
  /** What a few ranged reads of the output found (a single video only). */
  readonly media?: MediaAnswer;
  /** Relative to the output's folder. */
  readonly name: string;
  /** A playlist or segment of a segmented output, not a video a webview plays. */
  readonly part: boolean;
}
/** The job file a task was submitted from. */
export interface SourceNode {
  readonly kind: 'source';
  readonly record: TaskRecord;
}
/** Looking up, nothing there, why not, or "more": a line of text under a task. */
export interface MessageNode {
  readonly kind: 'message';
  readonly taskId: string;
  readonly text: string;
  readonly icon: string;
  readonly slot: string;
}
export type TaskTreeNode = FileNode | TaskNode | OutputNode | SourceNode | MessageNode | BatchNode | BatchItemNode | ProjectNode | ProjectTaskNode;

/** `contextValue`s used by package.json `view/item/context` menus. */
export const TASK_CONTEXT = { task: 'immHighlightTask', pendingTask: 'immHighlightTask.pending', file: 'immHighlightJobFile' } as const;

function outputChildren(record: TaskRecord, answer: OutputAnswer): TaskTreeNode[] {
  const message = (text: string, icon: string, slot = 'output'): MessageNode => ({ kind: 'message', taskId: record.taskId, text, icon, slot });
  if (answer.state === 'loading') return [message(vscode.l10n.t('Looking up the output in OSS…'), 'loading~spin')];
  if (answer.state === 'failed') return [message(answer.message, 'warning')];
  const nodes: TaskTreeNode[] = answer.objects.map((o) => ({
    kind: 'output',
    record,
    bucket: answer.bucket,
    key: o.key,
    size: o.size,
    ...(o.media ? { media: o.media } : {}),
    name: o.key.startsWith(answer.folder) && o.key.length > answer.folder.length ? o.key.slice(answer.folder.length) : o.key,
    part: answer.segmented,
  }));
  if (answer.truncated)
    nodes.push(message(vscode.l10n.t('Only the first {0} objects are listed; Download… fetches them all.', answer.objects.length), 'ellipsis', 'more'));
  return nodes;
}

/** The hover of a succeeded task: its facts, then links that run the results commands on it. */
function succeededTooltip(record: TaskRecord, answer: OutputAnswer | undefined): vscode.MarkdownString | string {
  const text = tooltipMarkdown(record, answer);
  // No links to an output that was looked for and not found: the reason instead (plain text).
  if (text === undefined) return [taskTooltip(record), offeredResults(record, answer).note].filter(Boolean).join('\n');
  const markdown = new vscode.MarkdownString(text, false);
  // Only our results commands run from these links.
  markdown.isTrusted = { enabledCommands: [...RESULT_COMMAND_IDS] };
  return markdown;
}

export class TaskTreeProvider implements vscode.TreeDataProvider<TaskTreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TaskTreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly listener: { dispose(): void };

  private readonly outputsListener: { dispose(): void } | undefined;
  private readonly batchesListener: { dispose(): void } | undefined;
  private readonly projectsListener: { dispose(): void } | undefined;
  /**
   * The task nodes last handed to VS Code, by TaskId: an output answer refreshes its task's node only. A refresh of
   * the whole view drops every item VS Code holds until it has asked again, and a command run from a task's context
   * menu in that moment gets no task (and asks for a URI instead).
   */
  private readonly shownTasks = new Map<string, TaskNode>();

  /** `outputs`: where a succeeded task's objects come from; without it a task shows its job file only. `batches`: one row each, first. */
  constructor(
    private readonly history: TaskHistory,
    private readonly outputs?: OutputSource,
    private readonly batches?: BatchSource,
    private readonly projectTasks?: ProjectTasksSource,
  ) {
    this.listener = history.onDidChange(() => {
      // VS Code asks for every shown group's tasks again: the map fills up anew, without tasks that are gone.
      this.shownTasks.clear();
      this.changed.fire(undefined);
    });
    this.outputsListener = outputs?.onDidChange((taskId) => this.outputChanged(taskId));
    this.batchesListener = batches?.onDidChange(() => this.changed.fire(undefined));
    this.projectsListener = projectTasks?.onDidChange(() => this.changed.fire(undefined));
  }

  /** Synchronous throughout: an output still being looked up is a "Looking up…" child until its answer comes. */
  getChildren(node?: TaskTreeNode): TaskTreeNode[] {
    if (!node)
      return [
        ...(this.batches ? batchNodes(this.batches) : []),
        ...this.history.byFile().map((g): FileNode => ({ kind: 'file', fileUri: g.fileUri, fileLabel: g.fileLabel })),
        ...(this.projectTasks ? projectNodes(this.projectTasks) : []),
      ];
    if (node.kind === 'project') return this.projectTasks ? projectTaskNodes(this.projectTasks, node) : [];
    if (node.kind === 'batch') return this.batches ? batchItemNodes(this.batches, node) : [];
    if (node.kind === 'file') {
      const group = this.history.byFile().find((g) => g.fileUri === node.fileUri);
      return (group?.tasks ?? []).map((record) => {
        const task: TaskNode = { kind: 'task', record };
        this.shownTasks.set(record.taskId, task);
        return task;
      });
    }
    if (node.kind === 'task' && node.record.status === 'Succeeded') {
      const record = this.history.get(node.record.taskId) ?? node.record;
      const outputs = record.outputUri && this.outputs ? outputChildren(record, this.outputs.answer(record)) : [];
      return [...outputs, { kind: 'source', record }];
    }
    return [];
  }

  /** A task not shown needs nothing: VS Code asks for its item and children when it shows it. */
  private outputChanged(taskId: string | undefined): void {
    if (taskId === undefined) return this.changed.fire(undefined);
    const task = this.shownTasks.get(taskId);
    if (task) this.changed.fire(task);
  }

  getTreeItem(node: TaskTreeNode): vscode.TreeItem {
    if (node.kind === 'file') {
      const uri = vscode.Uri.parse(node.fileUri, true);
      const item = new vscode.TreeItem(uri, vscode.TreeItemCollapsibleState.Expanded);
      item.label = node.fileLabel;
      // The folder of the relative path; no node:path, since Show Request (shared with the web entry) imports this file's types.
      const relative = vscode.workspace.asRelativePath(uri, false);
      item.description = relative.includes('/') ? relative.slice(0, relative.lastIndexOf('/')) : '';
      item.contextValue = TASK_CONTEXT.file;
      item.command = { title: vscode.l10n.t('Open'), command: 'vscode.open', arguments: [uri] };
      return item;
    }
    if (node.kind === 'batch' && this.batches) return batchTreeItem(this.batches, node);
    if (node.kind === 'batchItem' && this.batches) return batchItemTreeItem(this.batches, node);
    if (node.kind === 'batch' || node.kind === 'batchItem') return new vscode.TreeItem(node.batchId);
    if (node.kind === 'project') return projectTreeItem(node);
    if (node.kind === 'projectTask') return projectTaskTreeItem(node);
    if (node.kind === 'output') return outputItem(node);
    if (node.kind === 'source') return sourceItem(node);
    if (node.kind === 'message') {
      const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
      item.id = `${node.taskId}/${node.slot}`;
      item.tooltip = node.text;
      item.iconPath = new vscode.ThemeIcon(node.icon);
      return item;
    }
    const { record } = node;
    // Status (with the failure code) first, then the time: what a narrow sidebar must not cut off. The id is
    // last, its distinguishing part only; the full one is in the tooltip, the details and Copy Task ID.
    // A succeeded task opens onto its output and job file; collapsed, so listing waits until someone looks.
    const item = new vscode.TreeItem(
      statusText(record),
      record.status === 'Succeeded' ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
    );
    item.id = record.taskId;
    item.description = taskRowDescription(record);
    item.tooltip = record.status === 'Succeeded' ? succeededTooltip(record, this.outputs?.peek(record)) : taskTooltip(record);
    item.command = { title: 'Show Task Details', command: Commands.showTaskDetails, arguments: [record.taskId] };
    item.accessibilityInformation = {
      label: vscode.l10n.t('Highlight task {0}: {1}, submitted {2}', record.taskId, statusText(record), formatTime(record.submittedAt)),
    };
    item.iconPath = new vscode.ThemeIcon(statusIcon(record), iconColor(record.status));
    item.contextValue = isTerminal(record.status) ? TASK_CONTEXT.task : TASK_CONTEXT.pendingTask;
    return item;
  }

  dispose(): void {
    this.listener.dispose();
    this.outputsListener?.dispose();
    this.batchesListener?.dispose();
    this.projectsListener?.dispose();
    this.changed.dispose();
  }
}

function outputItem(node: OutputNode): vscode.TreeItem {
  const uri = `oss://${node.bucket}/${node.key}`;
  const item = new vscode.TreeItem(node.name, vscode.TreeItemCollapsibleState.None);
  item.id = `${node.record.taskId}/output/${node.key}`;
  // Only facts that were read: an output that cannot be read as media keeps its plain row (the details say why).
  const facts = node.media?.state === 'read' ? mediaHintLabel(node.media) : undefined;
  item.description = [node.size === undefined ? '' : formatSize(node.size), facts ?? ''].filter(Boolean).join(' · ');
  item.tooltip = uri;
  item.iconPath = new vscode.ThemeIcon(node.part ? 'file' : 'file-media');
  item.contextValue = node.part ? OUTPUT_CONTEXT.part : OUTPUT_CONTEXT.video;
  item.accessibilityInformation = { label: vscode.l10n.t('Output {0}, {1}', uri, item.description) };
  // A video previews on click; a part of a segmented output offers its actions in the context menu.
  if (!node.part) item.command = { title: vscode.l10n.t('Preview Output'), command: Commands.previewOutput, arguments: [node] };
  return item;
}

function sourceItem(node: SourceNode): vscode.TreeItem {
  const uri = vscode.Uri.parse(node.record.fileUri, true);
  const item = new vscode.TreeItem(node.record.fileLabel, vscode.TreeItemCollapsibleState.None);
  item.id = `${node.record.taskId}/source`;
  item.resourceUri = uri;
  item.description = vscode.l10n.t('job file');
  item.tooltip = vscode.l10n.t('The job file this task was submitted from: {0}', uri.scheme === 'file' ? uri.fsPath : node.record.fileLabel);
  item.contextValue = TASK_CONTEXT.file;
  item.command = { title: vscode.l10n.t('Open Job File'), command: Commands.openJobFile, arguments: [node.record.taskId] };
  return item;
}

function iconColor(status: string): vscode.ThemeColor | undefined {
  if (status === 'Succeeded') return new vscode.ThemeColor('testing.iconPassed');
  if (status === 'Failed') return new vscode.ThemeColor('testing.iconFailed');
  return undefined;
}
