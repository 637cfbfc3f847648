import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activatedApi, codeOf, diagnosticWithCode, EXTENSION_ID, openJob, rangeOfText, waitFor } from './helpers';

describe('diagnostics', () => {
  before(activatedApi);

  it('reports a misspelt Type value at exactly that value, with code invalid-value', async () => {
    const { document } = await openJob('misspelt-type.highlight.yaml');
    const diagnostic = await diagnosticWithCode(document.uri, 'invalid-value');
    assert.deepEqual(diagnostic.range, rangeOfText(document, 'Type: retrieval', 'retrieval'));
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(diagnostic.source, 'imm-highlight');
    assert.match(diagnostic.message, /Retrieval/);
  });

  it("links the code to its section of the extension's own docs/diagnostics.md (codeDescription.href)", async () => {
    const { document } = await openJob('misspelt-type.highlight.yaml');
    const { code } = await diagnosticWithCode(document.uri, 'invalid-value');
    assert.ok(typeof code === 'object', 'the code carries its link');
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    assert.equal(code.target.toString(), `${vscode.Uri.joinPath(extension.extensionUri, 'docs/diagnostics.md').toString()}#invalid-value`);
    const page = new TextDecoder().decode(await vscode.workspace.fs.readFile(code.target.with({ fragment: '' })));
    assert.ok(page.includes('<a id="invalid-value"></a>'), 'the page is there, with the anchor');
  });

  it('reports nothing for a valid Concat job', async () => {
    const valid = (await openJob('valid-concat.highlight.yaml')).document;
    // Absence has no event: wait for a later file's result, which the server publishes after this one's.
    const misspelt = (await openJob('misspelt-type.highlight.yaml')).document;
    await diagnosticWithCode(misspelt.uri, 'invalid-value');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    assert.deepEqual(vscode.languages.getDiagnostics(valid.uri).map(codeOf), []);
  });

  it('updates the diagnostics as the user types', async () => {
    const editor = await openJob('valid-concat.highlight.yaml');
    const range = rangeOfText(editor.document, 'Container: mp4', 'mp4');
    try {
      await editor.edit((edit) => edit.replace(range, 'mp5'));
      const diagnostic = await diagnosticWithCode(editor.document.uri, 'invalid-value');
      assert.deepEqual(diagnostic.range, range);
      await editor.edit((edit) => edit.replace(range, 'mp4'));
      await waitFor('the diagnostic to go away', () => vscode.languages.getDiagnostics(editor.document.uri).length === 0);
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });
});
