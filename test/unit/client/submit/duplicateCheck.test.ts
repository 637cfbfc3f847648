import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ImmApiError } from '../../../../api/src/errors';
import type { CredentialSource } from '../../../../api/src/credentials';
import { ago, DUPLICATE_WINDOW_MS, duplicateQuestion, findDuplicate } from '../../../../client/src/submit/duplicateCheck';
import { adviseError } from '../../../../client/src/access/errorAdvice';
import { IdentityResolver } from '../../../../client/src/access/identityResolver';
import { requestFingerprint } from '../../../../client/src/request/fingerprint';
import { redactPresignedUrls } from '../../../../api/src/redaction';
import type { TaskRecord } from '../../../../client/src/tasks/record';
import { toRequest } from '../../../../core/src/request/request';

process.env.TZ = 'UTC';

const JOB = { ProjectName: 'immtest', Type: 'Retrieval', Sources: [{ URI: 'oss://b/a.mp4' }], Output: { URI: 'oss://b/o.mp4' } };
const HANGZHOU = { region: 'cn-hangzhou', endpointUrl: 'https://imm.cn-hangzhou.aliyuncs.com' };
const NOW = Date.parse('2026-11-25T10:30:00Z');

const record = (over: Partial<TaskRecord> = {}): TaskRecord => ({
  taskId: 'Highlight-4d51241b-0b1c-4e2f-9d5a-1234567890ab',
  projectName: 'immtest',
  fileUri: 'file:///w/a.highlight.yaml',
  fileLabel: 'a.highlight.yaml',
  submittedAt: '2026-11-25T10:26:00Z',
  region: 'cn-hangzhou',
  requestId: 'REQ-1',
  status: 'Succeeded',
  updatedAt: '2026-11-25T10:27:00Z',
  requestHash: 'h1',
  identity: 'AccessKey LTAI****abcd from VS Code secret storage',
  ...over,
});

test('fingerprint: the same wire request, the same hash; any parameter, the region or the endpoint changes it', () => {
  const base = requestFingerprint(HANGZHOU, toRequest(JOB));
  assert.match(base, /^[0-9a-f]{64}$/);
  assert.equal(requestFingerprint(HANGZHOU, toRequest({ ...JOB })), base);
  assert.equal(requestFingerprint({ ...HANGZHOU, endpointUrl: `${HANGZHOU.endpointUrl}/` }, toRequest(JOB)), base);
  assert.notEqual(requestFingerprint(HANGZHOU, toRequest({ ...JOB, Type: 'Concat' })), base);
  assert.notEqual(requestFingerprint(HANGZHOU, toRequest({ ...JOB, Output: { URI: 'oss://b/p.mp4' } })), base);
  assert.notEqual(requestFingerprint(HANGZHOU, toRequest({ ...JOB, ProjectName: 'other' })), base);
  assert.notEqual(requestFingerprint({ ...HANGZHOU, region: 'cn-shanghai' }, toRequest(JOB)), base);
  assert.notEqual(requestFingerprint({ ...HANGZHOU, endpointUrl: 'http://127.0.0.1:9000' }, toRequest(JOB)), base);
  // Keys the API does not take are not sent, so they do not make another request.
  assert.equal(requestFingerprint(HANGZHOU, toRequest({ $schema: 'x', ...JOB })), base);
});

test('a duplicate is a task with the same hash sent within the hour, or one that has not ended', () => {
  assert.equal(findDuplicate([record()], 'h1', NOW)?.taskId, record().taskId);
  assert.equal(findDuplicate([record()], 'h2', NOW), undefined);
  const old = record({ submittedAt: new Date(NOW - DUPLICATE_WINDOW_MS - 1000).toISOString() });
  assert.equal(findDuplicate([old], 'h1', NOW), undefined);
  assert.equal(findDuplicate([{ ...old, status: 'Running' }], 'h1', NOW)?.status, 'Running');
  // Records written before hashes were kept never match.
  const { requestHash: _dropped, ...legacy } = record();
  assert.equal(findDuplicate([legacy], 'h1', NOW), undefined);
  // The newest first, as the history lists them.
  assert.equal(findDuplicate([record({ taskId: 'Highlight-new' }), record()], 'h1', NOW)?.taskId, 'Highlight-new');
});

test('ago: plain words', () => {
  assert.equal(ago('2026-11-25T10:29:30Z', NOW), 'just now');
  assert.equal(ago('2026-11-25T10:29:00Z', NOW), '1 minute ago');
  assert.equal(ago('2026-11-25T10:26:00Z', NOW), '4 minutes ago');
  assert.equal(ago('2026-11-25T08:00:00Z', NOW), '2 hours ago');
  assert.equal(ago('2026-11-22T08:00:00Z', NOW), '3 days ago');
  assert.equal(ago('garbage', NOW), 'at an unknown time');
});

