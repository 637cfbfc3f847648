/** The entry of dist/media-parsers.js: the media parsers alone, required lazily by ./parsers. */
import type * as Mediabunny from 'mediabunny' with { 'resolution-mode': 'import' };

export { createFile, Log, MP4BoxBuffer } from 'mp4box';

// mediabunny's typings are ESM only; at run time its package serves Node a CommonJS build for require.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
const mediabunny = require('mediabunny') as typeof Mediabunny;
export const { ALL_FORMATS, CustomSource, Input } = mediabunny;
export type { InputAudioTrack, InputVideoTrack } from 'mediabunny' with { 'resolution-mode': 'import' };
