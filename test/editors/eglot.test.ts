import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { ClientCapabilities, FormattingOptions, MarkupContent } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  assertServerHoldsTheBuffer,
  documentedConfiguration,
  freshAnswers,
  installOrSkipReason,
  JOB,
  runEditor,
  serverBuilt,
  type Snapshot,
} from './editorRun';

// Debian's Emacs with its eglot package, in batch mode, with the eglot configuration of docs/other-editors.md read
// from that page, against the built server.

const DRIVER = path.join(__dirname, 'eglotDriver.el');
const TESTED_HEADING = '### Emacs eglot (tested)';
const EMACS_TIMEOUT_MS = 200_000;

interface Step {
  readonly ok: boolean;
  readonly error?: string;
  readonly [key: string]: unknown;
}
interface DriverResult {
  readonly finished: string;
  readonly emacs_version: string;
  readonly steps: Record<string, Step>;
  readonly requests: { method: string; params: Record<string, unknown> }[];
  readonly client_capabilities: ClientCapabilities;
}

const skipReason = installOrSkipReason('Emacs eglot', ['emacs-nox', 'elpa-eglot', 'elpa-yaml-mode']);

/** Emacs's lines of the buffer (the last one empty after a final newline) back into its text. */
function textOf(lines: readonly string[]): string {
  return lines.join('\n');
}

function passed(result: DriverResult, name: string): Step {
  const step = result.steps[name];
  assert.ok(step, `no step ${name}: ${result.finished}`);
  assert.ok(step.ok === true, `${name}: ${step.error}`);
  return step;
}

describe('Emacs eglot (Debian) with the documented configuration', { skip: skipReason }, () => {
  let work: string;
  let result: DriverResult;
  let output = '';

  before(async () => {
    serverBuilt();
    work = mkdtempSync(path.join(os.tmpdir(), 'imm-eglot-'));
    writeFileSync(path.join(work, 'config.el'), documentedConfiguration(TESTED_HEADING, 'elisp'));
    const jobs = path.join(work, 'jobs');
    mkdirSync(jobs);
    writeFileSync(path.join(jobs, 'cat.highlight.yaml'), JOB);
    const resultPath = path.join(work, 'result.json');
    // --batch skips the package activation an interactive Emacs does at start; it is done first, as there.
    const run = await runEditor('emacs', ['--batch', '--eval', '(package-activate-all)', '-l', path.join(work, 'config.el'), '-l', DRIVER], {
      cwd: jobs,
      timeoutMs: EMACS_TIMEOUT_MS,
      // Nothing of the user's Emacs (~/.emacs.d) takes part.
      env: { ...process.env, HOME: work, IMM_EGLOT_JOB: path.join(jobs, 'cat.highlight.yaml'), IMM_EGLOT_RESULT: resultPath },
    });
    output = run.output;
    assert.ok(existsSync(resultPath), `Emacs wrote no result (exit ${run.exit}):\n${output}`);
    result = JSON.parse(readFileSync(resultPath, 'utf8')) as DriverResult;
  });

  after(() => {
    if (!work) return;
    if (process.env.IMM_EGLOT_KEEP) console.log(`[eglot test] kept ${work} (config.el, result.json)`);
    else rmSync(work, { recursive: true, force: true });
  });

  test('the documented configuration connects eglot to the server for the job file', () => {
    assert.equal(result.finished, 'done', output);
    const attach = passed(result, 'attach');
    assert.equal(attach.major_mode, 'imm-highlight-mode');
    assert.equal(attach.tab_width, 2);
    // Without yasnippet eglot declares no snippet support: what the completion assertions below are about.
    assert.equal(attach.snippet_support, false);
    console.log(`[eglot test] Emacs ${result.emacs_version}`);
  });

  test('diagnostics land on the right characters with Chinese text and an emoji before them on the line', () => {
    const shown = passed(result, 'diagnostics').diagnostics as { text: string; line: number; message: string }[];
    assert.deepEqual(shown.map((d) => [d.line, d.text]).sort(), [
      [5, 'mpp4'],
      [5, 'oss://test-bucket/输出/🐱猫.mp4'],
    ]);
  });

  test('hover shows the documentation of the key under the cursor', () => {
    const contents = passed(result, 'hover').contents as MarkupContent;
    assert.match(contents.value, /The processing type\./);
  });

  test('the quick fix applies on a line with Chinese text and an emoji before the mistake', () => {
    const step = passed(result, 'code_action');
    assert.equal(step.after, 'Output: {URI: oss://test-bucket/输出/🐱猫.mp4, Container: mp4}');
  });

  test('completes the Type values', () => {
    const step = passed(result, 'complete_type');
    assert.deepEqual([...(step.offered as string[])].sort(), ['Compose', 'Concat', 'Retrieval']);
    assert.equal(step.line, 'Type: Concat');
  });

  test('completes a key as plain text on one line: no tab stops, no line break', () => {
    const step = passed(result, 'complete_key');
    const lines = step.lines as string[];
    for (const line of lines) assert.ok(!line.includes('$'), `buffer line ${JSON.stringify(line)}`);
    assert.match(step.line as string, /^Tags: ?$/);
    assert.equal(lines.at(-1), step.line, 'the completion added lines');
  });

  test('after the completions, the server holds the text of the buffer', async () => {
    const snapshot = passed(result, 'after_completion').snapshot as Snapshot;
    await assertServerHoldsTheBuffer(result.client_capabilities, snapshot, textOf(snapshot.lines));
  });

  test('formats with tab-width 2 as the server would for that text', async () => {
    const step = passed(result, 'formatting');
    const request = (step.requests as DriverResult['requests']).find((r) => r.method === 'textDocument/formatting');
    assert.ok(request, 'eglot-format-buffer sent no textDocument/formatting');
    const options = request.params.options as FormattingOptions;
    assert.equal(options.tabSize, 2);
    assert.equal(options.insertSpaces, true);
    const before = textOf(step.before as string[]);
    const formatted = textOf(step.after as string[]);
    assert.notEqual(formatted, before, 'formatting changed nothing');
    const asked = { uri: 'file:///work/cat.highlight.yaml', formatting_options: options };
    const fresh = await freshAnswers(result.client_capabilities, asked, before);
    assert.equal(formatted, TextDocument.applyEdits(TextDocument.create(asked.uri, 'yaml', 1, before), fresh.formatting ?? []));
  });

  test('after inserted, deleted, transposed and undone lines with Chinese and emoji, the server holds the text of the buffer', async () => {
    passed(result, 'edits');
    const snapshot = passed(result, 'after_edits').snapshot as Snapshot;
    assert.equal(snapshot.lines[0], '# 说明 注释：猫咪 🐱 job', 'the edits did not leave the expected first line');
    assert.ok(
      snapshot.lines.some((line) => line.includes('宠物/狗.mp4')),
      snapshot.lines.join('\n'),
    );
    await assertServerHoldsTheBuffer(result.client_capabilities, snapshot, textOf(snapshot.lines));
  });

  test('no errors from the server or in Emacs’s messages', () => {
    const step = passed(result, 'messages');
    assert.equal(step.stderr, '');
    assert.doesNotMatch(step.text as string, /error/i);
  });
});
