import {
  Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  Pair,
  parseDocument,
  YAMLMap,
  YAMLSeq,
  type Node,
  type ParsedNode,
  type Scalar,
  type YAMLError,
} from 'yaml';

/**
 * Incremental parsing of large jobs by chunks. A job is one block mapping at column 0: its top-level keys
 * start lines at column 0, and the items of a top-level block sequence (`Sources:`) start lines with `- ` at
 * one indentation. In valid YAML such lines cannot continue a construct of the lines before (a quoted scalar
 * or flow collection left open leaves its chunk with a parse error; plain and block scalars end at lower
 * indentation), so each chunk can be parsed on its own. It is parsed between the lines around it (see
 * contextOf), because where yaml ends a node over trailing comments and blank lines depends on what follows,
 * and kept by its text and context, so that after an edit only the chunks around the edit are parsed again;
 * the others are reused with their ranges moved. The result is stitched into a real `yaml` Document whose
 * nodes carry absolute ranges, as a parse of the whole text would give them, so no feature knows about chunks.
 *
 * The first version of a job is parsed whole and its tree becomes the chunks (seedChunks). Whenever chunks
 * might not give exactly what one parse of the whole text gives (a chunk with a syntax error, anchors, tags,
 * a duplicate top-level key, document markers, tabs in indentation, anything unusual at column 0), the
 * caller parses the whole text instead. test/unit/core/parse/chunkedParse.test.ts compares the two on random edits.
 */

/** The options of every parse, whole or by chunks. logLevel 'error': yaml would otherwise print process warnings. */
export const PARSE_OPTIONS = { prettyErrors: false, uniqueKeys: true, logLevel: 'error' } as const;

/**
 * Smaller texts parse in a few milliseconds: the whole-text parse keeps them exactly as they always were.
 * A setting only so that the property tests can exercise chunking on small texts too.
 */
export const chunkedParseSettings = { minLength: 64 * 1024 };

/** The documents stitched from chunks, so tests can tell them from whole parses. */
const stitched = new WeakSet<Document>();

export function isStitched(document: Document | undefined): boolean {
  return document !== undefined && stitched.has(document);
}

type Role = 'pairs' | 'header' | 'item';

interface Span {
  readonly start: number;
  readonly end: number;
  readonly role: Role;
}

type ParsedPair = Pair<ParsedNode, ParsedNode | null>;

/** One chunk's own parse, reusable while its text and its context are unchanged. */
interface ParsedChunk {
  readonly role: Role;
  /** The context it was parsed in (see contextOf), compared on reuse. */
  before: string;
  after: string;
  /** The offset in the full text that the ranges below are currently relative to. */
  start: number;
  /** 'pairs' and 'header' chunks: the pairs of the chunk's mapping. */
  readonly pairs: readonly ParsedPair[];
  /** 'item' chunks: the item. */
  readonly item: ParsedNode | null;
  /** DUPLICATE_KEY errors inside the chunk: the only errors a usable chunk may have. */
  readonly errors: YAMLError[];
  /** False when the chunk cannot be stitched: its own parse has other errors, warnings, anchors, tags, … */
  readonly usable: boolean;
  /** 'pairs' and 'header' chunks: the property names and plain values of the pairs; 'item' chunks: the item's value. */
  readonly js: unknown;
  /**
   * Absolute offsets, moved with the chunk: the item's sequence range (items), the mapping's range and the
   * document's content end and end. The ends are those of the whole parse when the chunk is the last one.
   */
  bounds: number[];
}

/** Parsed chunks by text; identical chunks (two equal Sources) each keep their own parse. */
export type ChunkCache = Map<string, ParsedChunk[]>;

export interface ChunkedParse {
  /** Undefined when the text must be parsed whole. */
  readonly result: { readonly yaml: Document.Parsed; readonly value: unknown } | undefined;
  /** The chunks of this text, to pass to the next parse of the same document. */
  readonly cache: ChunkCache;
}

