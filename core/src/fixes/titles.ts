import { t } from '../shared/l10n';
import { quote } from '../shared/words';
import { displayPath, fieldName } from '../schema/schema';
import { SNIPPETS } from '../schema/snippets';
import type { JsonPath } from '../parse/document';
import type { FixHint } from './hint';

/**
 * Every title of a quick fix and of a fix-all action, in one place for translation. Functions, not texts: a table
 * of texts would be filled before the display language is chosen.
 */
export const FIX_TITLES = {
  /** A value replaced by another: a misspelt name, a resolution in the API's form, a file name for a folder. */
  changeTo: (value: string | number): string => t('Change to {0}', quote(String(value))),
  renameKey: (key: string): string => t('Rename to {0}', quote(key)),
  addProperties: (properties: readonly string[]): string => {
    const names = properties.map(quote).join(', ');
    return properties.length === 1 ? t('Add missing property {0}', names) : t('Add missing properties {0}', names);
  },
  removeProperty: (path: JsonPath): string => t('Remove {0}', quote(fieldName(path))),
  toJsonString: (path: JsonPath): string => t('Convert {0} to a JSON string', displayPath(path)),
  ossUrlToUri: (uri: string, region: string): string =>
    t('Change to {0} (the bucket is in {1}: IMM must run in the same region, set by immHighlight.region)', quote(uri), region),
  /** The configured region is known: a note only when the bucket is elsewhere. */
  ossUrlToUriIn: (uri: string, bucketRegion: string, configured: string): string =>
    bucketRegion === configured
      ? t('Change to {0}', quote(uri))
      : t('Change to {0} (the bucket is in {1}, but immHighlight.region is {2}: IMM reads OSS in its own region)', quote(uri), bucketRegion, configured),
  numberText: (value: number): string => t('Change to the number {0}', value),
  nearestBound: (value: number, bound: number, which: 'minimum' | 'maximum'): string =>
    which === 'minimum' ? t('Change {0} to {1}, the smallest valid value', value, bound) : t('Change {0} to {1}, the largest valid value', value, bound),
  neutralValue: (value: number, neutral: number, meaning: string): string => t('Change {0} to {1}, {2}', value, neutral, meaning),
  containerFromExtension: (container: string): string => t("Change Container to {0}, as the URI's extension says", quote(container)),
  extensionFromContainer: (extension: string): string => t("Change the URI's extension to {0}, as Container says", quote(`.${extension}`)),
  setMode: (mode: string, value: string): string => t('Set {0} to {1}', mode, value),
  freeOutput: (uri: string): string => t('Write to {0} instead (no object has that name yet)', quote(uri)),
  insertJob: (type: string, prefix: string): string => t('Insert a {0} job (snippet {1})', type, prefix),
};

/** One action fixing every finding of the file whose first fix is of a kind. */
export const FIX_ALL_TITLES: Readonly<Record<FixHint['kind'], () => string>> = {
  'replace-value': () => t('Fix all misspelt values in this file'),
  'rename-key': () => t('Fix all misspelt property names in this file'),
  'add-properties': () => t('Add all missing required properties in this file'),
  'remove-property': () => t('Remove all properties without effect in this file'),
  'to-json-string': () => t('Convert all mappings to JSON strings in this file'),
  'convert-value': () => t('Convert all values written in another form in this file'),
  'clamp-value': () => t('Change all out-of-range numbers to the nearest valid value in this file'),
  'set-value': () => t('Apply all suggested settings in this file'),
  'insert-job': () => t('Insert a job'),
};

/**
 * The title of a fix. Hints that carry a title were worded when the finding was made; `region`, the configured IMM
 * region when the editor sent it, rewords the OSS web address fix, whose title depends on it.
 */
export function fixTitle(fix: FixHint, region: string | undefined): string {
  switch (fix.kind) {
    case 'replace-value':
      return FIX_TITLES.changeTo(fix.value);
    case 'rename-key':
      return FIX_TITLES.renameKey(fix.key);
    case 'add-properties':
      return FIX_TITLES.addProperties(fix.properties);
    case 'remove-property':
      return FIX_TITLES.removeProperty(fix.path);
    case 'to-json-string':
      return FIX_TITLES.toJsonString(fix.path);
    case 'convert-value':
      return fix.bucketRegion && region ? FIX_TITLES.ossUrlToUriIn(String(fix.value), fix.bucketRegion, region) : fix.title;
    case 'clamp-value':
    case 'set-value':
      return fix.title;
    case 'insert-job':
      return FIX_TITLES.insertJob(fix.type, SNIPPETS.find((snippet) => snippet.type === fix.type)?.prefix ?? '');
  }
}
