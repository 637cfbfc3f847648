/** The end of a followed task, and the end of following before the task ended. */
import * as vscode from 'vscode';
import { notify } from '../notify';
import { Commands } from '../commandIds';
import type { TaskRecord } from './record';
import type { OutputAnswer, OutputSource } from '../results/outputAnswer';
import { finalMessage, offeredResults } from './status';

/** How long the notification waits for the output's look-up (itself bounded) before offering its actions unchecked. */
export const OUTPUT_CHECK_WAIT_MS = 5_000;

async function lookedFor(record: TaskRecord, outputs: OutputSource | undefined): Promise<OutputAnswer | undefined> {
  if (!outputs || !record.outputUri || record.status !== 'Succeeded') return undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const waited = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), OUTPUT_CHECK_WAIT_MS)));
  try {
    return await Promise.race([outputs.settled(record), waited]);
  } finally {
    clearTimeout(timer);
  }
}

/** `outputs`: the tree's output look-up, so that no action is offered for an output that is not there. */
export async function notifyFinished(record: TaskRecord, outputs?: OutputSource): Promise<void> {
  const { severity, text } = finalMessage(record);
  const copyTaskId = vscode.l10n.t('Copy Task ID');
  // A succeeded task's result one click away: Preview/Open, or for a segmented output Open in Browser/Download….
  const offered = severity === 'information' ? offeredResults(record, await lookedFor(record, outputs)) : { actions: [] };
  const results = offered.actions;
  const shown = offered.note ? `${text} ${offered.note}` : text;
  const buttons = [...results.map((a) => a.label), copyTaskId];
  const choice = severity === 'error' ? await notify.error(shown, ...buttons) : await notify.info(shown, ...buttons);
  if (choice === copyTaskId) await vscode.commands.executeCommand(Commands.copyTaskId, record.taskId);
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
  if (choice === refresh) await vscode.commands.executeCommand(Commands.refreshTasks);
  if (choice === setAccessKey) await vscode.commands.executeCommand(Commands.setAccessKey);
}
