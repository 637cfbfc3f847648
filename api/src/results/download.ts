/**
 * Streams a result from OSS to disk so that a reader never sees half a file: bytes go to a temporary name in
 * the target folder, which is renamed when the transfer is complete and its length checked. A cancel or a
 * failure removes the temporary file; an existing file is replaced only with `overwrite`.
 */
import { createWriteStream } from 'node:fs';
import { link, mkdir, rename, rm, stat, unlink } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { OssConnection, OssObjectSummary } from '../oss/client';
import { ossUri } from '../oss/client';
import { OssError } from '../oss/errors';
import type { OssLocation } from './outputLocation';
import { t } from '../../../core/src/l10n';

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
}

/** The target is there and `overwrite` was not given. */
export class TargetExistsError extends Error {
  readonly paths: readonly string[];
  constructor(paths: readonly string[]) {
    super(paths.length === 1 ? t('{0} already exists: not replaced.', paths[0]) : t('{0} files already exist, e.g. {1}: nothing replaced.', paths.length, paths[0]));
    this.name = 'TargetExistsError';
    this.paths = paths;
  }
}

const exists = async (path: string): Promise<boolean> => stat(path).then(() => true, () => false);
const partName = (target: string): string => join(dirname(target), `.${basename(target)}.${randomBytes(4).toString('hex')}.part`);

/** Moves a finished file into place; without overwrite a file that appeared meanwhile is kept (link fails). */
async function place(temp: string, target: string, overwrite: boolean): Promise<void> {
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

/** Runs `call` in `region`; when OSS says the bucket is elsewhere, once more in the bucket's own region. */
async function inBucketRegion<T>(oss: OssConnection, bucket: string, region: string, signal: AbortSignal | undefined, call: (region: string) => Promise<T>): Promise<T> {
  try {
    return await call(region);
  } catch (error) {
    if (!(error instanceof OssError) || error.kind !== 'wrong-region') throw error;
    const own = await oss.getBucketRegion(bucket, region, signal ? { signal } : {});
    return call(own);
  }
}

interface Counter {
  bytes: number;
  readonly totalBytes: number | undefined;
  filesDone: number;
  readonly filesTotal: number;
}

async function streamTo(oss: OssConnection, bucket: string, region: string, key: string, path: string, counter: Counter, options: DownloadOptions): Promise<number> {
  const signal = options.signal;
  const object = await oss.getObjectStream(bucket, region, key, signal ? { signal } : {});
  await mkdir(dirname(path), { recursive: true });
  let written = 0;
  const count = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      written += chunk.length;
      counter.bytes += chunk.length;
      options.onProgress?.({ key, bytes: counter.bytes, totalBytes: counter.totalBytes ?? object.size, filesDone: counter.filesDone, filesTotal: counter.filesTotal });
      done(null, chunk);
    },
  });
  try {
    await pipeline(object.stream, count, createWriteStream(path, { flags: 'wx' }), signal ? { signal } : {});
  } catch (error) {
    await rm(path, { force: true });
    if (signal?.aborted) throw new OssError({ kind: 'cancelled', code: 'Cancelled', operation: 'GetObject', message: t('The download of {0} was cancelled; nothing was kept.', ossUri(bucket, key)) });
    throw error instanceof OssError ? error : new OssError({ kind: 'network', code: 'DownloadFailed', operation: 'GetObject', message: t('The download of {0} broke off ({1}); nothing was kept.', ossUri(bucket, key), (error as Error).message) });
  }
  if (object.size !== undefined && written !== object.size) {
    await rm(path, { force: true });
    throw new OssError({ kind: 'network', code: 'IncompleteBody', operation: 'GetObject', message: t('The download of {0} ended after {1} of {2} bytes; nothing was kept.', ossUri(bucket, key), written, object.size) });
  }
  counter.filesDone += 1;
  return written;
}

