/**
 * Real signed requests through @alicloud/openapi-core (api/src) to the local IMM endpoint, which verifies the
 * ACS3 signature with its own implementation.
 */
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { createImmClient, followTask, ImmApiError, type TaskInfo } from '../../api/src/index';
import { toRequest } from '../../core/src/request/request';
import { faults } from '../endpoints/imm/faults';
import { startImmEndpoint, TEST_ACCESS_KEY, type ImmEndpoint } from '../endpoints/imm/server';
import { clientFor, emptyCredentialEnv, JOBS, withEnv } from './helpers';

let endpoint: ImmEndpoint;
before(async () => {
  endpoint = await startImmEndpoint({ projects: ['immtest'] });
});
after(() => endpoint.close());
beforeEach(() => endpoint.control.reset());

async function rejection(promise: Promise<unknown>): Promise<ImmApiError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ImmApiError, `expected an ImmApiError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the call to fail');
}

describe('CreateHighlightTask reaches the service signed and in wire form', () => {
  for (const [type, job] of Object.entries(JOBS)) {
    test(`${type}: accepted, and the endpoint received exactly toRequest's parameters`, async () => {
      const request = toRequest(job);
      const result = await clientFor(endpoint).createHighlightTask(request);
      assert.match(result.taskId, /^Highlight-[0-9a-f-]{36}$/);
      assert.ok(result.requestId);
      const [received, ...more] = endpoint.received('CreateHighlightTask');
      assert.equal(more.length, 0);
      assert.ok(received);
      assert.equal(received.signatureValid, true);
      assert.equal(received.status, 200);
      assert.equal(received.accessKeyId, TEST_ACCESS_KEY.id);
      assert.equal(received.version, '2020-09-30');
      assert.equal(received.headers['content-type'], 'application/x-www-form-urlencoded');
      assert.match(received.headers['authorization'] ?? '', /^ACS3-HMAC-SHA256 Credential=/);
      assert.deepEqual(received.params, { ProjectName: 'immtest', ...request.body });
      assert.ok(received.url.startsWith('/?ProjectName=immtest'), 'ProjectName travels in the query');
      assert.equal(received.taskId, result.taskId);
    });
  }

  test('a body with spaces, quotes, & and non-ASCII text is signed and decoded intact', async () => {
    const request = toRequest({ ...JOBS.Retrieval, UserData: `{"note": "a b&c=d+e 'q' 宠物 ~*"}`, Highlight: { Content: '宠物' } });
    await clientFor(endpoint).createHighlightTask(request);
    assert.deepEqual(endpoint.received('CreateHighlightTask')[0]?.params, { ProjectName: 'immtest', ...request.body });
  });
});

