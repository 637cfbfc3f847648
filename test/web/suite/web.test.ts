/** What only the web entry does: its own worker client, a web file system, the commands that need the desktop. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient';
import { activatedApi, codeOf, diagnosticWithCode, labelOf, openJob, waitFor } from '../../extension/helpers';

describe('web extension host', () => {
  before(activatedApi);

  it('runs the web entry, on files of a web file system', async () => {
    const { document } = await openJob('misspelt-type.highlight.yaml');
    assert.notEqual(document.uri.scheme, 'file');
    assert.equal(vscode.env.uiKind, vscode.UIKind.Web);
    await diagnosticWithCode(document.uri, 'invalid-value');
  });

  it('Restart Language Server stops the worker, starts a fresh one, and features work again', async () => {
    const api = await activatedApi();
    const before = api.languageClient.initializeResult;
    const states: State[] = [];
    const listener = api.languageClient.onDidChangeState((event) => states.push(event.newState));
    try {
      await vscode.commands.executeCommand('immHighlight.restartServer');
    } finally {
      listener.dispose();
    }
    assert.equal(api.languageClient.state, State.Running);
    assert.deepEqual(states, [State.Stopped, State.Starting, State.Running]);
    assert.ok(api.languageClient.initializeResult && api.languageClient.initializeResult !== before, 'a new server answered initialize');
    // The client drops the old server's diagnostics; an edit checked by the new server brings them back.
    const editor = await openJob('misspelt-type.highlight.yaml');
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), '# restarted\n'));
    const diagnostic = await waitFor('a diagnostic from the new server', () =>
      vscode.languages.getDiagnostics(editor.document.uri).find((d) => codeOf(d) === 'invalid-value' && d.range.start.line === 3),
    );
    assert.equal(editor.document.getText(diagnostic.range), 'retrieval');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('offers the job snippets in an untitled job', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'imm-highlight', content: 'high' });
    await vscode.window.showTextDocument(document);
    const list = await waitFor('snippet completions', async () => {
      const result = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        document.uri,
        new vscode.Position(0, 4),
      );
      return result.items.some((item) => item.kind === vscode.CompletionItemKind.Snippet) ? result : undefined;
    });
    const snippets = list.items.filter((item) => item.kind === vscode.CompletionItemKind.Snippet).map(labelOf);
    for (const prefix of ['highlight-retrieval', 'highlight-concat', 'highlight-compose'])
      assert.ok(snippets.includes(prefix), `${prefix} missing from ${snippets.join(', ')}`);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('Show Request and Copy aliyun CLI Command work, with no credentials', async () => {
    const { document } = await openJob('valid-concat.highlight.yaml');
    const uri = await vscode.commands.executeCommand<vscode.Uri>('immHighlight.showRequest', document.uri);
    const json = JSON.parse((await vscode.workspace.openTextDocument(uri)).getText()) as {
      action: string;
      body: Record<string, string>;
      credentials: string;
      aliyunCli: string;
    };
    assert.equal(json.action, 'CreateHighlightTask');
    assert.equal(json.body['Type'], 'Concat');
    assert.match(json.credentials, /Submit needs VS Code desktop/);
    const line = await vscode.commands.executeCommand<string>('immHighlight.copyCliCommand', document.uri);
    assert.equal(line, json.aliyunCli);
    assert.match(line, /^aliyun imm CreateHighlightTask /);
  });

  it('Show Storyboard draws the job alone: the declared length to scale, the undeclared one hatched', async () => {
    const { document } = await openJob('valid-concat.highlight.yaml');
    assert.equal(await vscode.commands.executeCommand('immHighlight.showStoryboard', document.uri), true);
    interface Drawn {
      readonly view?: { readonly elements: readonly { readonly id: string; readonly lengthKnown: boolean; readonly lengthSeconds: number }[] };
    }
    // What the panel posts to its page. The page itself does not load in this host: @vscode/test-web serves webviews
    // from `<uuid>.127.0.0.1`, a name that does not resolve offline (test/extension/storyboard.test.ts checks the page).
    const state = await waitFor('the storyboard to be laid out', async () => {
      const now = await vscode.commands.executeCommand<Drawn>('immHighlight.storyboard.state');
      return now.view?.elements.length ? now : undefined;
    });
    const [keynote, demo] = state.view!.elements;
    assert.deepEqual([keynote!.id, keynote!.lengthKnown, keynote!.lengthSeconds], ['clip:0', true, 30]);
    assert.deepEqual([demo!.id, demo!.lengthKnown], ['clip:1', false]);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('the commands that need the desktop are there and answer without doing anything', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['immHighlight.submitTask', 'immHighlight.setAccessKey', 'immHighlight.clearAccessKey', 'immHighlight.chooseCredentialsProfile']) {
      assert.ok(commands.includes(id), `${id} is not registered`);
    }
    // Last, so that the harness finds its notification in the page afterwards.
    await openJob('valid-concat.highlight.yaml');
    assert.equal(await vscode.commands.executeCommand('immHighlight.submitTask'), undefined);
  });
});
