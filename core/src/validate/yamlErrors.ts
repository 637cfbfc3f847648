import { t } from '../shared/l10n';
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { YamlCode } from '../shared/codes';
import { shapeOf, type LineShape } from '../parse/cursor';
import type { JobDocument } from '../parse/document';
import { rangeOf } from '../parse/positions';
import { parserMessageOf } from '../parse/yamlDiagnostics';
import { quote, truncate } from '../shared/words';

/** Message texts of this feature, kept together for translation. */
export const YAML_ERROR_MESSAGES = {
  tab: (line: number): string => t('Line {0} is indented with a tab: YAML indents with spaces only. Replace the tab with spaces.', line),
  unclosedQuote: (line: number, quoteChar: string, start: string): string =>
    quoteChar === '"'
      ? t('The double quote opened on line {0} ({1}) is never closed: add the closing {2} at the end of the value.', line, quote(start), quoteChar)
      : t('The single quote opened on line {0} ({1}) is never closed: add the closing {2} at the end of the value.', line, quote(start), quoteChar),
  missingSpace: (line: number, key: string, value: string): string =>
    t(
      'Line {0} needs a space after the colon: write {1}. Without it YAML reads {2} as one piece of text.',
      line,
      quote(`${key}: ${value}`),
      quote(`${key}:${value}`),
    ),
  tooFar: (line: number, key: string, column: number, expected: number, owner: string | undefined): string =>
    owner
      ? t(
          'Line {0} is indented too far: {1} starts at column {2}, but the keys of {3} start at column {4}. Indent it like the line above, or give the line above no value to nest under it.',
          line,
          quote(key),
          column + 1,
          quote(owner),
          expected + 1,
        )
      : t(
          'Line {0} is indented too far: {1} starts at column {2}, but the key above it starts at column {3}. Indent it like the line above, or give the line above no value to nest under it.',
          line,
          quote(key),
          column + 1,
          expected + 1,
        ),
  notAligned: (line: number, key: string, column: number, expected: readonly number[]): string =>
    expected.length === 1
      ? t(
          'Line {0} is not indented enough to line up: {1} starts at column {2}, where no key above it starts (column {3} would).',
          line,
          quote(key),
          column + 1,
          expected[0]! + 1,
        )
      : t(
          'Line {0} is not indented enough to line up: {1} starts at column {2}, where no key above it starts (column {3} or column {4} would).',
          line,
          quote(key),
          column + 1,
          expected[0]! + 1,
          expected[1]! + 1,
        ),
  parserSaid: (message: string): string => t('The YAML parser says: {0}', message),
};

/** What `Diagnostic.data` of an explained YAML error carries: the parser's own words, for relatedInformation. */
export interface ParserDetails {
  readonly parserMessages: readonly string[];
}

export function parserMessagesOf(diagnostic: Diagnostic): readonly string[] {
  const data = diagnostic.data as Partial<ParserDetails> | undefined;
  return Array.isArray(data?.parserMessages) ? data.parserMessages.filter((m): m is string => typeof m === 'string') : [];
}

const cache = new WeakMap<JobDocument, readonly Diagnostic[]>();

/**
 * The YAML diagnostics of a job with the parser's common errors in plain words: the line and the likely cause
 * (a tab, an unclosed quote, a missing space after a colon, a line indented too far or not enough). Errors
 * that the same cause explains are one diagnostic (a line indented too far makes the parser report two or
 * three); the parser's messages go along in `data` for the related information.
 */
export function explainedYamlDiagnostics(doc: JobDocument): readonly Diagnostic[] {
  let explained = cache.get(doc);
  if (explained) return explained;
  const syntax = doc.yamlDiagnostics.filter((d) => d.code === YamlCode.Syntax && parserMessageOf(d) !== undefined);
  if (syntax.length === 0) {
    explained = doc.yamlDiagnostics;
  } else {
    const lines = doc.text.split('\n').map((line) => line.replace(/\r$/, ''));
    const byCause = new Map<string, { diagnostic: Diagnostic; parserMessages: string[] }>();
    const result: Diagnostic[] = [];
    for (const diagnostic of doc.yamlDiagnostics) {
      const parserMessage = parserMessageOf(diagnostic) ?? diagnostic.message;
      const cause = syntax.includes(diagnostic) ? causeOf(doc, lines, diagnostic, parserMessage) : undefined;
      if (!cause) {
        result.push(diagnostic);
        continue;
      }
      const seen = byCause.get(cause.key);
      if (seen) {
        seen.parserMessages.push(parserMessage);
        continue;
      }
      const entry = { diagnostic: { ...diagnostic, range: cause.range, message: cause.message }, parserMessages: [parserMessage] };
      byCause.set(cause.key, entry);
      result.push(entry.diagnostic);
    }
    for (const { diagnostic, parserMessages } of byCause.values()) diagnostic.data = { parserMessages } satisfies ParserDetails;
    explained = result;
  }
  cache.set(doc, explained);
  return explained;
}

interface Cause {
  /** Errors with the same key have one cause and are reported once. */
  readonly key: string;
  readonly range: Range;
  readonly message: string;
}

/** A key line that opens a block (`Output:`), with no value after its colon. */
function opensBlock(shape: LineShape): boolean {
  return shape.valueStart === shape.valueEnd;
}

