/**
 * `highlight-task submit` in-process against the local IMM endpoint: a 5xx after sending is "outcome unknown"
 * (exit 3, sent once), only what certainly did not reach IMM is retried, the service's error code is shown, and
 * `--dry-run` prints the line for the chosen shell.
 */
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createImmClient, ImmApiError } from '../../api/src/index';
import { toRequest } from '../../core/src/request/request';
import { main } from '../../cli/src/main';
import { faults } from '../endpoints/imm/faults';
import { startImmEndpoint, TEST_ACCESS_KEY, type ImmEndpoint } from '../endpoints/imm/server';
import { emptyCredentialEnv, FAST_RETRY, JOBS, withEnv } from '../api/helpers';
import { MINIMAL_JOB } from '../support/minimalJobs';

let endpoint: ImmEndpoint;
let dir = '';
before(async () => {
  endpoint = await startImmEndpoint({ projects: ['immtest'] });
  dir = mkdtempSync(join(tmpdir(), 'imm-outcome-'));
  writeFileSync(join(dir, 'job.highlight.yaml'), MINIMAL_JOB);
  writeFileSync(join(dir, 'elsewhere.highlight.yaml'), MINIMAL_JOB.replace('immtest', 'no_such_project'));
});
after(() => endpoint.close());
beforeEach(() => endpoint.control.reset());

async function cli(args: string[], platform = 'linux'): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const env = { ...emptyCredentialEnv(), ALIBABA_CLOUD_ACCESS_KEY_ID: TEST_ACCESS_KEY.id, ALIBABA_CLOUD_ACCESS_KEY_SECRET: TEST_ACCESS_KEY.secret };
  const code = await withEnv(env, () => main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd: dir, env: process.env, platform }));
  return { code, stdout, stderr };
}

describe('a create is repeated only when it certainly did not reach IMM', () => {
  for (const status of [500, 502, 503]) {
    test(`HTTP ${status}: exit 3, sent once, the task list to check`, async () => {
      endpoint.control.failNext(faults.internalError(status), { action: 'CreateHighlightTask', times: 3 });
      const { code, stderr } = await cli(['submit', 'job.highlight.yaml', '--endpoint', endpoint.url]);
      assert.equal(code, 3, stderr);
      assert.equal(endpoint.received('CreateHighlightTask').length, 1);
      assert.match(stderr, /InternalError/);
      assert.match(stderr, /task list/);
    });
  }

  test('a refused connection is retried: nothing was sent', async () => {
    const port = await new Promise<number>((resolve) => {
      const server = createServer();
      server.listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
    const client = createImmClient({
      endpoint: `http://127.0.0.1:${port}`,
      credentials: { kind: 'accessKey', accessKeyId: TEST_ACCESS_KEY.id, accessKeySecret: TEST_ACCESS_KEY.secret },
      retry: FAST_RETRY,
    });
    const error = await client.createHighlightTask(toRequest(JOBS.Retrieval)).then(
      () => assert.fail('created'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof ImmApiError);
    assert.equal(error.code, 'ECONNREFUSED');
    assert.equal(error.attempts, 3);
    assert.equal(error.outcomeUnknown, false);
  });

  test('a throttling answer is retried and the task is created once', async () => {
    endpoint.control.failNext(faults.throttling(), { action: 'CreateHighlightTask' });
    const { code } = await cli(['submit', 'job.highlight.yaml', '--endpoint', endpoint.url]);
    assert.equal(code, 0);
    assert.deepEqual(
      endpoint.received('CreateHighlightTask').map((r) => r.status),
      [429, 200],
    );
  });
});

test("the service's error code is in the text output, beside the explanation and the RequestId", async () => {
  // Past the preflight, which would refuse the missing project before CreateHighlightTask is sent.
  const { code, stderr } = await cli(['submit', 'elsewhere.highlight.yaml', '--endpoint', endpoint.url, '--no-preflight']);
  assert.equal(code, 1);
  assert.match(stderr, /ResourceNotFound: Project "no_such_project" was not found in region cn-hangzhou\..*\(RequestId [^)]+\)/);
});

describe('--dry-run', () => {
  test('POSIX by default: region always, the endpoint as a host, no --version, the CLI version needed', async () => {
    const { code, stdout, stderr } = await cli(['submit', 'job.highlight.yaml', '--dry-run', '--endpoint', 'http://127.0.0.1:8123']);
    assert.equal(code, 0);
    assert.match(stdout, /^aliyun imm CreateHighlightTask --region=cn-hangzhou --endpoint=127\.0\.0\.1:8123 --ProjectName=immtest /);
    assert.doesNotMatch(stdout, /--version/);
    assert.match(stderr, /aliyun CLI 3\.3\.0 or later/);
    assert.equal(endpoint.requests.length, 0);
  });

  test('PowerShell on Windows by default, cmd on request', async () => {
    const ps = await cli(['submit', 'job.highlight.yaml', '--dry-run'], 'win32');
    assert.match(ps.stdout, /^aliyun imm CreateHighlightTask '--region=cn-hangzhou' '--ProjectName=immtest' /);
    assert.match(ps.stderr, /PowerShell/);
    const cmd = await cli(['submit', 'job.highlight.yaml', '--dry-run', '--shell', 'cmd'], 'win32');
    assert.match(cmd.stdout, /\^"--Sources=\[\{\\\^"URI\\\^":/);
    assert.equal((await cli(['submit', 'job.highlight.yaml', '--dry-run', '--shell', 'fish'])).code, 2);
  });
});
