/**
 * Whether a space just typed can start something to complete, read from the line before the cursor alone (no
 * parse): editors ask for completion at every space, since a space is a trigger character (after `Key:` a value
 * starts, after `- ` an item, in the indentation a key). After any other text (a word of Highlight.Content or
 * UserData, a comment, Chinese text) the space only separates words: there the answer is empty, and the server
 * gives it before parsing the file.
 */
export function spaceCanStartCompletion(lineBeforeCursor: string): boolean {
  // Not right after a space (a client that names the trigger loosely): no judgement, complete as asked.
  if (!/\s$/.test(lineBeforeCursor)) return true;
  const before = lineBeforeCursor.trimEnd();
  if (before === '') return true;
  const last = before[before.length - 1];
  if (last === ':') return true;
  // A list item's dash, not a hyphen inside a word (`SourceHanSans-Bold`, `well-known`).
  return last === '-' && (before.length === 1 || /\s/.test(before[before.length - 2]!));
}
