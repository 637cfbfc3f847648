/**
 * `highlight-task output` and `submit --wait --download` as a child process (the CLI as shipped, beside its
 * OSS bundle) against the local IMM and OSS endpoints, which verify every signature and presigned URL.
 */
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startImmEndpoint, type ImmEndpoint } from '../endpoints/imm/server';
import { startOssEndpoint, type OssEndpoint } from '../endpoints/oss/server';
import { prepareCli, runCli, WITH_TEST_KEY, type CliRun } from './cliProcess';
import { httpGet } from '../support/http';

let CLI: string[];
let dir: string;
let imm: ImmEndpoint;
let oss: OssEndpoint;
const VIDEO = Buffer.alloc(2 * 1024 * 1024 + 5, 7);
VIDEO.write('ftypisom', 4);

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'highlight-output-cli-'));
  CLI = await prepareCli();
  writeFileSync(
    join(dir, 'reel.highlight.yaml'),
    'ProjectName: immtest\nType: Retrieval\nSources:\n  - URI: oss://test-bucket/videos/beach.mp4\nOutput:\n  URI: oss://test-bucket/highlights/new-reel.mp4\n',
  );
  [imm, oss] = await Promise.all([startImmEndpoint(), startOssEndpoint()]);
});
after(() => Promise.all([imm.close(), oss.close()]));
beforeEach(() => {
  imm.control.reset();
  oss.control.reset();
  oss.control.putObject('test-bucket', { key: 'out/reel.mp4', contentType: 'video/mp4', body: VIDEO });
  oss.control.putObject('test-bucket', { key: 'out/seg/reel.m3u8', body: '#EXTM3U\n' });
  oss.control.putObject('test-bucket', { key: 'out/seg/reel-0.ts', body: Buffer.alloc(500, 3) });
});

const run = (args: string[], options: { cwd?: string; interruptOnStderr?: RegExp } = {}): Promise<CliRun> =>
  runCli(CLI, args, { cwd: options.cwd ?? dir, env: WITH_TEST_KEY, ...(options.interruptOnStderr ? { interruptOnStderr: options.interruptOnStderr } : {}) });

const fresh = (): string => mkdtempSync(join(tmpdir(), 'highlight-output-target-'));

