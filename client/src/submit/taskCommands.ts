/** Commands of the Highlight Tasks view: refresh, copy a task id, clear the list; and the history for tests. */
import * as vscode from 'vscode';
import { SubmitCommands } from './commandIds';
import type { TaskFollower } from './taskFollower';
import type { TaskHistory } from './taskHistory';
import type { TaskRecord } from './taskRecord';
import { statusText } from './taskStatus';
import type { TaskTreeNode } from './taskTree';

/** From the tree (a node), a notification (the id) or the palette (nothing: ask). */
async function taskIdOf(arg: unknown, history: TaskHistory): Promise<string | undefined> {
  if (typeof arg === 'string') return arg;
  const node = arg as TaskTreeNode | undefined;
  if (node?.kind === 'task') return node.record.taskId;
  const pick = await vscode.window.showQuickPick(
    history.list().map((r) => ({ label: r.taskId, description: `${statusText(r)} · ${r.fileLabel}` })),
    {
      title: vscode.l10n.t('IMM Highlight: Copy Task ID'),
      placeHolder: history.list().length ? vscode.l10n.t('Pick a task') : vscode.l10n.t('No tasks have been submitted from this workspace'),
    },
  );
  return pick?.label;
}

export function registerTaskCommands(history: TaskHistory, follower: TaskFollower): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(SubmitCommands.copyTaskId, async (arg?: unknown) => {
      const taskId = await taskIdOf(arg, history);
      if (!taskId) return;
      await vscode.env.clipboard.writeText(taskId);
      vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', taskId), 3000);
    }),
    vscode.commands.registerCommand(SubmitCommands.refreshTasks, () => follower.refresh()),
    vscode.commands.registerCommand(SubmitCommands.clearTaskHistory, async () => {
      const count = history.list().length;
      if (count === 0) return;
      const clear = vscode.l10n.t('Clear');
      const ok = await vscode.window.showWarningMessage(
        vscode.l10n.t('Clear the list of {0} submitted task(s)? The tasks themselves keep running in IMM.', count),
        { modal: true },
        clear,
      );
      if (ok !== clear) return;
      for (const record of history.list()) follower.stop(record.taskId);
      await history.clear();
    }),
    vscode.commands.registerCommand(SubmitCommands.taskHistory, (): readonly TaskRecord[] => history.list()),
  );
}
