/**
 * Authoring in a real extension host: where the snippets are offered (VS Code's own snippet provider would offer
 * contributed snippets everywhere), a job left with a snippet's placeholder refused by Submit, and a misspelt
 * required key reported once with the rename first.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SubmitOutcome } from '../../client/src/submit';
import { startImmEndpoint, TEST_ACCESS_KEY, type ImmEndpoint } from '../endpoints/imm/server';
import { activatedApi, codeOf, labelOf, waitFor } from './helpers';

const JOB_SNIPPETS = ['highlight-compose', 'highlight-concat', 'highlight-retrieval'];

async function openUntitled(content: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ language: 'imm-highlight', content });
  return vscode.window.showTextDocument(document);
}

async function close(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

/** Every completion item at the end of the line holding `lineText` (or at 0:0), whoever provides it. */
async function completionAt(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[]> {
  // The server answers once it has the document; an empty list first is the race, not the answer.
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
  return list.items;
}

function endOfLine(document: vscode.TextDocument, lineText: string): vscode.Position {
  for (let line = 0; line < document.lineCount; line++) {
    if (document.lineAt(line).text === lineText) return new vscode.Position(line, lineText.length);
  }
  throw new Error(`no line ${JSON.stringify(lineText)} in\n${document.getText()}`);
}

const snippetLabels = (items: readonly vscode.CompletionItem[]): string[] =>
  items
    .map(labelOf)
    .filter((label) => label.startsWith('highlight-'))
    .sort();

const JOB = `ProjectName: immtest
Type: Compose
Sources:
  - URI: oss://test-bucket/a.mp4
    
Edit:
  Mode: Sequential
  BackgroundMusicMode: Sequential
  BackgroundMusics:
    - 
  
Output:
  URI: oss://test-bucket/out.mp4
  Container: mp4
  Video:
    
`;

describe('authoring: snippets, placeholders, near misses', () => {
  let endpoint: ImmEndpoint;
  const config = () => vscode.workspace.getConfiguration('immHighlight');

  before(async () => {
    await activatedApi();
    endpoint = await startImmEndpoint();
    await config().update('endpoint', endpoint.url, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('immHighlight.setAccessKey', { accessKeyId: TEST_ACCESS_KEY.id, accessKeySecret: TEST_ACCESS_KEY.secret });
  });
  after(async () => {
    await vscode.commands.executeCommand('immHighlight.clearAccessKey');
    await config().update('endpoint', undefined, vscode.ConfigurationTarget.Global);
    await endpoint.close();
  });

  it('offers the whole-job snippets in an empty job file, and not in a value, under Edit, Output.Video, a Sources item or BackgroundMusics', async () => {
    const { document } = await openUntitled('');
    try {
      const empty = await waitFor('the job snippets in an empty file', async () => {
        const labels = snippetLabels(await completionAt(document, new vscode.Position(0, 0)));
        return JOB_SNIPPETS.every((prefix) => labels.includes(prefix)) ? labels : undefined;
      });
      assert.ok(!empty.includes('highlight-transition'), empty.join(', '));
    } finally {
      await close();
    }
    const { document: job } = await openUntitled(JOB.replace('Type: Compose', 'Type: Retrieval'));
    try {
      // Wait until the server serves this document: the keys of a Sources item come from it.
      await waitFor('server completion', async () => (await completionAt(job, endOfLine(job, '    '))).some((item) => labelOf(item) === 'StartTime'));
      const places: [string, vscode.Position][] = [
        ['after Type: Retrieval', endOfLine(job, 'Type: Retrieval')],
        ['in a Sources item', endOfLine(job, '    ')],
        ['under BackgroundMusics', endOfLine(job, '    - ')],
        ['under Edit', endOfLine(job, '  ')],
        ['under Output.Video', new vscode.Position(job.lineCount - 2, 4)],
      ];
      for (const [where, position] of places) {
        const labels = snippetLabels(await completionAt(job, position));
        for (const prefix of JOB_SNIPPETS) assert.ok(!labels.includes(prefix), `${prefix} offered ${where}: ${labels.join(', ')}`);
        if (where === 'under BackgroundMusics') assert.deepEqual(labels, ['highlight-background-music']);
      }
    } finally {
      await close();
    }
  });

  it('a job inserted from highlight-compose and left as it is has placeholder-value errors at its URIs, and Submit refuses it', async () => {
    const editor = await openUntitled('');
    const { document } = editor;
    try {
      const item = await waitFor('the highlight-compose completion', async () =>
        (await completionAt(document, new vscode.Position(0, 0))).find((candidate) => labelOf(candidate) === 'highlight-compose'),
      );
      const insert = item.insertText;
      assert.ok(insert instanceof vscode.SnippetString, 'the job is inserted as a snippet');
      assert.ok(await editor.insertSnippet(insert, new vscode.Position(0, 0)));
      await vscode.commands.executeCommand('leaveSnippet');
      const placeholders = await waitFor('placeholder-value diagnostics', () => {
        const found = vscode.languages.getDiagnostics(document.uri).filter((d) => codeOf(d) === 'placeholder-value');
        return found.length === 2 ? found : undefined;
      });
      assert.deepEqual(placeholders.map((d) => document.getText(d.range)).sort(), ['oss://your-bucket/input.mp4', 'oss://your-bucket/output.mp4']);
      assert.ok(placeholders.every((d) => d.severity === vscode.DiagnosticSeverity.Error));

      const outcome = await vscode.commands.executeCommand<SubmitOutcome>('immHighlight.submitTask');
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      assert.equal(outcome.status, 'refused', JSON.stringify(outcome));
      if (outcome.status === 'refused')
        assert.ok(
          outcome.errors.some((e) => /your-bucket\/output\.mp4/.test(e.message)),
          JSON.stringify(outcome.errors),
        );
      assert.equal(endpoint.requests.filter((r) => r.action === 'CreateHighlightTask').length, 0, 'nothing was sent');
    } finally {
      await close();
    }
  });

  it('Contianer in a Concat job is one problem at the typo whose first fix renames it, and the rename clears it', async () => {
    const editor = await openUntitled(
      'ProjectName: immtest\nType: Concat\nSources:\n  - URI: oss://test-bucket/a.mp4\nOutput:\n  URI: oss://test-bucket/o.mp4\n  Contianer: mp4\n',
    );
    const { document } = editor;
    try {
      // An untitled URI can be reused: wait for this text's diagnostics, not the last test's.
      const diagnostics = await waitFor('the diagnostics of the typo', () => {
        const found = vscode.languages.getDiagnostics(document.uri);
        return found.some((d) => codeOf(d) === 'unknown-property') ? found : undefined;
      });
      assert.deepEqual(
        diagnostics.map((d) => [codeOf(d), document.getText(d.range)]),
        [['unknown-property', 'Contianer']],
      );
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        document.uri,
        diagnostics[0]!.range,
        vscode.CodeActionKind.QuickFix.value,
      );
      const titles = actions.map((action) => action.title);
      assert.equal(titles[0], 'Rename to `Container`', titles.join(' | '));
      assert.ok(!titles.some((title) => /Add missing/.test(title)), titles.join(' | '));
      assert.ok(await vscode.workspace.applyEdit(actions[0]!.edit!));
      await waitFor('no problems after the rename', () => vscode.languages.getDiagnostics(document.uri).length === 0);
      assert.match(document.getText(), /\n {2}Container: mp4\n/);
    } finally {
      await close();
    }
  });
});