describe('highlight-task output', { concurrency: false }, () => {
  test('one object: size, type, URI and the media facts of a few ranged GETs, tab-separated', async () => {
    oss.control.putObject('test-bucket', {
      key: 'out/made.mp4',
      contentType: 'video/mp4',
      body: readFileSync(join(__dirname, '../fixtures/media/pattern.mp4')),
    });
    const { code, stdout } = await run(['output', 'oss://test-bucket/out/made.mp4', '--oss-endpoint', oss.url]);
    assert.equal(code, 0);
    assert.match(stdout, /^\d+\tvideo\/mp4\toss:\/\/test-bucket\/out\/made\.mp4\t50\.0 s · 160×90 · h264\n$/);
    const gets = oss.requests.filter((r) => r.key === 'out/made.mp4' && r.method === 'GET');
    assert.ok(gets.length > 0 && gets.every((r) => r.range !== undefined), 'ranged GETs only');
    // Bytes that are no media: the line is the same, its facts say so.
    const plain = await run(['output', 'oss://test-bucket/out/seg/reel-0.ts', '--oss-endpoint', oss.url]);
    assert.match(plain.stdout, /^500\tapplication\/octet-stream\toss:\/\/test-bucket\/out\/seg\/reel-0\.ts\tnot readable as media\n$/);
  });

  test('--presign prints a V4 URL for the endpoint, default 900 s, that verifies and then expires', async () => {
    const { code, stdout, stderr } = await run(['output', 'oss://test-bucket/out/reel.mp4', '--presign', '--oss-endpoint', oss.url]);
    assert.equal(code, 0, stderr);
    const url = new URL(stdout.trim());
    assert.equal(url.origin, oss.url);
    assert.equal(url.searchParams.get('x-oss-signature-version'), 'OSS4-HMAC-SHA256');
    assert.equal(url.searchParams.get('x-oss-expires'), '900');
    assert.ok(!stderr.includes(url.searchParams.get('x-oss-signature')!), 'the URL is printed on stdout only');
    assert.match(stderr, /until \d{4}-\d\d-\d\dT/);
    const ok = await httpGet(url.href);
    assert.equal(ok.status, 200);
    assert.ok(ok.body.equals(VIDEO));
    oss.control.advanceClock(920);
    assert.equal((await httpGet(url.href)).status, 403);
  });

  test('--presign SECONDS signs that expiry; a missing key is exit 1 naming it; a bad value is usage', async () => {
    const short = await run(['output', 'oss://test-bucket/out/reel.mp4', '--presign', '30', '--oss-endpoint', oss.url]);
    assert.equal(short.code, 0, short.stderr);
    assert.equal(new URL(short.stdout.trim()).searchParams.get('x-oss-expires'), '30');
    const missing = await run(['output', 'oss://test-bucket/out/nothing.mp4', '--presign', '--oss-endpoint', oss.url]);
    assert.equal(missing.code, 1);
    assert.equal(missing.stdout, '');
    assert.match(missing.stderr, /oss:\/\/test-bucket\/out\/nothing\.mp4/);
    assert.equal((await run(['output', 'oss://test-bucket/out/reel.mp4', '--presign=0', '--oss-endpoint', oss.url])).code, 2);
  });

  test('a bad --oss-endpoint is usage (exit 2), with nothing on stdout', async () => {
    const { code, stdout, stderr } = await run(['output', 'oss://test-bucket/out/reel.mp4', '--oss-endpoint', 'ftp://x']);
    assert.equal(code, 2, stderr);
    assert.equal(stdout, '');
    assert.match(stderr, /ftp/);
  });

  test('--download writes the bytes of the object; an existing file is kept unless --overwrite', async () => {
    const target = fresh();
    const path = join(target, 'reel.mp4');
    const { code, stderr } = await run(['output', 'oss://test-bucket/out/reel.mp4', '--download', path, '--oss-endpoint', oss.url]);
    assert.equal(code, 0, stderr);
    assert.ok(readFileSync(path).equals(VIDEO));
    assert.deepEqual(readdirSync(target), ['reel.mp4']);
    writeFileSync(path, 'mine');
    const refused = await run(['output', 'oss://test-bucket/out/reel.mp4', '--download', path, '--oss-endpoint', oss.url]);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /already exists/);
    assert.equal(readFileSync(path, 'utf8'), 'mine');
    assert.equal((await run(['output', 'oss://test-bucket/out/reel.mp4', '--download', path, '--overwrite', '--oss-endpoint', oss.url])).code, 0);
    assert.ok(readFileSync(path).equals(VIDEO));
    const intoFolder = await run(['output', 'oss://test-bucket/out/reel.mp4', '--download', `${fresh()}/`, '--oss-endpoint', oss.url]);
    assert.equal(intoFolder.code, 0, intoFolder.stderr);
  });

  test('--download of a missing key: exit 1 naming the key, nothing written', async () => {
    const target = fresh();
    const { code, stderr } = await run(['output', 'oss://test-bucket/out/gone.mp4', '--download', join(target, 'gone.mp4'), '--oss-endpoint', oss.url]);
    assert.equal(code, 1);
    assert.match(stderr, /oss:\/\/test-bucket\/out\/gone\.mp4/);
    assert.deepEqual(readdirSync(target), []);
  });

  test('--download of a prefix ending in / writes a folder with every object', async () => {
    const target = join(fresh(), 'seg');
    const { code, stderr } = await run(['output', 'oss://test-bucket/out/seg/', '--download', target, '--oss-endpoint', oss.url]);
    assert.equal(code, 0, stderr);
    assert.deepEqual(readdirSync(target).sort(), ['reel-0.ts', 'reel.m3u8']);
    assert.ok(readFileSync(join(target, 'reel-0.ts')).equals(Buffer.alloc(500, 3)));
  });

  test('an interrupted download leaves no file', async () => {
    oss.control.failNext({ kind: 'stall', afterBytes: 300_000 });
    const target = fresh();
    const result = await run(['output', 'oss://test-bucket/out/reel.mp4', '--download', join(target, 'reel.mp4'), '--oss-endpoint', oss.url], {
      interruptOnStderr: /: \d+% /,
    });
    assert.equal(result.code, 130, result.stderr);
    assert.match(result.stderr, /cancelled; nothing was kept/);
    assert.deepEqual(readdirSync(target), []);
  });
});

describe('submit --wait --download', { concurrency: false }, () => {
  test('downloads the output once the task succeeded', async () => {
    imm.control.setTaskScript({ pollsBeforeDone: 0, outcome: 'Succeeded' });
    // What the task would have written.
    oss.control.putObject('test-bucket', { key: 'highlights/new-reel.mp4', contentType: 'video/mp4', body: VIDEO });
    const target = join(fresh(), 'result.mp4');
    const { code, stderr } = await run([
      'submit',
      'reel.highlight.yaml',
      '--endpoint',
      imm.url,
      '--oss-endpoint',
      oss.url,
      '--no-preflight',
      '--wait',
      '--download',
      target,
    ]);
    assert.equal(code, 0, stderr);
    assert.ok(readFileSync(target).equals(VIDEO));
    assert.match(stderr, /Downloaded oss:\/\/test-bucket\/highlights\/new-reel\.mp4/);
  });

  test('a failed task downloads nothing; --download without --wait is usage', async () => {
    imm.control.setTaskScript({ pollsBeforeDone: 0, outcome: 'Failed', failure: { Code: 'X', Message: 'no' } });
    const target = join(fresh(), 'result.mp4');
    const failed = await run([
      'submit',
      'reel.highlight.yaml',
      '--endpoint',
      imm.url,
      '--oss-endpoint',
      oss.url,
      '--no-preflight',
      '--wait',
      '--download',
      target,
    ]);
    assert.equal(failed.code, 1);
    assert.equal(existsSync(target), false);
    assert.equal((await run(['submit', 'reel.highlight.yaml', '--endpoint', imm.url, '--download', target])).code, 2);
  });
});
