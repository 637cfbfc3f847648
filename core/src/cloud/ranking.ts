/** Which live entries a field wants first: videos for Sources, audio for BackgroundMusics, folders for Output. */
import type { OssField } from './resources';

const VIDEO = /\.(mp4|mov|m4v|mkv|avi|flv|ts|m2ts|mts|webm|wmv|3gp|mpg|mpeg|mxf)$/i;
const AUDIO = /\.(mp3|m4a|aac|wav|flac|ogg|oga|opus|wma|amr|ape)$/i;

export type LiveEntry = { readonly kind: 'folder'; readonly key: string } | { readonly kind: 'object'; readonly key: string };

/** 0 first. Folders always come before unrelated files so the user can walk down. */
export function rankEntry(field: OssField, entry: LiveEntry): number {
  if (entry.kind === 'folder') return field === 'output' ? 0 : 1;
  const wanted = field === 'source' ? VIDEO : field === 'music' ? AUDIO : undefined;
  if (field === 'output') return VIDEO.test(entry.key) ? 2 : 3;
  if (!wanted) return 2;
  return wanted.test(entry.key) ? 0 : 3;
}

/** A sort text that orders by rank, then by name. */
export function sortTextOf(field: OssField, entry: LiveEntry): string {
  return `${rankEntry(field, entry)}-${entry.key}`;
}
