import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { ClientCapabilities, Diagnostic, DocumentSymbol } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  assertServerHoldsTheBuffer,
  documentedConfiguration,
  freshAnswers,
  installOrSkipReason,
  JOB,
  normalized,
  runEditor,
  serverBuilt,
  type Snapshot,
} from './editorRun';

// Debian's Neovim driven headless with the Neovim 0.7 configuration of docs/other-editors.md, read from that page,
// against the built server: what a user of that editor gets, checked by the buffer and by a fresh server.

const DRIVER = path.join(__dirname, 'neovimDriver.lua');
const TESTED_HEADING = '### Neovim 0.7 (tested)';
const NVIM_TIMEOUT_MS = 200_000;

interface Step {
  readonly ok: boolean;
  readonly error?: string;
  readonly [key: string]: unknown;
}
interface DriverResult {
  readonly finished: string;
  readonly fatal?: string;
  readonly nvim_version: { major: number; minor: number; patch: number };
  readonly steps: Record<string, Step>;
  readonly requests: { method: string; params: Record<string, unknown> }[];
  readonly messages: { message: string; level: number | null }[];
  readonly client_capabilities: ClientCapabilities;
}

const skipReason = installOrSkipReason('Neovim', ['neovim']);

function textOf(lines: readonly string[]): string {
  return lines.map((line) => `${line}\n`).join('');
}

/** The bytes of a UTF-8 line between two byte columns, as Neovim counts columns. */
function byteSlice(line: string, start: number, end: number): string {
  return Buffer.from(line, 'utf8').subarray(start, end).toString('utf8');
}

async function assertServerHasTheBuffer(result: DriverResult, name: string): Promise<void> {
  const step = result.steps[name];
  assert.ok(step?.ok, `${name}: ${step?.error}`);
  const snapshot = step.snapshot as Snapshot;
  await assertServerHoldsTheBuffer(result.client_capabilities, snapshot, textOf(snapshot.lines));
}

