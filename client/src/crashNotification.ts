import * as vscode from 'vscode';
import { Commands } from './constants';
import type { CrashEvent } from './crashHandler';

const SHOW_LOGS = 'Show logs';
const RESTART = 'Restart';

export async function showCrashNotification(event: CrashEvent, output: vscode.OutputChannel): Promise<void> {
  const choice =
    event === 'restarted'
      ? await vscode.window.showWarningMessage(
          'The IMM Highlight language server stopped unexpectedly and was restarted.',
          SHOW_LOGS,
        )
      : await vscode.window.showErrorMessage(
          'The IMM Highlight language server keeps crashing and was not restarted: job files are not checked until you restart it.',
          SHOW_LOGS,
          RESTART,
        );
  if (choice === SHOW_LOGS) output.show(true);
  if (choice === RESTART) await vscode.commands.executeCommand(Commands.restartServer);
}
