/** The "Highlight Tasks" view: submitted tasks grouped per job file, newest first. */
import * as vscode from 'vscode';
import { SubmitCommands } from './commandIds';
import type { TaskHistory } from './taskHistory';
import { isTerminal, type TaskRecord } from './taskRecord';
import { formatTime, shortTaskId, statusIcon, statusText, taskTooltip } from './taskStatus';

export interface FileNode {
  readonly kind: 'file';
  readonly fileUri: string;
  readonly fileLabel: string;
}
export interface TaskNode {
  readonly kind: 'task';
  readonly record: TaskRecord;
}
export type TaskTreeNode = FileNode | TaskNode;

/** `contextValue`s used by package.json `view/item/context` menus. */
export const TASK_CONTEXT = { task: 'immHighlightTask', pendingTask: 'immHighlightTask.pending', file: 'immHighlightJobFile' } as const;

export class TaskTreeProvider implements vscode.TreeDataProvider<TaskTreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TaskTreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly listener: { dispose(): void };

  constructor(private readonly history: TaskHistory) {
    this.listener = history.onDidChange(() => this.changed.fire(undefined));
  }

  getChildren(node?: TaskTreeNode): TaskTreeNode[] {
    if (!node) return this.history.byFile().map((g) => ({ kind: 'file', fileUri: g.fileUri, fileLabel: g.fileLabel }));
    if (node.kind === 'file') {
      const group = this.history.byFile().find((g) => g.fileUri === node.fileUri);
      return (group?.tasks ?? []).map((record) => ({ kind: 'task', record }));
    }
    return [];
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
    const { record } = node;
    // Status (with the failure code) first, then the time: what a narrow sidebar must not cut off. The id is
    // last and short; the full one is in the tooltip, the details and Copy Task ID.
    const item = new vscode.TreeItem(statusText(record), vscode.TreeItemCollapsibleState.None);
    item.id = record.taskId;
    item.description = `${formatTime(record.submittedAt)} · ${shortTaskId(record.taskId)}`;
    item.tooltip = taskTooltip(record);
    item.command = { title: 'Show Task Details', command: SubmitCommands.showTaskDetails, arguments: [record.taskId] };
    item.accessibilityInformation = { label: vscode.l10n.t('Highlight task {0}: {1}, submitted {2}', record.taskId, statusText(record), formatTime(record.submittedAt)) };
    item.iconPath = new vscode.ThemeIcon(statusIcon(record), iconColor(record.status));
    item.contextValue = isTerminal(record.status) ? TASK_CONTEXT.task : TASK_CONTEXT.pendingTask;
    return item;
  }

  dispose(): void {
    this.listener.dispose();
    this.changed.dispose();
  }
}

function iconColor(status: string): vscode.ThemeColor | undefined {
  if (status === 'Succeeded') return new vscode.ThemeColor('testing.iconPassed');
  if (status === 'Failed') return new vscode.ThemeColor('testing.iconFailed');
  return undefined;
}
