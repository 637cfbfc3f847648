/**
 * The OSS module of api/ (ali-oss, V4) against the local OSS endpoint, which verifies every signature with its
 * own code; and the endpoint's own answers to requests a client library would never send.
 */
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { createOssConnection, OssError, parseOssEndpoint, type OssConnection } from '../../api/src/oss/index';
import { canonicalUri, signature } from '../endpoints/oss/signature';
import { startOssEndpoint, TEST_OSS_ACCESS_KEY, type OssEndpoint } from '../endpoints/oss/server';
import { snapshotProcess } from '../../client/src/storyboard/snapshot';

let endpoint: OssEndpoint;
let oss: OssConnection;
const KEY = { kind: 'accessKey', accessKeyId: TEST_OSS_ACCESS_KEY.id, accessKeySecret: TEST_OSS_ACCESS_KEY.secret } as const;

before(async () => {
  endpoint = await startOssEndpoint();
  oss = createOssConnection({ endpoint: endpoint.url, credentials: KEY, timeoutMs: 3000 });
});
after(() => endpoint.close());
beforeEach(() => endpoint.control.reset());

async function rejection(promise: Promise<unknown>): Promise<OssError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof OssError, `expected an OssError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected a rejection');
}

function raw(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request(`${endpoint.url}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('OSS module against the local endpoint', () => {
  test('lists the buckets of every region with their region', async () => {
    const { buckets, truncated } = await oss.listBuckets('cn-hangzhou');
    assert.equal(truncated, false);
    assert.deepEqual(
      buckets.map((b) => [b.name, b.region, b.location]),
      [
        ['shanghai-footage', 'cn-shanghai', 'oss-cn-shanghai'],
        ['team-archive', 'cn-hangzhou', 'oss-cn-hangzhou'],
        ['test-bucket', 'cn-hangzhou', 'oss-cn-hangzhou'],
      ],
    );
    const sent = endpoint.requests.at(-1)!;
    assert.equal(sent.signatureValid, true);
    assert.equal(sent.signedRegion, 'cn-hangzhou');
  });

  test('lists buckets page by page with a limit', async () => {
    const { buckets } = await oss.listBuckets('cn-hangzhou', { limit: 2 });
    assert.equal(buckets.length, 2);
    const all = await oss.listBuckets('cn-hangzhou', { prefix: 'te' });
    assert.deepEqual(
      all.buckets.map((b) => b.name),
      ['team-archive', 'test-bucket'],
    );
  });

  test('GetBucketInfo gives the Location; a missing bucket is no-such-bucket; a bucket elsewhere is wrong-region', async () => {
    const info = await oss.getBucketInfo('test-bucket', 'cn-hangzhou');
    assert.equal(info.region, 'cn-hangzhou');
    assert.equal((await rejection(oss.getBucketInfo('no-such-bucket-here', 'cn-hangzhou'))).kind, 'no-such-bucket');
    const elsewhere = await rejection(oss.getBucketInfo('shanghai-footage', 'cn-hangzhou'));
    assert.equal(elsewhere.kind, 'wrong-region');
    assert.equal(elsewhere.status, 403);
    assert.equal(await oss.getBucketRegion('shanghai-footage', 'cn-hangzhou'), 'cn-shanghai');
    assert.equal((await oss.getBucketInfo('shanghai-footage', 'cn-shanghai')).region, 'cn-shanghai');
  });

  test('lists one folder level with prefix and delimiter, and follows continuation tokens', async () => {
    const top = await oss.listFolder('test-bucket', 'cn-hangzhou', '');
    assert.deepEqual(top.folders, ['highlights/', 'music/', 'videos/']);
    assert.deepEqual(top.objects, []);
    const music = await oss.listFolder('test-bucket', 'cn-hangzhou', 'music/');
    assert.deepEqual(
      music.objects.map((o) => o.key),
      ['music/calm.m4a', 'music/clip.mp4', 'music/summer.mp3'],
    );
    assert.ok(music.objects.every((o) => o.size > 0 && typeof o.lastModified === 'string'));

    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await oss.listFolder('test-bucket', 'cn-hangzhou', 'videos/', { maxKeys: 4, ...(token ? { continuationToken: token } : {}) });
      seen.push(...page.objects.map((o) => o.key));
      token = page.nextContinuationToken;
      assert.equal(page.truncated, token !== undefined);
      pages += 1;
    } while (token && pages < 10);
    assert.equal(pages, 3);
    assert.equal(seen.length, 11);
    assert.deepEqual(seen, [...seen].sort());

    const folders = await oss.listFolder('test-bucket', 'cn-hangzhou', '', { maxKeys: 2 });
    assert.deepEqual(folders.folders, ['highlights/', 'music/']);
    const rest = await oss.listFolder('test-bucket', 'cn-hangzhou', '', { maxKeys: 2, continuationToken: folders.nextContinuationToken! });
    assert.deepEqual(rest.folders, ['videos/']);
  });

  test('HeadObject gives the Content-Type; a missing key is no-such-key; an unlabelled object is octet-stream', async () => {
    const head = await oss.headObject('test-bucket', 'cn-hangzhou', 'videos/beach.mp4');
    assert.equal(head.contentType, 'video/mp4');
    assert.ok((head.size ?? 0) > 0);
    assert.equal((await oss.headObject('test-bucket', 'cn-hangzhou', 'videos/unlabelled.bin')).contentType, 'application/octet-stream');
    assert.equal((await rejection(oss.headObject('test-bucket', 'cn-hangzhou', 'videos/nope.mp4'))).kind, 'no-such-key');
  });

  test('keys with spaces and unicode are signed and found', async () => {
    endpoint.control.putObject('test-bucket', { key: 'videos/2026 trip/山 (1)+.mp4', contentType: 'video/mp4' });
    assert.equal((await oss.headObject('test-bucket', 'cn-hangzhou', 'videos/2026 trip/山 (1)+.mp4')).contentType, 'video/mp4');
    const folder = await oss.listFolder('test-bucket', 'cn-hangzhou', 'videos/2026 trip/');
    assert.deepEqual(
      folder.objects.map((o) => o.key),
      ['videos/2026 trip/山 (1)+.mp4'],
    );
  });

  test('GetObject returns the content', async () => {
    const object = await oss.getObject('test-bucket', 'cn-hangzhou', 'music/summer.mp3');
    assert.equal(object.content.toString('utf8'), 'local OSS object music/summer.mp3\n');
    assert.equal(object.contentType, 'audio/mpeg');
  });

  test('a presigned V4 URL fetches the object until it expires, and not with a changed signature', async () => {
    const url = await oss.presignGet('test-bucket', 'cn-hangzhou', 'music/summer.mp3', 60);
    assert.match(url, /x-oss-signature-version=OSS4-HMAC-SHA256/);
    const path = url.slice(endpoint.url.length);
    assert.ok(path.startsWith('/test-bucket/music/summer.mp3?'), path);
    const ok = await raw(path);
    assert.equal(ok.status, 200);
    assert.equal(ok.body, 'local OSS object music/summer.mp3\n');
    const tampered = await raw(path.replace(/x-oss-signature=([0-9a-f])/, (_m, c: string) => `x-oss-signature=${c === '0' ? '1' : '0'}`));
    assert.equal(tampered.status, 403);
    assert.match(tampered.body, /<Code>SignatureDoesNotMatch<\/Code>/);

    const later = await startOssEndpoint({ now: () => new Date(Date.now() + 120_000) });
    try {
      const expired = await new Promise<number>((resolve, reject) => {
        request(`${later.url}${path}`, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        })
          .on('error', reject)
          .end();
      });
      assert.equal(expired, 403);
    } finally {
      await later.close();
    }
  });

  test("a presigned video snapshot (the storyboard's thumbnails) answers a frame; bad parameters get OSS's InvalidArgument with their EC", async () => {
    const snapshotUrl = (key: string, process: string) => oss.presignGet('test-bucket', 'cn-hangzhou', key, 60, { queries: { 'x-oss-process': process } });
    const url = await snapshotUrl('videos/keynote.mp4', snapshotProcess(12));
    assert.match(url, /x-oss-process=video%2Fsnapshot%2Ct_12000%2Cf_jpg%2Cw_320/);
    const frame = await fetch(url);
    assert.equal(frame.status, 200);
    assert.equal(frame.headers.get('content-type'), 'image/jpeg');
    const bytes = Buffer.from(await frame.arrayBuffer());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xff, 0xd8, 0xff], 'a JPEG');
    const logged = endpoint.requests.at(-1)!;
    assert.equal(logged.presigned && logged.signatureValid, true);

    const png = await fetch(await snapshotUrl('videos/keynote.mp4', 'video/snapshot,t_0,f_png'));
    assert.equal(png.headers.get('content-type'), 'image/png');
    const negative = await fetch(await snapshotUrl('videos/keynote.mp4', 'video/snapshot,t_-32,f_jpg'));
    assert.equal(negative.status, 400);
    const body = await negative.text();
    assert.match(body, /<Code>InvalidArgument<\/Code>/);
    assert.match(body, /<EC>0053-00000101<\/EC>/);
    const format = await fetch(await snapshotUrl('videos/keynote.mp4', 'video/snapshot,t_0,f_32'));
    assert.match(await format.text(), /<EC>0053-00000107<\/EC>/);
    const image = await fetch(await snapshotUrl('videos/cover.jpg', 'video/snapshot,t_0,f_jpg'));
    assert.equal(image.status, 400, 'a snapshot of an image is refused');
    const missing = await fetch(await snapshotUrl('videos/none.mp4', 'video/snapshot,t_0,f_jpg'));
    assert.equal(missing.status, 404);
    // The process is part of what is signed: a URL whose process was changed does not verify.
    const changed = await fetch(url.replace('t_12000', 't_13000'));
    assert.equal(changed.status, 403);
  });

  test('an STS token is sent with every request and checked', async () => {
    const sts = await startOssEndpoint({ securityTokens: { [TEST_OSS_ACCESS_KEY.id]: 'token-123' } });
    try {
      const withToken = createOssConnection({ endpoint: sts.url, credentials: { ...KEY, securityToken: 'token-123' } });
      assert.equal((await withToken.headObject('test-bucket', 'cn-hangzhou', 'videos/beach.mp4')).contentType, 'video/mp4');
      assert.equal(sts.requests.at(-1)!.securityToken, 'token-123');
      const url = await withToken.presignGet('test-bucket', 'cn-hangzhou', 'videos/beach.mp4', 60);
      assert.match(url, /x-oss-security-token=token-123/);
      const wrong = createOssConnection({ endpoint: sts.url, credentials: { ...KEY, securityToken: 'stale' } });
      assert.equal((await rejection(wrong.headObject('test-bucket', 'cn-hangzhou', 'videos/beach.mp4'))).kind, 'credentials');
    } finally {
      await sts.close();
    }
  });

  test('a wrong secret is credentials; a denied permission is access-denied', async () => {
    const wrong = createOssConnection({ endpoint: endpoint.url, credentials: { ...KEY, accessKeySecret: 'not-the-secret' } });
    const error = await rejection(wrong.listBuckets('cn-hangzhou'));
    assert.equal(error.kind, 'credentials');
    assert.equal(error.code, 'SignatureDoesNotMatch');
    assert.ok(!error.message.includes('not-the-secret'));
    endpoint.control.deny('oss:ListBuckets');
    assert.equal((await rejection(oss.listBuckets('cn-hangzhou'))).kind, 'access-denied');
    endpoint.control.deny('oss:GetObject', 'test-bucket');
    const head = await rejection(oss.headObject('test-bucket', 'cn-hangzhou', 'videos/beach.mp4'));
    assert.equal(head.kind, 'access-denied');
  });

  test('a request that gets no answer times out; an aborted call is cancelled at once', async () => {
    const quick = createOssConnection({ endpoint: endpoint.url, credentials: KEY, timeoutMs: 300 });
    endpoint.control.failNext({ kind: 'hang' });
    assert.equal((await rejection(quick.headObject('test-bucket', 'cn-hangzhou', 'videos/beach.mp4'))).kind, 'timeout');
    endpoint.control.failNext({ kind: 'hang' });
    const controller = new AbortController();
    const pending = oss.headObject('test-bucket', 'cn-hangzhou', 'videos/beach.mp4', { signal: controller.signal });
    controller.abort();
    assert.equal((await rejection(pending)).kind, 'cancelled');
  });

  test('an unreachable endpoint is a network error', async () => {
    const closed = await startOssEndpoint();
    const url = closed.url;
    await closed.close();
    const unreachable = createOssConnection({ endpoint: url, credentials: KEY, timeoutMs: 2000 });
    assert.equal((await rejection(unreachable.listBuckets('cn-hangzhou'))).kind, 'network');
  });

  test('the endpoint setting: https by default, http only on loopback, localhost as its address', () => {
    assert.deepEqual(parseOssEndpoint('oss-cn-hangzhou-internal.aliyuncs.com'), {
      protocol: 'https:',
      url: 'https://oss-cn-hangzhou-internal.aliyuncs.com',
      isIp: false,
    });
    assert.deepEqual(parseOssEndpoint('http://localhost:9000'), { protocol: 'http:', url: 'http://127.0.0.1:9000', isIp: true });
    assert.throws(
      () => parseOssEndpoint('http://oss.example.com'),
      (e: unknown) => e instanceof OssError && e.kind === 'endpoint' && /unencrypted/.test(e.message),
    );
    assert.throws(() => parseOssEndpoint('https://oss.example.com/path'), /path or query/);
  });
});

