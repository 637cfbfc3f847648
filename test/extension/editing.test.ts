import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activatedApi, openJob, revert, waitFor } from './helpers';

describe('editing', () => {
  before(activatedApi);

  it('formats a job: two-space indentation, one space after colons, no trailing spaces', async () => {
    const { document } = await openJob('unformatted.highlight.yaml');
    try {
      const edits = await waitFor('formatting edits', () =>
        vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', document.uri, {
          tabSize: 2,
          insertSpaces: true,
        }),
      );
      const edit = new vscode.WorkspaceEdit();
      edit.set(document.uri, edits);
      assert.ok(await vscode.workspace.applyEdit(edit));
      assert.equal(
        document.getText(),
        [
          '# Badly laid out, but valid.',
          'ProjectName: immtest',
          'Type: Concat',
          'Sources:',
          '  - URI: oss://test-bucket/videos/keynote.mp4',
          'Output:',
          '  URI: oss://test-bucket/highlights/keynote.mp4',
          '  Container: mp4',
          '',
        ].join('\n'),
      );
    } finally {
      await revert(document);
    }
  });

  it('lists the top-level fields as document symbols (Outline, breadcrumbs)', async () => {
    const { document } = await openJob('valid-concat.highlight.yaml');
    const symbols = await waitFor('document symbols', () =>
      vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri),
    );
    assert.deepEqual(
      symbols.map((symbol) => symbol.name),
      ['ProjectName', 'Type', 'Sources', 'Output'],
    );
  });

  it('comments lines out with # (language configuration)', async () => {
    const editor = await openJob('valid-concat.highlight.yaml');
    try {
      editor.selection = new vscode.Selection(1, 0, 1, 0);
      await vscode.commands.executeCommand('editor.action.commentLine');
      assert.equal(editor.document.lineAt(1).text, '# ProjectName: immtest');
    } finally {
      await revert(editor.document);
    }
  });

  it('indents the line after a key that opens a block (language configuration)', async () => {
    const editor = await openJob('valid-concat.highlight.yaml');
    try {
      const output = [...Array(editor.document.lineCount).keys()].find((i) => editor.document.lineAt(i).text === 'Output:')!;
      editor.selection = new vscode.Selection(output, 7, output, 7);
      await vscode.commands.executeCommand('type', { text: '\n' });
      assert.equal(editor.document.lineAt(output + 1).text, '  ');
    } finally {
      await revert(editor.document);
    }
  });
});
