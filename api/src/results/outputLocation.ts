/**
 * Where a task's result is: GetTask returns none, so it is whatever the task wrote at the job's Output.URI — one
 * object, or with Output.Segment a playlist and its segments beside it.
 */
import { splitOssUri, ossUriProblem } from '../../../core/src/index';

export interface OssLocation {
  readonly bucket: string;
  /** The object key, or a prefix ending with `/` for a folder. */
  readonly key: string;
}

/** `oss://bucket/key` -> bucket and key; throws an Error that says what is wrong with the text. */
export function parseOssLocation(uri: string): OssLocation {
  const location = splitOssUri(uri);
  if (!location) throw new Error(ossUriProblem(uri));
  return location;
}

export function isPrefix(location: OssLocation): boolean {
  return location.key.endsWith('/');
}

/**
 * The prefix that holds a segmented output: the URI itself when it is a folder (`out/reel/`), else the playlist's
 * name without its extension (`out/reel.m3u8` -> `out/reel`), which its segments (`out/reel-0.ts`, `out/reel_1.m4s`)
 * share. Nothing documents the segment names IMM writes, so the prefix is kept as narrow as that allows.
 */
export function segmentPrefix(location: OssLocation): string {
  if (isPrefix(location)) return location.key;
  const slash = location.key.lastIndexOf('/');
  const name = location.key.slice(slash + 1);
  const dot = name.lastIndexOf('.');
  return location.key.slice(0, slash + 1) + (dot > 0 ? name.slice(0, dot) : name);
}

/**
 * The folder a segmented output is downloaded into, inside the folder the user chose: the playlist's (or prefix's)
 * name without its extension. A name that would not be a folder of its own there (`...m3u8` -> `..`, empty, only
 * dots) becomes `output`, so the download never lands above the chosen folder.
 */
export function downloadFolderName(key: string): string {
  const name = key.replace(/\/+$/, '').split('/').pop() ?? '';
  const stem = name.replace(/\.[^.]+$/, '');
  return /^\.*$/.test(stem) || /[\\/]/.test(stem) ? 'output' : stem;
}

/** The OSS console page of an object (or of the folder for a prefix). */
export function ossConsoleUrl(location: OssLocation, region: string): string {
  const folder = isPrefix(location) ? location.key : location.key.slice(0, location.key.lastIndexOf('/') + 1);
  const base = `https://oss.console.aliyun.com/bucket/oss-${region.replace(/^oss-/, '')}/${encodeURIComponent(location.bucket)}/object`;
  return folder ? `${base}?path=${encodeURIComponent(folder)}` : base;
}