describe('authentication', () => {
  test('a wrong secret is rejected by the independent verifier, as auth, and not retried', async () => {
    const client = clientFor(endpoint, { credentials: { kind: 'accessKey', accessKeyId: TEST_ACCESS_KEY.id, accessKeySecret: 'not-the-secret' } });
    const error = await rejection(client.createHighlightTask(toRequest(JOBS.Retrieval)));
    assert.equal(error.kind, 'auth');
    assert.equal(error.code, 'SignatureDoesNotMatch');
    assert.equal(error.statusCode, 400);
    assert.ok(error.requestId);
    assert.equal(error.outcomeUnknown, false);
    assert.equal(endpoint.requests.length, 1);
    assert.equal(endpoint.requests[0]?.signatureValid, false);
    assert.ok(!error.message.includes('not-the-secret'), 'the secret never appears in a message');
    assert.ok(!JSON.stringify(error).includes('not-the-secret'));
    assert.match(error.message, /LTAI\*\*\*\*ey01/);
  });

  test('an unknown AccessKey ID is reported as auth with the masked ID', async () => {
    const client = clientFor(endpoint, { credentials: { kind: 'accessKey', accessKeyId: 'LTAI5tSomeoneElse999', accessKeySecret: 'x' } });
    const error = await rejection(client.createHighlightTask(toRequest(JOBS.Retrieval)));
    assert.equal(error.kind, 'auth');
    assert.equal(error.code, 'InvalidAccessKeyId.NotFound');
    assert.match(error.message, /LTAI\*\*\*\*e999/);
  });

  test('a missing RAM permission says which action and project', async () => {
    endpoint.control.failNext(faults.noPermission(), { action: 'CreateHighlightTask' });
    const error = await rejection(clientFor(endpoint).createHighlightTask(toRequest(JOBS.Retrieval)));
    assert.equal(error.kind, 'auth');
    assert.equal(error.statusCode, 403);
    assert.match(error.message, /imm:CreateHighlightTask on project immtest/);
  });

  test('the default chain signs with the environment variables and says so', async () => {
    await withEnv(
      { ...emptyCredentialEnv(), ALIBABA_CLOUD_ACCESS_KEY_ID: TEST_ACCESS_KEY.id, ALIBABA_CLOUD_ACCESS_KEY_SECRET: TEST_ACCESS_KEY.secret },
      async () => {
        const client = createImmClient({ endpoint: endpoint.url });
        assert.equal(await client.describeCredentials(), 'AccessKey LTAI****ey01 from environment variables');
        await client.createHighlightTask(toRequest(JOBS.Concat));
      },
    );
    assert.equal(endpoint.received('CreateHighlightTask')[0]?.status, 200);
  });

  test('an explicit aliyun CLI profile is used and named', async () => {
    const env = emptyCredentialEnv();
    mkdirSync(join(env['HOME']!, '.aliyun'));
    const profile = { name: 'demo', mode: 'AK', access_key_id: TEST_ACCESS_KEY.id, access_key_secret: TEST_ACCESS_KEY.secret, region_id: 'cn-hangzhou' };
    writeFileSync(join(env['HOME']!, '.aliyun', 'config.json'), JSON.stringify({ current: 'other', profiles: [profile] }));
    await withEnv(env, async () => {
      const client = createImmClient({ endpoint: endpoint.url, credentials: { kind: 'profile', name: 'demo' } });
      assert.equal(await client.describeCredentials(), 'AccessKey LTAI****ey01 from aliyun CLI profile "demo"');
      await client.createHighlightTask(toRequest(JOBS.Retrieval));
    });
    assert.equal(endpoint.received('CreateHighlightTask').length, 1);
  });

  test('no credentials anywhere: a credentials error that says what to set, and nothing is sent', async () => {
    const error = await withEnv(emptyCredentialEnv(), () =>
      rejection(createImmClient({ endpoint: endpoint.url }).createHighlightTask(toRequest(JOBS.Retrieval))),
    );
    assert.equal(error.kind, 'credentials');
    assert.match(error.message, /ALIBABA_CLOUD_ACCESS_KEY_ID/);
    assert.match(error.message, /Nothing was submitted/);
    assert.equal(endpoint.requests.length, 0);
  });
});

