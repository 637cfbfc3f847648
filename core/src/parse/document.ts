import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseAllDocuments,
  type Document,
  type Node,
  type Pair,
  type Scalar,
  type YAMLError,
} from 'yaml';
import { DiagnosticSeverity, type Diagnostic, type Position, type Range } from 'vscode-languageserver-types';
import { chunkedParseSettings, PARSE_OPTIONS, parseInChunks, seedChunks, type ChunkCache } from './chunkedParse';
import { t } from '../shared/l10n';
import { DIAGNOSTIC_SOURCE, YamlCode } from '../shared/codes';

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
  if (text.length > MAX_DOCUMENT_LENGTH) {
    const tooLarge = yamlDiagnostic(
      { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      t(
        'This file has {0} characters; files over {1} characters are not checked. A highlight job is a few kilobytes.',
        text.length.toLocaleString('en-US'),
        MAX_DOCUMENT_LENGTH.toLocaleString('en-US'),
      ),
      YamlCode.TooLarge,
    );
    return { text, lineCounter, yaml: undefined, value: undefined, yamlDiagnostics: [tooLarge] };
  }
  const tooDeep = tooDeepAt(text);
  if (tooDeep !== undefined) {
    const at = positionOf(lineCounter, tooDeep);
    const diagnostic = yamlDiagnostic(
      { start: at, end: { line: at.line, character: at.character + 1 } },
      t('Brackets or list dashes nest more than {0} levels deep here, so this file is not checked. A highlight job nests a few levels.', MAX_FLOW_DEPTH),
      YamlCode.TooDeep,
    );
    return { text, lineCounter, yaml: undefined, value: undefined, yamlDiagnostics: [diagnostic] };
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
    if (!docs) {
      const diagnostic = yamlDiagnostic(
        { start: { line: 0, character: 0 }, end: positionOf(lineCounter, lineEnd(text, 0)) },
        t(
          'The YAML parser could not follow the structure of this file (it runs out of stack), so it is not checked. Its indentation is probably broken near the start: a job begins with top-level keys such as ProjectName.',
        ),
        YamlCode.TooDeep,
      );
      return { text, lineCounter, yaml: undefined, value: undefined, yamlDiagnostics: [diagnostic] };
    }
  }
  const yaml = docs[0];
  // yaml puts errors about a missing closing bracket one past the end of the text.
  const clamp = (offset: number): number => Math.min(Math.max(0, offset), text.length);
  const toRange = (start: number, end: number): Range => ({
    start: positionOf(lineCounter, clamp(start)),
    end: positionOf(lineCounter, clamp(Math.max(start, end))),
  });
  const yamlDiagnostics: Diagnostic[] = [];
  for (const doc of docs.slice(0, 1)) {
    for (const error of doc.errors) yamlDiagnostics.push(fromYamlError(error, toRange, text, doc));
    for (const warning of doc.warnings) yamlDiagnostics.push(fromYamlError(warning, toRange, text, doc));
  }
  if (docs.length > 1) {
    const second = docs[1]!;
    const start = second.range[0];
    yamlDiagnostics.push(
      yamlDiagnostic(
        toRange(documentMarkerStart(text, start), lineEnd(text, start)),
        t('A job file holds one request: this second YAML document is ignored. Move it to a file of its own.'),
        YamlCode.MultipleDocuments,
      ),
    );
  }

  let value: unknown = chunkedValue;
  // Built even when the YAML has errors: a typo on one line must not hide the problems of the others.
  if (yaml && chunkedValue === undefined) {
    try {
      value = yaml.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      // toJS throws for an alias without an anchor too; that is a mistake in the text, not an attack.
      const unresolved = /^Unresolved alias .*: (.*)$/.exec(reason)?.[1];
      const anchor = firstAlias(yaml.contents, unresolved);
      const range = anchor?.range ? toRange(anchor.range[0], anchor.range[1]) : toRange(0, 0);
      yamlDiagnostics.push(
        unresolved === undefined
          ? yamlDiagnostic(range, t('Aliases expand to too many nodes ({0}). Write the values out instead of using aliases.', reason), YamlCode.AliasLimit)
          : yamlDiagnostic(range, t('The alias *{0} has no anchor &{0} before it.', unresolved), YamlCode.Syntax),
      );
    }
  }
  const job: JobDocument = { text, lineCounter, yaml, value, yamlDiagnostics };
  if (large) chunkCaches.set(job, chunks ?? (yaml && docs.length === 1 ? seedChunks(text, yaml, value) : new Map()));
  return job;
}

