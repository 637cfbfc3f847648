/** The end of a followed task, and the end of following before the task ended. */
import * as vscode from 'vscode';
import { SubmitCommands } from './commandIds';
import type { TaskRecord } from './taskRecord';
import { finalMessage } from './taskStatus';

export async function notifyFinished(record: TaskRecord): Promise<void> {
  const { severity, text } = finalMessage(record);
  const buttons = ['Copy Task ID', ...(severity === 'information' && record.outputUri ? ['Copy Output URI'] : [])];
  const choice = severity === 'error' ? await vscode.window.showErrorMessage(text, ...buttons) : await vscode.window.showInformationMessage(text, ...buttons);
  if (choice === 'Copy Task ID') await vscode.commands.executeCommand(SubmitCommands.copyTaskId, record.taskId);
  if (choice === 'Copy Output URI' && record.outputUri) await vscode.env.clipboard.writeText(record.outputUri);
}

export async function notifyStopped(record: TaskRecord, message: string): Promise<void> {
  const choice = await vscode.window.showWarningMessage(
    `IMM Highlight: stopped following task ${record.taskId}; it may still be running in IMM. ${message}`,
    'Refresh',
    'Set AccessKey',
  );
  if (choice === 'Refresh') await vscode.commands.executeCommand(SubmitCommands.refreshTasks);
  if (choice === 'Set AccessKey') await vscode.commands.executeCommand(SubmitCommands.setAccessKey);
}
