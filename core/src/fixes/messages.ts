import { t } from '../l10n';
import { quote } from '../words';

/** Titles of the quick fixes of core/src/fixes, kept together for translation. */
export const FIX_TITLES = {
  ossUrlToUri: (uri: string, region: string): string =>
    `Change to ${quote(uri)} (the bucket is in ${region}: IMM must run in the same region, set by immHighlight.region)`,
  numberText: (value: number): string => `Change to the number ${value}`,
  resolution: (value: string): string => `Change to ${quote(value)}`,
  nearestBound: (value: number, bound: number, which: 'minimum' | 'maximum'): string =>
    `Change ${value} to ${bound}, the ${which === 'minimum' ? 'smallest' : 'largest'} valid value`,
  containerFromExtension: (container: string): string => `Change Container to ${quote(container)}, as the URI's extension says`,
  extensionFromContainer: (extension: string): string => `Change the URI's extension to ${quote(`.${extension}`)}, as Container says`,
  setMode: (mode: string, value: string): string => `Set ${mode} to ${value}`,
  insertJob: (type: string, prefix: string): string => `Insert a ${type} job (snippet ${prefix})`,
};

// Functions, not texts: a table of texts would be filled before the display language is chosen.
export const FIX_ALL_TITLES_OF_NEW_KINDS = {
  'convert-value': () => t('Convert all values written in another form in this file'),
  'clamp-value': () => t('Change all out-of-range numbers to the nearest valid value in this file'),
  'set-value': () => t('Apply all suggested settings in this file'),
  'insert-job': () => t('Insert a job'),
} as const;
