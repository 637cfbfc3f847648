/** The retry/outcome decisions of normalizeError for failures the local endpoint cannot produce (DNS, TLS). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveEndpoint } from '../../api/src/index';
import { normalizeError, type CallContext } from '../../api/src/normalize';
import { retryDelay } from '../../api/src/retry';

const endpoint = resolveEndpoint({ region: 'cn-hangzhou' });
const create: CallContext = { action: 'CreateHighlightTask', idempotent: false, endpoint, projectName: 'immtest', timeoutMs: 20_000 };
const get: CallContext = { ...create, action: 'GetTask', idempotent: true };
const nodeError = (code: string): Error => Object.assign(new Error(`connect ${code}`), { code });

test('DNS failure: nothing sent, retryable, advice names the host', () => {
  const error = normalizeError(nodeError('ENOTFOUND'), create);
  assert.equal(error.kind, 'network');
  assert.equal(error.retryable, true);
  assert.equal(error.outcomeUnknown, false);
  assert.match(error.message, /Cannot resolve imm\.cn-hangzhou\.aliyuncs\.com/);
});

test('TLS certificate failure: nothing sent, not retried', () => {
  for (const code of ['CERT_HAS_EXPIRED', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'ERR_TLS_CERT_ALTNAME_INVALID']) {
    const error = normalizeError(nodeError(code), create);
    assert.deepEqual(pick(error), { retryable: false, outcomeUnknown: false }, code);
    assert.match(error.message, /Nothing was submitted/);
  }
});

test('a TLS failure after the handshake is not "nothing was submitted" for a create', () => {
  for (const code of ['EPROTO', 'ERR_SSL_DECRYPTION_FAILED_OR_BAD_RECORD_MAC', 'ERR_SSL_SSLV3_ALERT_BAD_RECORD_MAC', 'ERR_TLS_INVALID_STATE']) {
    const error = normalizeError(nodeError(code), create);
    assert.deepEqual(pick(error), { retryable: false, outcomeUnknown: true }, code);
    assert.doesNotMatch(error.message, /Nothing was submitted/);
  }
});

test('socket reset: unknown outcome for CreateHighlightTask, retryable for GetTask', () => {
  assert.deepEqual(pick(normalizeError(nodeError('ECONNRESET'), create)), { retryable: false, outcomeUnknown: true });
  assert.deepEqual(pick(normalizeError(nodeError('ECONNRESET'), get)), { retryable: true, outcomeUnknown: false });
});

test("openapi-core's timeout errors are timeouts", () => {
  const timeout = Object.assign(new Error('ReadTimeout(20000)'), { name: 'RequestTimeoutError' });
  const error = normalizeError(timeout, create);
  assert.equal(error.kind, 'timeout');
  assert.equal(error.outcomeUnknown, true);
  assert.match(error.message, /within 20 s/);
});

test('service errors: throttling retries, 5xx retries GetTask only (a create is then of unknown outcome), 4xx never', () => {
  const service = (statusCode: number, Code: string) => ({ statusCode, code: Code, data: { Code, Message: 'm', RequestId: 'R1' } });
  assert.equal(normalizeError(service(400, 'Throttling.User'), create).retryable, true);
  for (const status of [500, 502, 503]) {
    assert.deepEqual(pick(normalizeError(service(status, 'InternalError'), create)), { retryable: false, outcomeUnknown: true }, `create ${status}`);
    assert.deepEqual(pick(normalizeError(service(status, 'InternalError'), get)), { retryable: true, outcomeUnknown: false }, `get ${status}`);
  }
  assert.deepEqual(pick(normalizeError(service(504, 'GatewayTimeout'), create)), { retryable: false, outcomeUnknown: true });
  assert.equal(normalizeError(service(504, 'GatewayTimeout'), get).retryable, true);
  const invalid = normalizeError(service(400, 'InvalidArgument'), create);
  assert.equal(invalid.retryable, false);
  assert.equal(invalid.requestId, 'R1');
  assert.match(invalid.message, /\(RequestId R1\)$/);
});

test('backoff doubles up to the cap and honours Retry-After', () => {
  const policy = { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 300 };
  for (let i = 0; i < 20; i++) {
    const first = retryDelay(policy, 1);
    assert.ok(first >= 50 && first <= 100);
    const third = retryDelay(policy, 3);
    assert.ok(third >= 150 && third <= 300, 'capped at maxDelayMs');
  }
  assert.equal(retryDelay(policy, 1, 250), 250);
  assert.equal(retryDelay(policy, 1, 5000), 300);
});

function pick(error: { retryable: boolean; outcomeUnknown: boolean }): { retryable: boolean; outcomeUnknown: boolean } {
  return { retryable: error.retryable, outcomeUnknown: error.outcomeUnknown };
}

test('a presigned URL quoted in an IMM error answer is redacted in the error and its message', () => {
  const url =
    'https://b.oss-cn-hangzhou.aliyuncs.com/a.mp4?OSSAccessKeyId=STS.NUgYrLnoC37mZZCNn&Expires=1700000000&Signature=c2ln%3D&security-token=CAISSECRETTOKEN';
  const error = normalizeError(
    { statusCode: 400, code: 'InvalidArgument', data: { Code: 'InvalidArgument', Message: `Sources.0.URI ${url} cannot be read.`, RequestId: 'R1' } },
    create,
  );
  for (const text of [error.message, error.serviceMessage, JSON.stringify(error.toJSON())]) {
    assert.ok(!/Signature=|SECRETTOKEN|STS\.NUg/.test(text ?? ''), text);
  }
  assert.match(error.serviceMessage ?? '', /a\.mp4\?<signature removed> cannot be read\./);
});
