import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activatedApi, codeOf, diagnosticWithCode, openJob, revert, waitFor } from './helpers';

describe('quick fixes', () => {
  before(activatedApi);

  it('replaces a misspelt Type with the valid value and the problem goes away', async () => {
    const { document } = await openJob('misspelt-type.highlight.yaml');
    const diagnostic = await diagnosticWithCode(document.uri, 'invalid-value');
    try {
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        document.uri,
        diagnostic.range,
        vscode.CodeActionKind.QuickFix.value,
      );
      const fix = actions.find((action) => action.title.includes('Retrieval'));
      assert.ok(fix, `no fix to Retrieval among: ${actions.map((a) => a.title).join(' | ')}`);
      if (fix.edit) assert.ok(await vscode.workspace.applyEdit(fix.edit));
      if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));

      assert.ok(document.getText().includes('\nType: Retrieval\n'), document.getText());
      await waitFor('the invalid-value diagnostic to go away', () =>
        !vscode.languages.getDiagnostics(document.uri).some((d) => codeOf(d) === 'invalid-value'),
      );
    } finally {
      await revert(document);
    }
  });
});
