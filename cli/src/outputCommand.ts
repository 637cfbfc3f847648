/**
 * `highlight-task output <oss://bucket/key> [--download PATH] [--presign [SECONDS]] [--region R] [--oss-endpoint URL] [--profile P]`
 * and the download of `submit --wait --download PATH`. A presigned URL goes to stdout only, never to stderr.
 */
import { stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_REGION, type CredentialSource } from '../../api/src/index';
import { createOssConnection, DEFAULT_OSS_TIMEOUT_MS, OssError, type OssConnection } from '../../api/src/oss/index';
import {
  checkPresignSeconds,
  DEFAULT_PRESIGN_SECONDS,
  inBucketRegion,
  downloadObject,
  downloadSegmented,
  isPrefix,
  LocalWriteError,
  parseOssLocation,
  presignObject,
  TargetExistsError,
  TargetUnusableError,
  type DownloadProgress,
  type OssLocation,
  type SkippedKey,
} from '../../api/src/results/index';
import { mediaHintLabel, t } from '../../core/src/index';
import { parseRestoreHeader, readObjectMedia } from '../../api/src/media/index';
import { displayPath } from './files';
import { Exit, UsageError, type Io } from './io';
import { serviceFlags } from './serviceFlags';
import { escapeLine } from './terminal';
import { seconds } from './validateCommand';

export interface OutputFlags {
  readonly ossEndpoint?: string | undefined;
  readonly profile?: string | undefined;
  readonly timeoutMs?: number;
}

export function ossConnectionFor(flags: OutputFlags): OssConnection {
  const credentials: CredentialSource = flags.profile ? { kind: 'profile', name: flags.profile } : { kind: 'default' };
  return createOssConnection({
    credentials,
    timeoutMs: flags.timeoutMs ?? DEFAULT_OSS_TIMEOUT_MS,
    ...(flags.ossEndpoint ? { endpoint: flags.ossEndpoint } : {}),
  });
}

/** `--presign` takes an optional number: `--presign`, `--presign 60`, `--presign=60`. */
function takePresign(args: readonly string[]): { rest: string[]; presign: number | undefined } {
  const rest: string[] = [];
  let presign: number | undefined;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    const inline = /^--presign=(.*)$/.exec(arg);
    if (arg === '--presign' || inline) {
      const value = inline ? inline[1]! : /^\d+$/.test(args[i + 1] ?? '') ? args[++i]! : undefined;
      const seconds = value === undefined ? DEFAULT_PRESIGN_SECONDS : Number(value);
      try {
        presign = checkPresignSeconds(seconds);
      } catch (error) {
        throw new UsageError(`--presign: ${(error as Error).message}`);
      }
    } else rest.push(arg);
  }
  return { rest, presign };
}

/** A folder (existing, or written with a trailing separator) receives the object under its own name. */
async function fileTarget(path: string, location: OssLocation): Promise<string> {
  const isDir =
    /[\\/]$/.test(path) ||
    (await stat(path).then(
      (s) => s.isDirectory(),
      () => false,
    ));
  return isDir ? join(path, basename(location.key)) : path;
}

/** What a download fetches: one object, every object under a prefix, or a playlist and the segments it names. */
export type DownloadShape = 'object' | 'prefix' | 'playlist';

/** Downloads `location` to `target` (a folder unless one object), reporting on stderr; returns the exit code. */
export async function downloadToPath(
  oss: OssConnection,
  location: OssLocation,
  region: string,
  target: string,
  io: Io,
  overwrite: boolean,
  shape: DownloadShape = isPrefix(location) ? 'prefix' : 'object',
): Promise<number> {
  const path = shape !== 'object' ? resolve(io.cwd, target) : await fileTarget(resolve(io.cwd, target), location);
  const shown = escapeLine(displayPath(path, io.cwd));
  // Each report is one line: a key's own line breaks are written out, so it cannot start a line of its own.
  const uri = escapeLine(`oss://${location.bucket}/${location.key}`);
  let lastShown = -25;
  const options = {
    overwrite,
    ...(io.signal ? { signal: io.signal } : {}),
    onSkipped: (skipped: readonly SkippedKey[]) => {
      for (const s of skipped)
        io.stderr(
          `highlight-task: ${t('skipped {0}: {1}', escapeLine(s.key.includes('://') ? s.key : `oss://${location.bucket}/${s.key}`), escapeLine(s.reason))}\n`,
        );
    },
    onProgress: (p: DownloadProgress) => {
      const percent = p.totalBytes ? Math.floor((p.bytes / p.totalBytes) * 100) : -1;
      if (percent >= lastShown + 25) {
        lastShown = percent;
        io.stderr(`${t('{0}: {1}% ({2} bytes)', uri, percent, p.bytes)}\n`);
      }
    },
  };
  try {
    const result =
      shape === 'object' ? await downloadObject(oss, location, region, path, options) : await downloadSegmented(oss, location, region, path, options);
    const files = result.files.length === 1 ? t('1 file') : t('{0} files', result.files.length);
    if (result.skipped.length) {
      const skipped = result.skipped.length === 1 ? t('1 key') : t('{0} keys', result.skipped.length);
      io.stderr(
        `highlight-task: ${t('Incomplete: downloaded {0} to {1} ({2}, {3} bytes), but skipped {4} named above.', uri, shown, files, result.bytes, skipped)}\n`,
      );
      return Exit.Failure;
    }
    io.stderr(`${t('Downloaded {0} to {1} ({2}, {3} bytes).', uri, shown, files, result.bytes)}\n`);
    return Exit.Ok;
  } catch (error) {
    if (error instanceof TargetExistsError) {
      io.stderr(`highlight-task: ${error.message} ${t('Use --overwrite to replace it. Nothing was downloaded.')}\n`);
      return Exit.Failure;
    }
    if (error instanceof TargetUnusableError || error instanceof LocalWriteError) {
      io.stderr(`highlight-task: ${error.message}\n`);
      return Exit.Failure;
    }
    if (error instanceof OssError && error.kind === 'cancelled') {
      io.stderr(`${t('Interrupted: the download of {0} was cancelled; nothing was kept.', uri)}\n`);
      return Exit.Interrupted;
    }
    if (error instanceof OssError) {
      io.stderr(`highlight-task: ${error.message} ${t('Nothing was written to {0}.', shown)}\n`);
      return Exit.Failure;
    }
    throw error;
  }
}

