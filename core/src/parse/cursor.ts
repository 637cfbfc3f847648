import type { JobDocument, JsonPath } from './document';

/**
 * What the cursor is on, read from the lines around it rather than from the YAML tree: while a key is being
 * typed the file is usually broken (`  Tr` is a plain scalar, `- ` an empty item), and indentation is what the
 * user means. Costs one pass over the lines between the cursor and its top-level key.
 */
export type CursorContext = KeyContext | ValueContext;

interface ContextBase {
  /** Offsets of the text that a completion replaces (the partial word around the cursor). */
  readonly replaceStart: number;
  readonly replaceEnd: number;
  /** The text between `replaceStart` and the cursor. */
  readonly typed: string;
}

/** The cursor is where a key of a mapping goes: a blank line, a partial word, or right after `- `. */
export interface KeyContext extends ContextBase {
  readonly kind: 'key';
  /** The mapping the key belongs to, e.g. ['Sources', 1] or ['Output', 'Video']. */
  readonly path: JsonPath;
  /** Keys of that mapping already written, on other lines than the cursor's. */
  readonly presentKeys: ReadonlySet<string>;
  /** Column where the key starts, for the indentation of what a snippet puts on the following lines. */
  readonly column: number;
  /** The key on the cursor line already has its colon (`Ty|pe: x`): only the name is to be inserted. */
  readonly hasColon: boolean;
  /** The cursor line starts a list item (`- |`): the item may be a scalar rather than a mapping. */
  readonly itemStart: boolean;
  /** The cursor is right after a dash (`-|`): a space goes before the key. */
  readonly needsSpace: boolean;
}

/** The cursor is in the value of `Key: |`. */
export interface ValueContext extends ContextBase {
  readonly kind: 'value';
  /** The path of the value, e.g. ['Edit', 'Mode']. */
  readonly path: JsonPath;
  /** The value is inside quotes, which completion keeps. */
  readonly quote: '"' | "'" | undefined;
  /** The cursor is right after the colon (`Type:|`): a space goes before the value. */
  readonly needsSpace: boolean;
}

/** The block structure of one line: indentation, list dashes, and a `key:` if the line has one. */
export interface LineShape {
  readonly blank: boolean;
  /** Column of the first character that is not a space. */
  readonly indent: number;
  /** Columns of the `- ` list indicators the line starts with. */
  readonly dashes: readonly number[];
  /** Column where the content starts, after the indentation and the dashes. */
  readonly content: number;
  readonly key: string | undefined;
  /** Column of the key's colon. */
  readonly colon: number;
  /** Column where the value starts after the colon, and where it ends (before a comment or trailing spaces). */
  readonly valueStart: number;
  readonly valueEnd: number;
}

const BLANK: LineShape = { blank: true, indent: 0, dashes: [], content: 0, key: undefined, colon: -1, valueStart: -1, valueEnd: -1 };

function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t';
}

/** Column of a comment's `#`, or -1. A `#` starts a comment only after a space, outside quotes. */
function commentStart(line: string, from: number): number {
  let quote: string | undefined;
  for (let i = from; i < line.length; i++) {
    const ch = line[i]!;
    if (quote) {
      if (ch === '\\' && quote === '"') i++;
      else if (ch === quote) quote = undefined;
    } else if (ch === '#' && (i === 0 || isSpace(line[i - 1]))) {
      return i;
    } else if ((ch === '"' || ch === "'") && (i === from || isSpace(line[i - 1]) || line[i - 1] === '[' || line[i - 1] === '{')) {
      quote = ch;
    }
  }
  return -1;
}

/** The one line-shape reader of the core: completion's cursor context and the YAML error explanations use it. */
export function shapeOf(line: string): LineShape {
  let i = 0;
  while (line[i] === ' ') i++;
  if (i >= line.length || line[i] === '#') return { ...BLANK, indent: i, content: i };
  const indent = i;
  const dashes: number[] = [];
  while (line[i] === '-' && (i + 1 === line.length || isSpace(line[i + 1]))) {
    dashes.push(i);
    i++;
    while (isSpace(line[i])) i++;
  }
  const content = i;
  const shape = { blank: false, indent, dashes, content, key: undefined, colon: -1, valueStart: -1, valueEnd: -1 };
  if (i >= line.length || line[i] === '#') return shape;
  const key = keyAt(line, content);
  if (!key) return shape;
  let valueStart = key.colon + 1;
  while (isSpace(line[valueStart])) valueStart++;
  const comment = commentStart(line, valueStart);
  let valueEnd = comment === -1 ? line.length : comment;
  while (valueEnd > valueStart && isSpace(line[valueEnd - 1])) valueEnd--;
  return { ...shape, key: key.name, colon: key.colon, valueStart, valueEnd };
}

