/**
 * Runs every feature of the language core on one text and checks what no input may break: nothing throws,
 * every range lies inside the document, every diagnostic has a code, and formatting
 * only changes whitespace. Returns the problems found (empty when the text is handled well).
 */
import { performance } from 'node:perf_hooks';
import { InsertTextFormat, type CodeAction, type Diagnostic, type DocumentSymbol, type Position, type Range, type TextEdit } from 'vscode-languageserver-types';
import { codeActions } from '../../core/src/features/codeActions';
import { complete } from '../../core/src/features/completion';
import { parseJob, type JobDocument } from '../../core/src/parse/document';
import { formatDocument } from '../../core/src/features/formatting';
import { hover } from '../../core/src/features/hover';
import { requestValidator } from '../../core/src/schema/schemaValidator';
import { documentSymbols } from '../../core/src/features/symbols';
import { validateJob } from '../../core/src/validate/validate';

const URI = 'file:///fuzz/job.highlight.yaml';

// Compiling the schema is a one-time start-up cost (the built server has it precompiled), not a slow call.
requestValidator();

/** Line lengths as an LSP client counts them: lines end at \n, \r\n or a lone \r; characters are UTF-16 units. */
export function lspLines(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((line) => line.length);
}

export function rangeProblem(range: Range | undefined, lines: readonly number[]): string | undefined {
  if (!range) return 'missing range';
  for (const [name, position] of [
    ['start', range.start],
    ['end', range.end],
  ] as const) {
    const { line, character } = position;
    if (!Number.isInteger(line) || !Number.isInteger(character) || line < 0 || character < 0) return `${name} ${JSON.stringify(position)} is not a position`;
    if (line >= lines.length) return `${name} line ${line} is past the last line ${lines.length - 1}`;
    if (character > lines[line]!) return `${name} ${line}:${character} is past the end of its line (${lines[line]} characters)`;
  }
  if (range.start.line > range.end.line || (range.start.line === range.end.line && range.start.character > range.end.character)) {
    return `range ends before it starts: ${JSON.stringify(range)}`;
  }
  return undefined;
}

/** Positions worth asking about: line starts and ends, around colons and dashes, and a few picked by the caller. */
export function probePositions(text: string, extra: readonly number[] = []): Position[] {
  const lines = text.split(/\r\n|\r|\n/);
  const positions: Position[] = [];
  const step = Math.max(1, Math.floor(lines.length / 12));
  for (let line = 0; line < lines.length; line += step) {
    const content = lines[line]!;
    const colon = content.indexOf(':');
    for (const character of [0, content.length, colon, colon + 1, colon + 2, content.indexOf('-') + 2, Math.floor(content.length / 2)]) {
      if (character >= 0 && character <= content.length) positions.push({ line, character });
    }
  }
  for (const offset of extra) {
    const before = text.slice(0, Math.max(0, Math.min(text.length, offset))).split(/\r\n|\r|\n/);
    positions.push({ line: before.length - 1, character: before[before.length - 1]!.length });
  }
  // Past the end, as a client may send while an edit is in flight.
  positions.push({ line: lines.length + 3, character: 0 }, { line: 0, character: 10_000 });
  return positions;
}

export interface ServiceReport {
  readonly problems: string[];
  readonly diagnostics: Diagnostic[];
  readonly slowest: { readonly call: string; readonly ms: number };
}