export async function outputCommand(args: readonly string[], io: Io): Promise<number> {
  const { rest, presign } = takePresign(args);
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      download: { type: 'string' },
      overwrite: { type: 'boolean', default: false },
      region: { type: 'string' },
      'oss-endpoint': { type: 'string' },
      profile: { type: 'string' },
      timeout: { type: 'string' },
    },
  });
  if (positionals.length !== 1) throw new UsageError(t('output takes exactly one oss://bucket/key.'));
  let location: OssLocation;
  try {
    location = parseOssLocation(positionals[0]!);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (presign !== undefined && isPrefix(location))
    throw new UsageError(t('--presign needs an object, not the prefix {0}.', `oss://${location.bucket}/${location.key}`));
  const flags = serviceFlags(values, io.env, { endpoint: false, ossEndpoint: true });
  const region = flags.region ?? DEFAULT_REGION;
  const timeoutMs = seconds('timeout', values.timeout, DEFAULT_OSS_TIMEOUT_MS / 1000);
  let oss: OssConnection;
  try {
    oss = ossConnectionFor({ ossEndpoint: flags.ossEndpoint, profile: values.profile, timeoutMs });
  } catch (error) {
    // A bad --oss-endpoint is a usage error, as in `validate --cloud`.
    if (error instanceof OssError) throw new UsageError(error.message);
    throw error;
  }
  const uri = `oss://${location.bucket}/${location.key}`;
  const signal = io.signal ? { signal: io.signal } : {};
  try {
    if (values.download !== undefined) {
      const code = await downloadToPath(oss, location, region, values.download, io, values.overwrite);
      if (code !== Exit.Ok || presign === undefined) return code;
    }
    if (presign !== undefined) {
      // Only an object that is there is worth a URL; HeadObject also needs no more than oss:GetObject.
      let used = region;
      await inBucketRegion(oss, location.bucket, region, io.signal, (r) => ((used = r), oss.headObject(location.bucket, r, location.key, signal)));
      const url = await presignObject(oss, location, used, presign);
      io.stdout(`${url.url}\n`);
      io.stderr(
        `${t('Presigned GET URL for {0}: anyone with it can read the object until {1} ({2} s). Treat it as a secret.', uri, url.expiresAt.toISOString(), presign)}\n`,
      );
      return Exit.Ok;
    }
    // Neither: say what is there, one line per object; a key's own line breaks cannot start a line of their own.
    if (isPrefix(location)) {
      const { objects } = await inBucketRegion(oss, location.bucket, region, io.signal, (r) =>
        oss.listAll(location.bucket, r, location.key, { limit: Number.POSITIVE_INFINITY, ...signal }),
      );
      if (!objects.length) throw new OssError({ kind: 'no-such-key', code: 'NoSuchKey', message: t('There is no object under {0}.', uri) });
      for (const o of objects) io.stdout(`${o.size}\t${escapeLine(`oss://${location.bucket}/${o.key}`)}\n`);
    } else {
      let used = region;
      const head = await inBucketRegion(oss, location.bucket, region, io.signal, (r) => ((used = r), oss.headObject(location.bucket, r, location.key, signal)));
      // The output's media facts from a few ranged GETs (what IMM actually made); a read that fails says why on stderr.
      const media = await readObjectMedia(oss, location.bucket, used, location.key, { ...head, restore: parseRestoreHeader(head.restore) }, signal).catch(
        (error: unknown) => {
          if (!(error instanceof OssError) || io.signal?.aborted) throw error;
          io.stderr(`highlight-task: ${t('The media facts of {0} could not be read: {1}', uri, error.message)}\n`);
          return undefined;
        },
      );
      const facts = media ? (mediaHintLabel(media) ?? '') : '';
      io.stdout(`${head.size ?? '?'}\t${escapeLine(head.contentType ?? '')}\t${escapeLine(uri)}\t${escapeLine(facts)}\n`);
    }
    return Exit.Ok;
  } catch (error) {
    if (io.signal?.aborted) return Exit.Interrupted;
    if (error instanceof OssError) {
      io.stderr(`highlight-task: ${error.message}\n`);
      return error.kind === 'endpoint' ? Exit.Usage : Exit.Failure;
    }
    throw error;
  }
}
