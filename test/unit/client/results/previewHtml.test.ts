/** The Preview Output page: the video on the presigned URL, a CSP that lets media come only from its origin. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { playsInWebview, previewHtml } from '../../../../client/src/results/previewHtml';

const URL_ = 'https://test-bucket.oss-cn-hangzhou.aliyuncs.com/out/reel.mp4?x-oss-signature-version=OSS4-HMAC-SHA256&x-oss-expires=900&x-oss-signature=abc';

test('the video source is the presigned URL and the CSP allows media only from its origin', () => {
  const html = previewHtml({ url: URL_, ossUri: 'oss://test-bucket/out/reel.mp4', expiresAt: new Date('2026-12-01T12:00:00Z'), nonce: 'n0nce' });
  assert.ok(html.includes(`<video id="output" controls preload="metadata" src="${URL_.replace(/&/g, '&amp;')}">`));
  const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)![1]!;
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /media-src https:\/\/test-bucket\.oss-cn-hangzhou\.aliyuncs\.com(;|$)/);
  assert.match(csp, /script-src 'nonce-n0nce'/);
  assert.match(html, /microsoft\/vscode#162062/);
  assert.match(html, /HLS or DASH/);
  assert.match(html, /Open in Browser/);
});

test('a key with markup is escaped; HLS, DASH and prefixes do not play in a webview', () => {
  const html = previewHtml({ url: URL_, ossUri: 'oss://b/<img src=x>.mp4', expiresAt: new Date(), nonce: 'n' });
  assert.ok(!html.includes('<img src=x>'));
  assert.equal(playsInWebview('out/reel.mp4'), true);
  assert.equal(playsInWebview('out/reel.m3u8'), false);
  assert.equal(playsInWebview('out/reel.MPD'), false);
  assert.equal(playsInWebview('out/seg/'), false);
});
