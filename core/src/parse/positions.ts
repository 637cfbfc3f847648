import { LineCounter } from 'yaml';
import type { Position, Range } from 'vscode-languageserver-types';

/**
 * Offsets in the text and LSP positions (line, UTF-16 character), both ways. Takes only the text and its line
 * starts, so the parse (which needs positions for its diagnostics) can use it without a circle.
 */
export interface TextLines {
  readonly text: string;
  readonly lineCounter: LineCounter;
}

/**
 * Line starts read off the text, counted as an LSP client counts lines (\n, \r\n or a lone \r). yaml's own
 * LineCounter, fed by its parser, misses the line breaks inside tokens it could not parse (`*a: 1\nType: x`),
 * which put every later diagnostic on the wrong line.
 */
export function lineCounterOf(text: string): LineCounter {
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

export function positionOf(lineCounter: LineCounter, offset: number): Position {
  const { line, col } = lineCounter.linePos(offset);
  return { line: line - 1, character: col - 1 };
}

/**
 * The offset of a position, clamped as LSP asks: a character past the end of its line is the line's end (before
 * its \n, \r\n or \r), a line past the last is the end of the text. Every feature converts positions here.
 */
export function offsetOf(doc: TextLines, position: Position): number {
  const starts = doc.lineCounter.lineStarts;
  if (position.line >= starts.length) return doc.text.length;
  const lineStart = starts[Math.max(0, position.line)]!;
  const end = position.line + 1 < starts.length ? lineContentEnd(doc.text, lineStart, starts[position.line + 1]!) : doc.text.length;
  return Math.min(lineStart + Math.max(0, position.character), end);
}

/** Where a line's text ends, given where the next line starts: before its line break. */
function lineContentEnd(text: string, lineStart: number, nextLineStart: number): number {
  let end = nextLineStart;
  if (end > lineStart && text.charCodeAt(end - 1) === 10) end--;
  if (end > lineStart && text.charCodeAt(end - 1) === 13) end--;
  return end;
}

/** A position moved onto the text: past the end of a line is its end, past the last line the end of the text. */
export function clampPosition(doc: TextLines, position: Position): Position {
  return positionOf(doc.lineCounter, offsetOf(doc, position));
}

export function rangeOf(doc: TextLines, start: number, end: number): Range {
  return { start: positionOf(doc.lineCounter, start), end: positionOf(doc.lineCounter, Math.max(start, end)) };
}

/** The offset where the line holding `offset` ends, before its line break. */
export function lineEnd(text: string, offset: number): number {
  let end = text.indexOf('\n', offset);
  if (end === -1) end = text.length;
  // With CRLF line ends the \r belongs to the line break, not to the text a range should cover.
  return end > offset && text[end - 1] === '\r' ? end - 1 : end;
}