/**
 * Parses a text by chunks, reusing the chunks of `previous` whose text and context are unchanged. Undefined
 * when the text cannot be split or when most chunks are new (a first parse, a paste of many lines): one
 * parse of the whole text is faster then, and `seedChunks` makes its nodes the next parse's chunks.
 */
export function parseInChunks(text: string, previous: ChunkCache): ChunkedParse | undefined {
  const spans = splitChunks(text);
  if (!spans) return undefined;
  const contexts = spans.map((_, i) => contextOf(text, spans, i));
  const reused = contexts.map((context, i) => takeCached(previous, context, spans[i]!.start));
  let misses = 0;
  for (const chunk of reused) if (!chunk) misses++;
  if (misses > Math.max(MAX_CHUNKS_PARSED, spans.length / 4)) return undefined;
  const cache: ChunkCache = new Map();
  const chunks: ParsedChunk[] = [];
  let usable = true;
  for (let i = 0; i < spans.length; i++) {
    const chunk = reused[i] ?? parseChunk(spans[i]!, contexts[i]!);
    addToCache(cache, contexts[i]!.text, chunk);
    chunks.push(chunk);
    if (!chunk.usable) usable = false;
  }
  // Chunks are parsed and cached even when they cannot be stitched: while the user fixes one broken line,
  // each edit again reparses only the chunks around that line before falling back.
  return { result: usable ? stitch(spans, chunks) : undefined, cache };
}

/** More new chunks than this (and than a quarter of all) are parsed faster as one text. */
const MAX_CHUNKS_PARSED = 32;

function addToCache(cache: ChunkCache, key: string, chunk: ParsedChunk): void {
  const same = cache.get(key);
  if (same) same.push(chunk);
  else cache.set(key, [chunk]);
}

/**
 * The chunks of a text parsed whole, taken from its tree, so that the next version's parse can reuse them.
 * Only for a tree without errors (but duplicate keys) or warnings whose top-level names are distinct: then each
 * chunk's nodes, errors and plain values are exactly what the chunk's own parse gives (what the property tests check).
 */
export function seedChunks(text: string, yaml: Document.Parsed, value: unknown): ChunkCache {
  const cache: ChunkCache = new Map();
  const spans = splitChunks(text);
  const root = yaml.contents;
  if (!spans || !yaml.errors.every((error) => error.code === 'DUPLICATE_KEY') || yaml.warnings.length > 0 || !isMap(root) || root.flow) return cache;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return cache;
  const plain = value as Record<string, unknown>;
  const pairs = root.items as ParsedPair[];
  if (Object.keys(plain).length !== pairs.length) return cache;
  const docBounds = [...yaml.range];
  let p = 0;
  let e = 0;
  const errorsIn = (span: Span): YAMLError[] => {
    const own: YAMLError[] = [];
    while (e < yaml.errors.length && yaml.errors[e]!.pos[0] < span.end) own.push(yaml.errors[e++]!);
    return own;
  };
  let seq: { node: YAMLSeq.Parsed; js: unknown[]; next: number } | undefined;
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i]!;
    if (span.role === 'item') {
      const item = seq && seq.node.items[seq.next];
      const js = seq?.js[seq.next];
      if (!seq || !item || item.range[0] < span.start || item.range[0] >= span.end) return cache;
      seq.next++;
      const errors = errorsIn(span);
      const chunkText = text.slice(span.start, span.end);
      if (!/[&*!]/.test(chunkText) || !hasProperties(item)) {
        const bounds = [...seq.node.range, ...root.range, ...docBounds];
        const { before, after } = contextOf(text, spans, i);
        addToCache(cache, chunkText, { role: 'item', before, after, start: span.start, pairs: [], item, errors, usable: true, js, bounds });
      }
      continue;
    }
    if (seq && seq.next !== seq.node.items.length) return cache;
    seq = undefined;
    const errors = errorsIn(span);
    const own: ParsedPair[] = [];
    while (p < pairs.length && pairs[p]!.key!.range[0] < span.end) own.push(pairs[p++]!);
    if (own.length === 0 || !own.every((pair) => isScalar(pair.key))) return cache;
    const names = own.map((pair) => {
      const key: unknown = (pair.key as Scalar).value;
      return key === null ? '' : String(key);
    });
    if (span.role === 'header') {
      const node = own.length === 1 ? own[0]!.value : undefined;
      const js = plain[names[0]!];
      if (!isSeq(node) || node.flow || !Array.isArray(js)) return cache;
      seq = { node: node as YAMLSeq.Parsed, js, next: 0 };
    }
    const chunkText = text.slice(span.start, span.end);
    if (span.role === 'header' || !/[&*!]/.test(chunkText) || !own.some((pair) => hasProperties(pair.key) || hasProperties(pair.value))) {
      // A header's value is the sequence of the item chunks that follow; the chunk keeps only its key.
      const chunkPairs = span.role === 'header' ? [new Pair(own[0]!.key, null) as ParsedPair] : own;
      const js = names.map((name): [string, unknown] => [name, span.role === 'header' ? null : plain[name]]);
      // Where the chunk's own parse would start its mapping and document: at its first key.
      const first = own[0]!.key!.range[0];
      const bounds = [0, 0, 0, first, root.range[1], root.range[2], first, docBounds[1]!, docBounds[2]!];
      const { before, after } = contextOf(text, spans, i);
      addToCache(cache, chunkText, { role: span.role, before, after, start: span.start, pairs: chunkPairs, item: null, errors, usable: true, js, bounds });
    }
  }
  // Errors out of order or past the last chunk: leave the next parse to start afresh.
  return e === yaml.errors.length ? cache : new Map();
}