describe('service errors', () => {
  test('an invalid parameter carries its path for a diagnostic', async () => {
    const job = { ...JOBS.Retrieval, Sources: [{ URI: 'oss://test-bucket/a.mp4' }, { URI: 'https://example.com/b.mp4' }] };
    const error = await rejection(clientFor(endpoint).createHighlightTask(toRequest(job)));
    assert.equal(error.kind, 'service');
    assert.equal(error.code, 'InvalidArgument');
    assert.equal(error.statusCode, 400);
    assert.equal(error.parameter, 'Sources.1.URI');
    assert.deepEqual(error.parameterPath, ['Sources', 1, 'URI']);
    assert.equal(error.retryable, false);
    assert.equal(endpoint.requests.length, 1, 'a 4xx is never retried');
  });

  test('Concat without Output.Container is refused with that parameter', async () => {
    const { Container: _dropped, ...output } = JOBS.Concat.Output;
    const error = await rejection(clientFor(endpoint).createHighlightTask(toRequest({ ...JOBS.Concat, Output: output })));
    assert.equal(error.parameter, 'Output.Container');
  });

  test('a project of another region: not found, with advice about region and project', async () => {
    const error = await rejection(clientFor(endpoint).createHighlightTask(toRequest({ ...JOBS.Retrieval, ProjectName: 'elsewhere' })));
    assert.equal(error.statusCode, 404);
    assert.match(error.message, /Project "elsewhere" was not found in region cn-hangzhou/);
  });

  for (const status of [500, 502, 503]) {
    test(`a ${status} on CreateHighlightTask is not repeated (the task may exist): outcome unknown`, async () => {
      endpoint.control.failNext(faults.internalError(status), { action: 'CreateHighlightTask', times: 2 });
      const error = await rejection(clientFor(endpoint).createHighlightTask(toRequest(JOBS.Retrieval)));
      assert.equal(error.outcomeUnknown, true);
      assert.equal(error.attempts, 1);
      assert.equal(endpoint.received('CreateHighlightTask').length, 1, 'sent once');
      assert.match(error.message, /may or may not have been created/);
    });
  }

  test('a 5xx on GetTask is retried with backoff, then succeeds', async () => {
    const created = await clientFor(endpoint).createHighlightTask(toRequest(JOBS.Retrieval));
    endpoint.control.failNext(faults.internalError(503), { action: 'GetTask', times: 2 });
    await clientFor(endpoint).getTask({ projectName: 'immtest', taskId: created.taskId });
    assert.deepEqual(
      endpoint.received('GetTask').map((r) => r.status),
      [503, 503, 200],
    );
  });

  test('throttling is retried, then succeeds', async () => {
    endpoint.control.failNext(faults.throttling(), { action: 'CreateHighlightTask' });
    await clientFor(endpoint).createHighlightTask(toRequest(JOBS.Retrieval));
    assert.deepEqual(
      endpoint.received('CreateHighlightTask').map((r) => r.status),
      [429, 200],
    );
  });

  test('a 504 on CreateHighlightTask is not repeated: outcome unknown', async () => {
    endpoint.control.failNext(faults.internalError(504), { action: 'CreateHighlightTask' });
    const error = await rejection(clientFor(endpoint).createHighlightTask(toRequest(JOBS.Retrieval)));
    assert.equal(error.outcomeUnknown, true);
    assert.equal(endpoint.received('CreateHighlightTask').length, 1);
  });
});

describe('network: never repeat a CreateHighlightTask that may have been acted on', () => {
  test('a timeout after sending is reported as outcome unknown and not repeated', async () => {
    endpoint.control.failNext(faults.hang(), { action: 'CreateHighlightTask' });
    const error = await rejection(clientFor(endpoint, { timeoutMs: 300 }).createHighlightTask(toRequest(JOBS.Retrieval)));
    assert.equal(error.kind, 'timeout');
    assert.equal(error.outcomeUnknown, true);
    assert.match(error.message, /may or may not have been created/);
    assert.equal(endpoint.received('CreateHighlightTask').length, 1);
  });

  test('a connection reset after the request arrived is outcome unknown and not repeated', async () => {
    endpoint.control.failNext(faults.reset(), { action: 'CreateHighlightTask' });
    const error = await rejection(clientFor(endpoint).createHighlightTask(toRequest(JOBS.Retrieval)));
    assert.equal(error.kind, 'network');
    assert.equal(error.outcomeUnknown, true);
    assert.equal(endpoint.received('CreateHighlightTask').length, 1);
  });

  test('GetTask, which is safe to repeat, is retried after a timeout', async () => {
    const { taskId } = await clientFor(endpoint).createHighlightTask(toRequest(JOBS.Retrieval));
    endpoint.control.failNext(faults.hang(), { action: 'GetTask' });
    const task = await clientFor(endpoint, { timeoutMs: 300 }).getTask({ projectName: 'immtest', taskId });
    assert.equal(task.status, 'Running');
    assert.deepEqual(
      endpoint.received('GetTask').map((r) => r.status),
      ['hang', 200],
    );
  });

  test('connection refused: nothing was sent, so it is retried, then reported with advice', async () => {
    const port = await closedPort();
    const client = createImmClient({
      endpoint: `http://127.0.0.1:${port}`,
      credentials: { kind: 'accessKey', accessKeyId: TEST_ACCESS_KEY.id, accessKeySecret: TEST_ACCESS_KEY.secret },
      retry: { maxAttempts: 2, baseDelayMs: 5, maxDelayMs: 10 },
    });
    const error = await rejection(client.createHighlightTask(toRequest(JOBS.Retrieval)));
    assert.equal(error.kind, 'network');
    assert.equal(error.code, 'ECONNREFUSED');
    assert.equal(error.outcomeUnknown, false);
    assert.equal(error.attempts, 2);
    assert.match(error.message, /Nothing was submitted/);
  });
});

