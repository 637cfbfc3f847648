/**
 * Each credentials provider is made to fail with a known secret in its input (a file, a server's answer), and
 * every output is searched for it: the CLI's stderr, stdout and JSON, the ImmApiError, and what the editor shows
 * and stores. Providers the machine can reach locally run for real (env, aliyun CLI config, credentials file,
 * credentials URI on a loopback server, OIDC token file); the ECS metadata host and STS are fixed hosts, so their
 * messages are fed to the sanitizer in the library's own words.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createImmClient, ImmApiError } from '../../api/src/index';
import { describeProviderFailure, formatCredentialFailure } from '../../api/src/credentialFailure';
import { redactSecrets } from '../../api/src/redaction';
import { main } from '../../cli/src/main';
import { adviseError } from '../../client/src/access/errorAdvice';
import { persistedError } from '../../client/src/access/persistedError';
import { emptyCredentialEnv, withEnv } from './helpers';
import { MINIMAL_JOB } from '../support/minimalJobs';

/** Key-shaped, and one that is not: the second is kept out only by never passing provider text on. */
const SECRET = 'Zq8vK2mNp4RtY6wXa1cE3gJ5lO7sU9bD';
const PLAIN = 'correct horse battery staple';

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function submit(dir: string, env: Record<string, string | undefined>, extra: string[] = []): Promise<Run[]> {
  writeFileSync(join(dir, 'job.highlight.yaml'), MINIMAL_JOB);
  const runs: Run[] = [];
  for (const format of ['text', 'json']) {
    let stdout = '';
    let stderr = '';
    const code = await withEnv(env, () =>
      main(['submit', 'job.highlight.yaml', '--endpoint', 'http://127.0.0.1:9', '--format', format, ...extra], {
        stdout: (t) => (stdout += t),
        stderr: (t) => (stderr += t),
        cwd: dir,
        env: process.env,
      }),
    );
    runs.push({ code, stdout, stderr });
  }
  return runs;
}

async function clientError(env: Record<string, string | undefined>, profile?: string): Promise<ImmApiError> {
  return withEnv(env, async () => {
    const client = createImmClient({ endpoint: 'http://127.0.0.1:9', credentials: profile ? { kind: 'profile', name: profile } : { kind: 'default' } });
    const error = await client.describeCredentials().then(
      () => assert.fail('credentials were found'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof ImmApiError);
    return error;
  });
}

function assertClean(what: string, text: string): void {
  assert.ok(!text.includes(SECRET), `${what} carries the secret: ${text}`);
  assert.ok(!text.includes(PLAIN), `${what} carries the plain secret: ${text}`);
  assert.ok(!text.includes(SECRET.slice(0, 12)), `${what} carries part of the secret: ${text}`);
}

/** Every place the failure reaches: CLI text and JSON, the error, the editor's notification, output and history. */
async function assertNowhere(env: Record<string, string | undefined>, expect: RegExp, profile?: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'imm-leak-'));
  const runs = await submit(dir, env, profile ? ['--profile', profile] : []);
  for (const run of runs) {
    assert.equal(run.code, 1, run.stderr);
    assertClean('CLI stderr', run.stderr);
    assertClean('CLI stdout', run.stdout);
    assert.match(run.stderr, expect);
  }
  const json = JSON.parse(runs[1]!.stdout) as { error: { code: string; message: string } };
  assert.equal(json.error.code, 'NoCredentials');
  const error = await clientError(env, profile);
  assertClean('error message', error.message);
  assertClean('error JSON', JSON.stringify(error));
  assert.match(error.message, expect);
  const advice = adviseError(error, { action: 'Submitting' });
  assertClean('notification', advice.message);
  const stored = persistedError(error);
  assertClean('task history', stored);
  assert.doesNotMatch(stored, /config\.json|credentials file|http/, 'provider detail stays out of workspace state');
}

function home(): { env: Record<string, string | undefined>; dir: string } {
  const env = emptyCredentialEnv();
  return { env, dir: env['HOME']! };
}