describe('Neovim (Debian) with the documented configuration', { skip: skipReason }, () => {
  let work: string;
  let result: DriverResult;
  let lspLog = '';
  let nvimOutput = '';

  before(async () => {
    serverBuilt();
    work = mkdtempSync(path.join(os.tmpdir(), 'imm-neovim-'));
    writeFileSync(path.join(work, 'init.lua'), documentedConfiguration(TESTED_HEADING, 'lua'));
    const jobs = path.join(work, 'jobs');
    mkdirSync(jobs);
    writeFileSync(path.join(jobs, 'cat.highlight.yaml'), JOB);
    const xdg = (name: string): string => path.join(work, name);
    const resultPath = path.join(work, 'result.json');
    const run = await runEditor('nvim', ['--headless', '--clean', '-u', path.join(work, 'init.lua'), '-c', `luafile ${DRIVER}`], {
      cwd: jobs,
      timeoutMs: NVIM_TIMEOUT_MS,
      env: {
        ...process.env,
        // Neovim's LSP log and state go into the test's folder, not the user's.
        XDG_CONFIG_HOME: xdg('config'),
        XDG_DATA_HOME: xdg('data'),
        XDG_STATE_HOME: xdg('state'),
        XDG_CACHE_HOME: xdg('cache'),
        IMM_NVIM_JOB: path.join(jobs, 'cat.highlight.yaml'),
        IMM_NVIM_RESULT: resultPath,
      },
    });
    nvimOutput = run.output;
    assert.ok(existsSync(resultPath), `Neovim wrote no result (exit ${run.exit}):\n${nvimOutput}`);
    result = JSON.parse(readFileSync(resultPath, 'utf8')) as DriverResult;
    const logFile = path.join(xdg('cache'), 'nvim', 'lsp.log');
    lspLog = existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
  });

  after(() => {
    if (!work) return;
    if (process.env.IMM_NEOVIM_KEEP) console.log(`[neovim test] kept ${work} (init.lua, result.json, cache/nvim/lsp.log)`);
    else rmSync(work, { recursive: true, force: true });
  });

  test('the documented configuration starts the server and attaches it to the job file', () => {
    assert.equal(result.fatal, undefined);
    assert.equal(result.finished, 'done', nvimOutput);
    const attach = result.steps.attach;
    assert.ok(attach.ok, attach.error);
    assert.equal(attach.filetype, 'yaml.imm_highlight');
    assert.equal(attach.client_name, 'imm_highlight');
    assert.equal(attach.omnifunc, 'v:lua.vim.lsp.omnifunc');
    assert.equal(attach.offset_encoding, 'utf-16');
    // What the "no snippets" assertions below are about: this Neovim cannot take them.
    assert.equal(attach.snippet_support, false);
    console.log(`[neovim test] Neovim ${result.nvim_version.major}.${result.nvim_version.minor}.${result.nvim_version.patch}`);
  });

  test('the documented Neovim 0.7 configuration is what runs: Neovim is 0.7', () => {
    assert.equal(`${result.nvim_version.major}.${result.nvim_version.minor}`, '0.7', 'Debian ships another Neovim: test the configuration of that version');
  });

  test('diagnostics land on the right characters with Chinese text and an emoji before them on the line', () => {
    const step = result.steps.diagnostics;
    assert.ok(step.ok, step.error);
    const lines = step.lines as string[];
    const shown = step.diagnostics as { lnum: number; col: number; end_lnum: number; end_col: number; code: string }[];
    const published = step.published as Diagnostic[];
    const line = lines[4];
    const invalid = shown.find((d) => d.code === 'invalid-value');
    assert.ok(invalid, JSON.stringify(shown));
    assert.equal(invalid.lnum, 4);
    assert.equal(byteSlice(line, invalid.col, invalid.end_col), 'mpp4');
    const mismatch = shown.find((d) => d.code === 'output-extension-mismatch');
    assert.ok(mismatch, JSON.stringify(shown));
    assert.equal(byteSlice(line, mismatch.col, mismatch.end_col), 'oss://test-bucket/输出/🐱猫.mp4');
    // On the wire: UTF-16 columns (Neovim 0.7 negotiates no other encoding).
    const wire = published.find((d) => d.code === 'invalid-value');
    assert.equal(wire?.range.start.character, line.indexOf('mpp4'));
  });

  test('hover shows the documentation of the key under the cursor', () => {
    const step = result.steps.hover;
    assert.ok(step.ok, step.error);
    const text = (step.lines as string[]).join('\n');
    assert.match(text, /The processing type\./);
    assert.match(text, /Concat/);
  });

  test('the quick fix applies on a line with Chinese text and an emoji before the mistake', () => {
    const step = result.steps.code_action;
    assert.ok(step.ok, `${step.error}; messages: ${JSON.stringify(result.messages)}`);
    assert.equal(step.after, 'Output: {URI: oss://test-bucket/输出/🐱猫.mp4, Container: mp4}');
    const request = result.requests.find((r) => r.method === 'textDocument/codeAction');
    assert.ok(request, 'Neovim sent no textDocument/codeAction');
  });

  test('completes the Type values', () => {
    const step = result.steps.complete_type;
    assert.ok(step.ok, step.error);
    assert.deepEqual([...(step.offered as string[])].sort(), ['Compose', 'Concat', 'Retrieval']);
    assert.equal(step.line, 'Type: Concat');
  });

  test('completes a key as plain text on one line: no tab stops, no line break, no NUL', () => {
    const step = result.steps.complete_key;
    assert.ok(step.ok, step.error);
    for (const word of step.offered as string[]) assert.ok(!/[$\n\0]/.test(word), `offered ${JSON.stringify(word)}`);
    assert.match(step.line as string, /^Tags: ?$/);
    for (const line of step.lines as string[]) assert.ok(!/[$\n\0]/.test(line), `buffer line ${JSON.stringify(line)}`);
  });

  test('after the completions, the server holds the text of the buffer', async () => {
    await assertServerHasTheBuffer(result, 'after_completion');
  });

  test('formats with the YAML file type’s indentation (2) as the server would for that text', async () => {
    const step = result.steps.formatting;
    assert.ok(step.ok, step.error);
    const request = (step.requests as DriverResult['requests']).find((r) => r.method === 'textDocument/formatting');
    assert.ok(request, 'formatting_sync sent no textDocument/formatting');
    assert.deepEqual(request.params.options, { tabSize: 2, insertSpaces: true });
    const before = textOf(step.before as string[]);
    const formatted = textOf(step.after as string[]);
    assert.notEqual(formatted, before, 'formatting changed nothing');
    const snapshot = { uri: pathToFileURL(path.join(work, 'jobs', 'cat.highlight.yaml')).href, formatting_options: { tabSize: 2, insertSpaces: true } };
    const fresh = await freshAnswers(result.client_capabilities, snapshot, before);
    const expected = TextDocument.applyEdits(TextDocument.create(snapshot.uri, 'yaml', 1, before), fresh.formatting ?? []);
    assert.equal(formatted, expected);
  });

  test('document symbols are those of the buffer', async () => {
    const step = result.steps.symbols;
    assert.ok(step.ok, step.error);
    const symbols = step.symbols as DocumentSymbol[];
    assert.deepEqual(
      symbols.map((symbol) => symbol.name),
      ['ProjectName', 'Type', 'Sources', 'Output'],
    );
    const snapshot = { uri: pathToFileURL(path.join(work, 'jobs', 'cat.highlight.yaml')).href, formatting_options: { tabSize: 2, insertSpaces: true } };
    const fresh = await freshAnswers(result.client_capabilities, snapshot, textOf(step.lines as string[]));
    assert.deepEqual(normalized(symbols), normalized(fresh.symbols));
  });

  test('after inserted, deleted, joined, undone and redone lines with Chinese and emoji, the server holds the text of the buffer', async () => {
    const edits = result.steps.edits;
    assert.ok(edits.ok, edits.error);
    const lines = (result.steps.after_edits?.snapshot as Snapshot | undefined)?.lines ?? [];
    assert.equal(lines[0], '# 说明 注释：猫咪 🐱 job', 'the edits did not leave the expected first line');
    assert.ok(
      lines.some((line) => line.includes('宠物/狗.mp4')),
      lines.join('\n'),
    );
    await assertServerHasTheBuffer(result, 'after_edits');
  });

  test('no errors in Neovim’s LSP log or messages', () => {
    assert.ok(!/\[ERROR\]/.test(lspLog), lspLog);
    const loud = result.messages.filter((m) => (m.level ?? 0) >= 3);
    assert.deepEqual(loud, []);
  });
});
