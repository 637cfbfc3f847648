import type { Diagnostic } from 'vscode-languageserver-types';
import type { JsonPath } from '../parse/document';

/**
 * What a quick fix would do about a diagnostic, attached as `Diagnostic.data` when the diagnostic is made.
 * The code-action feature turns it into an edit, so validation and fixes agree on what is wrong.
 */
export type FixHint =
  /** Replace the value at `path` (a misspelt enum value). */
  | { readonly kind: 'replace-value'; readonly path: JsonPath; readonly value: string | number }
  /** Rename the key at `path` to `key` (a misspelt property name). */
  | { readonly kind: 'rename-key'; readonly path: JsonPath; readonly key: string }
  /** Add the missing `properties` to the object at `path`. */
  | { readonly kind: 'add-properties'; readonly path: JsonPath; readonly properties: readonly string[] }
  /** Delete the property at `path` (it has no effect, or is unknown). */
  | { readonly kind: 'remove-property'; readonly path: JsonPath }
  /** Turn the mapping at `path` into the JSON string the API wants. */
  | { readonly kind: 'to-json-string'; readonly path: JsonPath }
  /** Replace the value at `path` by the same value in the API's form (`"12"` → 12, an https OSS URL → oss://). */
  /** `bucketRegion`: an OSS web address's region, which the title compares with the configured one when it is known. */
  | { readonly kind: 'convert-value'; readonly path: JsonPath; readonly value: string | number; readonly title: string; readonly bucketRegion?: string }
  /** Replace a number out of range by its nearest bound. */
  | { readonly kind: 'clamp-value'; readonly path: JsonPath; readonly value: number; readonly title: string }
  /** Set the key at `path` to `value`, adding it (before the sibling key `before`, else last) when it is missing. */
  /** `preferred`: the fix to apply without choosing (the editor's "auto fix"), among others of its diagnostic. */
  | {
      readonly kind: 'set-value';
      readonly path: JsonPath;
      readonly value: string | number;
      readonly title: string;
      readonly before?: string;
      readonly preferred?: boolean;
    }
  /** Write the job of the snippet for `type` into an empty file. */
  | { readonly kind: 'insert-job'; readonly path: JsonPath; readonly type: string };

export interface DiagnosticData {
  readonly fixes: readonly FixHint[];
}

function isDiagnosticData(data: unknown): data is DiagnosticData {
  return typeof data === 'object' && data !== null && Array.isArray((data as { fixes?: unknown }).fixes);
}

/** The fix hints of a diagnostic as the editor sent it back: `data` is untyped JSON by then, so each hint is checked. */
export function fixHintsOf(diagnostic: Diagnostic): FixHint[] {
  const data: unknown = diagnostic.data;
  return isDiagnosticData(data) ? data.fixes.filter(isFixHint) : [];
}

function isFixHint(value: unknown): value is FixHint {
  if (typeof value !== 'object' || value === null) return false;
  const hint = value as Record<string, unknown>;
  const path = hint.path;
  if (!Array.isArray(path) || !path.every((segment) => typeof segment === 'string' || typeof segment === 'number')) return false;
  switch (hint.kind) {
    case 'replace-value':
      return typeof hint.value === 'string' || typeof hint.value === 'number';
    case 'rename-key':
      return typeof hint.key === 'string';
    case 'add-properties':
      return Array.isArray(hint.properties) && hint.properties.length > 0 && hint.properties.every((key) => typeof key === 'string');
    case 'remove-property':
      return path.length > 0;
    case 'to-json-string':
      return true;
    case 'convert-value':
    case 'set-value':
      return (
        (typeof hint.value === 'string' || typeof hint.value === 'number') &&
        typeof hint.title === 'string' &&
        (hint.before === undefined || typeof hint.before === 'string') &&
        (hint.preferred === undefined || typeof hint.preferred === 'boolean') &&
        (hint.bucketRegion === undefined || typeof hint.bucketRegion === 'string')
      );
    case 'clamp-value':
      return typeof hint.value === 'number' && typeof hint.title === 'string';
    case 'insert-job':
      return typeof hint.type === 'string';
    default:
      return false;
  }
}
