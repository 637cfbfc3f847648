/**
 * Where a finding's range is after an edit, so cloud diagnostics follow the text while the user types instead of
 * staying where they were until the next save. A finding whose range an edit touched (its value was changed, or
 * text was typed against it) is dropped: what the cloud said about the old value says nothing about the new one.
 * Pure; positions are LSP/VS Code style (zero-based line and UTF-16 character).
 */

export interface TextPosition {
  readonly line: number;
  readonly character: number;
}

export interface TextRange {
  readonly start: TextPosition;
  readonly end: TextPosition;
}

/** One content change: the range it replaced, in the text before it, and the text put there. */
export interface TextEdit {
  readonly range: TextRange;
  readonly text: string;
}

const before = (a: TextPosition, b: TextPosition): boolean => a.line < b.line || (a.line === b.line && a.character < b.character);

/** Where `position`, at or after the end of the edit's range, is once the edit is applied. */
function shiftPosition(position: TextPosition, edit: TextEdit): TextPosition {
  const lines = edit.text.split(/\r\n|\r|\n/);
  const removedLines = edit.range.end.line - edit.range.start.line;
  const line = position.line + (lines.length - 1) - removedLines;
  if (position.line !== edit.range.end.line) return { line, character: position.character };
  const last = lines[lines.length - 1]!.length;
  const lineStart = lines.length === 1 ? edit.range.start.character + last : last;
  return { line, character: lineStart + (position.character - edit.range.end.character) };
}

/** The range after one edit, or undefined when the edit touched it (overlapping or adjacent). */
export function shiftRange(range: TextRange, edit: TextEdit): TextRange | undefined {
  // Entirely after the range: nothing moves.
  if (before(range.end, edit.range.start)) return range;
  // Entirely before the range (ending before it starts): the range moves with the text.
  if (before(edit.range.end, range.start)) return { start: shiftPosition(range.start, edit), end: shiftPosition(range.end, edit) };
  return undefined;
}

/** The range after a document change event's edits, applied in order (VS Code lists them so); undefined: touched. */
export function shiftRangeThrough(range: TextRange, edits: readonly TextEdit[]): TextRange | undefined {
  let current: TextRange | undefined = range;
  for (const edit of edits) {
    current = current && shiftRange(current, edit);
    if (!current) return undefined;
  }
  return current;
}
