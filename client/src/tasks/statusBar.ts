/** A status bar item while tasks are followed: spinner, task, status and progress; click to see the list. */
import * as vscode from 'vscode';
import { TASKS_VIEW_ID } from '../constants';
import type { TaskFollower } from './follower';
import type { TaskHistory } from './history';
import { statusBarView } from './status';

export function createTaskStatusBar(history: TaskHistory, follower: TaskFollower): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('immHighlight.tasks', vscode.StatusBarAlignment.Left, 10);
  item.name = vscode.l10n.t('IMM Highlight Tasks');
  item.command = `${TASKS_VIEW_ID}.focus`;
  const update = (): void => {
    const view = statusBarView(history.list().filter((r) => follower.isFollowing(r.taskId)));
    if (!view) return item.hide();
    item.text = view.text;
    item.tooltip = `${view.tooltip}\n\n${vscode.l10n.t('Click to show the Highlight Tasks view.')}`;
    item.show();
  };
  update();
  return vscode.Disposable.from(item, history.onDidChange(update), follower.onDidChange(update));
}
