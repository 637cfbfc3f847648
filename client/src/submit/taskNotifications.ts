/** The end of a followed task, and the end of following before the task ended. */
import * as vscode from 'vscode';
import { notify } from '../notify';
import { SubmitCommands } from './commandIds';
import type { TaskRecord } from './taskRecord';
import { finalMessage, resultActions } from './taskStatus';

export async function notifyFinished(record: TaskRecord): Promise<void> {
  const { severity, text } = finalMessage(record);
  const copyTaskId = vscode.l10n.t('Copy Task ID');
  // A succeeded task's result one click away: Preview/Open, or for a segmented output Open in Browser/Download….
  const results = severity === 'information' ? resultActions(record) : [];
  const buttons = [...results.map((a) => a.label), copyTaskId];
  const choice = severity === 'error' ? await notify.error(text, ...buttons) : await notify.info(text, ...buttons);
  if (choice === copyTaskId) await vscode.commands.executeCommand(SubmitCommands.copyTaskId, record.taskId);
  const action = results.find((a) => a.label === choice);
  if (action) await vscode.commands.executeCommand(action.command, { record });
}

export async function notifyStopped(record: TaskRecord, message: string): Promise<void> {
  const refresh = vscode.l10n.t('Refresh');
  const setAccessKey = vscode.l10n.t('Set AccessKey');
  const choice = await notify.warning(
    vscode.l10n.t('IMM Highlight: stopped following task {0}; it may still be running in IMM. {1}', record.taskId, message),
    refresh,
    setAccessKey,
  );
  if (choice === refresh) await vscode.commands.executeCommand(SubmitCommands.refreshTasks);
  if (choice === setAccessKey) await vscode.commands.executeCommand(SubmitCommands.setAccessKey);
}
