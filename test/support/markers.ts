import type { Position, Range } from 'vscode-languageserver-types';

/** Text with one `|` marking the cursor: the text without it, and where it was. */
export function withCursor(marked: string): { text: string; offset: number; position: Position } {
  const offset = marked.indexOf('|');
  if (offset === -1) throw new Error('no | cursor marker in test document');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  return { text, offset, position: positionIn(text, offset) };
}

/** Text with `[[…]]` around the expected ranges: the text without the markers, and the ranges in order. */
export function withRanges(marked: string): { text: string; ranges: Range[] } {
  let text = '';
  const ranges: Range[] = [];
  const open: number[] = [];
  for (let i = 0; i < marked.length; i++) {
    if (marked.startsWith('[[', i)) {
      open.push(text.length);
      i++;
    } else if (marked.startsWith(']]', i) && open.length > 0) {
      const start = open.pop()!;
      ranges.push({ start: positionIn(text, start), end: positionIn(text, text.length) });
      i++;
    } else {
      text += marked[i];
    }
  }
  ranges.sort((a, b) => a.start.line - b.start.line || a.start.character - b.start.character);
  return { text, ranges };
}

export function positionIn(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}
