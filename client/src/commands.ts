import * as vscode from 'vscode';
import type { ImmHighlightApi } from './api';
import { Commands } from './constants';

export function registerCommands(api: ImmHighlightApi): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.restartServer, async () => {
      await api.restartServer();
      vscode.window.setStatusBarMessage('IMM Highlight language server restarted', 3000);
    }),
    vscode.commands.registerCommand(Commands.showOutput, () => api.outputChannel.show(true)),
  );
}