/**
 * Line starts read off the text, counted as an LSP client counts lines (\n, \r\n or a lone \r). yaml's own
 * LineCounter, fed by its parser, misses the line breaks inside tokens it could not parse (`*a: 1\nType: x`),
 * which put every later diagnostic on the wrong line.
 */
function lineCounterOf(text: string): LineCounter {
  const lineCounter = new LineCounter();
  lineCounter.addNewLine(0);
  if (onlyLineFeedsEndLines(text)) {
    // indexOf finds line feeds many times faster than a loop over every character: this runs on every edit.
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);
    return lineCounter;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) lineCounter.addNewLine(i + 1);
  }
  return lineCounter;
}

/** No carriage return except before a line feed (LF or CRLF line ends). */
function onlyLineFeedsEndLines(text: string): boolean {
  for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) if (text.charCodeAt(i + 1) !== 10) return false;
  return true;
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
  for (let lineStart = 0; lineStart < limit; ) {
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

/**
 * The parser's own words behind each syntax diagnostic, whatever the display language: yamlErrors.ts recognises
 * the common errors by them, and a translated message would hide them.
 */
const parserMessages = new WeakMap<Diagnostic, string>();

/** The yaml parser's first sentence for a syntax diagnostic of parseJob; undefined for every other diagnostic. */
export function parserMessageOf(diagnostic: Diagnostic): string | undefined {
  return parserMessages.get(diagnostic);
}

function fromYamlError(error: YAMLError, toRange: (start: number, end: number) => Range, text: string, doc: Document.Parsed): Diagnostic {
  const [start, end] = error.pos;
  const duplicate = error.code === 'DUPLICATE_KEY';
  // yaml points a duplicate key at its first character only; the squiggle belongs under the whole key,
  // which only the key node knows when it is quoted or holds a colon ("a:b").
  const keyNode = duplicate ? keyNodeAt(doc.contents, start) : undefined;
  const key = keyNode ? String(keyNode.value) : keyTextAt(text, start);
  const message = duplicate
    ? t('Duplicate key {0}: each key may appear once in an object.', JSON.stringify(key))
    : t('YAML: {0}', firstSentence(error.message));
  let range = toRange(start, end);
  if (duplicate) range = keyNode?.range ? toRange(keyNode.range[0], keyNode.range[1]) : toRange(start, start + Math.max(key.length, 1));
  // yaml reports an unclosed quote where the file ends; the opening quote is what the user must find.
  const unclosed = error.code === 'MISSING_CHAR' && /quote/.test(error.message) ? quotedScalarAround(doc.contents, start) : undefined;
  if (unclosed?.range) range = toRange(unclosed.range[0], lineEnd(text, unclosed.range[0]));
  // Likewise an unclosed [ or { is reported on the line after it; point at the bracket's line instead.
  const unclosedFlow = /end with a [\]}]/.test(error.message) ? flowCollectionAround(doc.contents, start) : undefined;
  if (unclosedFlow?.range) range = toRange(unclosedFlow.range[0], lineEnd(text, unclosedFlow.range[0]));
  const diagnostic = yamlDiagnostic(range, message, duplicate ? YamlCode.DuplicateKey : YamlCode.Syntax);
  if (error.name === 'YAMLWarning') diagnostic.severity = DiagnosticSeverity.Warning;
  if (!duplicate) parserMessages.set(diagnostic, firstSentence(error.message));
  return diagnostic;
}

function yamlDiagnostic(range: Range, message: string, code: YamlCode): Diagnostic {
  return { range, message, code, severity: DiagnosticSeverity.Error, source: DIAGNOSTIC_SOURCE };
}

function firstSentence(message: string): string {
  const line = message.split('\n')[0] ?? message;
  return line.replace(/ at line \d+, column \d+:?$/, '').trim();
}

function keyTextAt(text: string, offset: number): string {
  const match = /^[^:\n]*/.exec(text.slice(offset, offset + 200));
  return (match?.[0] ?? '').trim();
}

function documentMarkerStart(text: string, offset: number): number {
  const marker = text.lastIndexOf('---', offset);
  return marker !== -1 && text.slice(marker, offset).trim() === '---' ? marker : offset;
}

