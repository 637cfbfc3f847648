/** The pure parts of the editor's consent rules: workspace endpoints, programmatic credential changes, plain-text messages. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ImmApiError } from '../../api/src/errors';
import { confirmationQuestion } from '../../client/src/submit/credentialConfirm';
import { needsEndpointConsent } from '../../client/src/submit/endpointConsent';
import { adviseError } from '../../client/src/submit/errorAdvice';

test('a workspace endpoint outside *.aliyuncs.com and loopback needs consent; user settings and Alibaba Cloud hosts do not', () => {
  assert.equal(needsEndpointConsent('https://evil.example.com', true), 'https://evil.example.com');
  assert.equal(needsEndpointConsent('evil.example.com:8443', true), 'https://evil.example.com:8443');
  assert.equal(needsEndpointConsent('https://imm.cn-hangzhou.aliyuncs.com.evil.example', true), 'https://imm.cn-hangzhou.aliyuncs.com.evil.example');
  assert.equal(needsEndpointConsent('https://imm.cn-hangzhou.aliyuncs.com', true), undefined);
  assert.equal(needsEndpointConsent('http://127.0.0.1:8123', true), undefined);
  assert.equal(needsEndpointConsent('https://[::1]:9', true), undefined);
  assert.equal(needsEndpointConsent('https://evil.example.com', false), undefined, 'a user setting is the user\'s own');
  assert.equal(needsEndpointConsent('', true), undefined);
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
