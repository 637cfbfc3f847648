/**
 * Fuzzes the built server process over stdio: random incremental edits in bursts (as fast typing sends them),
 * completion, hover, symbols, formatting and code actions between them. After each burst the diagnostics for
 * the latest version must arrive, lie inside the document, carry codes and equal the core's for that text.
 */
import { performance } from 'node:perf_hooks';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CompletionItem, CompletionList, Diagnostic, DocumentSymbol, Hover, Position, Range, TextEdit } from 'vscode-languageserver-types';
import { parseJob } from '../../core/src/parse/document';
import { validateJob } from '../../core/src/validate/validate';
import { withParserDetails } from '../../server/src/parserDetails';
import { LspSession } from '../support/lspClient';
import { anyJobText, mutation, SEED_JOBS, type Mutation } from './arbitraries';
import { lspLines, rangeProblem } from './languageService';

export interface ServerFuzzReport {
  readonly problems: string[];
  readonly edits: number;
  readonly requests: number;
  readonly comparisons: number;
  readonly slowestMs: number;
  /** The text when the first problem was seen (or at the end), for the regression folder. */
  readonly lastText: string;
}

const URI = 'file:///fuzz/server.highlight.yaml';

/** One mutation as the incremental change an editor would send. */
function toChange(document: TextDocument, m: Mutation): { range: Range; text: string } {
  const text = document.getText();
  const at = (fraction: number): number => Math.floor(fraction * text.length);
  const range = (start: number, end: number): Range => ({ start: document.positionAt(start), end: document.positionAt(Math.min(end, text.length)) });
  switch (m.kind) {
    case 'insert':
      return { range: range(at(m.at), at(m.at)), text: m.text };
    case 'delete':
      return { range: range(at(m.at), at(m.at) + m.length), text: '' };
    case 'duplicate':
      return { range: range(at(m.at), at(m.at)), text: text.slice(at(m.at), at(m.at) + m.length) };
    case 'indent': {
      const line = Math.min(document.lineCount - 1, Math.floor(m.line * document.lineCount));
      const lineText = document.getText({ start: { line, character: 0 }, end: { line, character: 200 } });
      const spaces = /^ */.exec(lineText)![0].length;
      return m.by >= 0
        ? { range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: ' '.repeat(m.by) }
        : { range: { start: { line, character: 0 }, end: { line, character: Math.min(spaces, -m.by) } }, text: '' };
    }
  }
}

