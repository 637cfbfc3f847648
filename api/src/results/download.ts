/**
 * Streams a result from OSS to disk so that a reader never sees half a file: bytes go to a temporary name in
 * the target folder, which is renamed when the transfer is complete and its length checked. A cancel, a failure
 * or a body that stops arriving removes the temporary file; an existing file is replaced only with `overwrite`.
 * Nothing is written through a symbolic link: the target's real path is resolved once, and every folder below it
 * is looked at with lstat. Several objects are planned first (planLocalFiles): keys that cannot be placed are
 * named before any byte is written.
 */
import { createWriteStream } from 'node:fs';
import { link, lstat, mkdir, readdir, realpath, rename, rm, unlink } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { OssConnection, OssObjectSummary } from '../oss/client';
import { ossUri } from '../oss/client';
import { OssError } from '../oss/errors';
import type { OssLocation } from './outputLocation';
import { inBucketRegion } from './bucketRegion';
import { planLocalFiles, type PlannedFile, type SkippedKey } from './localPlan';
import { dashNames, hlsUris, isDash, resolveEntry } from './playlist';
import { t } from '../../../core/src/index';

export type { SkippedKey } from './localPlan';

export interface DownloadProgress {
  /** The key being written. */
  readonly key: string;
  /** Bytes written so far, all files together. */
  readonly bytes: number;
  /** Bytes to write, when OSS said. */
  readonly totalBytes: number | undefined;
  readonly filesDone: number;
  readonly filesTotal: number;
}

export interface DownloadOptions {
  readonly signal?: AbortSignal;
  /** Replace files that are already there; default false (the download is refused before any byte). */
  readonly overwrite?: boolean;
  readonly onProgress?: (progress: DownloadProgress) => void;
  /** Keys that will not be written, told before anything is written (they are also in the result). */
  readonly onSkipped?: (skipped: readonly SkippedKey[]) => void;
  /** How long a body may send nothing before the transfer is given up; default the connection's request timeout. */
  readonly inactivityMs?: number;
}

export interface DownloadedFile {
  readonly key: string;
  readonly path: string;
  readonly size: number;
}

export interface DownloadResult {
  readonly files: readonly DownloadedFile[];
  readonly bytes: number;
  /** The region the bucket answered in (after a wrong-region answer, the bucket's own). */
  readonly region: string;
  /** Keys of a folder download that were not written, each with why; empty for a complete download. */
  readonly skipped: readonly SkippedKey[];
}

/** The target is there and `overwrite` was not given. */
export class TargetExistsError extends Error {
  readonly paths: readonly string[];
  constructor(paths: readonly string[]) {
    super(
      paths.length === 1 ? t('{0} already exists: not replaced.', paths[0]) : t('{0} files already exist, e.g. {1}: nothing replaced.', paths.length, paths[0]),
    );
    this.name = 'TargetExistsError';
    this.paths = paths;
  }
}

/** The target cannot be written as asked (a symbolic link, a file where a folder is needed): found before any byte. */
export class TargetUnusableError extends Error {
  readonly path: string;
  constructor(path: string, message: string) {
    super(message);
    this.name = 'TargetUnusableError';
    this.path = path;
  }
}

/** A write on this computer failed (disk full, permissions): not a network failure. */
export class LocalWriteError extends Error {
  readonly path: string;
  constructor(path: string, cause: Error) {
    super(t('Could not write {0}: {1}. Nothing was kept.', path, cause.message));
    this.name = 'LocalWriteError';
    this.path = path;
  }
}

const exists = async (path: string): Promise<boolean> =>
  lstat(path).then(
    () => true,
    () => false,
  );
const PART = /^\.(.+)\.[0-9a-f]{8}\.part$/;
const partName = (target: string): string => join(dirname(target), `.${basename(target)}.${randomBytes(4).toString('hex')}.part`);
/** A temporary file or folder of ours untouched for this long belongs to a download that was killed. */
const STALE_PART_MS = 60_000;

