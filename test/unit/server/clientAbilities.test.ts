import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clientAbilitiesOf } from '../../../server/src/clientAbilities';
import { VSCODE_CAPABILITIES } from '../../support/lspClient';

test("VS Code's client: snippets, markdown, code action literals", () => {
  assert.deepEqual(clientAbilitiesOf(VSCODE_CAPABILITIES), {
    completion: { snippets: true, markdown: true },
    hover: { markdown: true },
    quickFixes: 'literals',
    codeDescriptions: false,
  });
});

test('a client that declares nothing can take nothing beyond plain LSP', () => {
  assert.deepEqual(clientAbilitiesOf({}), {
    completion: { snippets: false, markdown: false },
    hover: { markdown: false },
    quickFixes: 'none',
    codeDescriptions: false,
  });
});

test('formats in the order the client prefers them', () => {
  const abilities = clientAbilitiesOf({
    textDocument: { completion: { completionItem: { documentationFormat: ['plaintext', 'markdown'] } }, hover: { contentFormat: ['markdown'] } },
  });
  assert.equal(abilities.completion.markdown, false);
  assert.equal(abilities.hover.markdown, true);
});

test('code descriptions only for a client that declares it shows them', () => {
  assert.equal(clientAbilitiesOf({ textDocument: { publishDiagnostics: { codeDescriptionSupport: true } } }).codeDescriptions, true);
});
