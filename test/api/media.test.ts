/**
 * Media facts through the OSS client against the local OSS endpoint (signatures checked by its own code, every
 * GetObject counted per object): ranged reads only, the byte budget on a virtual 4 GiB mp4, cold storage, the
 * endpoint's Range / 416 / storage-class answers, and the media wiring of the cloud checks (cache, switch, failure).
 */
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createOssConnection, OssConnection, OssError } from '../../api/src/oss/index';
import { parseRestoreHeader, readObjectMedia } from '../../api/src/media/index';
import { CloudAnswerCache, runCloudChecks } from '../../api/src/cloud/index';
import type { ImmClient } from '../../api/src/client';
import type { CloudCheckPlan, MediaAnswer } from '../../core/src/index';
import { startOssEndpoint, TEST_OSS_ACCESS_KEY, type OssEndpoint } from '../endpoints/oss/server';
import { demoBuckets, mediaFactsBucket, PROBE_MEDIA_DIR } from '../endpoints/oss/state';

const BUCKET = 'media-facts';
const REGION = 'cn-hangzhou';
const KEY = { kind: 'accessKey', accessKeyId: TEST_OSS_ACCESS_KEY.id, accessKeySecret: TEST_OSS_ACCESS_KEY.secret } as const;
let endpoint: OssEndpoint;
let oss: OssConnection;

before(async () => {
  endpoint = await startOssEndpoint({ buckets: [mediaFactsBucket(BUCKET, REGION)] });
  oss = createOssConnection({ endpoint: endpoint.url, credentials: KEY, timeoutMs: 3000 });
});
after(() => endpoint.close());
beforeEach(() => endpoint.control.reset());

async function mediaOf(key: string, connection: Pick<OssConnection, 'getObjectRange'> = oss): Promise<MediaAnswer> {
  const head = await oss.headObject(BUCKET, REGION, key);
  return readObjectMedia(connection, BUCKET, REGION, key, { size: head.size, storageClass: head.storageClass, restore: parseRestoreHeader(head.restore) });
}

/** The raw ali-oss client, to send what our own client never would (a malformed Range). */
const rawGet = async (key: string, range: string): Promise<{ status: number; length: number; contentRange: unknown }> => {
  const client = await oss.client(REGION, BUCKET);
  try {
    const result = await client.get(key, { headers: { Range: range } });
    const headers = (result.res as unknown as { headers: Record<string, unknown> }).headers;
    return { status: result.res.status, length: (result.content as Buffer).length, contentRange: headers['content-range'] };
  } catch (error) {
    return { status: (error as { status: number }).status, length: -1, contentRange: (error as { code: string }).code };
  }
};

