/** Wording shared by every message, so all diagnostics read alike. */

export function quote(text: string): string {
  return `\`${text}\``;
}

export function formatList(values: readonly string[]): string {
  return values.join(', ');
}

/** A value as a message mentions it: `the text "abc"`, `the number 12`, `empty`. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (typeof value === 'string') return `the text ${JSON.stringify(truncate(value, 60))}`;
  // YAML's .nan and .inf are numbers to JavaScript, but "the number NaN" reads as nonsense next to "must be a number".
  if (typeof value === 'number') return Number.isNaN(value) ? 'not a number (.nan)' : Number.isFinite(value) ? `the number ${value}` : 'infinite';
  if (typeof value === 'boolean') return `the boolean ${value}`;
  if (Array.isArray(value)) return `a list of ${value.length} item${value.length === 1 ? '' : 's'}`;
  return 'a mapping';
}

export function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