/**
 * Removes `.NAME.xxxxxxxx.part` files and folders left beside `target` by a download that was killed (SIGKILL, a
 * crash, a power cut). Only names of our own pattern for this very target, and only when nothing has written to
 * them for a minute, so a download running at the same time keeps its own.
 */
export async function removeStaleParts(target: string, now = Date.now()): Promise<string[]> {
  const dir = dirname(target);
  const removed: string[] = [];
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    if (PART.exec(name)?.[1] !== basename(target)) continue;
    const path = join(dir, name);
    const info = await lstat(path).catch(() => undefined);
    if (!info || info.isSymbolicLink() || now - info.mtimeMs < STALE_PART_MS) continue;
    await rm(path, { recursive: true, force: true });
    removed.push(path);
  }
  return removed;
}

/** `path` with its longest existing ancestor replaced by that folder's real path (symbolic links resolved). */
async function realTarget(path: string): Promise<string> {
  const absolute = resolve(path);
  const rest: string[] = [];
  let existing = absolute;
  for (;;) {
    try {
      return join(await realpath(existing), ...rest.reverse());
    } catch {
      const parent = dirname(existing);
      if (parent === existing) return absolute;
      rest.push(basename(existing));
      existing = parent;
    }
  }
}

/** What is at `path` without following a link: 'missing', 'link', 'dir' or 'file'. */
async function kindAt(path: string): Promise<'missing' | 'link' | 'dir' | 'file'> {
  const info = await lstat(path).catch(() => undefined);
  if (!info) return 'missing';
  return info.isSymbolicLink() ? 'link' : info.isDirectory() ? 'dir' : 'file';
}

/** Why `parts` cannot be written below the real folder `root`, or 'exists' / 'free'. */
async function placeProblem(root: string, parts: readonly string[]): Promise<string | 'exists' | 'free'> {
  let path = root;
  for (let i = 0; i < parts.length; i += 1) {
    path = join(path, parts[i]!);
    const kind = await kindAt(path);
    if (kind === 'missing') return 'free';
    if (kind === 'link') return t('{0} is a symbolic link: nothing is written through it', path);
    const last = i === parts.length - 1;
    if (last) return kind === 'dir' ? t('{0} is a folder', path) : 'exists';
    if (kind !== 'dir') return t('{0} is a file, not a folder', path);
  }
  return 'free';
}

/** Creates the folders `parts` below `root` one by one, refusing a link or a file met on the way (made since the plan). */
async function makeFolders(root: string, parts: readonly string[]): Promise<void> {
  let path = root;
  for (const part of parts) {
    path = join(path, part);
    await mkdir(path).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
    if ((await kindAt(path)) !== 'dir')
      throw new TargetUnusableError(path, t('{0} is not a folder (a symbolic link or a file): nothing was written through it.', path));
  }
}

/** Moves a finished file into place; without overwrite a file that appeared meanwhile is kept (link fails). */
async function place(temp: string, target: string, overwrite: boolean): Promise<void> {
  if ((await kindAt(target)) === 'link') throw new TargetUnusableError(target, t('{0} is a symbolic link: nothing was written through it.', target));
  if (overwrite) return rename(temp, target);
  try {
    await link(temp, target);
    await unlink(temp);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new TargetExistsError([target]);
    // File systems without hard links: the best left is to look, then rename.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'ENOSYS') throw error;
    if (await exists(target)) throw new TargetExistsError([target]);
    await rename(temp, target);
  }
}

interface Counter {
  bytes: number;
  readonly totalBytes: number | undefined;
  filesDone: number;
  readonly filesTotal: number;
}

