import { t } from '../shared/l10n';
import { quote } from '../shared/words';

/** Titles of the quick fixes of core/src/fixes, kept together for translation. */
export const FIX_TITLES = {
  ossUrlToUri: (uri: string, region: string): string =>
    t('Change to {0} (the bucket is in {1}: IMM must run in the same region, set by immHighlight.region)', quote(uri), region),
  /** The configured region is known: a note only when the bucket is elsewhere. */
  ossUrlToUriIn: (uri: string, bucketRegion: string, configured: string): string =>
    bucketRegion === configured
      ? t('Change to {0}', quote(uri))
      : t('Change to {0} (the bucket is in {1}, but immHighlight.region is {2}: IMM reads OSS in its own region)', quote(uri), bucketRegion, configured),
  numberText: (value: number): string => t('Change to the number {0}', value),
  resolution: (value: string): string => t('Change to {0}', quote(value)),
  nearestBound: (value: number, bound: number, which: 'minimum' | 'maximum'): string =>
    which === 'minimum' ? t('Change {0} to {1}, the smallest valid value', value, bound) : t('Change {0} to {1}, the largest valid value', value, bound),
  neutralValue: (value: number, neutral: number, meaning: string): string => t('Change {0} to {1}, {2}', value, neutral, meaning),
  containerFromExtension: (container: string): string => t("Change Container to {0}, as the URI's extension says", quote(container)),
  extensionFromContainer: (extension: string): string => t("Change the URI's extension to {0}, as Container says", quote(`.${extension}`)),
  setMode: (mode: string, value: string): string => t('Set {0} to {1}', mode, value),
  insertJob: (type: string, prefix: string): string => t('Insert a {0} job (snippet {1})', type, prefix),
};

// Functions, not texts: a table of texts would be filled before the display language is chosen.
export const FIX_ALL_TITLES_OF_NEW_KINDS = {
  'convert-value': () => t('Convert all values written in another form in this file'),
  'clamp-value': () => t('Change all out-of-range numbers to the nearest valid value in this file'),
  'set-value': () => t('Apply all suggested settings in this file'),
  'insert-job': () => t('Insert a job'),
} as const;
