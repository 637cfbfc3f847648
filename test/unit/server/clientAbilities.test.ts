import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clientAbilitiesOf } from '../../../server/src/clientAbilities';
import { VSCODE_CAPABILITIES } from '../../support/lspClient';

test("VS Code's client: snippets, markdown, code action literals", () => {
  assert.deepEqual(clientAbilitiesOf(VSCODE_CAPABILITIES), {
    completion: { snippets: true, markdown: true },
    hover: { markdown: true },
    quickFixes: 'literals',
  });
});

test('a client that declares nothing can take nothing beyond plain LSP', () => {
  assert.deepEqual(clientAbilitiesOf({}), { completion: { snippets: false, markdown: false }, hover: { markdown: false }, quickFixes: 'none' });
});

test('formats in the order the client prefers them', () => {
  const abilities = clientAbilitiesOf({
    textDocument: { completion: { completionItem: { documentationFormat: ['plaintext', 'markdown'] } }, hover: { contentFormat: ['markdown'] } },
  });
  assert.equal(abilities.completion.markdown, false);
  assert.equal(abilities.hover.markdown, true);
});
