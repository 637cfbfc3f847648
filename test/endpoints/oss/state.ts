/** The buckets and objects the local OSS endpoint serves: plain data, no HTTP. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoMedia, type DemoMedia } from '../../fixtures/media/index';
import { bodySize, isSparse, virtualMoovLastMp4, type SparseBody } from './sparse';

export interface OssObjectSpec {
  readonly key: string;
  /** Absent: stored without a Content-Type, which OSS serves as application/octet-stream. */
  readonly contentType?: string;
  /** Default: a few bytes naming the key. A SparseBody stands for gigabytes without holding them (./sparse). */
  readonly body?: string | Buffer | SparseBody;
  /** Default: 2026-11-20T08:00:00.000Z. */
  readonly lastModified?: string;
  /** x-oss-storage-class; default: the bucket's. */
  readonly storageClass?: 'Standard' | 'IA' | 'Archive' | 'ColdArchive' | 'DeepColdArchive';
  /** A restore of a cold object: ongoing, or done with its copy readable until `expiryDate` (an ISO date). */
  readonly restore?: { readonly ongoing: true } | { readonly ongoing: false; readonly expiryDate: string };
}

export interface OssBucketSpec {
  readonly name: string;
  /** IMM-style region id, e.g. `cn-hangzhou`; the bucket's Location is `oss-<region>`. */
  readonly region: string;
  readonly objects?: readonly OssObjectSpec[];
  readonly creationDate?: string;
  readonly storageClass?: string;
}

export interface StoredObject {
  readonly key: string;
  readonly contentType: string | undefined;
  /** The bytes; empty for a sparse object, whose bytes are in `sparse` (read them with bodyBytes). */
  readonly body: Buffer;
  readonly sparse?: SparseBody;
  readonly size: number;
  readonly lastModified: Date;
  readonly etag: string;
  /** Absent: the bucket's storage class. */
  readonly storageClass?: string;
  readonly restore?: OssObjectSpec['restore'];
}

export interface StoredBucket {
  readonly name: string;
  readonly region: string;
  readonly location: string;
  readonly creationDate: Date;
  readonly storageClass: string;
  /** Sorted by key, as OSS lists them. */
  readonly objects: Map<string, StoredObject>;
}

export function storeObject(spec: OssObjectSpec): StoredObject {
  const body: Buffer | SparseBody =
    spec.body === undefined
      ? Buffer.from(`local OSS object ${spec.key}\n`)
      : Buffer.isBuffer(spec.body) || typeof spec.body !== 'string'
        ? spec.body
        : Buffer.from(spec.body);
  const hash = createHash('md5');
  if (isSparse(body)) {
    hash.update(String(body.size));
    for (const part of body.parts) hash.update(String(part.offset)).update(part.data);
  } else hash.update(body);
  return {
    key: spec.key,
    contentType: spec.contentType,
    ...(isSparse(body) ? { body: Buffer.alloc(0), sparse: body } : { body }),
    size: bodySize(body),
    lastModified: new Date(spec.lastModified ?? '2026-11-20T08:00:00.000Z'),
    etag: `"${hash.digest('hex').toUpperCase()}"`,
    ...(spec.storageClass ? { storageClass: spec.storageClass } : {}),
    ...(spec.restore ? { restore: spec.restore } : {}),
  };
}

export class OssState {
  readonly buckets = new Map<string, StoredBucket>();
  /** The owner every listing shows. */
  readonly owner = { id: '1234567890123456', displayName: '1234567890123456' };

  constructor(buckets: readonly OssBucketSpec[] = []) {
    for (const bucket of buckets) this.addBucket(bucket);
  }

  addBucket(spec: OssBucketSpec): StoredBucket {
    const bucket: StoredBucket = {
      name: spec.name,
      region: spec.region,
      location: `oss-${spec.region}`,
      creationDate: new Date(spec.creationDate ?? '2026-01-15T02:00:00.000Z'),
      storageClass: spec.storageClass ?? 'Standard',
      objects: new Map(),
    };
    this.buckets.set(spec.name, bucket);
    for (const object of spec.objects ?? []) bucket.objects.set(object.key, storeObject(object));
    return bucket;
  }

  putObject(bucketName: string, spec: OssObjectSpec): void {
    const bucket = this.buckets.get(bucketName);
    if (!bucket) throw new Error(`no bucket ${bucketName}`);
    bucket.objects.set(spec.key, storeObject(spec));
  }

