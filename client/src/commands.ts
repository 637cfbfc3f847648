import * as vscode from 'vscode';
import type { ImmHighlightApi } from './api';
import { Commands } from './constants';

export function registerCommands(api: ImmHighlightApi): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.restartServer, async (): Promise<boolean> => {
      try {
        await api.restartServer();
      } catch (error) {
        void vscode.window.showErrorMessage(`IMM Highlight: the language server could not be restarted: ${error instanceof Error ? error.message : String(error)}`, 'Show Output').then((choice) => {
          if (choice) api.outputChannel.show(true);
        });
        return false;
      }
      if (!api.languageClient.isRunning()) {
        void vscode.window.showErrorMessage('IMM Highlight: the language server did not start again; the output has the reason.', 'Show Output').then((choice) => {
          if (choice) api.outputChannel.show(true);
        });
        return false;
      }
      // A notification, not only a status bar message: users look for a confirmation after running the command.
      void vscode.window.showInformationMessage('IMM Highlight: the language server restarted; job files are checked again.');
      vscode.window.setStatusBarMessage('IMM Highlight language server restarted', 3000);
      return true;
    }),
    vscode.commands.registerCommand(Commands.showOutput, () => api.outputChannel.show(true)),
  );
}
