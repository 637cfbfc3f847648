/** The "Highlight Tasks" view: submitted tasks grouped per job file, newest first. */
import { posix } from 'node:path';
import * as vscode from 'vscode';
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
      item.description = posix.dirname(vscode.workspace.asRelativePath(uri, false)).replace(/^\.$/, '');
      item.contextValue = TASK_CONTEXT.file;
      item.command = { title: vscode.l10n.t('Open'), command: 'vscode.open', arguments: [uri] };
      return item;
    }
    const { record } = node;
    // The short id keeps status and time visible in a narrow sidebar; the full id is in the tooltip and Copy Task ID.
    const item = new vscode.TreeItem(shortTaskId(record.taskId), vscode.TreeItemCollapsibleState.None);
    item.id = record.taskId;
    item.description = `${statusText(record)} · ${formatTime(record.submittedAt)}`;
    item.tooltip = taskTooltip(record);
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
