import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ClientCapabilities, Diagnostic, DocumentSymbol, FormattingOptions, TextEdit } from 'vscode-languageserver-protocol';
import { LspSession } from '../support/lspClient';

// What the editor tests share: the documented configuration as a user copies it, the editor's Debian packages,
// a bounded run of the editor, and the oracle (a fresh server asked the same for the buffer's text).

export const ROOT = path.resolve(__dirname, '../..');
export const OTHER_EDITORS_DOC = path.join(ROOT, 'docs/other-editors.md');
/** What the documented configurations say instead of a clone's path. */
export const PLACEHOLDER = '/path/to/imm-highlight-tasks';

/**
 * The job the editors open: Chinese and an emoji (two UTF-16 units, one code point, four bytes) before both mistakes
 * of line 5 (`mpp4`, and the URI it contradicts), so that UTF-16, code point and byte columns all differ there.
 */
export const JOB = `ProjectName: immtest_cn
Type: Concat
Sources:
  - URI: oss://test-bucket/宠物/猫.mp4
Output: {URI: oss://test-bucket/输出/🐱猫.mp4, Container: mpp4}
`;

/** The one `language` block under `heading` in the Markdown page, with the clone's path for the placeholder. */
export function documentedConfiguration(heading: string, language: string): string {
  const lines = readFileSync(OTHER_EDITORS_DOC, 'utf8').split('\n');
  const start = lines.findIndex((line) => line.trim() === heading);
  assert.ok(start >= 0, `no heading "${heading}" in ${OTHER_EDITORS_DOC}`);
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((line) => /^#{1,3} /.test(line));
  const section = rest.slice(0, end < 0 ? rest.length : end).join('\n');
  const blocks = [...section.matchAll(new RegExp(`^\`\`\`${language}\\n([\\s\\S]*?)^\`\`\`$`, 'gm'))].map((match) => match[1]);
  assert.equal(blocks.length, 1, `one ${language} block under "${heading}", found ${blocks.length}`);
  assert.ok(blocks[0].includes(PLACEHOLDER), `the documented configuration names ${PLACEHOLDER}`);
  return blocks[0].replaceAll(PLACEHOLDER, ROOT);
}

/**
 * Installs Debian packages like the other packages of the tests (scripts/editors/install.sh); the reason to skip,
 * printed, where they are missing and apt-get is not available.
 */
export function installOrSkipReason(editor: string, packages: readonly string[]): string | undefined {
  const script = path.join(ROOT, 'scripts/editors/install.sh');
  const run = spawnSync('bash', [script, ...packages], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (run.status === 3) {
    const reason = `${editor} is not installed and apt-get is not available here: ${run.stderr.trim()}`;
    console.log(`[${editor} test] SKIPPED: ${reason}`);
    return reason;
  }
  assert.equal(run.status, 0, `${script} ${packages.join(' ')} failed:\n${run.stderr}`);
  return undefined;
}

/** Runs an editor to its end, killed after `timeoutMs`; its stdout and stderr together. */
export async function runEditor(
  command: string,
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number },
): Promise<{ exit: number | string; output: string }> {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = await new Promise<number | string>((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve(`killed after ${options.timeoutMs} ms`);
    }, options.timeoutMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(code ?? String(signal));
    });
  });
  return { exit, output };
}

/** What an editor's driver recorded of the server's state for the buffer (see the drivers' snapshot functions). */
export interface Snapshot {
  readonly lines: string[];
  readonly uri: string;
  readonly version: number;
  readonly diagnostics: Diagnostic[];
  readonly symbols: DocumentSymbol[];
  readonly formatting: TextEdit[] | null;
  readonly formatting_options: FormattingOptions;
}

/**
 * `[]` and `{}` are one empty table to Lua's JSON (and `nil` to Emacs's), and `null` is a missing key: compare
 * them as one.
 */
export function normalized(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return value.map(normalized);
  if (typeof value === 'object') {
    const entries = Object.entries(value).filter(([, inner]) => inner !== null && inner !== undefined);
    return entries.length === 0 ? [] : Object.fromEntries(entries.map(([key, inner]) => [key, normalized(inner)]));
  }
  return value;
}

/** What a server that was never edited answers for `text`, asked as the editor asked (same capabilities and options). */
export async function freshAnswers(
  capabilities: ClientCapabilities,
  asked: Pick<Snapshot, 'uri' | 'formatting_options'>,
  text: string,
): Promise<{ diagnostics: Diagnostic[]; symbols: DocumentSymbol[]; formatting: TextEdit[] | null }> {
  const session = await LspSession.start({}, { capabilities });
  try {
    const diagnostics = session.nextDiagnostics(asked.uri);
    await session.open(asked.uri, text);
    const textDocument = { uri: asked.uri };
    return {
      diagnostics: await diagnostics,
      symbols: await session.connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument }),
      formatting: await session.connection.sendRequest<TextEdit[] | null>('textDocument/formatting', {
        textDocument,
        options: asked.formatting_options,
      }),
    };
  } finally {
    await session.stop();
  }
}

/**
 * The server's copy of the text is the buffer's `text` when its diagnostics, symbols and formatting edits for it are
 * a fresh server's for that text. No line may hold a NUL or a line break (what a snippet's line break becomes in
 * Neovim 0.7).
 */
export async function assertServerHoldsTheBuffer(capabilities: ClientCapabilities, snapshot: Snapshot, text: string): Promise<void> {
  for (const line of snapshot.lines) assert.ok(!/[\0\n]/.test(line), `a NUL or line break inside a buffer line: ${JSON.stringify(line)}`);
  const fresh = await freshAnswers(capabilities, snapshot, text);
  assert.deepEqual(normalized(snapshot.diagnostics), normalized(fresh.diagnostics), 'diagnostics differ from a fresh server for the same text');
  assert.deepEqual(normalized(snapshot.symbols), normalized(fresh.symbols), 'symbols differ from a fresh server for the same text');
  assert.deepEqual(normalized(snapshot.formatting), normalized(fresh.formatting), 'formatting differs from a fresh server for the same text');
}

export function serverBuilt(): void {
  assert.ok(existsSync(path.join(ROOT, 'dist/server.js')), 'dist/server.js missing: run npm run build');
}