function lineRange(doc: JobDocument, lines: readonly string[], line: number, from: number, to = lines[line]!.length): Range {
  const start = lineOffset(doc, line);
  return rangeOf(doc, start + from, start + to);
}

function lineOffset(doc: JobDocument, line: number): number {
  return doc.lineCounter.lineStarts[line] ?? doc.text.length;
}

/** The parser's words for a line that does not fit the structure around it. */
const STRUCTURE_ERRORS =
  /compact mappings|Implicit keys need to be on a single line|must start at the same column|followed by map values|Implicit map keys|Nested mappings|bad indentation/i;

function causeOf(doc: JobDocument, lines: readonly string[], diagnostic: Diagnostic, parserMessage: string): Cause | undefined {
  const first = diagnostic.range.start.line;
  // A tab makes the parser misread the rest of its line too (a nested or multi-line key): one cause, at the indent.
  const tabIndent = /^[ ]*\t[ \t]*/.exec(lines[first] ?? '');
  if (/^Tabs are not allowed as indentation/.test(parserMessage) || (tabIndent && STRUCTURE_ERRORS.test(parserMessage))) {
    return {
      key: `tab:${first}`,
      range: tabIndent ? lineRange(doc, lines, first, 0, tabIndent[0].length) : diagnostic.range,
      message: YAML_ERROR_MESSAGES.tab(first + 1),
    };
  }
  const unclosed = /^Missing closing (["'])quote/.exec(parserMessage);
  if (unclosed) {
    // document.ts already moved the range to the opening quote; what follows it on its line is what to show.
    const opened = (lines[first] ?? '').slice(diagnostic.range.start.character).trim();
    return { key: `quote:${first}`, range: diagnostic.range, message: YAML_ERROR_MESSAGES.unclosedQuote(first + 1, unclosed[1]!, truncate(opened, 30)) };
  }
  if (!STRUCTURE_ERRORS.test(parserMessage)) {
    return undefined;
  }
  // The offending line is at the error or just below it (yaml reports a nested key at the line above's value).
  const last = Math.min(lines.length - 1, Math.max(diagnostic.range.end.line, first + 1));
  for (let line = first; line <= last; line++) {
    const cause = missingSpace(doc, lines, line) ?? indentation(doc, lines, line);
    if (cause) return cause;
  }
  return undefined;
}

/** `Type:Concat`: a plain scalar with a colon inside, where a key and its value were meant. */
function missingSpace(doc: JobDocument, lines: readonly string[], line: number): Cause | undefined {
  const text = lines[line]!;
  const match = /^([ ]*(?:-[ ]+)*)([A-Za-z][A-Za-z0-9_]*):(?![\s/]|$)(\S.*)$/.exec(text);
  if (!match) return undefined;
  const value = match[3]!.replace(/\s#.*$/, '').trim();
  return {
    key: `space:${line}`,
    range: lineRange(doc, lines, line, match[1]!.length),
    message: YAML_ERROR_MESSAGES.missingSpace(line + 1, match[2]!, truncate(value, 40)),
  };
}

/**
 * A key line whose column fits none of the mappings above it: deeper than the key above (which has a value,
 * so nothing can nest under it), or between two levels.
 */
function indentation(doc: JobDocument, lines: readonly string[], line: number): Cause | undefined {
  const shape = shapeOf(lines[line]!);
  if (shape.key === undefined) return undefined;
  const key = shape.key;
  // The columns a key may start at here: the key column of each mapping open above this line.
  const open: { column: number; key: string | undefined; opens: boolean }[] = [];
  let previous: LineShape | undefined;
  for (let above = line - 1; above >= 0; above--) {
    const candidate = shapeOf(lines[above]!);
    if (candidate.blank) continue;
    previous ??= candidate;
    const lowest = open.length ? open[open.length - 1]!.column : Infinity;
    if (candidate.content < lowest) open.push({ column: candidate.content, key: candidate.key, opens: opensBlock(candidate) });
    if (candidate.indent === 0 && candidate.dashes.length === 0) break;
  }
  if (!previous) return undefined;
  // Under a key without a value (`Output:`) any deeper column starts its mapping.
  if (opensBlock(previous) && shape.indent > previous.content) return undefined;
  if (opensBlock(previous) && previous.dashes.length > 0 && shape.indent >= previous.indent) return undefined;
  const columns = open.map((entry) => entry.column);
  // A `- ` item may sit at its key's column or deeper; its dash column counts as a place to start.
  const allowed = new Set([...columns, ...(shape.dashes.length > 0 ? open.filter((entry) => entry.opens).map((entry) => entry.column) : [])]);
  if (allowed.has(shape.indent) && !(shape.indent > previous.content)) return undefined;
  const range = lineRange(doc, lines, line, shape.indent);
  if (shape.indent > previous.content) {
    const owner = open.find((entry, i) => i > 0 && entry.opens && entry.column < previous!.content)?.key;
    return { key: `indent:${line}`, range, message: YAML_ERROR_MESSAGES.tooFar(line + 1, key, shape.indent, previous.content, owner) };
  }
  const nearest = columns
    .filter((column) => column !== shape.indent)
    .sort((a, b) => Math.abs(a - shape.indent) - Math.abs(b - shape.indent))
    .slice(0, 2)
    .sort((a, b) => a - b);
  return { key: `indent:${line}`, range, message: YAML_ERROR_MESSAGES.notAligned(line + 1, key, shape.indent, nearest) };
}
