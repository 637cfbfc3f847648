/** The storyboard page's shell: a strict policy, one nonce'd script, nothing of the job and no URL of OSS in it. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { storyboardCsp, storyboardHtml } from '../../../../client/src/storyboard/html';

const SOURCES = {
  cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
  scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/storyboard/storyboard.js',
  styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/storyboard/storyboard.css',
  nonce: 'abc123',
  imageOrigins: [] as string[],
  language: 'en',
  title: 'Storyboard',
};

const directives = (html: string): Map<string, string[]> => {
  const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)![1]!;
  return new Map(
    csp
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .map(([name, ...values]) => [name!, values]),
  );
};

test("default-src 'none', the script only by its nonce, styles only from the extension, no images without thumbnails", () => {
  const html = storyboardHtml(SOURCES);
  const csp = directives(html);
  assert.deepEqual(csp.get('default-src'), ["'none'"]);
  assert.deepEqual(csp.get('script-src'), ["'nonce-abc123'"]);
  assert.deepEqual(csp.get('style-src'), [SOURCES.cspSource]);
  assert.equal(csp.has('img-src'), false);
  assert.ok(!/unsafe-(inline|eval)/.test(html));
  assert.ok(html.includes(`<script nonce="abc123" src="${SOURCES.scriptUri}"></script>`));
  assert.equal((html.match(/<script/g) ?? []).length, 1, 'one script, loaded from the media folder');
  assert.ok(!/\son[a-z]+=/i.test(html), 'no inline handlers');
});

test('thumbnails add img-src for their OSS origins only; a value that would widen the policy is left out', () => {
  const csp = storyboardCsp({
    ...SOURCES,
    imageOrigins: ['https://test-bucket.oss-cn-hangzhou.aliyuncs.com', "https://x.com; script-src 'unsafe-inline'", '*'],
  });
  assert.match(csp, /; img-src https:\/\/test-bucket\.oss-cn-hangzhou\.aliyuncs\.com$/);
  assert.ok(!csp.includes('unsafe-inline'));
  assert.ok(!csp.includes('*'));
});

test('the title and language are escaped', () => {
  const html = storyboardHtml({ ...SOURCES, title: '<img src=x onerror=alert(1)>', language: 'en"><script>' });
  assert.ok(!html.includes('<img src=x'));
  assert.ok(!html.includes('en"><script>'));
});