/** A `key:` at a column: a plain key up to the first `: `, or a quoted one. */
function keyAt(line: string, start: number): { name: string; colon: number } | undefined {
  const first = line[start];
  if (first === '[' || first === '{' || first === '|' || first === '>') return undefined;
  if (first === '"' || first === "'") {
    let i = start + 1;
    let name = '';
    for (; i < line.length; i++) {
      const ch = line[i]!;
      if (first === '"' && ch === '\\') {
        name += line[++i] ?? '';
      } else if (ch === first) {
        if (first === "'" && line[i + 1] === "'") {
          name += "'";
          i++;
        } else break;
      } else name += ch;
    }
    if (i >= line.length) return undefined;
    let colon = i + 1;
    while (isSpace(line[colon])) colon++;
    return line[colon] === ':' && (colon + 1 === line.length || isSpace(line[colon + 1])) ? { name, colon } : undefined;
  }
  for (let i = start; i < line.length; i++) {
    const ch = line[i];
    if (ch === '#' && isSpace(line[i - 1])) return undefined;
    if (ch === ':' && (i + 1 === line.length || isSpace(line[i + 1]))) {
      const name = line.slice(start, i).trimEnd();
      return name ? { name, colon: i } : undefined;
    }
  }
  return undefined;
}

/** The lines of a document and their shapes, computed on demand and kept with the parse. */
class Lines {
  private readonly shapes: (LineShape | undefined)[] = [];
  unit: number | undefined;
  constructor(private readonly doc: JobDocument) {}

  get count(): number {
    return this.doc.lineCounter.lineStarts.length;
  }

  start(line: number): number {
    return this.doc.lineCounter.lineStarts[line] ?? this.doc.text.length;
  }

  text(line: number): string {
    const starts = this.doc.lineCounter.lineStarts;
    const start = starts[line] ?? this.doc.text.length;
    let end = line + 1 < starts.length ? starts[line + 1]! - 1 : this.doc.text.length;
    if (end > start && this.doc.text[end - 1] === '\r') end--;
    return this.doc.text.slice(start, end);
  }

  shape(line: number): LineShape {
    let shape = this.shapes[line];
    if (!shape) {
      shape = shapeOf(this.text(line));
      this.shapes[line] = shape;
    }
    return shape;
  }
}

const linesCache = new WeakMap<JobDocument, Lines>();

function linesOf(doc: JobDocument): Lines {
  let lines = linesCache.get(doc);
  if (!lines) {
    lines = new Lines(doc);
    linesCache.set(doc, lines);
  }
  return lines;
}

/** The line holding an offset (binary search over the line starts). */
function lineAt(lines: Lines, offset: number, doc: JobDocument): number {
  const starts = doc.lineCounter.lineStarts;
  let low = 0;
  let high = Math.max(0, starts.length - 1);
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return Math.min(low, Math.max(0, lines.count - 1));
}

const WORD = /[\w$-]/u;
const BLOCK_SCALAR = /^[|>][0-9+-]*$/;

export function cursorContext(doc: JobDocument, offset: number): CursorContext | undefined {
  const lines = linesOf(doc);
  const line = lineAt(lines, offset, doc);
  const lineStart = lines.start(line);
  const text = lines.text(line);
  const col = Math.min(offset - lineStart, text.length);
  const comment = commentStart(text, 0);
  if (comment !== -1 && comment < col) return undefined;
  const shape = lines.shape(line);

  if (shape.key !== undefined && shape.colon < col) {
    const value = valueContext(text, shape, col, lineStart);
    if (!value) return undefined;
    const scan = scanUp(lines, line, shape.content, shape.dashes, false);
    if (!scan) return undefined;
    return { kind: 'value', path: [...scan.path, shape.key], ...value };
  }

  // Key position: a blank line, a partial word, the start of a list item, or inside an existing key.
  let dashes: readonly number[] = shape.dashes;
  let column: number;
  let start: number;
  let end: number;
  if (shape.blank) {
    dashes = [];
    column = start = end = col;
  } else if (col < shape.content) {
    return undefined; // in the indentation or the dashes before existing content
  } else if (shape.content >= text.length) {
    column = start = end = col; // `- |`
  } else {
    column = start = shape.content;
    for (let i = start; i < col; i++) if (!WORD.test(text[i]!)) return undefined;
    end = col;
    while (end < text.length && WORD.test(text[end]!)) end++;
  }
  const hasColon = shape.key !== undefined || /^\s*:(\s|$)/.test(text.slice(end));
  const scan = scanUp(lines, line, column, dashes, true);
  if (!scan) return undefined;
  const presentKeys = new Set(scan.siblings);
  collectSiblingsBelow(lines, line, column, presentKeys);
  return {
    kind: 'key',
    path: scan.path,
    presentKeys,
    column,
    hasColon,
    itemStart: dashes.length > 0,
    needsSpace: dashes.length > 0 && dashes[dashes.length - 1] === start - 1,
    replaceStart: lineStart + start,
    replaceEnd: lineStart + end,
    typed: text.slice(start, Math.max(start, col)),
  };
}