/** The key that holds an item's sequence when the item before it is parsed with it. */
const ITEM_PARENT = '_:\n';

interface Context {
  readonly role: Role;
  readonly text: string;
  /** The text of the item before (or of the key line before the first item); empty for other chunks. */
  readonly before: string;
  /** The first line of the next chunk; empty at the end and after a key line that the first item follows. */
  readonly after: string;
}

/**
 * What a chunk is parsed between, so that yaml reads it exactly as in the whole text: where yaml ends a
 * node and to which node it gives comments and blank lines depends on the lines around. An item is parsed
 * after the item before it (or after its key's line) and every chunk before the first line of the next.
 */
function contextOf(text: string, spans: readonly Span[], i: number): Context {
  const span = spans[i]!;
  const next = spans[i + 1];
  const previous = span.role === 'item' ? spans[i - 1]! : undefined;
  const before = previous ? text.slice(previous.start, previous.end) : '';
  let after = '';
  if (next && span.role !== 'header') {
    const lineEnd = text.indexOf('\n', next.start);
    after = text.slice(next.start, lineEnd === -1 ? text.length : lineEnd + 1);
  }
  return { role: span.role, text: text.slice(span.start, span.end), before, after };
}

/** A cached parse of the same text in the same context, its ranges moved to `start`. */
function takeCached(previous: ChunkCache, context: Context, start: number): ParsedChunk | undefined {
  const list = previous.get(context.text);
  if (!list) return undefined;
  let index = 0;
  while (index < list.length && !sameContext(list[index]!, context)) index++;
  if (index === list.length) return undefined;
  const chunk = list[index]!;
  if (list.length === 1) previous.delete(context.text);
  else list.splice(index, 1);
  if (chunk.start !== start) moveChunk(chunk, start - chunk.start);
  // Equal strings, but cut from the new text: the cache must not keep the old text alive.
  chunk.before = context.before;
  chunk.after = context.after;
  return chunk;
}

function sameContext(chunk: ParsedChunk, context: Context): boolean {
  return chunk.role === context.role && chunk.after === context.after && chunk.before === context.before;
}