describe('media reads through the OSS client', () => {
  test('a ranged GET always sends Range and gets 206 with the bytes asked for', async () => {
    const got = await oss.getObjectRange(BUCKET, REGION, 'probe/moov-last.mp4', 10, 25);
    const file = readFileSync(join(PROBE_MEDIA_DIR, 'moov-last.mp4'));
    assert.deepEqual(got.content, file.subarray(10, 26));
    const sent = endpoint.requests.at(-1)!;
    assert.equal(sent.range, 'bytes=10-25');
    assert.equal(sent.status, 206);
    assert.equal(sent.signatureValid, true);
    assert.equal(sent.signedRegion, REGION);
  });

  test('the virtual 4 GiB mp4 (moov at the end) costs a few KiB, counted by the endpoint, never a GET without Range', async () => {
    const answer = await mediaOf('big/moov-last-4gib.mp4');
    assert.equal(answer.state, 'read');
    const reads = endpoint.readsOf(BUCKET, 'big/moov-last-4gib.mp4');
    assert.equal(reads.withoutRange, 0);
    assert.ok(reads.requests <= 4, `${reads.requests} requests`);
    assert.ok(reads.bytes < 8 * 1024, `${reads.bytes} bytes`);
    assert.deepEqual(answer.state === 'read' ? answer.read : undefined, { requests: reads.requests, bytes: reads.bytes });
  });

  test('every committed file is read within 10 ranged GETs and 1 MiB, as the endpoint counts them', async () => {
    const facts = JSON.parse(readFileSync(join(PROBE_MEDIA_DIR, 'facts.json'), 'utf8')) as Record<string, { container: string | null }>;
    for (const [name, want] of Object.entries(facts)) {
      const answer = await mediaOf(`probe/${name}`);
      const reads = endpoint.readsOf(BUCKET, `probe/${name}`);
      assert.equal(reads.withoutRange, 0, name);
      assert.ok(reads.requests <= 10 && reads.bytes <= 1024 * 1024, `${name}: ${reads.requests} requests, ${reads.bytes} bytes`);
      if (want.container) assert.ok(answer.state === 'read' && answer.facts.container === want.container, `${name}: ${answer.state}`);
      else assert.equal(answer.state, 'unreadable', name);
    }
  });

  test('Archive and ColdArchive without a finished restore are archived, with no GET; a restored copy is read', async () => {
    assert.deepEqual(await mediaOf('cold/archived.mp4'), { state: 'archived', storageClass: 'Archive' });
    assert.deepEqual(await mediaOf('cold/cold-archived.mp4'), { state: 'archived', storageClass: 'ColdArchive' });
    assert.deepEqual(await mediaOf('cold/restoring.mp4'), { state: 'archived', storageClass: 'Archive' });
    for (const key of ['cold/archived.mp4', 'cold/cold-archived.mp4', 'cold/restoring.mp4']) assert.equal(endpoint.readsOf(BUCKET, key).requests, 0, key);
    assert.equal((await mediaOf('cold/restored.mp4')).state, 'read');
  });

  test('a GetObject that fails (denied) is thrown, not reported as unreadable', async () => {
    class Denied extends OssConnection {
      override getObjectRange(): Promise<never> {
        return Promise.reject(new OssError({ kind: 'access-denied', code: 'AccessDenied', status: 403, message: 'OSS denied GetObject' }));
      }
    }
    await assert.rejects(
      mediaOf('probe/moov-first.mp4', new Denied({ endpoint: endpoint.url, credentials: KEY })),
      (e: unknown) => e instanceof OssError && e.kind === 'access-denied',
    );
  });
});

describe('the local OSS endpoint: Range, 416, storage class and restore as OSS documents them', () => {
  const size = readFileSync(join(PROBE_MEDIA_DIR, 'moov-first.mp4')).length;

  test('206 with Content-Range; an end past the object is clipped; a suffix range is the last bytes', async () => {
    assert.deepEqual(await rawGet('probe/moov-first.mp4', 'bytes=0-99'), { status: 206, length: 100, contentRange: `bytes 0-99/${size}` });
    assert.deepEqual(await rawGet('probe/moov-first.mp4', `bytes=${size - 10}-${size + 500}`), {
      status: 206,
      length: 10,
      contentRange: `bytes ${size - 10}-${size - 1}/${size}`,
    });
    assert.deepEqual(await rawGet('probe/moov-first.mp4', 'bytes=-16'), { status: 206, length: 16, contentRange: `bytes ${size - 16}-${size - 1}/${size}` });
  });

  test('a range starting at or past the end: 416 InvalidRange; a malformed range is ignored: 200 with the whole object', async () => {
    assert.deepEqual(await rawGet('probe/moov-first.mp4', `bytes=${size}-`), { status: 416, length: -1, contentRange: 'InvalidRange' });
    assert.equal(endpoint.requests.at(-1)!.errorCode, 'InvalidRange');
    assert.deepEqual(await rawGet('probe/moov-first.mp4', 'bytes=abc'), { status: 200, length: size, contentRange: undefined });
    assert.deepEqual(await rawGet('probe/moov-first.mp4', 'bytes=50-10'), { status: 200, length: size, contentRange: undefined });
    assert.equal(endpoint.readsOf(BUCKET, 'probe/moov-first.mp4').requests, 3);
  });

  test('HEAD reports x-oss-storage-class and x-oss-restore; a GET of an unrestored Archive object is 403 InvalidObjectState', async () => {
    const standard = await oss.headObject(BUCKET, REGION, 'probe/moov-first.mp4');
    assert.equal(standard.storageClass, 'Standard');
    assert.equal(standard.restore, undefined);
    const archived = await oss.headObject(BUCKET, REGION, 'cold/archived.mp4');
    assert.equal(archived.storageClass, 'Archive');
    assert.equal((await oss.headObject(BUCKET, REGION, 'cold/restoring.mp4')).restore, 'ongoing-request="true"');
    const restored = parseRestoreHeader((await oss.headObject(BUCKET, REGION, 'cold/restored.mp4')).restore);
    assert.equal(restored?.ongoing, false);
    assert.ok(restored?.expiryDate && Date.parse(restored.expiryDate) > Date.now());
    const refused = await oss.getObjectRange(BUCKET, REGION, 'cold/archived.mp4', 0, 15).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(refused instanceof OssError && refused.code === 'InvalidObjectState' && refused.status === 403, String(refused));
  });
});

