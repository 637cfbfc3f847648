/** Wording shared by every message, so all diagnostics read alike. */
import { t } from './l10n';

export function quote(text: string): string {
  return `\`${text}\``;
}

export function formatList(values: readonly string[]): string {
  return values.join(', ');
}

/** A value as a message mentions it: `the text "abc"`, `the number 12`, `empty`. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return t('empty');
  if (typeof value === 'string') return t('the text {0}', JSON.stringify(truncate(value, 60)));
  // YAML's .nan and .inf are numbers to JavaScript, but "the number NaN" reads as nonsense next to "must be a number".
  if (typeof value === 'number') return Number.isNaN(value) ? t('not a number (.nan)') : Number.isFinite(value) ? t('the number {0}', value) : t('infinite');
  if (typeof value === 'boolean') return t('the boolean {0}', String(value));
  if (Array.isArray(value)) return value.length === 1 ? t('a list of 1 item') : t('a list of {0} items', value.length);
  return t('a mapping');
}

export function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