function moveChunk(chunk: ParsedChunk, delta: number): void {
  for (const pair of chunk.pairs) {
    shiftNode(pair.key, delta);
    shiftNode(pair.value, delta);
  }
  shiftNode(chunk.item, delta);
  for (const error of chunk.errors) error.pos = [error.pos[0] + delta, error.pos[1] + delta];
  for (let i = 0; i < chunk.bounds.length; i++) chunk.bounds[i] = chunk.bounds[i]! + delta;
  chunk.start += delta;
}

function parseChunk(span: Span, context: Context): ParsedChunk {
  const { text: chunkText, after } = context;
  // An item after an item is parsed as the second item of a key's sequence; the first after its key line.
  const before = context.before === '' || isKeyChar(context.before.charCodeAt(0)) ? context.before : ITEM_PARENT + context.before;
  const doc = parseDocument(before + chunkText + after, PARSE_OPTIONS);
  const chunkStart = before.length;
  const chunkEnd = chunkStart + chunkText.length;
  // Errors of the item before belong to that item's chunk; any other error but a duplicate key inside the
  // chunk (a duplicate with the next line's key included) leaves the text to the whole parse.
  const errors = doc.errors.filter((error) => error.pos[0] >= chunkStart);
  let usable =
    doc.warnings.length === 0 &&
    doc.errors.every((error) => error.code === 'DUPLICATE_KEY' && error.pos[0] < chunkEnd) &&
    // Anchors, aliases and tags make a node depend on others or on the schema: only the whole parse has them.
    (!/[&*!]/.test(chunkText) || !hasProperties(doc.contents));
  const root = doc.contents;
  const nextLine = after === '' ? 0 : 1;
  let pairs: ParsedPair[] = [];
  let item: ParsedNode | null = null;
  let js: unknown;
  let bounds: number[] = [];
  const docBounds = [doc.range[0], doc.range[1], doc.range[2]];
  if (span.role === 'item') {
    // The key's mapping: the key of this item's sequence, then the next line's key when that follows.
    const itemsBefore = before.startsWith(ITEM_PARENT) ? 1 : 0;
    const nextIsItem = nextLine === 1 && !isKeyChar(after.charCodeAt(0));
    const parent = isMap(root) && root.items.length === 1 + (nextLine && !nextIsItem ? 1 : 0) ? root.items[0]!.value : undefined;
    if (isSeq(parent) && !parent.flow && parent.items.length === itemsBefore + 1 + (nextIsItem ? 1 : 0)) {
      item = parent.items[itemsBefore] as ParsedNode;
      if (!item || item.range[0] < chunkStart || item.range[0] >= chunkEnd) usable = false;
      bounds = [...parent.range, ...(root as YAMLMap.Parsed).range, ...docBounds];
    } else {
      usable = false;
    }
  } else if (isMap(root) && !root.flow && root.items.length > nextLine && atLineStart(before + chunkText, root.range[0])) {
    pairs = (root.items as ParsedPair[]).slice(0, root.items.length - nextLine);
    if (!pairs.every((pair) => isScalar(pair.key) && pair.key.range[0] < chunkEnd)) usable = false;
    if (span.role === 'header') {
      const value = pairs.length === 1 ? pairs[0]!.value : undefined;
      if (!(isScalar(value) && value.value === null && value.range[0] === value.range[1])) usable = false;
    }
    bounds = [0, 0, 0, ...root.range, ...docBounds];
  } else {
    usable = false;
  }
  if (usable) {
    if (span.role === 'item') {
      js = item!.toJS(doc);
    } else {
      // As yaml's toJS names a property after a scalar key (collection keys are left to the whole parse).
      js = pairs.map((pair): [string, unknown] => {
        const key: unknown = pair.key.toJS(doc);
        return [key === null ? '' : String(key), pair.value === null ? null : pair.value.toJS(doc)];
      });
    }
  }
  const chunk: ParsedChunk = { role: span.role, before: context.before, after, start: 0, pairs, item, errors, usable, js, bounds };
  // The parse's offsets count the text put before the chunk; from here on they are offsets in the full text.
  moveChunk(chunk, span.start - chunkStart);
  chunk.start = span.start;
  return chunk;
}

