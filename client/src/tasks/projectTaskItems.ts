/**
 * The project's recent highlight tasks from IMM (ListTasks), shown read-only in the Highlight Tasks view when
 * `immHighlight.tasks.showProjectTasks` is on: tasks sent from the CLI, another machine or a colleague show too.
 * Node-free (the view's types are shared with the web entry); the listing itself is ./projectTasks.
 */
import * as vscode from 'vscode';

export interface ProjectRef {
  readonly projectName: string;
  readonly region: string;
  readonly endpoint?: string | undefined;
}

export interface ProjectTaskRow {
  readonly taskId: string;
  readonly status: string;
  readonly code: string | undefined;
  readonly startTime: string | undefined;
  readonly tags: string;
}

export type ProjectTasksAnswer =
  | { readonly state: 'loading' }
  | { readonly state: 'failed'; readonly message: string }
  | { readonly state: 'done'; readonly tasks: readonly ProjectTaskRow[] };

export interface ProjectTasksSource {
  /** The projects to show: those of this workspace's tasks and batches. Empty while the setting is off. */
  projects(): ProjectRef[];
  /** The answer so far; starts a ListTasks when there is none. */
  answer(project: ProjectRef): ProjectTasksAnswer;
  readonly onDidChange: vscode.Event<void>;
}

export interface ProjectNode {
  readonly kind: 'project';
  readonly project: ProjectRef;
}
export interface ProjectTaskNode {
  readonly kind: 'projectTask';
  readonly project: ProjectRef;
  readonly row: ProjectTaskRow | undefined;
  /** Loading or why not, when there is no row. */
  readonly text?: string;
}

export function projectNodes(source: ProjectTasksSource): ProjectNode[] {
  return source.projects().map((project) => ({ kind: 'project', project }));
}

export function projectTaskNodes(source: ProjectTasksSource, node: ProjectNode): ProjectTaskNode[] {
  const answer = source.answer(node.project);
  if (answer.state === 'loading') return [{ kind: 'projectTask', project: node.project, row: undefined, text: vscode.l10n.t('Asking IMM (ListTasks)…') }];
  if (answer.state === 'failed') return [{ kind: 'projectTask', project: node.project, row: undefined, text: answer.message }];
  if (answer.tasks.length === 0)
    return [{ kind: 'projectTask', project: node.project, row: undefined, text: vscode.l10n.t('No highlight tasks in the last 7 days') }];
  return answer.tasks.map((row) => ({ kind: 'projectTask', project: node.project, row }));
}

export function projectTreeItem(node: ProjectNode): vscode.TreeItem {
  const item = new vscode.TreeItem(vscode.l10n.t('Recent tasks in project {0} (IMM)', node.project.projectName), vscode.TreeItemCollapsibleState.Collapsed);
  item.id = `project/${node.project.region}/${node.project.endpoint ?? ''}/${node.project.projectName}`;
  item.description = node.project.region;
  item.tooltip = vscode.l10n.t('Read only: the highlight tasks IMM lists for this project (ListTasks), whoever sent them.');
  item.iconPath = new vscode.ThemeIcon('cloud');
  item.contextValue = 'immHighlightProject';
  return item;
}

export function projectTaskTreeItem(node: ProjectTaskNode): vscode.TreeItem {
  if (!node.row) {
    const item = new vscode.TreeItem(node.text ?? '', vscode.TreeItemCollapsibleState.None);
    item.tooltip = node.text ?? '';
    return item;
  }
  const { row } = node;
  const item = new vscode.TreeItem(row.code ? `${row.status}: ${row.code}` : row.status, vscode.TreeItemCollapsibleState.None);
  item.id = `project/${node.project.projectName}/${row.taskId}`;
  item.description = [row.startTime ?? '', row.taskId].filter(Boolean).join(' · ');
  item.tooltip = [row.taskId, row.startTime ?? '', row.tags].filter(Boolean).join('\n');
  item.iconPath = new vscode.ThemeIcon(row.status === 'Succeeded' ? 'pass' : row.status === 'Failed' ? 'error' : 'sync');
  item.contextValue = 'immHighlightProjectTask';
  return item;
}
