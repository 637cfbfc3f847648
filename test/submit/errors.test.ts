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
  const error = normalizeError(nodeError('CERT_HAS_EXPIRED'), create);
  assert.equal(error.retryable, false);
  assert.equal(error.outcomeUnknown, false);
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

test('service errors: throttling and 5xx retry, 504 on create does not, 4xx never', () => {
  const service = (statusCode: number, Code: string) => ({ statusCode, code: Code, data: { Code, Message: 'm', RequestId: 'R1' } });
  assert.equal(normalizeError(service(400, 'Throttling.User'), create).retryable, true);
  assert.equal(normalizeError(service(503, 'ServiceUnavailable'), create).retryable, true);
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
