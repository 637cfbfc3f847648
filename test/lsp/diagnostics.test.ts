import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { LspSession } from '../support/lspClient';

const VALID = `ProjectName: immtest
Type: Retrieval
Sources:
  - URI: oss://test-bucket/input.mp4
Output:
  URI: oss://test-bucket/output.mp4
`;

describe('language server over stdio: diagnostics', () => {
  let session: LspSession;
  before(async () => {
    session = await LspSession.start();
  });
  after(async () => {
    await session.stop();
  });

  test('publishes a misspelt Type at the value, with the document version', async () => {
    const uri = 'file:///work/misspelt.highlight.yaml';
    const published = session.nextDiagnostics(uri, 1);
    await session.open(uri, VALID.replace('Type: Retrieval', 'Type: retrieval'));
    const diagnostics = await published;
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]!.code, 'invalid-value');
    assert.deepEqual(diagnostics[0]!.range, { start: { line: 1, character: 6 }, end: { line: 1, character: 15 } });
    assert.match(diagnostics[0]!.message, /Did you mean `Retrieval`\?/);
  });

  test('serves job files that the client sends with another language id', async () => {
    const uri = 'file:///work/plain.highlight.yml';
    const published = session.nextDiagnostics(uri);
    await session.open(uri, 'ProjectName: immtest\n', 'yaml');
    const diagnostics = await published;
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['missing-property'],
    );
  });

  test('follows incremental edits and clears diagnostics once the file is valid', async () => {
    const uri = 'file:///work/edited.highlight.yaml';
    const first = session.nextDiagnostics(uri, 1);
    await session.open(uri, VALID.replace('Type: Retrieval', 'Type: Concat'));
    assert.deepEqual(
      (await first).map((d) => d.code),
      ['container-required'],
    );

    const endOfOutputUri = { line: 5, character: '  URI: oss://test-bucket/output.mp4'.length };
    const second = session.nextDiagnostics(uri, 2);
    await session.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: endOfOutputUri, end: endOfOutputUri }, text: '\n  Container: mp4' }],
    });
    assert.deepEqual(await second, []);
  });

  test('clears diagnostics when a job file is closed', async () => {
    const uri = 'file:///work/closed.highlight.yaml';
    const opened = session.nextDiagnostics(uri, 1);
    await session.open(uri, 'Type: nope\n');
    assert.ok((await opened).length > 0);
    const cleared = session.nextDiagnostics(uri);
    await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    assert.deepEqual(await cleared, []);
  });

  test('a key given twice is reported, and no rule reasons from either of its values', async () => {
    const uri = 'file:///work/duplicate.highlight.yaml';
    const published = session.nextDiagnostics(uri, 1);
    const text =
      VALID.replace('Type: Retrieval', 'Type: Concat').replace('input.mp4\n', 'input.mp4\n    StartTime: 2\n') + '  Container: mp4\nType: Retrieval\n';
    await session.open(uri, text);
    const diagnostics = await published;
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['yaml-duplicate-key'],
    );
    assert.equal(diagnostics[0]!.range.start.line, 8);
  });

  test('leaves other YAML files alone', async () => {
    const other = 'file:///work/config.yaml';
    const job = 'file:///work/after-other.highlight.yaml';
    await session.open(other, 'Type: nope\n', 'yaml');
    const published = session.nextDiagnostics(job);
    await session.open(job, VALID);
    await published;
    assert.equal(session.published.filter((p) => p.uri === other).length, 0);
  });
});