describe('local OSS endpoint', () => {
  const date = (): string =>
    new Date()
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d{3}/, '');

  function signedHeaders(method: string, bucket: string, key: string, region: string, query: [string, string][] = []): Record<string, string> {
    const d = date();
    const headers = { 'x-oss-date': d, 'x-oss-content-sha256': 'UNSIGNED-PAYLOAD' };
    const canonical = [
      method,
      canonicalUri(bucket, key),
      query.map(([k, v]) => (v ? `${k}=${v}` : k)).join('&'),
      `x-oss-content-sha256:UNSIGNED-PAYLOAD\nx-oss-date:${d}\n`,
      '',
      'UNSIGNED-PAYLOAD',
    ].join('\n');
    const sig = signature(TEST_OSS_ACCESS_KEY.secret, d, region, canonical);
    return {
      ...headers,
      authorization: `OSS4-HMAC-SHA256 Credential=${TEST_OSS_ACCESS_KEY.id}/${d.slice(0, 8)}/${region}/oss/aliyun_v4_request,Signature=${sig}`,
    };
  }

  test('accepts path style and virtual-host style for the same object', async () => {
    const path = await raw('/test-bucket/videos/beach.mp4', signedHeaders('GET', 'test-bucket', 'videos/beach.mp4', 'cn-hangzhou'));
    assert.equal(path.status, 200);
    const virtual = await raw('/videos/beach.mp4', {
      ...signedHeaders('GET', 'test-bucket', 'videos/beach.mp4', 'cn-hangzhou'),
      host: 'test-bucket.oss-cn-hangzhou.aliyuncs.com',
    });
    assert.equal(virtual.status, 200);
    assert.deepEqual(
      endpoint.requests.map((r) => r.style),
      ['path', 'virtual-host'],
    );
  });

  test('refuses V1 signatures and unsigned requests', async () => {
    const v1 = await raw('/test-bucket/videos/beach.mp4', { authorization: 'OSS LTAI5tLocalImmTestKey01:abc=', date: new Date().toUTCString() });
    assert.equal(v1.status, 403);
    assert.match(v1.body, /<Code>AccessDenied<\/Code>/);
    assert.match(v1.body, /V4/);
    const none = await raw('/test-bucket/videos/beach.mp4');
    assert.equal(none.status, 403);
  });

  test('an empty query value is canonicalised as the bare key, as OSS does', async () => {
    const good = await raw('/test-bucket/?bucketInfo=', signedHeaders('GET', 'test-bucket', '', 'cn-hangzhou', [['bucketInfo', '']]));
    assert.equal(good.status, 200);
    const d = date();
    // What ali-oss 6.23 signs for an empty value (`prefix=`), which OSS refuses.
    const canonical = ['GET', '/test-bucket/', 'list-type=2&prefix=', `x-oss-content-sha256:UNSIGNED-PAYLOAD\nx-oss-date:${d}\n`, '', 'UNSIGNED-PAYLOAD'].join(
      '\n',
    );
    const sig = signature(TEST_OSS_ACCESS_KEY.secret, d, 'cn-hangzhou', canonical);
    const bad = await raw('/test-bucket/?list-type=2&prefix=', {
      'x-oss-date': d,
      'x-oss-content-sha256': 'UNSIGNED-PAYLOAD',
      authorization: `OSS4-HMAC-SHA256 Credential=${TEST_OSS_ACCESS_KEY.id}/${d.slice(0, 8)}/cn-hangzhou/oss/aliyun_v4_request,Signature=${sig}`,
    });
    assert.equal(bad.status, 403);
    assert.match(bad.body, /SignatureDoesNotMatch/);
  });

  test('a bucket signed for another region gets 403 with the Endpoint it must be addressed at', async () => {
    const answer = await raw('/shanghai-footage/raw/launch.mp4', signedHeaders('GET', 'shanghai-footage', 'raw/launch.mp4', 'cn-hangzhou'));
    assert.equal(answer.status, 403);
    assert.match(answer.body, /<Code>AccessDenied<\/Code>/);
    assert.match(answer.body, /must be addressed using the specified endpoint/);
    assert.match(answer.body, /<Endpoint>oss-cn-shanghai\.aliyuncs\.com<\/Endpoint>/);
  });

  test('NoSuchBucket and NoSuchKey have OSS XML error bodies', async () => {
    const bucket = await raw('/nothing-here/a.mp4', signedHeaders('GET', 'nothing-here', 'a.mp4', 'cn-hangzhou'));
    assert.equal(bucket.status, 404);
    assert.match(bucket.body, /^<\?xml[\s\S]*<Error>[\s\S]*<Code>NoSuchBucket<\/Code>[\s\S]*<RequestId>[0-9A-F]+<\/RequestId>/);
    const key = await raw('/test-bucket/none.mp4', signedHeaders('GET', 'test-bucket', 'none.mp4', 'cn-hangzhou'));
    assert.equal(key.status, 404);
    assert.match(key.body, /<Code>NoSuchKey<\/Code>/);
  });

  test('refuses writes', async () => {
    for (const method of ['PUT', 'POST', 'DELETE']) {
      const answer = await raw('/test-bucket/videos/new.mp4', signedHeaders(method, 'test-bucket', 'videos/new.mp4', 'cn-hangzhou'), method);
      assert.equal(answer.status, 403, method);
      assert.match(answer.body, /read-only/);
    }
    assert.equal(endpoint.state.buckets.get('test-bucket')!.objects.has('videos/new.mp4'), false);
  });
});
