import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  CompletionItemKind,
  type CodeAction,
  type CompletionItem,
  type CompletionList,
  type DocumentSymbol,
  type Hover,
  type MarkupContent,
  type TextEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspSession } from '../support/lspClient';

const JOB = `ProjectName: immtest
Type: Concat
Sources:
  - URI: oss://test-bucket/input.mp4
Output:
  URI: oss://test-bucket/output.mp4
  Container: mp4
`;

/** The snippets file as written, read at test time: the built server must serve what it says. */
const SNIPPET_FILE = JSON.parse(readFileSync(path.resolve(__dirname, '../../snippets/imm-highlight.json'), 'utf8')) as Record<
  string,
  { prefix: string; body: string[]; 'x-place': string }
>;

function labels(result: CompletionItem[] | CompletionList | null): string[] {
  const items = Array.isArray(result) ? result : (result?.items ?? []);
  return items.map((item) => item.label);
}

describe('language server over stdio: editor features', () => {
  let session: LspSession;
  before(async () => {
    session = await LspSession.start();
  });
  after(async () => {
    await session.stop();
  });

  test('advertises every feature in its capabilities', () => {
    for (const capability of ['completionProvider', 'hoverProvider', 'codeActionProvider', 'documentSymbolProvider', 'documentFormattingProvider']) {
      assert.ok(session.capabilities[capability], `${capability} missing`);
    }
  });

  test('completes the Type values at `Type: `', async () => {
    const uri = 'file:///work/complete.highlight.yaml';
    await session.open(uri, JOB.replace('Type: Concat', 'Type: '));
    const result = await session.connection.sendRequest<CompletionItem[] | CompletionList>('textDocument/completion', {
      textDocument: { uri },
      position: { line: 1, character: 6 },
    });
    assert.deepEqual(labels(result).sort(), ['Compose', 'Concat', 'Retrieval']);
  });

  test('offers in an empty job the whole-job snippets of snippets/imm-highlight.json, as written there', async () => {
    const uri = 'file:///work/empty.highlight.yaml';
    await session.open(uri, '');
    const result = await session.connection.sendRequest<CompletionItem[] | CompletionList>('textDocument/completion', {
      textDocument: { uri },
      position: { line: 0, character: 0 },
    });
    const items = (Array.isArray(result) ? result : (result?.items ?? [])).filter((item) => item.kind === CompletionItemKind.Snippet);
    const jobs = Object.entries(SNIPPET_FILE).filter(([, snippet]) => snippet['x-place'] === 'job');
    assert.ok(jobs.length > 0, 'the snippets file has whole-job snippets');
    assert.deepEqual(
      items.map((item) => [item.label, item.detail, (item.textEdit as TextEdit).newText]).sort(),
      jobs.map(([name, snippet]) => [snippet.prefix, name, snippet.body.join('\n')]).sort(),
    );
  });

  test('hovers a key with its documentation', async () => {
    const uri = 'file:///work/hover.highlight.yaml';
    await session.open(uri, JOB);
    const result = await session.connection.sendRequest<Hover | null>('textDocument/hover', {
      textDocument: { uri },
      position: { line: 1, character: 2 },
    });
    assert.ok(result);
    assert.match((result.contents as MarkupContent).value, /Retrieval/);
    assert.deepEqual(result.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } });
  });

  test('offers the did-you-mean quick fix for a diagnostic the server published', async () => {
    const uri = 'file:///work/fix.highlight.yaml';
    const published = session.nextDiagnostics(uri);
    await session.open(uri, JOB.replace('Type: Concat', 'Type: concat'));
    const diagnostics = await published;
    const actions = await session.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostics[0]!.range,
      context: { diagnostics },
    });
    const fix = actions.find((action) => action.isPreferred);
    assert.ok(fix, 'no preferred quick fix');
    assert.deepEqual(fix.edit?.changes?.[uri], [{ range: diagnostics[0]!.range, newText: 'Concat' }]);
  });

  test('outlines the job', async () => {
    const uri = 'file:///work/symbols.highlight.yaml';
    await session.open(uri, JOB);
    const symbols = await session.connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(
      symbols.map((symbol) => symbol.name),
      ['ProjectName', 'Type', 'Sources', 'Output'],
    );
  });

  test('formats indentation without losing comments', async () => {
    const uri = 'file:///work/format.highlight.yaml';
    const text = [
      '# Job for the summer trip',
      'ProjectName: immtest # the project',
      'Output:',
      '    # where the result goes',
      '    URI: oss://test-bucket/o.mp4',
      '        # a comment deeper than its neighbours',
      '    Container: mp4 # mp4 plays everywhere',
      '# the end',
      '',
    ].join('\n');
    await session.open(uri, text);
    const edits = await session.connection.sendRequest<TextEdit[]>('textDocument/formatting', {
      textDocument: { uri },
      options: { tabSize: 2, insertSpaces: true },
    });
    assert.ok(edits.length > 0, 'the four-space block is re-indented');
    const formatted = TextDocument.applyEdits(TextDocument.create(uri, 'imm-highlight', 1, text), edits);
    assert.match(formatted, /^ {2}URI: oss:\/\/test-bucket\/o\.mp4$/m);
    assert.match(formatted, /^ {2}Container: mp4 # mp4 plays everywhere$/m);
    const comments = (source: string): string[] => source.split('\n').flatMap((line) => /#.*$/.exec(line)?.[0] ?? []);
    assert.deepEqual(comments(formatted), comments(text), 'every comment kept, in order');
    assert.ok(!edits.some((edit) => edit.range.start.line <= 1), 'the commented first lines need no change');
  });

  test('documented transition names: all completed; an xfade short name warns with a quick fix to the IMM spelling', async () => {
    const uri = 'file:///work/transitions.highlight.yaml';
    const text =
      JOB.replace('Type: Concat', 'Type: Compose') + 'Edit:\n  Mode: Sequential\n  TransitionMode: Random\n  Transitions:\n    - Transition: hblur\n';
    const published = session.nextDiagnostics(uri);
    await session.open(uri, text);
    const diagnostics = await published;
    const warning = diagnostics.find((d) => d.code === 'undocumented-transition');
    assert.ok(warning, JSON.stringify(diagnostics));
    assert.equal(warning.severity, 2);
    assert.deepEqual(warning.range, { start: { line: 11, character: 18 }, end: { line: 11, character: 23 } });
    const actions = await session.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: warning.range,
      context: { diagnostics: [warning] },
    });
    const fix = actions.find((action) => action.isPreferred);
    assert.deepEqual(fix?.edit?.changes?.[uri], [{ range: warning.range, newText: 'horizontalblur' }]);
    const completion = await session.connection.sendRequest<CompletionItem[] | CompletionList>('textDocument/completion', {
      textDocument: { uri },
      position: { line: 11, character: 18 },
    });
    const names = labels(completion);
    assert.equal(names.length, 44);
    assert.ok(names.includes('horizontalblur') && names.includes('zoomin') && !names.includes('hblur'));
  });

  test('the OSS URL fix follows immHighlight.region sent in workspace/didChangeConfiguration', async () => {
    const uri = 'file:///work/oss-url.highlight.yaml';
    const published = session.nextDiagnostics(uri);
    await session.open(uri, JOB.replace('URI: oss://test-bucket/output.mp4', 'URI: https://my-videos.oss-cn-shanghai.aliyuncs.com/out/o.mp4'));
    const diagnostic = (await published).find((d) => d.code === 'invalid-oss-uri');
    assert.ok(diagnostic);
    const title = async (): Promise<string | undefined> =>
      (
        await session.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
          textDocument: { uri },
          range: diagnostic.range,
          context: { diagnostics: [diagnostic] },
        })
      )[0]?.title;
    assert.match((await title()) ?? '', /the bucket is in cn-shanghai: IMM must run in the same region/);
    await session.connection.sendNotification('workspace/didChangeConfiguration', { settings: { immHighlight: { region: 'cn-shanghai' } } });
    assert.equal(await title(), 'Change to `oss://my-videos/out/o.mp4`');
    await session.connection.sendNotification('workspace/didChangeConfiguration', { settings: { immHighlight: { region: 'cn-beijing' } } });
    assert.match((await title()) ?? '', /but immHighlight\.region is cn-beijing/);
    await session.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  });

  test('a position past the end of a line hovers and completes that line, not the next', async () => {
    const uri = 'file:///work/past-end.highlight.yaml';
    await session.open(uri, JOB.replace('Type: Concat', 'Type: Retrieval').replace(/\n/g, '\r\n'));
    const position = { line: 1, character: 40 };
    const result = await session.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
    assert.ok(result, 'no hover past the end of `Type: Retrieval`');
    assert.deepEqual(result.range, { start: { line: 1, character: 6 }, end: { line: 1, character: 15 } });
    const completion = await session.connection.sendRequest<CompletionItem[] | CompletionList>('textDocument/completion', { textDocument: { uri }, position });
    assert.deepEqual(labels(completion).sort(), ['Compose', 'Concat', 'Retrieval']);
  });
});
