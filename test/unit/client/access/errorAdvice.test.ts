import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ImmApiError, type ImmApiErrorInit } from '../../../../api/src/errors';
import { adviseError, SETTINGS } from '../../../../client/src/access/errorAdvice';

const error = (init: Partial<ImmApiErrorInit> & Pick<ImmApiErrorInit, 'kind' | 'code' | 'message'>): ImmApiError =>
  new ImmApiError({ retryable: false, outcomeUnknown: false, ...init });
const ids = (actions: readonly { id: string; setting?: string }[]): string[] => actions.map((a) => (a.setting ? `${a.id}:${a.setting}` : a.id));

test('an InvalidArgument naming a parameter gives its path, the service words and the RequestId for the diagnostic', () => {
  const advice = adviseError(
    error({
      kind: 'service',
      code: 'InvalidArgument',
      statusCode: 400,
      requestId: 'REQ-42',
      parameter: 'Sources.0.URI',
      serviceMessage: 'The parameter "Sources.0.URI" is invalid: the bucket does not exist.',
      message: 'IMM rejected the parameter Sources.0.URI (InvalidArgument). IMM said: … (RequestId REQ-42)',
    }),
  );
  assert.deepEqual(advice.parameterPath, ['Sources', 0, 'URI']);
  assert.match(
    advice.parameterMessage ?? '',
    /^IMM rejected Sources\.0\.URI .*\(InvalidArgument\): The parameter "Sources\.0\.URI" is invalid: the bucket does not exist\. RequestId REQ-42\.$/,
  );
  // Code and RequestId appear once each: the api message already has them.
  assert.equal(advice.message.split('REQ-42').length, 2);
  assert.equal(advice.message.split('InvalidArgument').length, 2);
});

test('adds the code and RequestId when the api message lacks them', () => {
  const advice = adviseError(error({ kind: 'service', code: 'InternalError', statusCode: 500, requestId: 'R1', message: 'IMM had a problem.' }));
  assert.equal(advice.message, 'InternalError: IMM had a problem. (RequestId R1)');
  assert.deepEqual(ids(advice.actions), ['showOutput']);
  assert.equal(advice.parameterPath, undefined);
});

test('missing credentials and rejected keys offer Set AccessKey and the profile choice', () => {
  assert.deepEqual(ids(adviseError(error({ kind: 'credentials', code: 'NoCredentials', message: 'Cannot sign' })).actions), ['setAccessKey', 'chooseProfile']);
  assert.deepEqual(ids(adviseError(error({ kind: 'auth', code: 'SignatureDoesNotMatch', statusCode: 400, message: 'sig' })).actions), [
    'setAccessKey',
    'chooseProfile',
  ]);
  assert.deepEqual(ids(adviseError(error({ kind: 'auth', code: 'InvalidAccessKeyId.NotFound', statusCode: 404, message: 'id' })).actions), [
    'setAccessKey',
    'chooseProfile',
  ]);
  // A permission problem is fixed in RAM, not by another key in VS Code.
  assert.deepEqual(ids(adviseError(error({ kind: 'auth', code: 'NoPermission', statusCode: 403, message: 'denied' })).actions), ['showOutput']);
});

test('endpoint and connection problems open the setting in use: endpoint when set, else region', () => {
  const bad = error({ kind: 'endpoint', code: 'InvalidEndpoint', message: 'Plain http:// is refused' });
  assert.deepEqual(ids(adviseError(bad, { endpointSet: true }).actions), [`openSettings:${SETTINGS.endpoint}`]);
  assert.deepEqual(ids(adviseError(bad, { endpointSet: false }).actions), [`openSettings:${SETTINGS.region}`]);
  const refused = error({ kind: 'network', code: 'ECONNREFUSED', retryable: true, message: 'Cannot connect. Nothing was submitted.' });
  assert.deepEqual(ids(adviseError(refused, { endpointSet: true }).actions), [`openSettings:${SETTINGS.endpoint}`]);
});

test('a project not found points at the region setting (wrong region is the usual cause)', () => {
  const advice = adviseError(error({ kind: 'service', code: 'ResourceNotFound', statusCode: 404, message: 'Project "p" was not found in region cn-beijing.' }));
  assert.deepEqual(ids(advice.actions), [`openSettings:${SETTINGS.region}`]);
});

test('a submission with unknown outcome says so and offers no way to send again', () => {
  const timeout = adviseError(
    error({ kind: 'timeout', code: 'Timeout', outcomeUnknown: true, message: 'No answer … check the task list before submitting again.' }),
  );
  assert.equal(timeout.outcomeUnknown, true);
  assert.deepEqual(ids(timeout.actions), [`openSettings:${SETTINGS.timeout}`]);
  const reset = adviseError(error({ kind: 'network', code: 'ECONNRESET', outcomeUnknown: true, message: 'dropped after the request was sent' }));
  assert.equal(reset.outcomeUnknown, true);
  assert.deepEqual(ids(reset.actions), ['showOutput']);
});

test('anything else is reported with the action that failed', () => {
  const advice = adviseError(new TypeError('boom'), { action: 'Submitting' });
  assert.equal(advice.message, 'Submitting failed: boom');
  assert.equal(advice.outcomeUnknown, false);
});
