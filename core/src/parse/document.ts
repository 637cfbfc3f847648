import { parseAllDocuments, type Document, type LineCounter } from 'yaml';
import type { Diagnostic } from 'vscode-languageserver-types';
import { chunkedParseSettings, PARSE_OPTIONS, parseInChunks, seedChunks, type ChunkCache } from './chunkedParse';
import { lineCounterOf } from './positions';
import { aliasDiagnostic, documentDiagnostics, parserOutOfStackDiagnostic, rangeMaker, tooDeepDiagnostic, tooLargeDiagnostic } from './yamlDiagnostics';

/** A location in the request: object keys and array indexes, e.g. ['Sources', 0, 'URI']. */
export type JsonPath = readonly (string | number)[];

/** Larger files are not parsed: a job is a few kilobytes, and a pasted log must not freeze the editor. */
export const MAX_DOCUMENT_LENGTH = 4 * 1024 * 1024;
/**
 * Deeper bracket nesting is refused before parsing: yaml recurses once per level, and near the stack limit V8
 * can abort the whole process ("RegExpCompiler Allocation failed") instead of throwing. A job nests 5 levels.
 */
export const MAX_FLOW_DEPTH = 100;
/** yaml's own guard against alias expansion ("billion laughs"); a real job needs no aliases at all. */
const MAX_ALIAS_COUNT = 100;

/**
 * One parse of one version of a job file, shared by every feature (diagnostics, completion, hover, …).
 * `value` is the plain JavaScript value of the first YAML document, or undefined when it could not be built.
 */
export interface JobDocument {
  readonly text: string;
  readonly lineCounter: LineCounter;
  /** The first YAML document; absent only for a file that is too large to parse. */
  readonly yaml: Document.Parsed | undefined;
  readonly value: unknown;
  /** YAML-level problems: syntax, duplicate keys, extra documents, aliases, size. */
  readonly yamlDiagnostics: readonly Diagnostic[];
}

/** The chunks of each large job's parse, for the next version's parse to reuse (see chunkedParse.ts). */
const chunkCaches = new WeakMap<JobDocument, ChunkCache>();

/**
 * Parses one version of a job. `previous`, the parse of the same document's previous version, lets a large
 * job reparse only the chunks an edit touched. It is consumed: the nodes reused from it carry this text's
 * offsets from then on, so only the newest parse of a document may be read.
 */
export function parseJob(text: string, previous?: JobDocument): JobDocument {
  return parse(text, previous, true);
}

/** The parse of the whole text in one piece, which the chunked parse must always equal; tests compare them. */
export function parseWholeJob(text: string): JobDocument {
  return parse(text, undefined, false);
}

function parse(text: string, previous: JobDocument | undefined, byChunks: boolean): JobDocument {
  const lineCounter = lineCounterOf(text);
  const lines = { text, lineCounter };
  if (text.length > MAX_DOCUMENT_LENGTH) {
    return { text, lineCounter, yaml: undefined, value: undefined, yamlDiagnostics: [tooLargeDiagnostic(text.length, MAX_DOCUMENT_LENGTH)] };
  }
  const tooDeep = tooDeepAt(text);
  if (tooDeep !== undefined) {
    return { text, lineCounter, yaml: undefined, value: undefined, yamlDiagnostics: [tooDeepDiagnostic(lines, tooDeep, MAX_FLOW_DEPTH)] };
  }

  let docs: readonly Document.Parsed[] | undefined;
  let chunkedValue: unknown;
  let chunks: ChunkCache | undefined;
  const large = byChunks && text.length >= chunkedParseSettings.minLength;
  if (large) {
    const previousChunks = previous && chunkCaches.get(previous);
    if (previous) chunkCaches.delete(previous);
    const chunked = previousChunks && parseInChunks(text, previousChunks);
    chunks = chunked?.cache;
    if (chunked?.result) {
      docs = [chunked.result.yaml];
      chunkedValue = chunked.result.value;
    }
  }
  if (!docs) {
    docs = parseWhole(text);
    if (!docs) return { text, lineCounter, yaml: undefined, value: undefined, yamlDiagnostics: [parserOutOfStackDiagnostic(lines)] };
  }
  const yaml = docs[0];
  const toRange = rangeMaker(lines);
  const yamlDiagnostics = documentDiagnostics(text, toRange, docs);

  let value: unknown = chunkedValue;
  // Built even when the YAML has errors: a typo on one line must not hide the problems of the others.
  if (yaml && chunkedValue === undefined) {
    try {
      value = yaml.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      yamlDiagnostics.push(aliasDiagnostic(yaml, toRange, error));
    }
  }
  const job: JobDocument = { text, lineCounter, yaml, value, yamlDiagnostics };
  if (large) chunkCaches.set(job, chunks ?? (yaml && docs.length === 1 ? seedChunks(text, yaml, value) : new Map()));
  return job;
}

/**
 * The offset of the first `[` or `{` nested deeper than MAX_FLOW_DEPTH, or of the first indicator past
 * MAX_FLOW_DEPTH block indicators on one line (`- - - - …`, `? ? …`, which nest without brackets), if any.
 * Brackets and indicators in quotes, comments and plain scalars count too: that can only overestimate the
 * depth, and a job line holds two or three indicators.
 */
function tooDeepAt(text: string): number | undefined {
  // Two independent counts, each found where it first goes too deep; the earlier place is the answer. Both
  // skip what cannot matter (every character but brackets; lines too short to hold that many indicators),
  // because this runs on every edit of every job, however large.
  const brackets = bracketsTooDeepAt(text);
  const indicators = indicatorsTooManyAt(text, brackets ?? text.length);
  return indicators ?? brackets;
}

const BRACKETS = /[[\]{}]/g;

function bracketsTooDeepAt(text: string): number | undefined {
  let depth = 0;
  BRACKETS.lastIndex = 0;
  for (let match = BRACKETS.exec(text); match; match = BRACKETS.exec(text)) {
    const c = text.charCodeAt(match.index);
    if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_FLOW_DEPTH) return match.index;
    } else if (depth > 0) {
      depth--;
    }
  }
  return undefined;
}

/** The first block indicator past MAX_FLOW_DEPTH on one line, before `limit`. Indicators count from each line feed. */
function indicatorsTooManyAt(text: string, limit: number): number | undefined {
  for (let lineStart = 0; lineStart < limit;) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    // Each indicator takes two characters (itself and a blank after it).
    if (lineEnd - lineStart > 2 * MAX_FLOW_DEPTH) {
      let indicators = 0;
      for (let i = lineStart; i < Math.min(lineEnd, limit); i++) {
        const c = text.charCodeAt(i);
        if ((c === 0x2d || c === 0x3f || c === 0x3a) && isBlank(text.charCodeAt(i + 1)) && (c === 0x3a || i === 0 || isBlank(text.charCodeAt(i - 1)))) {
          if (++indicators > MAX_FLOW_DEPTH) return i;
        }
      }
    }
    lineStart = lineEnd + 1;
  }
  return undefined;
}

/** Space, tab, line end, or past the end of the text (NaN). */
function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || Number.isNaN(c);
}

/**
 * The whole text parsed by yaml, or undefined when yaml's parser ran out of stack: it recurses once per line of
 * some broken layouts (a long list under a scalar root, say). That is a property of the text, so it becomes a
 * diagnostic, not a crash.
 */
function parseWhole(text: string): Document.Parsed[] | undefined {
  try {
    // logLevel 'error': yaml would print a process warning per keystroke for a collection used as a key.
    const documents = parseAllDocuments(text, PARSE_OPTIONS);
    return Array.isArray(documents) ? documents : [];
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}
