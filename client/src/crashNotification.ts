import * as vscode from 'vscode';
import { notify } from './notify';
import { Commands } from './commandIds';
import type { CrashEvent } from './crashHandler';

export async function showCrashNotification(event: CrashEvent, output: vscode.OutputChannel): Promise<void> {
  const SHOW_LOGS = vscode.l10n.t('Show logs');
  const RESTART = vscode.l10n.t('Restart');
  const choice =
    event === 'restarted'
      ? await notify.warning(vscode.l10n.t('The IMM Highlight language server stopped unexpectedly and was restarted.'), SHOW_LOGS)
      : await notify.error(
          vscode.l10n.t('The IMM Highlight language server keeps crashing and was not restarted: job files are not checked until you restart it.'),
          SHOW_LOGS,
          RESTART,
        );
  if (choice === SHOW_LOGS) output.show(true);
  if (choice === RESTART) await vscode.commands.executeCommand(Commands.restartServer);
}
