import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ossUriProblem } from '../../../../core/src/shared/ossUri';

describe('OSS URIs that are accepted', () => {
  for (const uri of [
    'oss://test-bucket/test-object',
    'oss://abc/x',
    `oss://${'a'.repeat(63)}/x`,
    'oss://0bucket9/a/b/c/d.mp4',
    'oss://test-bucket/输出/猫 🐱.mp4',
    'oss://test-bucket/my clip (1).mp4',
    'oss://test-bucket/a//b.mp4',
    'oss://test-bucket/.hidden',
  ]) {
    test(`accepts ${uri.length > 60 ? `${uri.slice(0, 40)}…` : uri}`, () => {
      assert.equal(ossUriProblem(uri), undefined);
    });
  }
});

describe('OSS URIs that are rejected, with the wrong part named', () => {
  const cases: readonly [string, string][] = [
    ['', '`` is not an OSS URI: write it as oss://bucket/object.'],
    ['test-bucket/a.mp4', '`test-bucket/a.mp4` is not an OSS URI: write it as oss://bucket/object.'],
    ['oss:/test-bucket/a.mp4', '`oss:/test-bucket/a.mp4` is not an OSS URI: write it as oss://bucket/object.'],
    [
      'https://test-bucket.oss-cn-hangzhou.aliyuncs.com/a.mp4',
      '`https://test-bucket.oss-cn-hangzhou.aliyuncs.com/a.mp4` is not an OSS URI: it must start with oss:// (not https://). IMM reads from OSS, not from web addresses.',
    ],
    [
      'HTTP://example.com/a.mp4',
      '`HTTP://example.com/a.mp4` is not an OSS URI: it must start with oss:// (not HTTP://). IMM reads from OSS, not from web addresses.',
    ],
    ['s3://bucket/a.mp4', '`s3://bucket/a.mp4` is not an OSS URI: it must start with oss:// (not s3://).'],
    ['OSS://test-bucket/a.mp4', '`OSS://test-bucket/a.mp4` is not an OSS URI: it must start with oss:// (not OSS://).'],
    ['oss://test-bucket', '`oss://test-bucket` names a bucket but no object: write it as oss://test-bucket/path/to/object.'],
    ['oss://test-bucket/', '`oss://test-bucket/` names a bucket but no object: write it as oss://test-bucket/path/to/object.'],
    [
      'oss://test-bucket//a.mp4',
      '`oss://test-bucket//a.mp4` has an object name starting with `/`, which OSS does not allow: write it as oss://test-bucket/a.mp4.',
    ],
    [' oss://test-bucket/a.mp4', '` oss://test-bucket/a.mp4` has spaces before or after it: remove them.'],
    ['oss://test-bucket/a.mp4\t', '`oss://test-bucket/a.mp4\t` has spaces before or after it: remove them.'],
  ];
  for (const [uri, message] of cases) {
    test(`rejects ${JSON.stringify(uri)}`, () => {
      assert.equal(ossUriProblem(uri), message);
    });
  }

  const BUCKET_RULE = 'is not a valid OSS bucket name: use 3 to 63 lowercase letters, digits and hyphens, starting and ending with a letter or digit.';
  for (const bucket of ['ab', 'a'.repeat(64), 'Test-Bucket', 'test_bucket', '-bucket', 'bucket-', 'a.b.c', 'bucket\\x']) {
    test(`rejects the bucket name ${JSON.stringify(bucket.length > 20 ? `${bucket.length} letters` : bucket)} and names it`, () => {
      assert.equal(ossUriProblem(`oss://${bucket}/a.mp4`), `\`${bucket}\` ${BUCKET_RULE}`);
    });
  }

  test('shortens a long URI in the message', () => {
    const uri = `http://example.com/${'x'.repeat(500)}`;
    const message = ossUriProblem(uri)!;
    assert.ok(message.length < 200, message);
    assert.match(message, /^`http:\/\/example\.com\/x+…` is not an OSS URI/);
  });
});