export function exerciseLanguageService(text: string, extraOffsets: readonly number[] = []): ServiceReport {
  const problems: string[] = [];
  let slowest = { call: '', ms: 0 };
  const lines = lspLines(text);

  function call<T>(name: string, run: () => T): T | undefined {
    const started = performance.now();
    try {
      return run();
    } catch (error) {
      problems.push(`${name} threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return undefined;
    } finally {
      // Measured for the fuzz report only: speed is the benchmarks' to judge, and a timing would make this a load test.
      const ms = performance.now() - started;
      if (ms > slowest.ms) slowest = { call: name, ms };
    }
  }
  const checkRange = (what: string, range: Range | undefined): void => {
    const problem = rangeProblem(range, lines);
    if (problem) problems.push(`${what}: ${problem}`);
  };
  const checkEdits = (what: string, edits: readonly TextEdit[] | undefined): void => {
    for (const edit of edits ?? []) checkRange(`${what} edit`, edit.range);
  };

  const doc = call('parseJob', () => parseJob(text));
  if (!doc) return { problems, diagnostics: [], slowest };
  const diagnostics = call('validateJob', () => validateJob(doc)) ?? [];
  for (const diagnostic of diagnostics) {
    checkRange(`diagnostic "${diagnostic.message}"`, diagnostic.range);
    if (diagnostic.code === undefined || diagnostic.code === '') problems.push(`diagnostic without a code: "${diagnostic.message}"`);
    if (!diagnostic.message) problems.push(`diagnostic ${String(diagnostic.code)} without a message`);
  }

  for (const position of probePositions(text, extraOffsets)) {
    const at = `${position.line}:${position.character}`;
    const items = call(`complete at ${at}`, () => complete(doc, position)) ?? [];
    for (const item of items) {
      const edit = item.textEdit;
      if (edit && 'range' in edit) checkRange(`completion "${item.label}" at ${at}`, edit.range);
      if (edit && 'insert' in edit) {
        checkRange(`completion "${item.label}" insert at ${at}`, edit.insert);
        checkRange(`completion "${item.label}" replace at ${at}`, edit.replace);
      }
      checkEdits(`completion "${item.label}" additional`, item.additionalTextEdits);
    }
    // An editor without snippets (Neovim 0.7: a line break becomes a NUL byte) gets one plain line per item.
    for (const item of call(`plain complete at ${at}`, () => complete(doc, position, { snippets: false, markdown: false })) ?? []) {
      const inserted = item.textEdit?.newText ?? item.insertText ?? item.label;
      if (/[\r\n]|\$\d|\$\{\d/.test(inserted) || item.insertTextFormat === InsertTextFormat.Snippet) {
        problems.push(`plain completion "${item.label}" at ${at} inserts ${JSON.stringify(inserted)}`);
      }
    }
    const shown = call(`hover at ${at}`, () => hover(doc, position));
    if (shown?.range) checkRange(`hover at ${at}`, shown.range);
  }

  const whole: Range = { start: { line: 0, character: 0 }, end: { line: lines.length - 1, character: lines[lines.length - 1]! } };
  const actions = call('codeActions', () => codeActions(doc, URI, whole, diagnostics)) ?? [];
  for (const action of actions) checkEdits(`code action "${action.title}"`, editsOf(action));

  const symbols = call('documentSymbols', () => documentSymbols(doc)) ?? [];
  checkSymbols(symbols, checkRange, problems);

  const formatEdits = call('formatDocument', () => formatDocument(doc, { tabSize: 2, insertSpaces: true }));
  checkEdits('formatting', formatEdits);
  if (formatEdits?.length && problems.length === 0) checkFormatting(doc, text, formatEdits, problems);

  return { problems, diagnostics, slowest };
}

function editsOf(action: CodeAction): TextEdit[] {
  return Object.values(action.edit?.changes ?? {}).flat();
}

function checkSymbols(symbols: readonly DocumentSymbol[], checkRange: (what: string, range: Range | undefined) => void, problems: string[]): void {
  for (const symbol of symbols) {
    checkRange(`symbol "${symbol.name}" range`, symbol.range);
    checkRange(`symbol "${symbol.name}" selectionRange`, symbol.selectionRange);
    // LSP: the selection range must be contained in the range, or editors drop the symbol.
    if (before(symbol.selectionRange.start, symbol.range.start) || before(symbol.range.end, symbol.selectionRange.end)) {
      problems.push(`symbol "${symbol.name}": selectionRange ${JSON.stringify(symbol.selectionRange)} is outside range ${JSON.stringify(symbol.range)}`);
    }
    if (!symbol.name) problems.push('symbol without a name');
    checkSymbols(symbol.children ?? [], checkRange, problems);
  }
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** Formatting changes only whitespace: the job means the same before and after, and formatting again changes nothing. */
function checkFormatting(doc: JobDocument, text: string, edits: readonly TextEdit[], problems: string[]): void {
  const formatted = applyEdits(text, edits);
  const again = parseJob(formatted);
  if (JSON.stringify(again.value) !== JSON.stringify(doc.value)) {
    problems.push(`formatting changed the job's value: ${JSON.stringify(doc.value)?.slice(0, 200)} became ${JSON.stringify(again.value)?.slice(0, 200)}`);
    return;
  }
  const second = formatDocument(again, { tabSize: 2, insertSpaces: true });
  if (second.length > 0) problems.push(`formatting is not idempotent: a second pass still edits ${JSON.stringify(second[0])}`);
}

/** Applies non-overlapping edits, positions counted the LSP way. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lineStarts = [0];
  const breaks = /\r\n|\r|\n/g;
  for (let m = breaks.exec(text); m; m = breaks.exec(text)) lineStarts.push(m.index + m[0].length);
  const offset = (p: Position): number => Math.min(text.length, (lineStarts[p.line] ?? text.length) + p.character);
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let result = text;
  for (const edit of sorted) result = result.slice(0, offset(edit.range.start)) + edit.newText + result.slice(offset(edit.range.end));
  return result;
}
