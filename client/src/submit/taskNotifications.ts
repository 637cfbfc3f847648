/** The end of a followed task, and the end of following before the task ended. */
import * as vscode from 'vscode';
import { SubmitCommands } from './commandIds';
import type { TaskRecord } from './taskRecord';
import { finalMessage } from './taskStatus';

export async function notifyFinished(record: TaskRecord): Promise<void> {
  const { severity, text } = finalMessage(record);
  const copyTaskId = vscode.l10n.t('Copy Task ID');
  const copyOutputUri = vscode.l10n.t('Copy Output URI');
  const buttons = [copyTaskId, ...(severity === 'information' && record.outputUri ? [copyOutputUri] : [])];
  const choice = severity === 'error' ? await vscode.window.showErrorMessage(text, ...buttons) : await vscode.window.showInformationMessage(text, ...buttons);
  if (choice === copyTaskId) await vscode.commands.executeCommand(SubmitCommands.copyTaskId, record.taskId);
  if (choice === copyOutputUri && record.outputUri) await vscode.env.clipboard.writeText(record.outputUri);
}

export async function notifyStopped(record: TaskRecord, message: string): Promise<void> {
  const refresh = vscode.l10n.t('Refresh');
  const setAccessKey = vscode.l10n.t('Set AccessKey');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('IMM Highlight: stopped following task {0}; it may still be running in IMM. {1}', record.taskId, message),
    refresh,
    setAccessKey,
  );
  if (choice === refresh) await vscode.commands.executeCommand(SubmitCommands.refreshTasks);
  if (choice === setAccessKey) await vscode.commands.executeCommand(SubmitCommands.setAccessKey);
}