async function streamTo(
  oss: OssConnection,
  bucket: string,
  region: string,
  key: string,
  path: string,
  counter: Counter,
  options: DownloadOptions,
): Promise<number> {
  const signal = options.signal;
  const object = await oss.getObjectStream(bucket, region, key, signal ? { signal } : {});
  const inactivityMs = options.inactivityMs ?? oss.timeoutMs;
  await mkdir(dirname(path), { recursive: true }).catch((error: Error) => {
    (object.stream as NodeJS.ReadableStream & { destroy(): void }).destroy();
    throw new LocalWriteError(dirname(path), error);
  });
  let written = 0;
  let stalled: OssError | undefined;
  // The request timeout covers the answer's headers only: a body that stops arriving is given up here.
  const timer = setTimeout(() => {
    stalled = new OssError({
      kind: 'timeout',
      code: 'BodyTimeout',
      operation: 'GetObject',
      message: t('The download of {0} stalled: nothing arrived for {1} s; nothing was kept.', ossUri(bucket, key), Math.round(inactivityMs / 1000)),
    });
    (object.stream as NodeJS.ReadableStream & { destroy(error?: Error): void }).destroy(stalled);
  }, inactivityMs);
  const count = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      timer.refresh();
      written += chunk.length;
      counter.bytes += chunk.length;
      options.onProgress?.({
        key,
        bytes: counter.bytes,
        totalBytes: counter.totalBytes ?? object.size,
        filesDone: counter.filesDone,
        filesTotal: counter.filesTotal,
      });
      done(null, chunk);
    },
  });
  // The disk failing is told apart from the network failing: an error of the file that came before any of the body's.
  let writeFailed: Error | undefined;
  let bodyFailed = false;
  object.stream.once('error', () => (bodyFailed = true));
  const file = createWriteStream(path, { flags: 'wx' });
  file.on('error', (error) => {
    if (!bodyFailed) writeFailed ??= error;
  });
  try {
    await pipeline(object.stream, count, file, signal ? { signal } : {});
  } catch (error) {
    await rm(path, { force: true });
    if (signal?.aborted)
      throw new OssError({
        kind: 'cancelled',
        code: 'Cancelled',
        operation: 'GetObject',
        message: t('The download of {0} was cancelled; nothing was kept.', ossUri(bucket, key)),
      });
    if (stalled) throw stalled;
    if (writeFailed) throw new LocalWriteError(path, writeFailed);
    throw error instanceof OssError
      ? error
      : new OssError({
          kind: 'network',
          code: 'DownloadFailed',
          operation: 'GetObject',
          message: t('The download of {0} broke off ({1}); nothing was kept.', ossUri(bucket, key), (error as Error).message),
        });
  } finally {
    clearTimeout(timer);
  }
  if (object.size !== undefined && written !== object.size) {
    await rm(path, { force: true });
    throw new OssError({
      kind: 'network',
      code: 'IncompleteBody',
      operation: 'GetObject',
      message: t('The download of {0} ended after {1} of {2} bytes; nothing was kept.', ossUri(bucket, key), written, object.size),
    });
  }
  counter.filesDone += 1;
  return written;
}

/** One object to the file `targetPath`. A missing key is an OssError 'no-such-key' naming it, and nothing is written. */
export async function downloadObject(
  oss: OssConnection,
  location: OssLocation,
  region: string,
  targetPath: string,
  options: DownloadOptions = {},
): Promise<DownloadResult> {
  const target = await realTarget(targetPath);
  const kind = await kindAt(target);
  if (kind === 'link') throw new TargetUnusableError(target, t('{0} is a symbolic link: nothing was written through it.', target));
  if (kind === 'dir') throw new TargetUnusableError(target, t('{0} is a folder, not a file.', target));
  if (!options.overwrite && kind === 'file') throw new TargetExistsError([target]);
  const parentKind = await kindAt(dirname(target));
  if (parentKind === 'file') throw new TargetUnusableError(target, t('{0} is a file, not a folder', dirname(target)));
  await removeStaleParts(target);
  const temp = partName(target);
  const counter: Counter = { bytes: 0, totalBytes: undefined, filesDone: 0, filesTotal: 1 };
  return inBucketRegion(oss, location.bucket, region, options.signal, async (used) => {
    try {
      const size = await streamTo(oss, location.bucket, used, location.key, temp, counter, options);
      await place(temp, target, !!options.overwrite);
      return { files: [{ key: location.key, path: target, size }], bytes: size, region: used, skipped: [] };
    } finally {
      await rm(temp, { force: true });
    }
  });
}

