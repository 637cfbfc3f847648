import { isMap, isPair, isScalar, isSeq, stringify, type Node, type Pair, type Scalar } from 'yaml';
import type { TextEdit } from 'vscode-languageserver-types';
import type { JobDocument } from './document';
import { rangeOf } from './positions';

/** Text-level helpers shared by quick fixes and formatting: lines, layout of the document, YAML scalars. */

/** Offset of the first character of the line holding `offset`. */
export function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset just past the line break of the line holding `offset` (or the end of the text); an offset already at a line start stays. */
export function nextLineStart(text: string, offset: number): number {
  if (offset > 0 && text[offset - 1] === '\n') return offset;
  const lineBreak = text.indexOf('\n', offset);
  return lineBreak === -1 ? text.length : lineBreak + 1;
}

/** True when only spaces stand between the start of the line and `offset`. */
export function startsLine(text: string, offset: number): boolean {
  return /^[ \t]*$/.test(text.slice(lineStartOf(text, offset), offset));
}

export function columnOf(text: string, offset: number): number {
  return offset - lineStartOf(text, offset);
}

/** The offset after the `:` that follows a key: the start of where the key's value is written. */
export function afterColon(text: string, keyEnd: number): number {
  const colon = text.indexOf(':', keyEnd);
  return colon === -1 ? keyEnd : colon + 1;
}

/** Where the written content of a node ends, without the line break and blank lines a block node takes along. */
export function contentEnd(text: string, node: Node): number {
  const range = node.range;
  if (!range) return 0;
  let end = range[1];
  while (end > range[0] && /\s/.test(text[end - 1]!)) end--;
  return end;
}

/** Where a pair's text ends: its value's content, or its key when it has no written value. */
export function pairEnd(text: string, pair: Pair<Node, Node | null>): number {
  const keyEnd = pair.key?.range?.[1] ?? 0;
  const value = pair.value;
  if (!value?.range || (isScalar(value) && value.range[0] === value.range[1])) return keyEnd;
  return Math.max(keyEnd, contentEnd(text, value));
}

/** How a document lays itself out, so inserted lines look like the lines around them. */
export interface DocumentStyle {
  /** Spaces per nesting level. */
  readonly indent: number;
  /** Whether `- ` items sit one level deeper than their key (true) or at the key's column (false). */
  readonly indentSeq: boolean;
  readonly eol: '\n' | '\r\n';
}

const styles = new WeakMap<JobDocument, DocumentStyle>();

export function documentStyle(doc: JobDocument): DocumentStyle {
  let style = styles.get(doc);
  if (!style) {
    style = measureStyle(doc);
    styles.set(doc, style);
  }
  return style;
}

function measureStyle(doc: JobDocument): DocumentStyle {
  const eol = doc.text.includes('\r\n') ? '\r\n' : '\n';
  let indent: number | undefined;
  let indentSeq: boolean | undefined;
  // The first nested block collection under a key tells how far this author indents.
  const visit = (node: unknown): void => {
    if (indent !== undefined && indentSeq !== undefined) return;
    if (isMap(node)) {
      for (const item of node.items) {
        if (!isPair(item)) continue;
        const pair = item as Pair<Node, Node | null>;
        const keyStart = pair.key?.range?.[0];
        if (keyStart === undefined) continue;
        const keyColumn = columnOf(doc.text, keyStart);
        const value = pair.value;
        if ((isMap(value) || isSeq(value)) && !value.flow && value.range) {
          const childColumn = columnOf(doc.text, value.range[0]);
          if (isMap(value) && childColumn > keyColumn && indent === undefined) indent = childColumn - keyColumn;
          if (isSeq(value) && indentSeq === undefined && startsLine(doc.text, value.range[0])) {
            indentSeq = childColumn > keyColumn;
            if (indentSeq && indent === undefined) indent = childColumn - keyColumn;
          }
        }
        visit(value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) visit(item);
    }
  };
  visit(doc.yaml?.contents);
  return { indent: indent ?? 2, indentSeq: indentSeq ?? true, eol };
}

export type QuoteStyle = 'PLAIN' | 'QUOTE_SINGLE' | 'QUOTE_DOUBLE';

/** The style a scalar was written in; block scalars are replaced by plain ones. */
export function quoteStyleOf(node: Scalar): QuoteStyle {
  return node.type === 'QUOTE_SINGLE' || node.type === 'QUOTE_DOUBLE' ? node.type : 'PLAIN';
}

/**
 * A value written as a one-line YAML scalar in the requested style. Numbers stay plain (quoting would make
 * them text); a string that would not read back as itself when plain (`true`, `12`, `a: b`) gets quoted.
 */
export function scalarText(value: string | number, style: QuoteStyle): string {
  if (typeof value === 'number') return String(value);
  switch (style) {
    case 'QUOTE_SINGLE':
      // eslint-disable-next-line no-control-regex -- control characters are what a single-quoted scalar cannot hold
      return /^[^\n\r\t\u0000-\u001f\u007f-\u009f]*$/.test(value) ? `'${value.replace(/'/g, "''")}'` : JSON.stringify(value);
    case 'QUOTE_DOUBLE':
      return JSON.stringify(value);
    case 'PLAIN': {
      const written = stringify(value, { lineWidth: 0 }).replace(/\n$/, '');
      return written.includes('\n') ? JSON.stringify(value) : written;
    }
  }
}

export function replaceEdit(doc: JobDocument, start: number, end: number, newText: string): TextEdit {
  return { range: rangeOf(doc, start, end), newText };
}