function valueContext(text: string, shape: LineShape, col: number, lineStart: number): Omit<ValueContext, 'kind' | 'path'> | undefined {
  const valueText = text.slice(shape.valueStart, shape.valueEnd);
  const first = valueText[0];
  if (first === '[' || first === '{' || first === '&' || first === '*' || first === '!' || BLOCK_SCALAR.test(valueText)) return undefined;
  const quoted = first === '"' || first === "'";
  if (col <= shape.colon + 1 || col < shape.valueStart || (quoted && col === shape.valueStart)) {
    // Between the colon and the value: insert before whatever is there.
    return { replaceStart: lineStart + col, replaceEnd: lineStart + col, typed: '', quote: undefined, needsSpace: col === shape.colon + 1 };
  }
  if (quoted) {
    const close = text.indexOf(first, shape.valueStart + 1);
    const end = Math.max(col, close === -1 ? shape.valueEnd : close);
    if (close !== -1 && col > close) return undefined;
    const start = shape.valueStart + 1;
    return { replaceStart: lineStart + start, replaceEnd: lineStart + end, typed: text.slice(start, col), quote: first, needsSpace: false };
  }
  const end = Math.max(col, shape.valueEnd);
  return {
    replaceStart: lineStart + shape.valueStart,
    replaceEnd: lineStart + end,
    typed: text.slice(shape.valueStart, col),
    quote: undefined,
    needsSpace: false,
  };
}

type Frame = { kind: 'map'; col: number } | { kind: 'seq'; col: number; index: number };

interface Scan {
  readonly path: JsonPath;
  /** Keys of the cursor's mapping found above the cursor (when asked to collect them). */
  readonly siblings: string[];
}

/**
 * Walks up from the cursor line to the top of the file, following indentation: a key left of the current
 * column opens the mapping or list we are in, a `- ` left of it opens a list item, keys at the same column
 * are siblings. `column` is the column of the key at the cursor; `dashes` are the list indicators before it
 * on the cursor line. Returns undefined inside a block scalar (`UserData: |`).
 */
function scanUp(lines: Lines, cursorLine: number, column: number, dashes: readonly number[], collect: boolean): Scan | undefined {
  const path: (string | number)[] = [];
  const siblings: string[] = [];
  let frame: Frame = { kind: 'map', col: column };
  let innermost = true;
  let line = cursorLine;

  /** The mapping of `frame` is the item of a list whose dashes are on this line. */
  const openItems = (lineDashes: readonly number[]): void => {
    innermost = false;
    for (let d = lineDashes.length - 1; d >= 0; d--) {
      if (frame.kind === 'seq') path.unshift(0);
      frame = { kind: 'seq', col: lineDashes[d]!, index: 0 };
    }
  };

  if (dashes.length > 0) openItems(dashes);
  line--;

  for (; line >= 0; line--) {
    const shape = lines.shape(line);
    if (shape.blank) continue;
    const { indent } = shape;
    if (frame.kind === 'map') {
      const col: number = frame.col;
      if (indent > col) continue;
      if (indent === col) {
        if (shape.dashes.length === 0 && shape.key !== undefined && innermost && collect) siblings.push(shape.key);
        continue;
      }
      const lastDash = shape.dashes.length ? shape.dashes[shape.dashes.length - 1]! : -1;
      if (lastDash !== -1 && lastDash < col && (shape.content >= col || shape.key === undefined)) {
        if (shape.key !== undefined && innermost && collect) siblings.push(shape.key);
        openItems(shape.dashes);
        continue;
      }
      if (shape.key !== undefined) {
        if (innermost && BLOCK_SCALAR.test(lines.text(line).slice(shape.valueStart, shape.valueEnd))) return undefined;
        innermost = false;
        path.unshift(shape.key);
        frame = { kind: 'map', col: shape.content };
        line++; // the key's own line: it is a sibling in its mapping, or the first key of a list item
      }
      continue;
    }
    // In a list whose dashes are at frame.col.
    const col: number = frame.col;
    if (indent > col) continue;
    const at = shape.dashes.indexOf(col);
    if (at !== -1) {
      frame.index++;
      if (at > 0) {
        path.unshift(frame.index);
        frame = { kind: 'seq', col: shape.dashes[at - 1]!, index: 0 };
        for (let d = at - 2; d >= 0; d--) {
          path.unshift(0);
          frame = { kind: 'seq', col: shape.dashes[d]!, index: 0 };
        }
      }
      continue;
    }
    if (shape.key !== undefined && (indent < col || shape.dashes.length === 0)) {
      path.unshift(shape.key, frame.index);
      frame = { kind: 'map', col: shape.content };
      line++;
      continue;
    }
    if (indent < col && shape.dashes.length > 0 && shape.content >= lines.text(line).length) {
      path.unshift(frame.index);
      const outer: readonly number[] = shape.dashes;
      frame = { kind: 'seq', col: outer[outer.length - 1]!, index: 0 };
      for (let d = outer.length - 2; d >= 0; d--) {
        path.unshift(0);
        frame = { kind: 'seq', col: outer[d]!, index: 0 };
      }
    }
  }
  if (frame.kind === 'seq') path.unshift(frame.index);
  return { path, siblings };
}

