/** The quick pick shown instead of submitting a job with errors: each entry jumps to its problem. */
import * as vscode from 'vscode';
import type { Diagnostic } from 'vscode-languageserver-types';
import { toVsRange } from './diagnostics';

interface ProblemItem extends vscode.QuickPickItem {
  readonly range: vscode.Range;
}

export async function showRefusal(document: vscode.TextDocument, errors: readonly Diagnostic[]): Promise<void> {
  const items: ProblemItem[] = errors.map((d) => ({
    label: `$(error) ${d.message}`,
    description: vscode.l10n.t('Ln {0}, Col {1}', d.range.start.line + 1, d.range.start.character + 1),
    range: toVsRange(d.range),
  }));
  const reveal = async (item: ProblemItem, preserveFocus: boolean): Promise<void> => {
    await vscode.window.showTextDocument(document, { selection: item.range, preserveFocus, preview: false });
  };
  const pick = await vscode.window.showQuickPick(items, {
    title:
      errors.length === 1
        ? vscode.l10n.t('Not submitted: 1 error in {0}. Nothing was sent.', document.uri.path.split('/').pop() ?? '')
        : vscode.l10n.t('Not submitted: {0} errors in {1}. Nothing was sent.', errors.length, document.uri.path.split('/').pop() ?? ''),
    placeHolder: vscode.l10n.t('Pick a problem to go to it'),
    matchOnDescription: true,
    onDidSelectItem: (item) => void reveal(item as ProblemItem, true),
  });
  if (pick) await reveal(pick, false);
}