test('the modal names the earlier TaskId, its status, when and as whom it was sent, and who signs now', () => {
  const q = duplicateQuestion({ kind: 'task', record: record({ status: 'Running', progress: 33 }) }, 'AccessKey LTAI****wxyz from environment variables', NOW);
  assert.equal(q.message, 'This exact request was already sent to IMM 4 minutes ago and is still running. Submit it again?');
  assert.equal(
    q.detail,
    [
      'Earlier task: Highlight-4d51241b-0b1c-4e2f-9d5a-1234567890ab',
      'Status: Running 33%',
      'Sent: 10:26:00 (4 minutes ago) from a.highlight.yaml',
      'Sent as: AccessKey LTAI****abcd from VS Code secret storage',
      'This time as: AccessKey LTAI****wxyz from environment variables',
      '',
      'Submitting again creates a second, separately billed task.',
    ].join('\n'),
  );
  assert.equal(q.confirm, 'Submit Again');
  const failed = duplicateQuestion({ kind: 'task', record: record({ status: 'Failed', code: 'InvalidFile.NotFound' }) }, 'x', NOW);
  assert.equal(failed.message, 'This exact request was already sent to IMM 4 minutes ago. Submit it again?');
  assert.match(failed.detail, /^Status: Failed: InvalidFile\.NotFound$/m);
});

test('a call without an answer is asked about as one that may have created a task', () => {
  const q = duplicateQuestion(
    {
      kind: 'unanswered',
      at: '2026-11-25T10:29:50Z',
      fileLabel: 'a.highlight.yaml',
      identity: 'AccessKey LTAI****abcd from VS Code secret storage',
      code: 'Timeout',
    },
    'same',
    NOW,
  );
  assert.equal(q.message, 'This exact request was already sent to IMM just now. Submit it again?');
  assert.match(q.detail, /^Earlier call: no answer \(Timeout\); it may have created a task\./);
  assert.match(q.detail, /^Sent: 10:29:50 \(just now\) from a\.highlight\.yaml$/m);
});

test('presigned URLs lose their signature in what is kept; the JSON stays valid; plain URLs stay', () => {
  const presigned =
    'https://b.oss-cn-hangzhou.aliyuncs.com/a.mp4?x-oss-signature-version=OSS4-HMAC-SHA256&x-oss-credential=LTAI%2F20261125&x-oss-signature=abc123';
  const text = JSON.stringify({ body: { Sources: JSON.stringify([{ URI: presigned }]) }, plain: 'https://example.com/a?b=c' }, null, 2);
  const redacted = redactPresignedUrls(text);
  assert.ok(!redacted.includes('abc123'));
  assert.ok(!redacted.includes('x-oss-credential'));
  const parsed = JSON.parse(redacted) as { body: { Sources: string }; plain: string };
  assert.deepEqual(JSON.parse(parsed.body.Sources), [{ URI: 'https://b.oss-cn-hangzhou.aliyuncs.com/a.mp4?<signature removed>' }]);
  assert.equal(parsed.plain, 'https://example.com/a?b=c');
  assert.equal(redactPresignedUrls('http://h/x?OSSAccessKeyId=LTAI&Expires=1&Signature=s'), 'http://h/x?<signature removed>');
});

test('a key from secret storage that IMM rejects offers Clear AccessKey, which brings back the environment or profile key', () => {
  const rejected = new ImmApiError({
    kind: 'auth',
    code: 'InvalidAccessKeyId.NotFound',
    statusCode: 404,
    retryable: false,
    outcomeUnknown: false,
    message: 'id',
  });
  assert.deepEqual(
    adviseError(rejected, { storedAccessKey: true }).actions.map((a) => a.label),
    ['Set AccessKey', 'Clear AccessKey'],
  );
  assert.deepEqual(
    adviseError(rejected, { storedAccessKey: false }).actions.map((a) => a.label),
    ['Set AccessKey', 'Choose Credentials Profile'],
  );
  const forbidden = new ImmApiError({ kind: 'auth', code: 'NoPermission', statusCode: 403, retryable: false, outcomeUnknown: false, message: 'no' });
  assert.deepEqual(
    adviseError(forbidden, { storedAccessKey: true }).actions.map((a) => a.id),
    ['showOutput'],
  );
});

test('the identity resolver names the key that signs, masked, and says what is wrong when nothing is found', async () => {
  let source: CredentialSource = { kind: 'accessKey', accessKeyId: 'LTAI5tExampleKeyWxyz', accessKeySecret: 'secret-value', origin: 'VS Code secret storage' };
  const resolver = new IdentityResolver(async () => source);
  assert.deepEqual(await resolver.resolve(), { ok: true, identity: 'AccessKey LTAI****Wxyz from VS Code secret storage' });
  source = { kind: 'profile', name: 'no-such-profile-unit-test' };
  const missing = await resolver.resolve();
  assert.equal(missing.ok, false);
  assert.equal(missing.identity, 'aliyun CLI profile "no-such-profile-unit-test"');
  if (!missing.ok) assert.match(missing.problem, /no-such-profile-unit-test/);
});
