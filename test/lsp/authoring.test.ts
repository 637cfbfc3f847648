import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ShowMessageParams, TextEdit } from 'vscode-languageserver-protocol';
import { LspSession } from '../support/lspClient';
import { MINIMAL_CONCAT_JOB } from '../support/minimalJobs';

const TOO_FAR = MINIMAL_CONCAT_JOB.replace('  Container: mp4', '    Container: mp4');

describe('language server over stdio: YAML errors in plain words', () => {
  let session: LspSession;
  const messages: ShowMessageParams[] = [];
  before(async () => {
    session = await LspSession.start();
    session.connection.onNotification('window/showMessage', (params: ShowMessageParams) => messages.push(params));
  });
  after(async () => {
    await session.stop();
  });

  test('a line indented too far is one diagnostic, with the parser text as related information', async () => {
    const uri = 'file:///work/too-far.highlight.yaml';
    const published = session.nextDiagnostics(uri);
    await session.open(uri, TOO_FAR);
    const diagnostics = await published;
    assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
    const [d] = diagnostics;
    assert.match(d!.message, /^Line 7 is indented too far/);
    assert.deepEqual(
      d!.relatedInformation?.map((info) => [info.location.uri, info.location.range, info.message]),
      [
        [uri, d!.range, 'The YAML parser says: Nested mappings are not allowed in compact mappings'],
        [uri, d!.range, 'The YAML parser says: Implicit keys need to be on a single line'],
      ],
    );
  });

  test('Format Document on a file it cannot parse answers no edits and says why in a warning', async () => {
    const uri = 'file:///work/format-broken.highlight.yaml';
    await session.open(uri, TOO_FAR);
    const edits = await session.connection.sendRequest<TextEdit[]>('textDocument/formatting', {
      textDocument: { uri },
      options: { tabSize: 2, insertSpaces: true },
    });
    assert.deepEqual(edits, []);
    const warning = await new Promise<ShowMessageParams | undefined>((resolve) => {
      const started = Date.now();
      const poll = (): void => {
        const found = messages.find((m) => /Format Document left the file as it is/.test(m.message));
        if (found || Date.now() - started > 5000) resolve(found);
        else setTimeout(poll, 20);
      };
      poll();
    });
    assert.ok(warning, JSON.stringify(messages));
    assert.equal(warning.type, 2);
    assert.match(warning.message, /line 7 cannot be read.*Line 7 is indented too far/);
  });

  test('formatting a file that is already formatted says nothing', async () => {
    const uri = 'file:///work/format-fine.highlight.yaml';
    await session.open(uri, MINIMAL_CONCAT_JOB);
    const before = messages.length;
    assert.deepEqual(
      await session.connection.sendRequest<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } }),
      [],
    );
    assert.equal(messages.length, before);
  });
});
