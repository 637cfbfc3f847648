/** Endpoint resolution, parameter extraction, and the local endpoint's own checks on tampered requests. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { createHash, createHmac } from 'node:crypto';
import { join } from 'node:path';
import { extractParameter, IMM_REGION_IDS, ImmApiError, maskAccessKeyId, parseEndpointOverride, resolveEndpoint } from '../../api/src/index';
import { faults } from '../endpoints/imm/faults';
import { startImmEndpoint, TEST_ACCESS_KEY, type ImmEndpoint } from '../endpoints/imm/server';
import { canonicalQuery, canonicalRequest, stringToSign } from '../endpoints/imm/signature';

test('a region resolves to imm.<region>.aliyuncs.com over HTTPS; cn-beijing-gov-1 to its VPC endpoint', () => {
  assert.deepEqual(resolveEndpoint({ region: 'cn-shanghai' }), {
    host: 'imm.cn-shanghai.aliyuncs.com',
    protocol: 'HTTPS',
    regionId: 'cn-shanghai',
    url: 'https://imm.cn-shanghai.aliyuncs.com',
    overridden: false,
  });
  assert.equal(resolveEndpoint({ region: 'cn-beijing-gov-1' }).host, 'imm-vpc.cn-beijing-gov-1.aliyuncs.com');
  assert.equal(resolveEndpoint().host, 'imm.cn-hangzhou.aliyuncs.com');
  assert.equal(IMM_REGION_IDS.length, 20);
  assert.throws(
    () => resolveEndpoint({ region: 'mars-north-1' }),
    (e: unknown) => e instanceof ImmApiError && e.kind === 'endpoint' && /not offered/.test(e.message),
  );
});

test('endpoint override: https anywhere, http only on loopback', () => {
  assert.equal(parseEndpointOverride('https://imm.example.com:8443').host, 'imm.example.com:8443');
  assert.equal(parseEndpointOverride('imm.cn-hangzhou.aliyuncs.com').protocol, 'HTTPS');
  for (const local of ['http://127.0.0.1:8080', 'http://127.1.2.3', 'http://localhost:9000/', 'http://[::1]:8080']) {
    assert.equal(parseEndpointOverride(local).protocol, 'HTTP', local);
  }
  for (const remote of ['http://imm.cn-hangzhou.aliyuncs.com', 'http://10.0.0.1:80', 'http://128.0.0.1', 'http://localhost.evil.com']) {
    assert.throws(() => parseEndpointOverride(remote), /Plain http:\/\/ is refused/, remote);
  }
  assert.throws(() => parseEndpointOverride('https://host/path'), /path or query/);
  assert.throws(() => parseEndpointOverride('https://user:pw@host'), /user name or password/);
  assert.throws(() => parseEndpointOverride('ftp://host'), /uses ftp/);
  assert.equal(resolveEndpoint({ region: 'cn-beijing', endpoint: 'http://127.0.0.1:1' }).regionId, 'cn-beijing');
});

test('extractParameter finds the parameter path in the shapes IMM messages use', () => {
  assert.equal(extractParameter('The parameter "Sources.0.URI" is invalid: …'), 'Sources.0.URI');
  assert.equal(extractParameter('invalid argument: Sources[2].URI must be an OSS URI'), 'Sources.2.URI');
  assert.equal(extractParameter('Output.Container is required when Type is Concat'), 'Output.Container');
  assert.equal(extractParameter('Edit.Transitions.1.Weight out of range'), 'Edit.Transitions.1.Weight');
  assert.equal(extractParameter('The request is malformed.'), undefined);
  assert.equal(extractParameter(undefined), undefined);
});

test('AccessKey IDs are masked to their first and last four characters', () => {
  assert.equal(maskAccessKeyId('LTAI5tAbCdEfGh1234'), 'LTAI****1234');
  assert.equal(maskAccessKeyId('short'), '****');
});

test('canonical query: RFC 3986 encoding, sorted by name', () => {
  assert.equal(canonicalQuery('b=2&a=x%20y&c=%2A~'), 'a=x%20y&b=2&c=%2A~');
  assert.equal(canonicalQuery(''), '');
  assert.equal(canonicalQuery('flag'), 'flag=');
});

let endpoint: ImmEndpoint;
before(async () => {
  endpoint = await startImmEndpoint();
});
after(() => endpoint.close());

/** Signs like the documentation says (our verifier's own primitives), then lets a test spoil one part. */
function signedHeaders(body: string, overrides: { nonce?: string; date?: string; contentSha?: string; host?: string } = {}): Record<string, string> {
  const headers: Record<string, string> = {
    host: overrides.host ?? endpoint.host,
    'content-type': 'application/x-www-form-urlencoded',
    'x-acs-action': 'GetTask',
    'x-acs-version': '2020-09-30',
    'x-acs-date': overrides.date ?? new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    'x-acs-signature-nonce': overrides.nonce ?? `${Math.random()}`,
    'x-acs-content-sha256': createHash('sha256').update(body).digest('hex'),
  };
  const names = Object.keys(headers).sort();
  const canonical = canonicalRequest({ method: 'POST', url: '/?ProjectName=p', headers, body: Buffer.from(body) }, names, headers['x-acs-content-sha256']!);
  const signature = createHmac('sha256', TEST_ACCESS_KEY.secret).update(stringToSign(canonical)).digest('hex');
  if (overrides.contentSha) headers['x-acs-content-sha256'] = overrides.contentSha;
  headers['authorization'] = `ACS3-HMAC-SHA256 Credential=${TEST_ACCESS_KEY.id},SignedHeaders=${names.join(';')},Signature=${signature}`;
  return headers;
}

