import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient/node';
import { activatedApi, EXTENSION_ID, openJob } from './helpers';

describe('activation', () => {
  it('opens *.highlight.yaml files in the imm-highlight language', async () => {
    const editor = await openJob('valid-concat.highlight.yaml');
    assert.equal(editor.document.languageId, 'imm-highlight');
  });

  it('activates for a job file and hands out a running client and the output channel', async () => {
    await openJob('valid-concat.highlight.yaml');
    const api = await activatedApi();
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID)?.isActive);
    assert.equal(api.languageClient.state, State.Running);
    assert.equal(api.outputChannel.name, 'IMM Highlight');
  });

  it('registers its commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['immHighlight.restartServer', 'immHighlight.showOutput']) {
      assert.ok(commands.includes(id), `${id} is not registered`);
    }
  });

  it('declares every contributed command in its category and runs Show Output', async () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as {
      contributes: { commands: { command: string; category: string }[] };
    };
    for (const command of manifest.contributes.commands) assert.equal(command.category, 'IMM Highlight', command.command);
    await vscode.commands.executeCommand('immHighlight.showOutput');
  });
});