function lineEnd(text: string, offset: number): number {
  let end = text.indexOf('\n', offset);
  if (end === -1) end = text.length;
  // With CRLF line ends the \r belongs to the line break, not to the text a range should cover.
  return end > offset && text[end - 1] === '\r' ? end - 1 : end;
}

/** The first node in document order that `match` accepts. */
function findNode(node: unknown, match: (node: Node) => boolean): Node | undefined {
  if (isAlias(node) || isScalar(node)) return match(node) ? node : undefined;
  if (isMap(node) || isSeq(node)) {
    if (match(node)) return node;
    for (const item of node.items) {
      const found = isPair(item) ? (findNode(item.key, match) ?? findNode(item.value, match)) : findNode(item, match);
      if (found) return found;
    }
  }
  return undefined;
}

function firstAlias(node: unknown, source?: string): Node | undefined {
  return findNode(node, (n) => isAlias(n) && (source === undefined || n.source === source));
}

function keyNodeAt(root: unknown, offset: number): Scalar | undefined {
  const found = findNode(root, (n) => isScalar(n) && n.range?.[0] === offset);
  return isScalar(found) ? found : undefined;
}

function flowCollectionAround(root: unknown, offset: number): Node | undefined {
  return findNode(root, (n) => (isMap(n) || isSeq(n)) && !!n.flow && !!n.range && n.range[0] < offset && offset <= n.range[2]);
}

function quotedScalarAround(root: unknown, offset: number): Node | undefined {
  return findNode(
    root,
    (n) => isScalar(n) && (n.type === 'QUOTE_DOUBLE' || n.type === 'QUOTE_SINGLE') && !!n.range && n.range[0] < offset && offset <= n.range[2],
  );
}

export function positionOf(lineCounter: LineCounter, offset: number): Position {
  const { line, col } = lineCounter.linePos(offset);
  return { line: line - 1, character: col - 1 };
}

/**
 * The offset of a position, clamped as LSP asks: a character past the end of its line is the line's end (before
 * its \n, \r\n or \r), a line past the last is the end of the text. Every feature converts positions here.
 */
export function offsetOf(doc: JobDocument, position: Position): number {
  const starts = doc.lineCounter.lineStarts;
  if (position.line >= starts.length) return doc.text.length;
  const lineStart = starts[Math.max(0, position.line)]!;
  const end = position.line + 1 < starts.length ? contentEnd(doc.text, lineStart, starts[position.line + 1]!) : doc.text.length;
  return Math.min(lineStart + Math.max(0, position.character), end);
}

/** Where a line's text ends, given where the next line starts: before its line break. */
function contentEnd(text: string, lineStart: number, nextLineStart: number): number {
  let end = nextLineStart;
  if (end > lineStart && text.charCodeAt(end - 1) === 10) end--;
  if (end > lineStart && text.charCodeAt(end - 1) === 13) end--;
  return end;
}

/** A position moved onto the text: past the end of a line is its end, past the last line the end of the text. */
export function clampPosition(doc: JobDocument, position: Position): Position {
  return positionOf(doc.lineCounter, offsetOf(doc, position));
}

export function rangeOf(doc: JobDocument, start: number, end: number): Range {
  return { start: positionOf(doc.lineCounter, start), end: positionOf(doc.lineCounter, Math.max(start, end)) };
}

/** Where a path lives in the YAML: its value node and, when its parent is a map, the pair holding its key. */
export interface NodeLocation {
  readonly node: Node | null;
  readonly pair?: Pair<Node, Node | null>;
  readonly parent?: Node;
}

/** Follows a path through the YAML tree. Keys compare as the user wrote them (YAML keys are case sensitive). */
export function locate(doc: JobDocument, path: JsonPath): NodeLocation | undefined {
  let current: NodeLocation = { node: (doc.yaml?.contents as Node | null | undefined) ?? null };
  for (const segment of path) {
    const parent = current.node;
    if (typeof segment === 'number') {
      if (!isSeq(parent)) return undefined;
      const item = parent.items[segment];
      if (item === undefined) return undefined;
      current = { node: item as Node, parent };
    } else {
      if (!isMap(parent)) return undefined;
      const pair = findPair(parent.items as Pair<Node, Node | null>[], segment);
      if (!pair) return undefined;
      current = { node: pair.value, pair, parent };
    }
  }
  return current;
}

