/**
 * Results in OSS (api/src/results) against the local OSS endpoint, which checks every signature and presigned
 * URL with its own code: presigned URLs that verify and expire, downloads that equal the object, and downloads
 * that leave nothing behind when the key is missing, the transfer breaks off or it is cancelled.
 */
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOssConnection, OssError, type OssConnection } from '../../api/src/oss/index';
import {
  downloadObject,
  downloadOutput,
  downloadPrefix,
  parseOssLocation,
  presignObject,
  segmentPrefix,
  TargetExistsError,
  type DownloadProgress,
} from '../../api/src/results/index';
import { startOssEndpoint, TEST_OSS_ACCESS_KEY, type OssEndpoint } from '../endpoints/oss/server';
import { httpGet } from '../support/http';

let endpoint: OssEndpoint;
let oss: OssConnection;
const KEY = { kind: 'accessKey', accessKeyId: TEST_OSS_ACCESS_KEY.id, accessKeySecret: TEST_OSS_ACCESS_KEY.secret } as const;
/** Big enough to arrive in many chunks. */
const VIDEO = Buffer.alloc(3 * 1024 * 1024 + 17, 0);
for (let i = 0; i < VIDEO.length; i += 1) VIDEO[i] = (i * 31 + (i >> 8)) & 0xff;

before(async () => {
  endpoint = await startOssEndpoint();
  oss = createOssConnection({ endpoint: endpoint.url, credentials: KEY, timeoutMs: 5000 });
});
after(() => endpoint.close());
beforeEach(() => {
  endpoint.control.reset();
  endpoint.control.putObject('test-bucket', { key: 'out/reel.mp4', contentType: 'video/mp4', body: VIDEO });
  endpoint.control.putObject('test-bucket', { key: 'out/seg/reel.m3u8', contentType: 'application/x-mpegURL', body: '#EXTM3U\nreel-0.ts\nreel-1.ts\n' });
  endpoint.control.putObject('test-bucket', { key: 'out/seg/reel-0.ts', contentType: 'video/MP2T', body: Buffer.alloc(1000, 1) });
  endpoint.control.putObject('test-bucket', { key: 'out/seg/reel-1.ts', contentType: 'video/MP2T', body: Buffer.alloc(2000, 2) });
  endpoint.control.putObject('test-bucket', { key: 'out/seg/other.mp4', contentType: 'video/mp4' });
});

const tempDir = (): string => mkdtempSync(join(tmpdir(), 'highlight-results-'));

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof Error);
    return error;
  }
  assert.fail('expected a rejection');
}

describe('presigned output URLs', () => {
  test('default 900 s: the URL points at the endpoint, path style, and fetches the object until it expires', async () => {
    const before = Date.now();
    const presigned = await presignObject(oss, parseOssLocation('oss://test-bucket/out/reel.mp4'), 'cn-hangzhou');
    assert.equal(presigned.expiresSeconds, 900);
    assert.ok(presigned.expiresAt.getTime() >= before + 900_000 && presigned.expiresAt.getTime() <= Date.now() + 900_000);
    const url = new URL(presigned.url);
    assert.equal(url.origin, endpoint.url);
    assert.equal(url.pathname, '/test-bucket/out/reel.mp4');
    assert.equal(url.searchParams.get('x-oss-expires'), '900');
    const ok = await httpGet(presigned.url);
    assert.equal(ok.status, 200);
    assert.ok(ok.body.equals(VIDEO));
    assert.equal(endpoint.requests.at(-1)!.presigned, true);

    endpoint.control.advanceClock(880);
    assert.equal((await httpGet(presigned.url)).status, 200);
    endpoint.control.advanceClock(22);
    const expired = await httpGet(presigned.url);
    assert.equal(expired.status, 403);
    assert.match(expired.body.toString(), /Request has expired/);
  });

  test('a chosen expiry is signed into the URL; an impossible one is refused', async () => {
    const presigned = await presignObject(oss, parseOssLocation('oss://test-bucket/out/reel.mp4'), 'cn-hangzhou', 5);
    assert.equal(new URL(presigned.url).searchParams.get('x-oss-expires'), '5');
    endpoint.control.advanceClock(6);
    assert.equal((await httpGet(presigned.url)).status, 403);
    await assert.rejects(presignObject(oss, parseOssLocation('oss://test-bucket/out/reel.mp4'), 'cn-hangzhou', 0), RangeError);
    await assert.rejects(presignObject(oss, parseOssLocation('oss://test-bucket/out/reel.mp4'), 'cn-hangzhou', 7 * 24 * 3600 + 1), RangeError);
  });

  test('the STS token goes into the URL and the endpoint checks it', async () => {
    const sts = await startOssEndpoint({ securityTokens: { [TEST_OSS_ACCESS_KEY.id]: 'sts-token-abc' } });
    try {
      const withToken = createOssConnection({ endpoint: sts.url, credentials: { ...KEY, securityToken: 'sts-token-abc' } });
      const presigned = await presignObject(withToken, parseOssLocation('oss://test-bucket/videos/beach.mp4'), 'cn-hangzhou', 60);
      assert.equal(new URL(presigned.url).searchParams.get('x-oss-security-token'), 'sts-token-abc');
      assert.equal((await httpGet(presigned.url)).status, 200);
      assert.equal(sts.requests.at(-1)!.securityToken, 'sts-token-abc');
    } finally {
      await sts.close();
    }
  });
});

