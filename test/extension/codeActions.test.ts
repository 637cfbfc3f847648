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
      await waitFor('the invalid-value diagnostic to go away', () => !vscode.languages.getDiagnostics(document.uri).some((d) => codeOf(d) === 'invalid-value'));
    } finally {
      await revert(document);
    }
  });
});

describe('quick fixes that read the settings', () => {
  before(activatedApi);

  it('the OSS URL fix notes the bucket region only when it is not immHighlight.region', async () => {
    const config = vscode.workspace.getConfiguration('immHighlight');
    const document = await vscode.workspace.openTextDocument({
      language: 'imm-highlight',
      content:
        'ProjectName: immtest\nType: Retrieval\nSources:\n  - URI: oss://test-bucket/a.mp4\nOutput:\n  URI: https://my-videos.oss-cn-shanghai.aliyuncs.com/out/o.mp4\n',
    });
    await vscode.window.showTextDocument(document);
    const diagnostic = await diagnosticWithCode(document.uri, 'invalid-oss-uri');
    // A request still running when the setting reaches the server may be cancelled: no answer yet, so ask again.
    const title = async (): Promise<string> => {
      try {
        const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
          'vscode.executeCodeActionProvider',
          document.uri,
          diagnostic.range,
          vscode.CodeActionKind.QuickFix.value,
        );
        return actions[0]?.title ?? '';
      } catch (error) {
        if (error instanceof Error && error.name === 'Canceled') return '';
        throw error;
      }
    };
    try {
      await config.update('region', 'cn-shanghai', vscode.ConfigurationTarget.Global);
      await waitFor('a title without a note', async () => (await title()) === 'Change to `oss://my-videos/out/o.mp4`');
      await config.update('region', 'cn-beijing', vscode.ConfigurationTarget.Global);
      await waitFor('a title naming both regions', async () => /in cn-shanghai, but immHighlight\.region is cn-beijing/.test(await title()));
    } finally {
      await config.update('region', undefined, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });
});