/**
 * The objects `objects` (keys under the folder prefix `base`) into the folder `targetDir`, laid out by their names
 * after `base`. Planned first: keys that cannot be placed go to onSkipped before any write. Staged in a temporary
 * folder beside the target and moved in when every object is complete.
 */
async function downloadKeys(
  oss: OssConnection,
  bucket: string,
  region: string,
  base: string,
  objects: readonly OssObjectSummary[],
  targetDir: string,
  options: DownloadOptions,
  skippedBefore: readonly SkippedKey[] = [],
): Promise<DownloadResult> {
  const folder = await realTarget(targetDir);
  const folderKind = await kindAt(folder);
  if (folderKind === 'file' || folderKind === 'link')
    throw new TargetUnusableError(folder, t('{0} is not a folder: choose a folder to download into.', folder));
  const plan = planLocalFiles(base, objects);
  const skipped: SkippedKey[] = [...skippedBefore, ...plan.skipped];
  const wanted: { object: OssObjectSummary; file: PlannedFile }[] = [];
  const present: string[] = [];
  const sizes = new Map(objects.map((o) => [o.key, o]));
  for (const file of plan.files) {
    const problem = folderKind === 'missing' ? 'free' : await placeProblem(folder, file.parts);
    if (problem === 'exists') present.push(join(folder, ...file.parts));
    else if (problem !== 'free') {
      skipped.push({ key: file.key, reason: problem });
      continue;
    }
    wanted.push({ object: sizes.get(file.key)!, file });
  }
  if (!options.overwrite && present.length) throw new TargetExistsError(present);
  if (skipped.length) options.onSkipped?.(skipped);
  if (!wanted.length) return { files: [], bytes: 0, region, skipped };
  await mkdir(dirname(folder), { recursive: true });
  await removeStaleParts(folder);
  const staging = partName(folder);
  await mkdir(staging);
  const counter: Counter = { bytes: 0, totalBytes: wanted.reduce((sum, { object }) => sum + object.size, 0), filesDone: 0, filesTotal: wanted.length };
  const files: DownloadedFile[] = [];
  try {
    for (const { object, file } of wanted) {
      await makeFolders(staging, file.parts.slice(0, -1));
      const size = await streamTo(oss, bucket, region, object.key, join(staging, ...file.parts), counter, options);
      files.push({ key: object.key, path: join(folder, ...file.parts), size });
    }
    if (!(await exists(folder))) {
      await rename(staging, folder);
    } else {
      for (const { file } of wanted) {
        await makeFolders(folder, file.parts.slice(0, -1));
        await place(join(staging, ...file.parts), join(folder, ...file.parts), !!options.overwrite);
      }
    }
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return { files, bytes: counter.bytes, region, skipped };
}

/** The folder part of a key: `out/seg/reel.m3u8` -> `out/seg/`. */
const folderOf = (key: string): string => key.slice(0, key.lastIndexOf('/') + 1);

/**
 * Every object under `prefix` (all pages of the listing) into the folder `targetDir`, laid out by their names after
 * the prefix's folder. No object under the prefix: OssError 'no-such-key' naming the prefix.
 */
export async function downloadPrefix(
  oss: OssConnection,
  location: OssLocation,
  region: string,
  targetDir: string,
  options: DownloadOptions = {},
): Promise<DownloadResult> {
  const signal = options.signal;
  return inBucketRegion(oss, location.bucket, region, signal, async (used) => {
    const listing = await oss.listAll(location.bucket, used, location.key, { limit: Number.POSITIVE_INFINITY, ...(signal ? { signal } : {}) });
    if (!listing.objects.some((o) => !o.key.endsWith('/'))) {
      throw new OssError({
        kind: 'no-such-key',
        code: 'NoSuchKey',
        operation: 'ListObjectsV2',
        message: t('There is no object under {0}.', ossUri(location.bucket, location.key)),
      });
    }
    return downloadKeys(oss, location.bucket, used, folderOf(location.key), listing.objects, targetDir, options);
  });
}

/** HLS playlists name further playlists (a master names its variants): followed this deep. */
const MAX_PLAYLIST_DEPTH = 3;

/**
 * A segmented output named by its playlist (`.m3u8`, or a DASH `.mpd`): the playlist, then the objects it names
 * (relative URIs resolved against the playlist's key), into the folder `targetDir`. URIs outside the bucket or the
 * playlist's folder are skipped and named, never fetched. No playlist: OssError 'no-such-key'.
 */
export async function downloadPlaylist(
  oss: OssConnection,
  location: OssLocation,
  region: string,
  targetDir: string,
  options: DownloadOptions = {},
): Promise<DownloadResult> {
  const signal = options.signal;
  const call = signal ? { signal } : {};
  return inBucketRegion(oss, location.bucket, region, signal, async (used) => {
    const keys = new Map<string, number | undefined>();
    const elsewhere: SkippedKey[] = [];
    const add = async (key: string, depth: number): Promise<void> => {
      if (keys.has(key)) return;
      const playlist = await oss.getObject(location.bucket, used, key, call);
      keys.set(key, playlist.size ?? playlist.content.length);
      const text = playlist.content.toString('utf8');
      // Output.Segment with a URI that turned out to hold a plain video: the object alone, not its bytes read as names.
      if (isDash(key) ? !text.includes('<MPD') : !text.trimStart().startsWith('#EXTM3U')) return;
      if (isDash(key)) {
        const { names, patterns } = dashNames(text);
        for (const name of names) {
          const entry = resolveEntry(key, name);
          if (entry.kind === 'key') keys.set(entry.key, keys.get(entry.key));
          else elsewhere.push({ key: entry.text, reason: t('the manifest names it outside the bucket') });
        }
        if (patterns.length) {
          const folder = folderOf(key);
          const listing = await oss.listAll(location.bucket, used, folder, { limit: Number.POSITIVE_INFINITY, ...call });
          for (const object of listing.objects) if (patterns.some((p) => p.test(object.key.slice(folder.length)))) keys.set(object.key, object.size);
        }
        return;
      }
      for (const uri of hlsUris(text)) {
        const entry = resolveEntry(key, uri);
        if (entry.kind !== 'key') elsewhere.push({ key: entry.text, reason: t('the playlist names it outside the bucket') });
        else if (/\.m3u8$/i.test(entry.key) && depth < MAX_PLAYLIST_DEPTH) await add(entry.key, depth + 1);
        else if (!keys.has(entry.key)) keys.set(entry.key, undefined);
      }
    };
    await add(location.key, 0);
    // Sizes for the progress and the plan: the listing of the playlist's folder has them.
    const folder = folderOf(location.key);
    const sized = new Map((await oss.listAll(location.bucket, used, folder, { limit: Number.POSITIVE_INFINITY, ...call })).objects.map((o) => [o.key, o.size]));
    const objects: OssObjectSummary[] = [...keys].map(([key, size]) => ({ key, size: sized.get(key) ?? size ?? 0, lastModified: undefined }));
    return downloadKeys(oss, location.bucket, used, folder, objects, targetDir, options, elsewhere);
  });
}

/**
 * A segmented output into the folder `targetDir`: a prefix (ending with `/`) is every object under it, anything
 * else is a playlist and what it names.
 */
export function downloadSegmented(
  oss: OssConnection,
  location: OssLocation,
  region: string,
  targetDir: string,
  options: DownloadOptions = {},
): Promise<DownloadResult> {
  return location.key.endsWith('/') ? downloadPrefix(oss, location, region, targetDir, options) : downloadPlaylist(oss, location, region, targetDir, options);
}

/** A key ending with `/` is a folder (downloadPrefix), anything else one object (downloadObject). */
export function downloadOutput(
  oss: OssConnection,
  location: OssLocation,
  region: string,
  target: string,
  options: DownloadOptions = {},
): Promise<DownloadResult> {
  return location.key.endsWith('/') ? downloadPrefix(oss, location, region, target, options) : downloadObject(oss, location, region, target, options);
}