/** Keys at the cursor's column below it, up to the first line that is less indented. */
function collectSiblingsBelow(lines: Lines, cursorLine: number, column: number, into: Set<string>): void {
  for (let line = cursorLine + 1; line < lines.count; line++) {
    const shape = lines.shape(line);
    if (shape.blank || shape.indent > column) continue;
    if (shape.indent < column) return;
    if (shape.dashes.length === 0 && shape.key !== undefined) into.add(shape.key);
  }
}

/** Indentation step of the file: the first nesting it shows, or 2. */
export function indentUnit(doc: JobDocument): number {
  const lines = linesOf(doc);
  return (lines.unit ??= findIndentUnit(lines));
}

function findIndentUnit(lines: Lines): number {
  for (let line = 0; line + 1 < lines.count && line < 200; line++) {
    const shape = lines.shape(line);
    if (shape.blank || shape.key === undefined || shape.valueStart < shape.valueEnd) continue;
    for (let next = line + 1; next < lines.count; next++) {
      const child = lines.shape(next);
      if (child.blank) continue;
      const step = child.indent - shape.content;
      if (step > 0 && step <= 8) return step;
      break;
    }
  }
  return 2;
}

/** A key or a one-line value under the cursor, found from the lines like completion finds its context. */
export interface FieldAtCursor {
  readonly path: JsonPath;
  readonly onKey: boolean;
  /** Offsets of the key or of the value (quotes included). */
  readonly start: number;
  readonly end: number;
  /** The value as written on the line, when there is one. */
  readonly valueText: string | undefined;
}

/**
 * The field whose key or value is under the cursor, read from indentation so that a broken line elsewhere
 * does not change what a line means. Undefined off keys and values, and for values that are not one-line
 * scalars (flow collections, block scalars, anchors), which the YAML tree describes better.
 */
export function fieldAtCursor(doc: JobDocument, offset: number): FieldAtCursor | undefined {
  const lines = linesOf(doc);
  const line = lineAt(lines, offset, doc);
  const lineStart = lines.start(line);
  const text = lines.text(line);
  const col = offset - lineStart;
  const shape = lines.shape(line);
  if (shape.key === undefined || col < shape.content) return undefined;
  const comment = commentStart(text, 0);
  if (comment !== -1 && comment < col) return undefined;
  const keyEnd = shape.content + text.slice(shape.content, shape.colon).trimEnd().length;
  const valueText = shape.valueEnd > shape.valueStart ? text.slice(shape.valueStart, shape.valueEnd) : undefined;
  let onKey: boolean;
  if (col <= keyEnd) onKey = true;
  else if (valueText !== undefined && col >= shape.valueStart && col <= shape.valueEnd && !/^[[{|>&*!]/.test(valueText)) onKey = false;
  else return undefined;
  const scan = scanUp(lines, line, shape.content, shape.dashes, false);
  if (!scan) return undefined;
  return {
    path: [...scan.path, shape.key],
    onKey,
    start: lineStart + (onKey ? shape.content : shape.valueStart),
    end: lineStart + (onKey ? keyEnd : shape.valueEnd),
    valueText: valueText !== undefined && !/^[[{|>&*!]/.test(valueText) ? valueText : undefined,
  };
}