/** One object to the file `targetPath`. A missing key is an OssError 'no-such-key' naming it, and nothing is written. */
export async function downloadObject(oss: OssConnection, location: OssLocation, region: string, targetPath: string, options: DownloadOptions = {}): Promise<DownloadResult> {
  const target = resolve(targetPath);
  if (!options.overwrite && (await exists(target))) throw new TargetExistsError([target]);
  const temp = partName(target);
  const counter: Counter = { bytes: 0, totalBytes: undefined, filesDone: 0, filesTotal: 1 };
  return inBucketRegion(oss, location.bucket, region, options.signal, async (used) => {
    const size = await streamTo(oss, location.bucket, used, location.key, temp, counter, options);
    try {
      await place(temp, target, !!options.overwrite);
    } finally {
      await rm(temp, { force: true });
    }
    return { files: [{ key: location.key, path: target, size }], bytes: size, region: used };
  });
}

/** Where a key under `prefix` goes in the folder: its name after the prefix's last `/`, never outside the folder. */
function localPath(folder: string, prefix: string, key: string): string | undefined {
  const rel = key.slice(prefix.lastIndexOf('/') + 1);
  if (!rel || rel.endsWith('/')) return undefined;
  const path = resolve(folder, ...rel.split('/'));
  return path.startsWith(folder + sep) ? path : undefined;
}

/**
 * Every object under `prefix` into the folder `targetDir` (the playlist and segments of a segmented output),
 * laid out by their names after the prefix's folder. Staged in a temporary folder beside the target and moved
 * in when every object is complete. No object under the prefix: OssError 'no-such-key' naming the prefix.
 */
export async function downloadPrefix(oss: OssConnection, location: OssLocation, region: string, targetDir: string, options: DownloadOptions = {}): Promise<DownloadResult> {
  const folder = resolve(targetDir);
  const signal = options.signal;
  return inBucketRegion(oss, location.bucket, region, signal, async (used) => {
    const listing = await oss.listAll(location.bucket, used, location.key, signal ? { signal } : {});
    const wanted = listing.objects
      .map((object) => ({ object, path: localPath(folder, location.key, object.key) }))
      .filter((entry): entry is { object: OssObjectSummary; path: string } => entry.path !== undefined);
    if (!wanted.length) {
      throw new OssError({ kind: 'no-such-key', code: 'NoSuchKey', operation: 'ListObjectsV2', message: t('There is no object under {0}.', ossUri(location.bucket, location.key)) });
    }
    if (!options.overwrite) {
      const present = (await Promise.all(wanted.map(async ({ path }) => ((await exists(path)) ? path : undefined)))).filter((p): p is string => !!p);
      if (present.length) throw new TargetExistsError(present);
    }
    const staging = partName(folder);
    const counter: Counter = { bytes: 0, totalBytes: wanted.reduce((sum, { object }) => sum + object.size, 0), filesDone: 0, filesTotal: wanted.length };
    const files: DownloadedFile[] = [];
    try {
      for (const { object, path } of wanted) {
        const staged = join(staging, relative(folder, path));
        const size = await streamTo(oss, location.bucket, used, object.key, staged, counter, options);
        files.push({ key: object.key, path, size });
      }
      if (!(await exists(folder))) {
        await mkdir(dirname(folder), { recursive: true });
        await rename(staging, folder);
      } else {
        for (const file of files) {
          await mkdir(dirname(file.path), { recursive: true });
          await place(join(staging, relative(folder, file.path)), file.path, !!options.overwrite);
        }
      }
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
    return { files, bytes: counter.bytes, region: used };
  });
}

/** A key ending with `/` is a folder (downloadPrefix), anything else one object (downloadObject). */
export function downloadOutput(oss: OssConnection, location: OssLocation, region: string, target: string, options: DownloadOptions = {}): Promise<DownloadResult> {
  return location.key.endsWith('/') ? downloadPrefix(oss, location, region, target, options) : downloadObject(oss, location, region, target, options);
}
