/**
 * Every diagnostic links to its section of docs/diagnostics.md (codeDescription.href), for a client that declares
 * publishDiagnostics.codeDescriptionSupport: the page our client sends (its copy inside the extension), else the
 * page beside the server's bundle. A client that does not declare it gets no links.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { LspSession, SERVER_PATH, VSCODE_CAPABILITIES } from '../support/lspClient';

/** VS Code's capabilities with codeDescriptionSupport declared, as VS Code itself does. */
const WITH_CODE_DESCRIPTIONS = {
  ...VSCODE_CAPABILITIES,
  textDocument: { ...VSCODE_CAPABILITIES.textDocument, publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true } },
};

const ROOT = path.resolve(__dirname, '../..');
// Many codes at once: the demo's job with mistakes on purpose, plus a duplicate key and an unknown property.
const JOB = `${readFileSync(path.join(ROOT, 'demo/mistakes.highlight.yaml'), 'utf8')}\nMode: Scene\nMode: Average\nFrobnicate: 1\n`;

async function diagnosticsOf(session: LspSession, name: string): Promise<Diagnostic[]> {
  const uri = `file:///work/${name}.highlight.yaml`;
  const published = session.nextDiagnostics(uri, 1);
  await session.open(uri, JOB);
  const diagnostics = await published;
  assert.ok(new Set(diagnostics.map((d) => d.code)).size >= 5, `codes: ${diagnostics.map((d) => d.code).join(', ')}`);
  return diagnostics;
}

describe('codeDescription.href on the diagnostics', () => {
  const sessions: LspSession[] = [];
  after(async () => {
    await Promise.all(sessions.map((s) => s.stop()));
  });
  async function start(...args: Parameters<typeof LspSession.start>): Promise<LspSession> {
    const session = await LspSession.start(...args);
    sessions.push(session);
    return session;
  }

  test('a client with codeDescriptionSupport and no page of its own: the page beside the server bundle, #<code>, for every code', async () => {
    const session = await start({}, { capabilities: WITH_CODE_DESCRIPTIONS });
    const diagnostics = await diagnosticsOf(session, 'fallback');
    const page = path.resolve(path.dirname(SERVER_PATH), '..', 'docs/diagnostics.md');
    const text = readFileSync(page, 'utf8');
    for (const d of diagnostics) {
      const href = d.codeDescription?.href;
      assert.ok(href, `${d.code} has no codeDescription`);
      const [file, anchor] = href.split('#');
      assert.equal(anchor, d.code);
      assert.equal(fileURLToPath(file!), page);
      assert.ok(existsSync(page));
      assert.ok(text.includes(`<a id="${String(d.code)}"></a>`), `docs/diagnostics.md has no anchor ${d.code}`);
    }
  });

  test("our client's page (initializationOptions.diagnosticsPage) wins, on the web's URIs too", async () => {
    const page = 'https://file+.vscode-resource.vscode-cdn.net/ext/imm-highlight/docs/diagnostics.md';
    const session = await start({ diagnosticsPage: page }, { capabilities: WITH_CODE_DESCRIPTIONS });
    for (const d of await diagnosticsOf(session, 'sent')) assert.equal(d.codeDescription?.href, `${page}#${String(d.code)}`);
  });

  test('a client without codeDescriptionSupport gets no links, even when a page is sent', async () => {
    const session = await start({ diagnosticsPage: 'file:///ext/docs/diagnostics.md' });
    for (const d of await diagnosticsOf(session, 'plain')) assert.equal(d.codeDescription, undefined, String(d.code));
  });
});
