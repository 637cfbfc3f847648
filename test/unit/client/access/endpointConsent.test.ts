/** The pure parts of the editor's consent rules: workspace endpoints, programmatic credential changes, plain-text messages. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ImmApiError } from '../../../../api/src/errors';
import { confirmationQuestion } from '../../../../client/src/access/credentialConfirm';
import { consentQuestion, needsEndpointConsent, pendingEndpoints } from '../../../../client/src/access/endpointConsent';
import { adviseError } from '../../../../client/src/access/errorAdvice';

test('a workspace endpoint outside *.aliyuncs.com and loopback needs consent; user settings and Alibaba Cloud hosts do not', () => {
  assert.equal(needsEndpointConsent('https://evil.example.com', true), 'https://evil.example.com');
  assert.equal(needsEndpointConsent('evil.example.com:8443', true), 'https://evil.example.com:8443');
  assert.equal(needsEndpointConsent('https://imm.cn-hangzhou.aliyuncs.com.evil.example', true), 'https://imm.cn-hangzhou.aliyuncs.com.evil.example');
  assert.equal(needsEndpointConsent('https://imm.cn-hangzhou.aliyuncs.com', true), undefined);
  assert.equal(needsEndpointConsent('http://127.0.0.1:8123', true), undefined);
  assert.equal(needsEndpointConsent('https://[::1]:9', true), undefined);
  assert.equal(needsEndpointConsent('https://evil.example.com', false), undefined, "a user setting is the user's own");
  assert.equal(needsEndpointConsent('', true), undefined);
});

test('the OSS endpoint is judged like the IMM one: localhost and *.aliyuncs.com need no consent, plain http elsewhere fails on its own', () => {
  assert.equal(needsEndpointConsent('http://localhost:9000', true), undefined);
  assert.equal(needsEndpointConsent('oss-cn-hangzhou.aliyuncs.com', true), undefined);
  assert.equal(needsEndpointConsent('https://oss.example.test', true), 'https://oss.example.test');
  assert.equal(needsEndpointConsent('http://oss.example.test', true), undefined, 'refused by the endpoint parser itself, before any request');
});

test('pending endpoints: only values the workspace sets, not yet accepted, one question per host naming its settings', () => {
  const imm = { setting: 'endpoint' as const, value: 'https://imm.example.test', workspaceValue: 'https://imm.example.test' };
  const oss = { setting: 'ossEndpoint' as const, value: 'https://oss.example.test', workspaceFolderValue: ' https://oss.example.test ' };
  assert.deepEqual(pendingEndpoints([imm, oss], {}), [
    { url: 'https://imm.example.test', settings: ['endpoint'] },
    { url: 'https://oss.example.test', settings: ['ossEndpoint'] },
  ]);
  assert.deepEqual(pendingEndpoints([imm, oss], { 'https://oss.example.test': true }), [{ url: 'https://imm.example.test', settings: ['endpoint'] }]);
  assert.deepEqual(pendingEndpoints([imm, { ...oss, value: 'https://imm.example.test', workspaceFolderValue: 'https://imm.example.test' }], {}), [
    { url: 'https://imm.example.test', settings: ['endpoint', 'ossEndpoint'] },
  ]);
  // The value in effect comes from the user's settings (an untrusted workspace, or a folder value that differs).
  assert.deepEqual(pendingEndpoints([{ ...imm, value: 'https://mine.example.test' }], {}), []);
  assert.deepEqual(pendingEndpoints([{ setting: 'ossEndpoint', value: 'https://oss.example.test' }], {}), [], "a user setting is the user's own");
  assert.deepEqual(pendingEndpoints([{ ...imm, value: 'http://127.0.0.1:8123', workspaceValue: 'http://127.0.0.1:8123' }], {}), []);
  assert.deepEqual(
    pendingEndpoints([imm], { 'https://imm.example.test': false }),
    [{ url: 'https://imm.example.test', settings: ['endpoint'] }],
    'only a yes is an answer',
  );
});

test('the question names the endpoint and what it would receive: IMM requests for the IMM endpoint, OSS ones otherwise', () => {
  assert.match(
    consentQuestion({ url: 'https://h.example.test', settings: ['endpoint', 'ossEndpoint'] }),
    /IMM requests to https:\/\/h\.example\.test.*AccessKey ID/,
  );
  assert.match(consentQuestion({ url: 'https://o.example.test', settings: ['ossEndpoint'] }), /OSS requests .* to https:\/\/o\.example\.test/);
});

test('a programmatic credential change is asked about with the ID masked and no secret', () => {
  const question = confirmationQuestion({ accessKeyId: 'LTAI5tAbCdEfGhIjKlMn' });
  assert.match(question, /LTAI\*\*\*\*KlMn/);
  assert.doesNotMatch(question, /AbCdEfGh/);
  assert.match(confirmationQuestion({ profile: 'work' }), /aliyun CLI profile "work"/);
  assert.match(confirmationQuestion({ profile: undefined }), /default credential chain/);
});

test("the service's message is shown as plain text, never as a link or a command", () => {
  const error = new ImmApiError({
    kind: 'service',
    code: 'InvalidArgument',
    statusCode: 400,
    message: 'IMM rejected CreateHighlightTask (InvalidArgument). IMM said: [Click to fix](command:workbench.action.terminal.sendSequence?%7B%7D)',
    retryable: false,
    outcomeUnknown: false,
  });
  const shown = adviseError(error).message;
  assert.doesNotMatch(shown, /\]\(/);
  assert.doesNotMatch(adviseError(new Error('see [here](https://evil.example)')).message, /\]\(/);
});
