/** Shows an ErrorAdvice with its buttons; each button goes where the fix is made. */
import * as vscode from 'vscode';
import { notify } from '../notify';
import { Commands } from '../commandIds';
import type { ErrorAction, ErrorAdvice } from './errorAdvice';

export async function showErrorAdvice(advice: ErrorAdvice, output: vscode.OutputChannel, prefix = 'IMM Highlight'): Promise<void> {
  const byLabel = new Map<string, ErrorAction>(advice.actions.map((a) => [a.label, a]));
  const choice = await notify.error(`${prefix}: ${advice.message}`, ...byLabel.keys());
  const action = choice ? byLabel.get(choice) : undefined;
  if (!action) return;
  switch (action.id) {
    case 'setAccessKey':
      await vscode.commands.executeCommand(Commands.setAccessKey);
      break;
    case 'clearAccessKey':
      await vscode.commands.executeCommand(Commands.clearAccessKey);
      break;
    case 'chooseProfile':
      await vscode.commands.executeCommand(Commands.chooseCredentialsProfile);
      break;
    case 'openSettings':
      await vscode.commands.executeCommand('workbench.action.openSettings', action.setting ?? 'immHighlight');
      break;
    case 'showOutput':
      output.show(true);
      break;
  }
}
