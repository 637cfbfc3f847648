/**
 * `highlight-task media <oss://bucket/key> [--format text|json] [--region R] [--oss-endpoint URL] [--profile P] [--timeout S]`:
 * the container, duration and first video and audio stream of one object, from a HEAD and a few ranged GETs (at
 * most 10 and 1 MiB; never the whole object). Exit 1 when the object is missing, archived or not readable as media.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_REGION } from '../../api/src/index';
import { parseRestoreHeader, readObjectMedia } from '../../api/src/media/index';
import { DEFAULT_OSS_TIMEOUT_MS, OssError, type OssObjectHead } from '../../api/src/oss/index';
import { inBucketRegion, isPrefix, parseOssLocation, type OssLocation } from '../../api/src/results/index';
import { t, type MediaFacts, type MediaReadCost } from '../../core/src/index';
import { Exit, UsageError, type Io } from './io';
import { ossConnectionFor } from './outputCommand';
import { serviceFlags } from './serviceFlags';
import { escapeLine } from './terminal';
import { seconds } from './validateCommand';

/** The JSON the command prints, field for field (docs/cli.md). */
export interface MediaJson {
  readonly uri: string;
  readonly container: string;
  readonly durationSeconds: number | null;
  readonly sizeBytes: number | null;
  readonly storageClass: string | null;
  readonly video: { codec: string; width: number; height: number; frameRate: number | null } | null;
  readonly audio: { codec: string; sampleRate: number; channels: number } | null;
  readonly read: { requests: number; bytes: number };
}

export function mediaJson(uri: string, head: OssObjectHead, facts: MediaFacts, read: MediaReadCost): MediaJson {
  return {
    uri,
    container: facts.container,
    durationSeconds: facts.durationSeconds,
    sizeBytes: head.size ?? null,
    storageClass: head.storageClass ?? null,
    video: facts.video ? { codec: facts.video.codec, width: facts.video.width, height: facts.video.height, frameRate: facts.video.frameRate } : null,
    audio: facts.audio ? { codec: facts.audio.codec, sampleRate: facts.audio.sampleRate, channels: facts.audio.channels } : null,
    read: { requests: read.requests, bytes: read.bytes },
  };
}

function mediaText(json: MediaJson, estimated: boolean): string {
  const duration =
    json.durationSeconds === null
      ? t('unknown')
      : estimated
        ? t('{0} s (estimated)', json.durationSeconds.toFixed(2))
        : t('{0} s', json.durationSeconds.toFixed(2));
  const video = json.video
    ? `${json.video.codec} ${json.video.width}×${json.video.height}${json.video.frameRate === null ? '' : ` ${t('{0} fps', json.video.frameRate)}`}`
    : t('none');
  const audio = json.audio ? `${json.audio.codec} ${t('{0} Hz, {1} channels', json.audio.sampleRate, json.audio.channels)}` : t('none');
  const lines: [string, string][] = [
    [t('container'), json.container],
    [t('duration'), duration],
    [t('size'), json.sizeBytes === null ? t('unknown') : t('{0} bytes', json.sizeBytes)],
    [t('storage class'), json.storageClass ?? t('unknown')],
    [t('video'), video],
    [t('audio'), audio],
    [t('read'), t('{0} ranged GET requests, {1} bytes', json.read.requests, json.read.bytes)],
  ];
  const width = Math.max(...lines.map(([label]) => label.length));
  return `${escapeLine(json.uri)}\n${lines.map(([label, value]) => `  ${label.padEnd(width)}  ${escapeLine(value)}`).join('\n')}\n`;
}

export async function mediaCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'text' },
      region: { type: 'string' },
      'oss-endpoint': { type: 'string' },
      profile: { type: 'string' },
      timeout: { type: 'string' },
    },
  });
  if (positionals.length !== 1) throw new UsageError(t('media takes exactly one oss://bucket/key.'));
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError(t('--format must be {0}; not "{1}".', 'text, json', values.format ?? ''));
  let location: OssLocation;
  try {
    location = parseOssLocation(positionals[0]!);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const uri = `oss://${location.bucket}/${location.key}`;
  if (isPrefix(location) || location.key === '') throw new UsageError(t('media needs an object, not the prefix {0}.', uri));
  const flags = serviceFlags(values, io.env, { endpoint: false, ossEndpoint: true });
  const region = flags.region ?? DEFAULT_REGION;
  const timeoutMs = seconds('timeout', values.timeout, DEFAULT_OSS_TIMEOUT_MS / 1000);
  let oss: ReturnType<typeof ossConnectionFor>;
  try {
    oss = ossConnectionFor({ ossEndpoint: flags.ossEndpoint, profile: values.profile, timeoutMs });
  } catch (error) {
    if (error instanceof OssError) throw new UsageError(error.message);
    throw error;
  }
  const signal = io.signal ? { signal: io.signal } : {};
  try {
    let used = region;
    const head = await inBucketRegion(oss, location.bucket, region, io.signal, (r) => ((used = r), oss.headObject(location.bucket, r, location.key, signal)));
    const answer = await readObjectMedia(
      oss,
      location.bucket,
      used,
      location.key,
      { size: head.size, storageClass: head.storageClass, restore: parseRestoreHeader(head.restore) },
      signal,
    );
    if (answer.state === 'archived') {
      io.stderr(
        `highlight-task: ${t('{0} is in {1} storage without a finished restore: it cannot be read (IMM cannot read it either) until it is restored.', escapeLine(uri), answer.storageClass)}\n`,
      );
      return Exit.Failure;
    }
    if (answer.state === 'unreadable') {
      io.stderr(
        `highlight-task: ${t('{0} is not readable as media: {1} ({2} ranged GET requests, {3} bytes read)', escapeLine(uri), answer.reason, answer.read.requests, answer.read.bytes)}\n`,
      );
      return Exit.Failure;
    }
    if (answer.state === 'failed') {
      io.stderr(`highlight-task: ${answer.failure.detail}\n`);
      return Exit.Failure;
    }
    const json = mediaJson(uri, head, answer.facts, answer.read);
    io.stdout(values.format === 'json' ? `${JSON.stringify(json)}\n` : mediaText(json, answer.facts.durationEstimated));
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