describe('downloads', () => {
  test('one object: the bytes equal the object, progress reaches its size, no temporary file is left', async () => {
    const dir = tempDir();
    const target = join(dir, 'reel.mp4');
    const seen: DownloadProgress[] = [];
    const result = await downloadObject(oss, parseOssLocation('oss://test-bucket/out/reel.mp4'), 'cn-hangzhou', target, { onProgress: (p) => seen.push(p) });
    assert.ok(readFileSync(target).equals(VIDEO));
    assert.equal(result.bytes, VIDEO.length);
    assert.deepEqual(readdirSync(dir), ['reel.mp4']);
    assert.equal(seen.at(-1)!.bytes, VIDEO.length);
    assert.equal(seen.at(-1)!.totalBytes, VIDEO.length);
    const sent = endpoint.requests.filter((r) => r.key === 'out/reel.mp4');
    assert.ok(sent.length >= 1 && sent.every((r) => r.signatureValid && r.method === 'GET'));
  });

  test('a missing key: an error naming the key, nothing written', async () => {
    const dir = tempDir();
    const error = await rejection(downloadObject(oss, parseOssLocation('oss://test-bucket/out/missing.mp4'), 'cn-hangzhou', join(dir, 'x.mp4')));
    assert.ok(error instanceof OssError && error.kind === 'no-such-key');
    assert.match(error.message, /oss:\/\/test-bucket\/out\/missing\.mp4/);
    assert.deepEqual(readdirSync(dir), []);
    const nested = join(dir, 'a', 'b.mp4');
    await rejection(downloadObject(oss, parseOssLocation('oss://test-bucket/out/missing.mp4'), 'cn-hangzhou', nested));
    assert.deepEqual(readdirSync(dir), []);
  });

  test('an existing file is not replaced unless told', async () => {
    const dir = tempDir();
    const target = join(dir, 'reel.mp4');
    writeFileSync(target, 'mine');
    const error = await rejection(downloadObject(oss, parseOssLocation('oss://test-bucket/out/reel.mp4'), 'cn-hangzhou', target));
    assert.ok(error instanceof TargetExistsError);
    assert.equal(readFileSync(target, 'utf8'), 'mine');
    assert.equal(endpoint.requests.length, 0, 'refused before any request');
    await downloadObject(oss, parseOssLocation('oss://test-bucket/out/reel.mp4'), 'cn-hangzhou', target, { overwrite: true });
    assert.ok(readFileSync(target).equals(VIDEO));
    assert.deepEqual(readdirSync(dir), ['reel.mp4']);
  });

  test('a cancelled download leaves no file, and the existing one untouched', async () => {
    const dir = tempDir();
    const target = join(dir, 'reel.mp4');
    const controller = new AbortController();
    const error = await rejection(
      downloadObject(oss, parseOssLocation('oss://test-bucket/out/reel.mp4'), 'cn-hangzhou', target, {
        onProgress: () => controller.abort(),
        signal: controller.signal,
      }),
    );
    assert.ok(error instanceof OssError && error.kind === 'cancelled', String(error));
    assert.deepEqual(readdirSync(dir), []);

    writeFileSync(target, 'mine');
    const again = new AbortController();
    await rejection(
      downloadObject(oss, parseOssLocation('oss://test-bucket/out/reel.mp4'), 'cn-hangzhou', target, {
        overwrite: true,
        onProgress: () => again.abort(),
        signal: again.signal,
      }),
    );
    assert.deepEqual(readdirSync(dir), ['reel.mp4']);
    assert.equal(readFileSync(target, 'utf8'), 'mine');
  });

  test('a transfer that breaks off leaves nothing', async () => {
    const dir = tempDir();
    endpoint.control.failNext({ kind: 'cut', afterBytes: 100_000 });
    const error = await rejection(downloadObject(oss, parseOssLocation('oss://test-bucket/out/reel.mp4'), 'cn-hangzhou', join(dir, 'reel.mp4')));
    assert.ok(error instanceof OssError, String(error));
    assert.match(error.message, /nothing was kept/);
    assert.deepEqual(readdirSync(dir), []);
  });

  test('a bucket in another region is found and downloaded from there', async () => {
    const dir = tempDir();
    const result = await downloadObject(oss, parseOssLocation('oss://shanghai-footage/raw/launch.mp4'), 'cn-hangzhou', join(dir, 'launch.mp4'));
    assert.equal(result.region, 'cn-shanghai');
    assert.equal(readFileSync(join(dir, 'launch.mp4'), 'utf8'), 'local OSS object raw/launch.mp4\n');
  });
});