describe('followTask', () => {
  const fast = { initialDelayMs: 5, maxDelayMs: 20 };

  test('polls GetTask until Succeeded, reporting each status and progress', async () => {
    endpoint.control.setTaskScript({ pollsBeforeDone: 3, outcome: 'Succeeded' });
    const client = clientFor(endpoint);
    const { taskId } = await client.createHighlightTask(toRequest(JOBS.Compose));
    const seen: TaskInfo[] = [];
    const final = await followTask(client, { projectName: 'immtest', taskId, onUpdate: (t) => seen.push(t), ...fast });
    assert.equal(final.status, 'Succeeded');
    assert.equal(final.done, true);
    assert.deepEqual(
      seen.map((t) => t.status),
      ['Running', 'Running', 'Running', 'Succeeded'],
    );
    assert.deepEqual(
      seen.map((t) => t.progress),
      [25, 50, 75, 100],
    );
    const gets = endpoint.received('GetTask');
    assert.equal(gets.length, 4);
    assert.deepEqual(gets[0]?.params, { ProjectName: 'immtest', TaskId: taskId, TaskType: 'Highlight' });
  });

  test('resolves with Code and Message when the task Failed', async () => {
    endpoint.control.setTaskScript({ pollsBeforeDone: 1, outcome: 'Failed', failure: { Code: 'InvalidArgument', Message: 'The video has no audio stream.' } });
    const client = clientFor(endpoint);
    const { taskId } = await client.createHighlightTask(toRequest(JOBS.Retrieval));
    const final = await followTask(client, { projectName: 'immtest', taskId, ...fast });
    assert.equal(final.status, 'Failed');
    assert.equal(final.code, 'InvalidArgument');
    assert.equal(final.message, 'The video has no audio stream.');
  });

  test('waits out a passing GetTask failure', async () => {
    endpoint.control.setTaskScript({ pollsBeforeDone: 0, outcome: 'Succeeded' });
    const client = clientFor(endpoint, { retry: { maxAttempts: 1 } });
    const { taskId } = await client.createHighlightTask(toRequest(JOBS.Retrieval));
    endpoint.control.failNext(faults.internalError(), { action: 'GetTask' });
    const errors: ImmApiError[] = [];
    const final = await followTask(client, { projectName: 'immtest', taskId, onError: (e) => errors.push(e), ...fast });
    assert.equal(final.status, 'Succeeded');
    assert.equal(errors.length, 1);
  });

  test('stops at once for a task that does not exist', async () => {
    const error = await rejection(
      followTask(clientFor(endpoint), { projectName: 'immtest', taskId: 'Highlight-00000000-0000-0000-0000-000000000000', ...fast }),
    );
    assert.equal(error.statusCode, 404);
    assert.equal(endpoint.received('GetTask').length, 1);
  });

  test('is cancelled by an AbortSignal', async () => {
    endpoint.control.setTaskScript({ pollsBeforeDone: 1000, outcome: 'Succeeded' });
    const client = clientFor(endpoint);
    const { taskId } = await client.createHighlightTask(toRequest(JOBS.Retrieval));
    const controller = new AbortController();
    let updates = 0;
    const following = followTask(client, {
      projectName: 'immtest',
      taskId,
      signal: controller.signal,
      onUpdate: () => {
        if (++updates === 2) controller.abort(new Error('cancelled by the user'));
      },
      ...fast,
    });
    await assert.rejects(following, /cancelled by the user/);
    assert.equal(endpoint.received('GetTask').length, 2);
  });

  test('gives up after maxWaitMs with a FollowTimeout', async () => {
    endpoint.control.setTaskScript({ pollsBeforeDone: 1000, outcome: 'Succeeded' });
    const client = clientFor(endpoint);
    const { taskId } = await client.createHighlightTask(toRequest(JOBS.Retrieval));
    const error = await rejection(followTask(client, { projectName: 'immtest', taskId, maxWaitMs: 60, ...fast }));
    assert.equal(error.code, 'FollowTimeout');
    assert.match(error.message, /keeps running/);
  });
});

/** A loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