function post(headers: Record<string, string>, body: string): Promise<{ status: number; json: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${endpoint.url}/?ProjectName=p`, { method: 'POST', headers }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) as Record<string, unknown> }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

test('the endpoint rejects a body that differs from what was signed', async () => {
  const headers = signedHeaders('TaskId=a');
  const { status, json } = await post(headers, 'TaskId=b');
  assert.equal(status, 400);
  assert.equal(json['Code'], 'ContentSHA256NotMatch');
});

test('the endpoint rejects a content hash header that was changed after signing', async () => {
  const body = 'TaskId=b';
  const { json } = await post(signedHeaders('TaskId=b', { contentSha: createHash('sha256').update(body).digest('hex').replace(/^./, '0') }), body);
  assert.equal(json['Code'], 'ContentSHA256NotMatch');
});

test('the endpoint rejects a replayed nonce and a stale date', async () => {
  const first = await post(signedHeaders('', { nonce: 'same-nonce' }), '');
  assert.notEqual(first.json['Code'], 'SignatureNonceUsed');
  const again = await post(signedHeaders('', { nonce: 'same-nonce' }), '');
  assert.equal(again.json['Code'], 'SignatureNonceUsed');
  const stale = await post(signedHeaders('', { date: '2020-01-01T00:00:00Z' }), '');
  assert.equal(stale.json['Code'], 'InvalidTimeStamp.Expired');
});

test('a correctly signed request passes the signature and then meets the parameter checks', async () => {
  const { status, json } = await post(signedHeaders(''), '');
  assert.equal(status, 400);
  assert.equal(json['Code'], 'MissingParameter');
  assert.match(String(json['Message']), /"TaskId"/);
  assert.deepEqual(Object.keys(json).sort(), ['Code', 'HostId', 'Message', 'Recommend', 'RequestId']);
});

test('the control API over HTTP queues a fault and lists requests', async () => {
  const control = (payload: unknown): Promise<Response> => fetch(`${endpoint.url}/__control`, { method: 'POST', body: JSON.stringify(payload) });
  assert.equal((await control({ op: 'failNext', fault: { kind: 'error', status: 503, code: 'ServiceUnavailable', message: 'down' } })).status, 200);
  const { status, json } = await post(signedHeaders(''), '');
  assert.equal(status, 503);
  assert.equal(json['Code'], 'ServiceUnavailable');
  const log = (await (await fetch(`${endpoint.url}/__control/requests`)).json()) as { requests: { status: number }[] };
  assert.equal(log.requests.at(-1)?.status, 503);
  assert.equal((await control({ op: 'nonsense' })).status, 400);
});

// A held request that is never released would hang the run: these fail by their timeout instead.
test('a held request is answered as usual only when released, over the API or /__control', { timeout: 20_000 }, async () => {
  endpoint.control.reset();
  endpoint.control.failNext(faults.held());
  let settled = false;
  const answer = post(signedHeaders(''), '').finally(() => (settled = true));
  await endpoint.control.whenHeld();
  assert.equal(endpoint.requests.at(-1)?.status, 'held');
  const log = (await (await fetch(`${endpoint.url}/__control/requests`)).json()) as { requests: { status: unknown }[] };
  assert.equal(log.requests.at(-1)?.status, 'held');
  assert.equal(settled, false, 'nothing answers a held request before the release');
  assert.equal(endpoint.control.releaseHeld(), 1);
  const { status, json } = await answer;
  assert.equal(status, 400);
  assert.equal(json['Code'], 'MissingParameter', 'answered as usual once released');
  assert.equal(endpoint.requests.at(-1)?.status, 400);
  assert.equal(endpoint.control.releaseHeld(), 0, 'released requests are not held any more');

  const control = (payload: unknown): Promise<Response> => fetch(`${endpoint.url}/__control`, { method: 'POST', body: JSON.stringify(payload) });
  assert.equal((await control({ op: 'failNext', fault: { kind: 'held' }, times: 2 })).status, 200);
  const two = [post(signedHeaders(''), ''), post(signedHeaders(''), '')];
  // As a client in another process would: the log says when both are waiting.
  while (endpoint.requests.filter((r) => r.status === 'held').length < 2) await new Promise((r) => setTimeout(r, 10));
  assert.deepEqual(await (await control({ op: 'releaseHeld' })).json(), { ok: true, released: 2 });
  assert.deepEqual(
    (await Promise.all(two)).map((r) => r.json['Code']),
    ['MissingParameter', 'MissingParameter'],
  );
});

test('reset answers the held requests and close drops them: no client and no waiter is left hanging', { timeout: 20_000 }, async () => {
  endpoint.control.failNext(faults.held());
  const answer = post(signedHeaders(''), '');
  await endpoint.control.whenHeld();
  endpoint.control.reset();
  assert.equal((await answer).json['Code'], 'MissingParameter');

  const other = await startImmEndpoint();
  other.control.failNext(faults.held());
  const dropped = new Promise<{ status: number }>((resolve, reject) => {
    const req = httpRequest(`${other.url}/?ProjectName=p`, { method: 'POST', headers: signedHeaders('', { host: other.host }) }, (res) =>
      resolve({ status: res.statusCode ?? 0 }),
    );
    req.on('error', reject);
    req.end('');
  });
  await other.control.whenHeld();
  await other.close();
  await assert.rejects(dropped, /socket hang up|ECONNRESET/);
  await assert.rejects(other.control.whenHeld(), /closed/);
});

test('main.ts runs the endpoint as a process: prints its URL, serves, stops on SIGTERM', async () => {
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/endpoints/imm/main.ts', '--port', '0'], { cwd: join(__dirname, '../..') });
  const line = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(out.split('\n')[0]!);
    });
    child.on('exit', (code) => reject(new Error(`exited early with ${code}`)));
  });
  const { url, accessKeyId } = JSON.parse(line) as { url: string; accessKeyId: string };
  assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
  assert.equal(accessKeyId, TEST_ACCESS_KEY.id);
  assert.deepEqual(await (await fetch(`${url}/__control/requests`)).json(), { requests: [] });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  child.kill('SIGTERM');
  assert.equal(await exited, 0);
});
