import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activatedApi, labelOf, openJob, waitFor } from './helpers';

describe('completion', () => {
  before(activatedApi);

  it('offers Retrieval, Concat and Compose after "Type: "', async () => {
    const { document } = await openJob('type-missing.highlight.yaml');
    const line = [...Array(document.lineCount).keys()].find((i) => document.lineAt(i).text === 'Type: ');
    assert.ok(line !== undefined, 'the fixture has a "Type: " line');
    const list = await waitFor('completion items', async () => {
      const result = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        document.uri,
        new vscode.Position(line, 'Type: '.length),
      );
      return result.items.length > 0 ? result : undefined;
    });
    const labels = list.items.map(labelOf);
    for (const type of ['Retrieval', 'Concat', 'Compose']) assert.ok(labels.includes(type), `${type} missing from ${labels.join(', ')}`);
  });
});