describe('segmented outputs', () => {
  test('the prefix of a playlist is its name without extension; a folder URI is its own prefix', () => {
    assert.equal(segmentPrefix(parseOssLocation('oss://b1b/out/seg/reel.m3u8')), 'out/seg/reel');
    assert.equal(segmentPrefix(parseOssLocation('oss://b1b/out/seg/')), 'out/seg/');
  });

  test('lists every object under a prefix across pages', async () => {
    for (let i = 0; i < 1005; i += 1) endpoint.control.putObject('team-archive', { key: `many/part-${String(i).padStart(4, '0')}.ts`, body: 'x' });
    const { objects, truncated } = await oss.listAll('team-archive', 'cn-hangzhou', 'many/');
    assert.equal(truncated, false);
    assert.equal(objects.length, 1005);
    assert.equal(objects.at(-1)!.key, 'many/part-1004.ts');
  });

  test('a prefix ending in / downloads every object into a folder; a playlist prefix only its own', async () => {
    const dir = tempDir();
    const folder = join(dir, 'seg');
    const result = await downloadOutput(oss, parseOssLocation('oss://test-bucket/out/seg/'), 'cn-hangzhou', folder);
    assert.deepEqual(readdirSync(folder).sort(), ['other.mp4', 'reel-0.ts', 'reel-1.ts', 'reel.m3u8']);
    assert.ok(readFileSync(join(folder, 'reel-1.ts')).equals(Buffer.alloc(2000, 2)));
    assert.equal(result.files.length, 4);
    assert.deepEqual(readdirSync(dir), ['seg']);

    const only = join(dir, 'reel');
    await downloadPrefix(oss, { bucket: 'test-bucket', key: segmentPrefix(parseOssLocation('oss://test-bucket/out/seg/reel.m3u8')) }, 'cn-hangzhou', only);
    assert.deepEqual(readdirSync(only).sort(), ['reel-0.ts', 'reel-1.ts', 'reel.m3u8']);
  });

  test('an empty prefix is an error naming it; existing files are not replaced; a cancel leaves nothing', async () => {
    const dir = tempDir();
    const error = await rejection(downloadOutput(oss, parseOssLocation('oss://test-bucket/out/none/'), 'cn-hangzhou', join(dir, 'none')));
    assert.match(error.message, /oss:\/\/test-bucket\/out\/none\//);
    assert.deepEqual(readdirSync(dir), []);

    const folder = join(dir, 'seg');
    await downloadOutput(oss, parseOssLocation('oss://test-bucket/out/seg/'), 'cn-hangzhou', folder);
    writeFileSync(join(folder, 'reel.m3u8'), 'mine');
    assert.ok((await rejection(downloadOutput(oss, parseOssLocation('oss://test-bucket/out/seg/'), 'cn-hangzhou', folder))) instanceof TargetExistsError);
    assert.equal(readFileSync(join(folder, 'reel.m3u8'), 'utf8'), 'mine');

    const fresh = join(dir, 'fresh');
    const controller = new AbortController();
    await rejection(
      downloadOutput(oss, parseOssLocation('oss://test-bucket/out/seg/'), 'cn-hangzhou', fresh, {
        signal: controller.signal,
        onProgress: (p) => p.filesDone >= 1 && controller.abort(),
      }),
    );
    assert.equal(existsSync(fresh), false);
    assert.deepEqual(readdirSync(dir).sort(), ['seg']);
  });
});
