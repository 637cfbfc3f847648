/** "▶ Submit task", "Submit for each video…" and "Show request" above the first line of every job file. */
import * as vscode from 'vscode';
import { JOB_LANGUAGE_ID } from '../../../core/src/index';
import { Commands } from '../commandIds';

export function registerSubmitCodeLens(): vscode.Disposable {
  const provider: vscode.CodeLensProvider = {
    provideCodeLenses(document) {
      const top = new vscode.Range(0, 0, 0, 0);
      return [
        new vscode.CodeLens(top, {
          title: vscode.l10n.t('▶ Submit task'),
          tooltip: vscode.l10n.t('Send this job to IMM (CreateHighlightTask), unsaved edits included'),
          command: Commands.submitTask,
          arguments: [document.uri],
        }),
        new vscode.CodeLens(top, {
          title: vscode.l10n.t('Submit for each video…'),
          tooltip: vscode.l10n.t('Send this job once per video under an OSS folder (a batch); shows the items and asks first'),
          command: Commands.submitForEachVideo,
          arguments: [document.uri],
        }),
        new vscode.CodeLens(top, {
          title: vscode.l10n.t('Show request'),
          tooltip: vscode.l10n.t('Open the exact parameters Submit would send'),
          command: Commands.showRequest,
          arguments: [document.uri],
        }),
      ];
    },
  };
  return vscode.languages.registerCodeLensProvider({ language: JOB_LANGUAGE_ID }, provider);
}