export async function fuzzServer(options: { edits: number; seed: number }): Promise<ServerFuzzReport> {
  const mutations = fc.sample(mutation, { numRuns: options.edits, seed: options.seed });
  const replacements = fc.sample(anyJobText, { numRuns: Math.max(1, Math.ceil(options.edits / 40)), seed: options.seed + 1 });
  let next = options.seed >>> 0 || 1;
  const roll = (): number => {
    next = (Math.imul(next, 1103515245) + 12345) >>> 0;
    return next / 2 ** 32;
  };

  const problems: string[] = [];
  let requests = 0;
  let comparisons = 0;
  let slowestMs = 0;
  let lastText = '';
  const session = await LspSession.start();
  let exited = false;
  let stopping = false;
  session.child.once('exit', (code, signal) => {
    exited = true;
    if (!stopping) problems.push(`the server exited (code ${code}, signal ${signal})`);
  });

  let version = 1;
  let document = TextDocument.create(URI, 'imm-highlight', version, SEED_JOBS[0] ?? '');
  const firstDiagnostics = session.nextDiagnostics(URI, version);
  await session.open(URI, document.getText(), 'imm-highlight', version);
  await withTimeout(firstDiagnostics, 'first diagnostics');

  const timed = async <T>(what: string, request: Promise<T>): Promise<T | undefined> => {
    const started = performance.now();
    requests++;
    try {
      return await withTimeout(request, what);
    } catch (error) {
      problems.push(`${what}: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    } finally {
      // Reported, not judged: only a request that gets no answer at all (withTimeout, a hang) is a failure.
      slowestMs = Math.max(slowestMs, performance.now() - started);
    }
  };

  let edits = 0;
  for (let i = 0; i < mutations.length && !exited && problems.length === 0;) {
    // A burst of 1–5 edits sent without waiting, as fast typing does; sometimes the whole text replaced.
    const burst = 1 + Math.floor(roll() * 5);
    for (let j = 0; j < burst && i < mutations.length; j++, i++) {
      version++;
      edits++;
      if (roll() < 0.02) {
        const text = replacements[Math.floor(roll() * replacements.length)]!;
        document = TextDocument.update(document, [{ text }], version);
        await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version }, contentChanges: [{ text }] });
      } else {
        const change = toChange(document, mutations[i]!);
        document = TextDocument.update(document, [change], version);
        await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version }, contentChanges: [change] });
      }
    }
    const text = document.getText();
    lastText = text;
    const lines = lspLines(text);
    const published = await timed(`diagnostics of version ${version}`, session.nextDiagnostics(URI, version));
    if (published) {
      comparisons++;
      checkDiagnostics(published, lines, problems);
      // The server adds the parser's own words to YAML errors as related information; the rest is the core's.
      const expected = JSON.stringify(withParserDetails(validateJob(parseJob(text)), URI));
      if (JSON.stringify(published) !== expected)
        problems.push(
          `server diagnostics differ from the core's for version ${version}: ${JSON.stringify(published).slice(0, 300)} vs ${expected.slice(0, 300)}`,
        );
    }

    const position = randomPosition(document, roll);
    const at = `${position.line}:${position.character}`;
    const completion = await timed(
      `completion at ${at}`,
      session.connection.sendRequest<CompletionItem[] | CompletionList | null>('textDocument/completion', { textDocument: { uri: URI }, position }),
    );
    const items = Array.isArray(completion) ? completion : (completion?.items ?? []);
    for (const item of items)
      if (item.textEdit && 'range' in item.textEdit) report(`completion "${item.label}" at ${at}`, rangeProblem(item.textEdit.range, lines), problems);
    const shown = await timed(`hover at ${at}`, session.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: URI }, position }));
    if (shown?.range) report(`hover at ${at}`, rangeProblem(shown.range, lines), problems);
    if (roll() < 0.3) {
      const symbols = await timed(
        'documentSymbol',
        session.connection.sendRequest<DocumentSymbol[] | null>('textDocument/documentSymbol', { textDocument: { uri: URI } }),
      );
      for (const symbol of flatten(symbols ?? []))
        report(`symbol "${symbol.name}"`, rangeProblem(symbol.range, lines) ?? rangeProblem(symbol.selectionRange, lines), problems);
      const formatting = await timed(
        'formatting',
        session.connection.sendRequest<TextEdit[] | null>('textDocument/formatting', {
          textDocument: { uri: URI },
          options: { tabSize: 2, insertSpaces: true },
        }),
      );
      for (const edit of formatting ?? []) report('formatting edit', rangeProblem(edit.range, lines), problems);
      if (published?.length) {
        const whole = { start: { line: 0, character: 0 }, end: { line: lines.length - 1, character: lines[lines.length - 1]! } };
        const actions = await timed(
          'codeAction',
          session.connection.sendRequest<CodeAction[] | null>('textDocument/codeAction', {
            textDocument: { uri: URI },
            range: whole,
            context: { diagnostics: published },
          }),
        );
        for (const action of actions ?? [])
          for (const edit of Object.values(action.edit?.changes ?? {}).flat())
            report(`code action "${action.title}"`, rangeProblem(edit.range, lines), problems);
      }
    }
  }

  stopping = true;
  if (!exited) await timed('shutdown', session.stop());
  return { problems, edits, requests, comparisons, slowestMs, lastText };
}

function checkDiagnostics(diagnostics: readonly Diagnostic[], lines: readonly number[], problems: string[]): void {
  for (const diagnostic of diagnostics) {
    report(`diagnostic "${diagnostic.message}"`, rangeProblem(diagnostic.range, lines), problems);
    if (diagnostic.code === undefined || diagnostic.code === '') problems.push(`diagnostic without a code: "${diagnostic.message}"`);
  }
}

function report(what: string, problem: string | undefined, problems: string[]): void {
  if (problem) problems.push(`${what}: ${problem}`);
}

function flatten(symbols: readonly DocumentSymbol[]): DocumentSymbol[] {
  return symbols.flatMap((symbol) => [symbol, ...flatten(symbol.children ?? [])]);
}

function randomPosition(document: TextDocument, roll: () => number): Position {
  return document.positionAt(Math.floor(roll() * (document.getText().length + 1)));
}

/** A request that gets no answer in 10 s has hung the server; fail instead of waiting for ever. */
/** A hang guard, generous so that a loaded machine never trips it: no answer at all is the failure. */
function withTimeout<T>(promise: Promise<T>, what: string, ms = 60_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
