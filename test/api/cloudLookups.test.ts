/**
 * Bounded network work of the cloud checks (issue 20, 12), against the local OSS endpoint (signatures checked by
 * its own code) and a counting GetProject: look-ups shared across documents, one request in flight per resource,
 * failures kept for a short time, a deadline per run, and no requests for a job whose YAML does not parse.
 */
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createOssConnection, type OssConnection } from '../../api/src/oss/index';
import { CloudAnswerCache, cloudCheckJob } from '../../api/src/cloud/index';
import { ImmApiError } from '../../api/src/errors';
import type { ImmClient } from '../../api/src/client';
import { parseJob } from '../../core/src/parse/document';
import { startOssEndpoint, TEST_OSS_ACCESS_KEY, type OssEndpoint } from '../endpoints/oss/server';

let endpoint: OssEndpoint;
let oss: OssConnection;
const KEY = { kind: 'accessKey', accessKeyId: TEST_OSS_ACCESS_KEY.id, accessKeySecret: TEST_OSS_ACCESS_KEY.secret } as const;

const JOB = `ProjectName: immtest
Type: Concat
Sources:
  - URI: oss://test-bucket/videos/beach.mp4
  - URI: oss://test-bucket/videos/city.mp4
Output:
  URI: oss://test-bucket/highlights/new.mp4
`;

function countingImm(): { imm: Pick<ImmClient, 'getProject'>; calls: () => number } {
  let calls = 0;
  return {
    calls: () => calls,
    imm: {
      getProject: async (name: string) => {
        calls++;
        await new Promise((resolve) => setTimeout(resolve, 20));
        if (name !== 'immtest')
          throw new ImmApiError({
            kind: 'service',
            code: 'ResourceNotFound',
            message: 'no such project',
            statusCode: 404,
            requestId: undefined,
            serviceMessage: undefined,
            parameter: undefined,
            retryable: false,
            outcomeUnknown: false,
          });
        return { projectName: name } as Awaited<ReturnType<ImmClient['getProject']>>;
      },
    },
  };
}

const sent = (action: string, method?: string): number =>
  endpoint.requests.filter((r) => r.action === action && (method === undefined || r.method === method)).length;

before(async () => {
  endpoint = await startOssEndpoint();
  oss = createOssConnection({ endpoint: endpoint.url, credentials: KEY, timeoutMs: 3000 });
});
after(() => endpoint.close());
beforeEach(() => endpoint.control.reset());

describe('cloud checks share their look-ups (issue 20, 12)', () => {
  test('thirty job files checked at once send one GetBucketInfo, one HEAD per object and one GetProject', async () => {
    const { imm, calls } = countingImm();
    const cache = new CloudAnswerCache();
    const doc = parseJob(JOB);
    const results = await Promise.all(Array.from({ length: 30 }, () => cloudCheckJob(doc, { imm, oss, region: 'cn-hangzhou', cache })));
    assert.ok(results.every((r) => r.length === results[0]!.length));
    assert.equal(sent('oss:GetBucketInfo'), 1);
    // beach.mp4, city.mp4 and the output's new.mp4 (is it already there?).
    assert.equal(sent('oss:GetObject', 'HEAD'), 3);
    assert.equal(calls(), 1);
  });

  test('a failed look-up is kept for a short time, then asked again', async () => {
    let now = 0;
    const cache = new CloudAnswerCache({ answerTtlMs: 30_000, failureTtlMs: 30_000 }, () => now);
    const { imm } = countingImm();
    endpoint.control.deny('oss:GetBucketInfo', 'test-bucket');
    endpoint.control.deny('oss:ListBuckets');
    const doc = parseJob(JOB);
    const first = await cloudCheckJob(doc, { imm, oss, region: 'cn-hangzhou', cache });
    assert.ok(
      first.some((d) => d.code === 'cloud-check-failed'),
      JSON.stringify(first),
    );
    const afterFirst = sent('oss:GetBucketInfo');
    for (let i = 0; i < 5; i++) await cloudCheckJob(doc, { imm, oss, region: 'cn-hangzhou', cache });
    assert.equal(sent('oss:GetBucketInfo'), afterFirst, 'the denial is not asked again within 30 s');
    assert.equal(sent('oss:ListBuckets'), 1, 'nor the listing that could have said where the bucket is');
    now += 31_000;
    await cloudCheckJob(doc, { imm, oss, region: 'cn-hangzhou', cache });
    assert.equal(sent('oss:GetBucketInfo'), afterFirst + 1);
  });

  test('a run ends at its deadline: what is not answered by then is reported as timed out, quickly', async () => {
    const { imm } = countingImm();
    endpoint.control.failNext({ kind: 'hang' }, 50);
    const started = Date.now();
    const found = await cloudCheckJob(parseJob(JOB), { imm, oss, region: 'cn-hangzhou', cache: new CloudAnswerCache(), deadlineMs: 300 });
    assert.ok(Date.now() - started < 2000, `took ${Date.now() - started} ms`);
    assert.ok(
      found.some((d) => d.code === 'cloud-check-failed' && /300|0 seconds|longer than/.test(d.message)),
      JSON.stringify(found.map((d) => d.message)),
    );
  });

  test('many buckets are bounded by the deadline, not asked one after another until the end', async () => {
    const { imm } = countingImm();
    const buckets = Array.from({ length: 60 }, (_, i) => `  - URI: oss://missing-bucket-${i}/a.mp4`).join('\n');
    endpoint.control.failNext({ kind: 'hang' }, 1000);
    const started = Date.now();
    await cloudCheckJob(parseJob(`ProjectName: immtest\nType: Concat\nSources:\n${buckets}\n`), {
      imm,
      oss,
      region: 'cn-hangzhou',
      cache: new CloudAnswerCache(),
      deadlineMs: 400,
    });
    assert.ok(Date.now() - started < 2000, `took ${Date.now() - started} ms`);
    assert.ok(sent('oss:GetBucketInfo') <= 4, `only the first ${sent('oss:GetBucketInfo')} (the concurrency) were sent`);
  });

  test('clearing the shared look-ups (settings, credentials or trust changed) stops what was started before: the run ends, nothing more is sent', async () => {
    const { imm } = countingImm();
    const cache = new CloudAnswerCache();
    endpoint.control.failNext({ kind: 'hang' }, 1);
    const run = cloudCheckJob(parseJob(JOB), { imm, oss, region: 'cn-hangzhou', cache }).then(
      () => 'finished',
      (error: Error) => error.name,
    );
    for (let i = 0; i < 200 && endpoint.requests.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    const sentBefore = endpoint.requests.length;
    assert.equal(sentBefore, 1, 'the first look-up is on the wire, unanswered');
    const cleared = Date.now();
    cache.clear();
    assert.equal(await run, 'CheckCancelled');
    // The hanging request would end at the connection's 3 s timeout and the run would go on from there.
    assert.ok(Date.now() - cleared < 1000, `the run ended ${Date.now() - cleared} ms after clear()`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.deepEqual(
      endpoint.requests.slice(sentBefore).map((r) => `${r.method} ${r.url}`),
      [],
    );
  });

  test('a job whose YAML does not parse sends nothing: its static findings come first', async () => {
    const { imm, calls } = countingImm();
    const found = await cloudCheckJob(parseJob(`${JOB}Sources: [\n`), { imm, oss, region: 'cn-hangzhou', cache: new CloudAnswerCache() });
    assert.deepEqual(found, []);
    assert.equal(endpoint.requests.length, 0);
    assert.equal(calls(), 0);
  });
});