function findPair(pairs: readonly Pair<Node, Node | null>[], key: string): Pair<Node, Node | null> | undefined {
  for (const pair of pairs) {
    // toJS names a missing or null key "" (as in `: value`), so the path does too.
    if (isScalar(pair.key) && (pair.key.value === null ? '' : String(pair.key.value)) === key) return pair;
  }
  return undefined;
}

/** The range of a value, or of its key when the value is empty (`Type:` with nothing after it). */
export function valueRange(doc: JobDocument, path: JsonPath): Range | undefined {
  const location = locate(doc, path);
  if (!location) return undefined;
  const node = location.node;
  // A block mapping or list spans many lines; its key says which value is meant without painting them all.
  const blockCollection = (isMap(node) || isSeq(node)) && !node.flow;
  const range = node?.range;
  if (range && range[1] > range[0] && !blockCollection) return rangeOf(doc, range[0], range[1]);
  return keyRange(doc, path);
}

/**
 * The range that names a path: its key in a map; for an array item, from the dash to the end of the item's
 * first key (or the whole item when it is a scalar); for the root, its first key.
 */
export function keyRange(doc: JobDocument, path: JsonPath): Range | undefined {
  const location = locate(doc, path);
  if (!location) return undefined;
  const keyNodeRange = location.pair?.key?.range;
  // A missing key (`: value`) has an empty range; the colon then stands for it, so the squiggle can be seen.
  if (keyNodeRange) return rangeOf(doc, keyNodeRange[0], keyNodeRange[1] > keyNodeRange[0] ? keyNodeRange[1] : keyNodeRange[0] + 1);
  const node = location.node;
  if (path.length === 0) {
    if (isMap(node) && node.items.length > 0) {
      const first = (node.items[0] as Pair<Node, Node | null>).key?.range;
      if (first) return rangeOf(doc, first[0], first[1]);
    }
    // A root that is not a mapping (a list, a number): its first line, so the squiggle is visible.
    if (node?.range) return rangeOf(doc, node.range[0], Math.min(node.range[1], lineEnd(doc.text, node.range[0])));
    return rangeOf(doc, 0, 0);
  }
  const nodeRange = node?.range;
  if (!nodeRange) return undefined;
  const start = dashBefore(doc.text, nodeRange[0]);
  // A flow item (`{StartTime: 1}`) is short and one thing: cutting it after its first key would end mid-item.
  if (isMap(node) && node.flow) return rangeOf(doc, start, nodeRange[1]);
  if (isMap(node) && node.items.length > 0) {
    const firstKey = (node.items[0] as Pair<Node, Node | null>).key?.range;
    if (firstKey) return rangeOf(doc, start, firstKey[1]);
  }
  return rangeOf(doc, start, nodeRange[1]);
}

function dashBefore(text: string, offset: number): number {
  let i = offset - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  return i >= 0 && text[i] === '-' ? i : offset;
}

/** What the cursor is on: the path of the innermost key or value at an offset. */
export interface PathAtOffset {
  readonly path: JsonPath;
  /** True when the offset is on a key rather than on its value. */
  readonly onKey: boolean;
  readonly node: Node | null;
}

export function pathAtOffset(doc: JobDocument, offset: number): PathAtOffset | undefined {
  const root = doc.yaml?.contents as Node | null | undefined;
  if (!root) return undefined;
  const path: (string | number)[] = [];
  let node: Node | null = root;
  for (;;) {
    if (isMap(node)) {
      const pair: Pair<Node, Node | null> | undefined = (node.items as Pair<Node, Node | null>[]).find((p) => contains(p.key, offset) || contains(p.value, offset));
      if (!pair || !isScalar(pair.key)) return path.length ? { path, onKey: false, node } : undefined;
      path.push(String(pair.key.value));
      if (contains(pair.key, offset)) return { path, onKey: true, node: pair.value };
      node = pair.value;
    } else if (isSeq(node)) {
      const index = node.items.findIndex((item) => contains(item as Node, offset));
      if (index === -1) return { path, onKey: false, node };
      path.push(index);
      node = node.items[index] as Node;
    } else {
      return { path, onKey: false, node };
    }
  }
}

function contains(node: unknown, offset: number): boolean {
  const range = (node as Node | null | undefined)?.range;
  return !!range && range[0] <= offset && offset <= range[1];
}