  sortedBuckets(): StoredBucket[] {
    return [...this.buckets.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
  }

  sortedKeys(bucket: StoredBucket): string[] {
    return [...bucket.objects.keys()].sort();
  }
}

/**
 * Buckets that match the jobs under demo/ and the fixtures: the demo's sources, music and outputs, a bucket in
 * another region, and objects whose Content-Type is wrong for their field.
 */
export const SAMPLE_BUCKETS: readonly OssBucketSpec[] = [
  {
    name: 'test-bucket',
    region: 'cn-hangzhou',
    objects: [
      { key: 'videos/beach.mp4', contentType: 'video/mp4' },
      { key: 'videos/mountains.mp4', contentType: 'video/mp4' },
      { key: 'videos/city.mp4', contentType: 'video/mp4' },
      { key: 'videos/keynote.mp4', contentType: 'video/mp4' },
      { key: 'videos/product-demo.mp4', contentType: 'video/mp4' },
      { key: 'videos/demo.mp4', contentType: 'video/mp4' },
      { key: 'videos/match.mp4', contentType: 'video/mp4' },
      { key: 'videos/match-first-half.mp4', contentType: 'video/mp4' },
      { key: 'videos/match-second-half.mp4', contentType: 'video/quicktime' },
      { key: 'videos/cover.jpg', contentType: 'image/jpeg' },
      { key: 'videos/unlabelled.bin' },
      { key: 'music/summer.mp3', contentType: 'audio/mpeg' },
      { key: 'music/calm.m4a', contentType: 'audio/mp4' },
      { key: 'music/clip.mp4', contentType: 'video/mp4' },
      { key: 'highlights/keynote-and-demo.mp4', contentType: 'video/mp4' },
    ],
  },
  {
    name: 'team-archive',
    region: 'cn-hangzhou',
    objects: [{ key: '2026/q3/offsite.mp4', contentType: 'video/mp4' }],
  },
  {
    name: 'shanghai-footage',
    region: 'cn-shanghai',
    objects: [{ key: 'raw/launch.mp4', contentType: 'video/mp4' }],
  },
];

/**
 * SAMPLE_BUCKETS with real, small, playable media (test/fixtures/media) as the bodies of their videos and music:
 * what the demo serves, so a source previews and a task's output (see ossOutputWriter) plays. The videos take the
 * fixtures in turn; objects of other types keep their few bytes.
 */
export function demoBuckets(media: DemoMedia = demoMedia()): OssBucketSpec[] {
  let next = 0;
  const bodyOf = (object: OssObjectSpec): OssObjectSpec['body'] => {
    if (object.contentType === 'audio/mpeg') return media.mp3;
    if (object.contentType === 'audio/mp4') return media.m4a;
    if (object.contentType?.startsWith('video/')) return media.videos[next++ % media.videos.length]!.body;
    return object.body;
  };
  return SAMPLE_BUCKETS.map((bucket) => ({
    ...bucket,
    objects: (bucket.objects ?? []).map((object) => {
      const body = bodyOf(object);
      return body === undefined ? object : { ...object, body };
    }),
  }));
}

/** The committed media of test/fixtures/media/probe (see its README), by file name. */
export const PROBE_MEDIA_DIR = join(__dirname, '..', '..', 'fixtures', 'media', 'probe');

const PROBE_TYPES: Readonly<Record<string, string>> = {
  mp4: 'video/mp4',
  mov: 'video/quicktime',
  mkv: 'video/x-matroska',
  webm: 'video/webm',
  mpegts: 'video/mp2t',
  flv: 'video/x-flv',
  m4a: 'audio/mp4',
  mp3: 'audio/mpeg',
  wav: 'audio/wav',
  flac: 'audio/flac',
  aac: 'audio/aac',
};

/**
 * A bucket for the media facts: every file of test/fixtures/media/probe under `probe/`, the same mp4 as an Archive
 * object (not restored), one being restored and one restored, a virtual 4 GiB mp4 with its moov at the end, and an
 * ADTS file too long to count frame by frame.
 */
export function mediaFactsBucket(name = 'media-facts', region = 'cn-hangzhou'): OssBucketSpec {
  const files = readdirSync(PROBE_MEDIA_DIR).filter((f) => f !== 'facts.json' && !f.endsWith('.md'));
  const mp4 = readFileSync(join(PROBE_MEDIA_DIR, 'moov-first.mp4'));
  const inAWeek = new Date(Date.now() + 7 * 86_400_000).toISOString();
  return {
    name,
    region,
    objects: [
      ...files.map((file) => ({
        key: `probe/${file}`,
        contentType: PROBE_TYPES[file.slice(file.lastIndexOf('.') + 1)],
        body: readFileSync(join(PROBE_MEDIA_DIR, file)),
      })),
      { key: 'cold/archived.mp4', contentType: 'video/mp4', body: mp4, storageClass: 'Archive' },
      { key: 'cold/cold-archived.mp4', contentType: 'video/mp4', body: mp4, storageClass: 'ColdArchive' },
      { key: 'cold/restoring.mp4', contentType: 'video/mp4', body: mp4, storageClass: 'Archive', restore: { ongoing: true } },
      { key: 'cold/restored.mp4', contentType: 'video/mp4', body: mp4, storageClass: 'Archive', restore: { ongoing: false, expiryDate: inAWeek } },
      { key: 'big/moov-last-4gib.mp4', contentType: 'video/mp4', body: virtualMoovLastMp4() },
      // Ten ADTS streams in a row: longer than the 64 KiB the reader counts frames in, so its duration is an estimate.
      {
        key: 'long/adts-tone-x10.aac',
        contentType: 'audio/aac',
        body: Buffer.concat(Array.from({ length: 10 }, () => readFileSync(join(PROBE_MEDIA_DIR, 'adts-tone.aac')))),
      },
    ],
  };
}
