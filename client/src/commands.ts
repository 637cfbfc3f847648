import * as vscode from 'vscode';
import { notify } from './notify';
import type { ImmHighlightApi } from './api';
import { Commands } from './commandIds';

export function registerCommands(api: ImmHighlightApi): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.restartServer, async (): Promise<boolean> => {
      const showOutput = vscode.l10n.t('Show Output');
      try {
        await api.restartServer();
      } catch (error) {
        void notify
          .error(
            vscode.l10n.t('IMM Highlight: the language server could not be restarted: {0}', error instanceof Error ? error.message : String(error)),
            showOutput,
          )
          .then((choice) => {
            if (choice) api.outputChannel.show(true);
          });
        return false;
      }
      if (!api.languageClient.isRunning()) {
        void notify.error(vscode.l10n.t('IMM Highlight: the language server did not start again; the output has the reason.'), showOutput).then((choice) => {
          if (choice) api.outputChannel.show(true);
        });
        return false;
      }
      // A notification, not only a status bar message: users look for a confirmation after running the command.
      void notify.info(vscode.l10n.t('IMM Highlight: the language server restarted; job files are checked again.'));
      vscode.window.setStatusBarMessage(vscode.l10n.t('IMM Highlight language server restarted'), 3000);
      return true;
    }),
    vscode.commands.registerCommand(Commands.showOutput, () => api.outputChannel.show(true)),
  );
}
