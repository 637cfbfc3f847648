import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activatedApi, hoverText, openJob, rangeOfText } from './helpers';

describe('hover', () => {
  before(activatedApi);

  it('describes a key from the API reference', async () => {
    const { document } = await openJob('valid-concat.highlight.yaml');
    const key = rangeOfText(document, 'ProjectName:', 'ProjectName');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, key.start.translate(0, 3));
    assert.match(hoverText(hovers), /project name/i);
  });

  it('describes the meaning of an enum value', async () => {
    const { document } = await openJob('valid-concat.highlight.yaml');
    const value = rangeOfText(document, 'Type: Concat', 'Concat');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, value.start.translate(0, 2));
    assert.match(hoverText(hovers), /composition|Concat/i);
  });
});
