/** The live-completion context request, answered by the real server process from the core (no network). */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CLOUD_CONTEXT_REQUEST, type CloudContextResult } from '../../core/src/cloud/protocol';
import { LspSession } from '../support/lspClient';

describe('language server over stdio: cloud completion context', () => {
  let session: LspSession;
  before(async () => {
    session = await LspSession.start();
  });
  after(async () => {
    await session.stop();
  });

  const ask = (uri: string, line: number, character: number) =>
    session.connection.sendRequest<CloudContextResult>(CLOUD_CONTEXT_REQUEST, { textDocument: { uri }, position: { line, character } });

  test('says which folder of which bucket a Sources URI is in, and what a ProjectName value is', async () => {
    const uri = 'file:///work/cloud-context.highlight.yaml';
    await session.open(uri, 'ProjectName: imm\nSources:\n  - URI: oss://media/videos/be\n');
    assert.deepEqual(await ask(uri, 2, 30), {
      kind: 'folder',
      field: 'source',
      bucket: 'media',
      prefix: 'videos/',
      typed: 'oss://media/videos/be',
      range: { start: { line: 2, character: 9 }, end: { line: 2, character: 30 } },
    });
    assert.equal((await ask(uri, 0, 16))?.kind, 'project');
    assert.equal(await ask(uri, 1, 3), null);
  });

  test('answers null for a document it does not serve', async () => {
    assert.equal(await ask('file:///work/unknown.highlight.yaml', 0, 0), null);
  });
});
