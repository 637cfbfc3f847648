/** The buckets and objects the local OSS endpoint serves: plain data, no HTTP. */
import { createHash } from 'node:crypto';
import { demoMedia, type DemoMedia } from '../../fixtures/media/index';

export interface OssObjectSpec {
  readonly key: string;
  /** Absent: stored without a Content-Type, which OSS serves as application/octet-stream. */
  readonly contentType?: string;
  /** Default: a few bytes naming the key. */
  readonly body?: string | Buffer;
  /** Default: 2026-11-20T08:00:00.000Z. */
  readonly lastModified?: string;
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
  readonly body: Buffer;
  readonly lastModified: Date;
  readonly etag: string;
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
  const body = spec.body === undefined ? Buffer.from(`local OSS object ${spec.key}\n`) : Buffer.isBuffer(spec.body) ? spec.body : Buffer.from(spec.body);
  return {
    key: spec.key,
    contentType: spec.contentType,
    body,
    lastModified: new Date(spec.lastModified ?? '2026-11-20T08:00:00.000Z'),
    etag: `"${createHash('md5').update(body).digest('hex').toUpperCase()}"`,
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
  const bodyOf = (object: OssObjectSpec): Buffer | string | undefined => {
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
