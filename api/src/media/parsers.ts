/**
 * Loads the media parsers (mp4box, mediabunny) on the first media read. mediabunny alone is about 1.5 MB, so the
 * parsers are their own bundle (dist/media-parsers.js, built by scripts/build.mjs), required only when media is read:
 * activation, the language server and the static checks never pay for it. From the sources (tsx) it is the module.
 */
import { join } from 'node:path';
import { requireBundle } from '../lazyBundle';
import type * as MediaParsers from './parsersBundle';

export type MediaParsersModule = typeof MediaParsers;

/** The file name of the bundle next to the entry bundles in dist/. */
export const MEDIA_PARSERS_BUNDLE = 'media-parsers.js';

let parsers: MediaParsersModule | undefined;

export function loadMediaParsers(): MediaParsersModule {
  if (parsers) return parsers;
  parsers = requireBundle<MediaParsersModule>(MEDIA_PARSERS_BUNDLE, join(__dirname, 'parsersBundle'));
  parsers.Log.setLogLevel(parsers.Log.error);
  return parsers;
}