function atLineStart(text: string, offset: number): boolean {
  return offset === 0 || text.charCodeAt(offset - 1) === 10 || text.charCodeAt(offset - 1) === 13;
}

function stitch(spans: readonly Span[], chunks: readonly ParsedChunk[]): ChunkedParse['result'] {
  const yaml = new Document(undefined, PARSE_OPTIONS) as unknown as Document.Parsed;
  const root = new YAMLMap(yaml.schema) as YAMLMap.Parsed<ParsedNode, ParsedNode | null>;
  const value: Record<string, unknown> = {};
  const errors: YAMLError[] = [];
  // yaml compares keys with ===, so NaN (`.nan`) is never a duplicate, not even of itself.
  const keys = new Set<unknown>();
  let seq: { node: YAMLSeq.Parsed; items: unknown[] } | undefined;
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i]!;
    const chunk = chunks[i]!;
    for (const error of chunk.errors) errors.push(error);
    if (span.role === 'item') {
      const node = seq!.node;
      if (node.items.length === 0) node.range = [chunk.bounds[0]!, 0, 0];
      node.items.push(chunk.item!);
      node.range = [node.range[0], chunk.bounds[1]!, chunk.bounds[2]!];
      seq!.items.push(chunk.js);
      continue;
    }
    seq = undefined;
    for (const pair of chunk.pairs) {
      const key = (pair.key as Scalar).value;
      if (keys.has(key)) return undefined; // a duplicate across chunks: the whole parse reports it
      if (key === key) keys.add(key);
    }
    if (span.role === 'header') {
      const node = new YAMLSeq<ParsedNode>(yaml.schema) as YAMLSeq.Parsed;
      const items: unknown[] = [];
      root.items.push(new Pair(chunk.pairs[0]!.key, node) as ParsedPair);
      setProperty(value, (chunk.js as [string, unknown][])[0]![0], items);
      seq = { node, items };
    } else {
      for (const pair of chunk.pairs) root.items.push(pair);
      for (const [key, js] of chunk.js as [string, unknown][]) setProperty(value, key, js);
    }
  }
  const last = chunks[chunks.length - 1]!.bounds;
  root.range = [chunks[0]!.bounds[3]!, last[4]!, last[5]!];
  yaml.contents = root;
  yaml.range = [chunks[0]!.bounds[6]!, last[7]!, last[8]!];
  yaml.errors = errors;
  yaml.warnings = [];
  stitched.add(yaml);
  return { yaml, value };
}

/** As yaml's toJS adds a pair to an object: an existing (or inherited) name is redefined, never set through a setter. */
function setProperty(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key in target) Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  else target[key] = value;
}

function hasProperties(node: unknown): boolean {
  if (isAlias(node)) return true;
  if (isScalar(node)) return node.anchor !== undefined || node.tag !== undefined;
  if (isMap(node) || isSeq(node)) {
    if (node.anchor !== undefined || node.tag !== undefined) return true;
    for (const item of node.items) {
      if (isPair(item) ? hasProperties(item.key) || hasProperties(item.value) : hasProperties(item)) return true;
    }
  }
  return false;
}

/** Moves every range of a subtree by `delta`, in place: yaml gives each node a range array of its own. */
function shiftNode(node: unknown, delta: number): void {
  if (delta === 0 || node === null || typeof node !== 'object') return;
  const withRange = node as Node;
  const range = withRange.range;
  if (range) {
    range[0] += delta;
    range[1] += delta;
    range[2] += delta;
  }
  if (isMap(node) || isSeq(node)) {
    for (const item of node.items) {
      if (isPair(item)) {
        shiftNode(item.key, delta);
        shiftNode(item.value, delta);
      } else {
        shiftNode(item, delta);
      }
    }
  }
}