describe('a failing credentials provider never passes its text on', () => {
  test('aliyun CLI config that is not JSON (a trailing comma): the file and "not valid JSON", not the file', async () => {
    const { env, dir } = home();
    mkdirSync(join(dir, '.aliyun'));
    const config = join(dir, '.aliyun', 'config.json');
    writeFileSync(
      config,
      `{"current":"default","profiles":[{"name":"default","mode":"AK","access_key_id":"LTAI5tAbCdEfGhIjKlMn","access_key_secret":"${SECRET}","note":"${PLAIN}",}]}`,
    );
    await assertNowhere(env, /aliyun CLI config \(.*config\.json\): the file is not valid JSON/);
    await assertNowhere(env, /aliyun CLI config \(.*config\.json\): the file is not valid JSON/, 'default');
  });

  test('environment variables with the ID only', async () => {
    const { env } = home();
    await assertNowhere({ ...env, ALIBABA_CLOUD_ACCESS_KEY_ID: `LTAI${SECRET}` }, /environment variables: ALIBABA_CLOUD_ACCESS_KEY_SECRET is not set/);
  });

  test('credentials file with a type that does not exist', async () => {
    const { env, dir } = home();
    const file = join(dir, 'credentials');
    writeFileSync(file, `[default]\ntype = ${PLAIN}\naccess_key_id = LTAI5tAbCdEfGhIjKlMn\naccess_key_secret = ${SECRET}\n`);
    await assertNowhere({ ...env, ALIBABA_CLOUD_CREDENTIALS_FILE: file }, /the credentials file: the profile type is not access_key/);
  });

  test('OIDC role whose token file is missing: the file is named', async () => {
    const { env, dir } = home();
    await assertNowhere(
      {
        ...env,
        ALIBABA_CLOUD_ROLE_ARN: `acs:ram::1:role/${PLAIN}`,
        ALIBABA_CLOUD_OIDC_PROVIDER_ARN: 'acs:ram::1:oidc-provider/x',
        ALIBABA_CLOUD_OIDC_TOKEN_FILE: join(dir, 'no-token'),
      },
      /OIDC role .*no-token\): the file does not exist/,
    );
  });

  describe('credentials URI on a loopback server', () => {
    let server: Server;
    let base = '';
    const answers: Record<string, { status: number; body: string }> = {
      '/500': { status: 500, body: `{"Code":"Denied","AccessKeySecret":"${SECRET}","note":"${PLAIN}"}` },
      '/not-json': { status: 200, body: `AccessKeySecret=${SECRET} ${PLAIN}` },
      '/incomplete': { status: 200, body: JSON.stringify({ AccessKeyId: 'LTAI5tAbCdEfGhIjKlMn', AccessKeySecret: SECRET, Note: PLAIN }) },
    };
    before(async () => {
      server = createServer((req, res) => {
        const answer = answers[req.url ?? ''] ?? { status: 404, body: PLAIN };
        res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body);
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    after(() => new Promise<void>((resolve) => server.close(() => resolve())));

    test('HTTP 500 with a body', async () => {
      await assertNowhere({ ...home().env, ALIBABA_CLOUD_CREDENTIALS_URI: `${base}/500` }, /credentials URI .*: the server answered HTTP 500/);
    });
    test('an answer that is not JSON', async () => {
      await assertNowhere({ ...home().env, ALIBABA_CLOUD_CREDENTIALS_URI: `${base}/not-json` }, /credentials URI .*not JSON/);
    });
    test('JSON without a security token (the library quotes the whole answer)', async () => {
      await assertNowhere({ ...home().env, ALIBABA_CLOUD_CREDENTIALS_URI: `${base}/incomplete` }, /credentials URI .*no complete AccessKey/);
    });
  });

  test("ECS RAM role and OIDC STS answers, in the library's words (their hosts are fixed)", () => {
    const cases: [string, string, RegExp][] = [
      ['ecs_ram_role', `get sts token failed, httpStatus: 403, message = {"AccessKeySecret":"${SECRET}","x":"${PLAIN}"}`, /HTTP 403/],
      ['ecs_ram_role', `get sts token failed, json parse failed: Unexpected token, result: ${SECRET} ${PLAIN}`, /not JSON/],
      ['ecs_ram_role', 'get role name failed: GET http://100.100.100.200/latest/meta-data/ram/security-credentials/ 404', /HTTP 404/],
      ['ecs_ram_role', 'connect ECONNREFUSED 100.100.100.200:80', /could not be reached \(ECONNREFUSED\)/],
      ['oidc_role_arn', `get sts token failed with OIDC: {"Message":"${PLAIN}","AccessKeySecret":"${SECRET}"}`, /STS did not issue/],
      ['oidc_role_arn', `get sts token failed with OIDC, unmarshal fail: ${SECRET} ${PLAIN}`, /not JSON/],
      [
        'cli_profile',
        `parse aliyun cli config from '/home/u/.aliyun/config.json' failed: {"access_key_secret":"${SECRET}",}`,
        /config\.json\): the file is not valid JSON/,
      ],
      ['credential_uri', `error retrieving credentials from credentialsURI result: {"AccessKeySecret":"${SECRET}","n":"${PLAIN}"}.`, /no complete AccessKey/],
      ['unknown_provider', `something odd: ${SECRET} ${PLAIN}`, /not shown here/],
    ];
    for (const [provider, message, expect] of cases) {
      const text = formatCredentialFailure(describeProviderFailure(provider, message));
      assertClean(provider, text);
      assert.match(text, expect);
    }
  });

  test('redaction masks key-shaped words and keeps paths readable', () => {
    assert.equal(redactSecrets(`id LTAI5tAbCdEfGhIjKlMn secret ${SECRET}`), 'id LTAI**** secret ****');
    assert.equal(redactSecrets('/home/someone/.aliyun/config.json'), '/home/someone/.aliyun/config.json');
    assert.equal(redactSecrets('token STS.NUgYrLnoC37mZZCNnAbez2'), 'token STS.****');
  });
});