describe('cloud checks read the media of sources and music', () => {
  const imm: Pick<ImmClient, 'getProject'> = { getProject: async (name) => ({ projectName: name }) as Awaited<ReturnType<ImmClient['getProject']>> };
  const plan: CloudCheckPlan = {
    project: 'immtest',
    buckets: [BUCKET],
    objects: [
      { bucket: BUCKET, key: 'probe/moov-last.mp4', field: 'source' },
      { bucket: BUCKET, key: 'probe/moov-last.mp4', field: 'source' },
      { bucket: BUCKET, key: 'cold/archived.mp4', field: 'source' },
      { bucket: BUCKET, key: 'probe/mp3-tone.mp3', field: 'music' },
      { bucket: BUCKET, key: 'probe/corrupt.mp4', field: 'output' },
    ],
  };
  const mediaGets = (): number => endpoint.requests.filter((r) => r.method === 'GET' && r.action === 'oss:GetObject').length;

  test('found sources and music get facts (archived without a GET); an output is not read; the HEAD says class and ETag', async () => {
    const answers = await runCloudChecks(plan, { imm, oss, region: REGION });
    assert.deepEqual([...(answers.media?.keys() ?? [])].sort(), [
      `oss://${BUCKET}/cold/archived.mp4`,
      `oss://${BUCKET}/probe/moov-last.mp4`,
      `oss://${BUCKET}/probe/mp3-tone.mp3`,
    ]);
    const video = answers.media?.get(`oss://${BUCKET}/probe/moov-last.mp4`);
    assert.ok(video?.state === 'read' && video.facts.video?.codec === 'h264' && Math.abs(video.facts.durationSeconds! - 3) < 0.1);
    assert.equal(answers.media?.get(`oss://${BUCKET}/probe/mp3-tone.mp3`)?.state, 'read');
    assert.deepEqual(answers.media?.get(`oss://${BUCKET}/cold/archived.mp4`), { state: 'archived', storageClass: 'Archive' });
    const head = answers.objects.get(`oss://${BUCKET}/cold/archived.mp4`);
    assert.ok(head?.state === 'found' && head.storageClass === 'Archive' && head.etag?.startsWith('"'));
    assert.equal(endpoint.readsOf(BUCKET, 'probe/corrupt.mp4').requests, 0);
    assert.equal(endpoint.readsOf(BUCKET, 'cold/archived.mp4').requests, 0);
    assert.ok(endpoint.requests.every((r) => r.method !== 'GET' || r.action !== 'oss:GetObject' || r.range !== undefined));
  });

  test('cached per object and ETag: a second run (and a second job naming the same source) reads no media bytes', async () => {
    const cache = new CloudAnswerCache();
    await runCloudChecks(plan, { imm, oss, region: REGION, cache });
    const first = mediaGets();
    assert.ok(first > 0);
    assert.equal(endpoint.readsOf(BUCKET, 'probe/moov-last.mp4').requests, endpoint.readsOf(BUCKET, 'probe/moov-last.mp4').requests);
    // The HEAD answers expire (30 s) long before the media facts: cleared here, the facts still serve.
    cache.lookups.clear();
    const again = await runCloudChecks({ ...plan, objects: [plan.objects[0]!, plan.objects[3]!] }, { imm, oss, region: REGION, cache });
    assert.equal(mediaGets(), first);
    assert.equal(again.media?.get(`oss://${BUCKET}/probe/moov-last.mp4`)?.state, 'read');
    // A changed object (new ETag) is read anew.
    endpoint.control.putObject(BUCKET, { key: 'probe/moov-last.mp4', body: readFileSync(join(PROBE_MEDIA_DIR, 'video-only.mp4')) });
    cache.lookups.clear();
    const changed = await runCloudChecks(plan, { imm, oss, region: REGION, cache });
    const facts = changed.media?.get(`oss://${BUCKET}/probe/moov-last.mp4`);
    assert.ok(facts?.state === 'read' && facts.facts.audio === null);
    assert.ok(mediaGets() > first);
  });

  test('media: false reads no media at all', async () => {
    const answers = await runCloudChecks(plan, { imm, oss, region: REGION, media: false });
    assert.equal(answers.media, undefined);
    assert.equal(mediaGets(), 0);
  });

  test('a GetObject denied is a failed media answer with the permission, like the other checks', async () => {
    class Denied extends OssConnection {
      override getObjectRange(): Promise<never> {
        return Promise.reject(new OssError({ kind: 'access-denied', code: 'AccessDenied', status: 403, message: 'OSS denied GetObject on the object.' }));
      }
    }
    const denied = new Denied({ endpoint: endpoint.url, credentials: KEY, timeoutMs: 3000 });
    const answers = await runCloudChecks(plan, { imm, oss: denied, region: REGION });
    const answer = answers.media?.get(`oss://${BUCKET}/probe/moov-last.mp4`);
    assert.ok(answer?.state === 'failed');
    assert.deepEqual(
      { reason: answer.failure.reason, operation: answer.failure.operation, permission: answer.failure.permission },
      {
        reason: 'access-denied',
        operation: 'GetObject',
        permission: 'oss:GetObject',
      },
    );
  });

  test('a media read that hangs times out as a failed answer, within the run', async () => {
    class Hanging extends OssConnection {
      override getObjectRange(_b: string, _r: string, _k: string, _s: number, _e: number, options: { signal?: AbortSignal } = {}): Promise<never> {
        return new Promise((_resolve, reject) =>
          options.signal?.addEventListener('abort', () => reject(new OssError({ kind: 'cancelled', code: 'Cancelled', message: 'cancelled' }))),
        );
      }
    }
    const hanging = new Hanging({ endpoint: endpoint.url, credentials: KEY, timeoutMs: 3000 });
    const started = Date.now();
    const answers = await runCloudChecks(plan, { imm, oss: hanging, region: REGION, mediaTimeoutMs: 200 });
    const answer = answers.media?.get(`oss://${BUCKET}/probe/moov-last.mp4`);
    assert.ok(answer?.state === 'failed' && answer.failure.reason === 'timeout', JSON.stringify(answer));
    assert.ok(Date.now() - started < 5000);
  });
});

describe('the demo buckets hold real media', () => {
  test('every video and music object of the demo has facts', async () => {
    const demo = await startOssEndpoint({ buckets: demoBuckets() });
    try {
      const connection = createOssConnection({ endpoint: demo.url, credentials: KEY, timeoutMs: 3000 });
      for (const spec of demoBuckets().filter((b) => b.region === REGION)) {
        for (const object of (spec.objects ?? []).filter((o) => /^(video|audio)\//.test(o.contentType ?? ''))) {
          const head = await connection.headObject(spec.name, REGION, object.key);
          const answer = await readObjectMedia(connection, spec.name, REGION, object.key, { size: head.size });
          assert.ok(answer.state === 'read' && answer.facts.durationSeconds! > 2, `${spec.name}/${object.key}: ${answer.state}`);
        }
      }
    } finally {
      await demo.close();
    }
  });
});