const KEY_LINE = /[A-Za-z0-9_][A-Za-z0-9_.-]*[ \t]*:(?=[ \t\r\n]|$)/y;
const HEADER_REST = /[ \t]*(?:#[^\r\n]*)?(?=\r|\n|$)/y;

/**
 * Chunk boundaries: each line at column 0 that starts a plain `Key:`, and inside a top-level key with nothing
 * after its colon and a block sequence below, each line with exactly the first item's indentation and `- `.
 * Undefined when the text holds anything the chunks might read differently from the whole parse.
 */
function splitChunks(text: string): Span[] | undefined {
  const spans: Span[] = [];
  let chunkStart = 0;
  let chunkRole: Role = 'pairs';
  /** Inside a top-level block sequence: the items' indentation; -1 outside. */
  let itemIndent = -1;
  /** The header line's key whose sequence comes next, waiting for its first item. */
  let headerPending = false;
  /** Whether the chunk so far has a line other than blank lines and comments, which stay with the lines before them. */
  let hasContent = false;
  const close = (end: number, nextRole: Role): void => {
    if (end > chunkStart) spans.push({ start: chunkStart, end, role: chunkRole });
    chunkStart = end;
    chunkRole = nextRole;
    hasContent = false;
  };
  let cr = text.indexOf('\r');
  for (let lineStart = 0; lineStart < text.length;) {
    let lineEnd = text.indexOf('\n', lineStart);
    lineEnd = lineEnd === -1 ? text.length : lineEnd + 1;
    if (cr !== -1 && cr < lineEnd) {
      // A lone \r also ends a line for yaml; rare enough to leave to the whole parse.
      if (cr !== lineEnd - 2 || text.charCodeAt(lineEnd - 1) !== 0x0a) return undefined;
      cr = text.indexOf('\r', lineEnd);
    }
    let indent = lineStart;
    while (text.charCodeAt(indent) === 0x20) indent++;
    const c = text.charCodeAt(indent);
    const trivia = indent >= lineEnd || c === 0x0a || c === 0x0d || c === 0x23; // blank line or comment
    if (c === 0x09 && !trivia) {
      // A tab before the content: tabs are not indentation in YAML. Blank lines with tabs are fine.
      if (text.slice(indent, lineEnd).trim() !== '') return undefined;
    } else if (!trivia) {
      const column = indent - lineStart;
      const dash = c === 0x2d && isBlankOrEnd(text.charCodeAt(indent + 1));
      if (column === 0 && !dash) {
        KEY_LINE.lastIndex = lineStart;
        if (KEY_LINE.test(text)) {
          // A header whose next content is this key has no sequence after all.
          if (headerPending && chunkRole === 'header') chunkRole = 'pairs';
          if (hasContent) close(lineStart, 'pairs');
          itemIndent = -1;
          HEADER_REST.lastIndex = KEY_LINE.lastIndex;
          headerPending = HEADER_REST.test(text);
          if (headerPending) chunkRole = 'header';
        } else if (!isKeyChar(c)) {
          // `---`, `...`, `%`, `[`, `{`, `?`, `:`, quotes, `&`, `*`, `!`, `|`, `>`, …: unusual in a job.
          return undefined;
        }
        // Other lines at column 0 that start like a key stay in their chunk; its parse judges them.
      } else if (headerPending) {
        headerPending = false;
        if (dash) {
          itemIndent = column;
          close(lineStart, 'item');
        } else if (chunkRole === 'header') {
          chunkRole = 'pairs';
        }
      } else if (itemIndent >= 0) {
        if (column === itemIndent && dash) close(lineStart, 'item');
        else if (column < itemIndent) return undefined;
      } else if (column === 0) {
        return undefined; // a dash at column 0 outside a sequence of a top-level key
      }
      hasContent = true;
    }
    lineStart = lineEnd;
  }
  if (headerPending && chunkRole === 'header') chunkRole = 'pairs';
  close(text.length, 'pairs');
  // The chunks begin at column 0 with a key: the first one may begin with comments.
  return spans.length > 0 && spans[0]!.role !== 'item' ? spans : undefined;
}

function isBlankOrEnd(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || Number.isNaN(c);
}

function isKeyChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
}
