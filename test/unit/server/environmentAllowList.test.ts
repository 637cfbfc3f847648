/** The language server's environment is an allow-list: tokens under any name stay out. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { credentialFreeEnvironment } from '../../../client/src/serverEnvironment';
import { serverEnvironment } from '../../../server/src/environmentAllowList';

const HOST = {
  PATH: '/usr/bin',
  HOME: '/home/me',
  LANG: 'en_US.UTF-8',
  LC_ALL: 'C',
  SystemRoot: 'C:\\Windows',
  ELECTRON_RUN_AS_NODE: '1',
  GITHUB_TOKEN: 'ghp_fake',
  OSS_STS_TOKEN: 'fake',
  ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'fake',
  NPM_CONFIG__AUTH: 'fake',
  NODE_OPTIONS: '--require /tmp/evil.js',
  AWS_SESSION_TOKEN: 'fake',
};

test('the client removes every variable not on the allow-list, GITHUB_TOKEN and OSS_STS_TOKEN included', () => {
  const overrides = credentialFreeEnvironment(HOST);
  assert.deepEqual(Object.keys(overrides).sort(), [
    'ALIBABA_CLOUD_ACCESS_KEY_SECRET',
    'AWS_SESSION_TOKEN',
    'GITHUB_TOKEN',
    'NODE_OPTIONS',
    'NPM_CONFIG__AUTH',
    'OSS_STS_TOKEN',
  ]);
  assert.ok(Object.values(overrides).every((v) => v === undefined));
});

test('the server, however started, keeps only what Node and the platform need', () => {
  assert.deepEqual(serverEnvironment(HOST), {
    PATH: '/usr/bin',
    HOME: '/home/me',
    LANG: 'en_US.UTF-8',
    LC_ALL: 'C',
    SystemRoot: 'C:\\Windows',
    ELECTRON_RUN_AS_NODE: '1',
  });
});
