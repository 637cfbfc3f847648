import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkAccessKeyId,
  checkAccessKeySecret,
  chooseCredentialSource,
  describeCredentialSource,
  parseAliyunProfiles,
  parseStoredAccessKey,
  SECRET_STORAGE_ORIGIN,
  serializeAccessKey,
} from '../../../../client/src/access/credentialSource';

const KEY = { accessKeyId: 'LTAI5tExampleKey1234', accessKeySecret: 'very-secret-value' };

test('order: the stored pair wins over a chosen profile, which wins over the default chain', () => {
  assert.deepEqual(chooseCredentialSource({ stored: KEY, profile: 'work' }), { kind: 'accessKey', ...KEY, origin: SECRET_STORAGE_ORIGIN });
  assert.deepEqual(chooseCredentialSource({ profile: 'work' }), { kind: 'profile', name: 'work' });
  assert.deepEqual(chooseCredentialSource({}), { kind: 'default' });
  assert.deepEqual(chooseCredentialSource({ profile: '' }), { kind: 'default' });
});

test('descriptions mask the AccessKey ID and never contain the secret', () => {
  const text = describeCredentialSource(chooseCredentialSource({ stored: KEY }));
  assert.equal(text, 'AccessKey LTAI****1234 from VS Code secret storage');
  assert.ok(!text.includes(KEY.accessKeySecret));
  assert.equal(describeCredentialSource({ kind: 'profile', name: 'work' }), 'aliyun CLI profile "work"');
  assert.match(describeCredentialSource({ kind: 'default' }), /^the default credential chain/);
});

test('the stored pair round-trips, trimmed; anything else reads as no key', () => {
  assert.deepEqual(parseStoredAccessKey(serializeAccessKey({ accessKeyId: ` ${KEY.accessKeyId} `, accessKeySecret: `${KEY.accessKeySecret}\n` })), KEY);
  for (const bad of [undefined, '', 'not json', '{}', '{"accessKeyId":"x"}', '{"accessKeyId":"","accessKeySecret":"s"}', '[1]']) {
    assert.equal(parseStoredAccessKey(bad), undefined, String(bad));
  }
});

test('input checks catch an empty or pasted-wrong AccessKey ID and an empty secret', () => {
  assert.equal(checkAccessKeyId(KEY.accessKeyId), undefined);
  assert.match(checkAccessKeyId('') ?? '', /Enter the AccessKey ID/);
  assert.match(checkAccessKeyId('LTAI 5t key') ?? '', /only letters and digits/);
  assert.match(checkAccessKeyId('abc+/=secretlooking') ?? '', /only letters and digits/);
  assert.equal(checkAccessKeySecret('s'), undefined);
  assert.match(checkAccessKeySecret('  ') ?? '', /Enter the AccessKey secret/);
});

test('reads profile names, modes and regions from ~/.aliyun/config.json and drops the keys', () => {
  const config = JSON.stringify({
    current: 'work',
    profiles: [
      { name: 'default', mode: 'AK', access_key_id: 'LTAIdefault', access_key_secret: 'S1', region_id: 'cn-hangzhou' },
      { name: 'work', mode: 'StsToken', access_key_id: 'STS.x', access_key_secret: 'S2', sts_token: 'T' },
      { mode: 'AK' },
      'junk',
    ],
  });
  const parsed = parseAliyunProfiles(config);
  assert.deepEqual(parsed, {
    current: 'work',
    profiles: [
      { name: 'default', mode: 'AK', regionId: 'cn-hangzhou' },
      { name: 'work', mode: 'StsToken', regionId: undefined },
    ],
  });
  assert.ok(!JSON.stringify(parsed).includes('S1') && !JSON.stringify(parsed).includes('LTAIdefault'));
  assert.deepEqual(parseAliyunProfiles('{oops'), { current: undefined, profiles: [] });
  assert.deepEqual(parseAliyunProfiles('null'), { current: undefined, profiles: [] });
});
