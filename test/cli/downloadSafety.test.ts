/**
 * Downloads that must not lose or misplace files (issue 20, items 4–10, 14–15; issue 19, items 10 and 14): the CLI
 * as shipped, as a child process, against the local IMM and OSS endpoints.
 */
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startImmEndpoint, type ImmEndpoint } from '../endpoints/imm/server';
import { startOssEndpoint, type OssEndpoint } from '../endpoints/oss/server';
import { spawn } from 'node:child_process';
import { downloadFolderName } from '../../api/src/results/outputLocation';
import { emptyCredentialEnv } from '../api/helpers';
import { prepareCli, runCli, WITH_TEST_KEY, type CliRun, type CliRunOptions } from './cliProcess';

let CLI: string[];
let dir: string;
let imm: ImmEndpoint;
let oss: OssEndpoint;
const VIDEO = Buffer.alloc(1024 * 1024, 7);

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'highlight-download-safety-'));
  CLI = await prepareCli();
  writeFileSync(
    join(dir, 'reel.highlight.yaml'),
    'ProjectName: immtest\nType: Retrieval\nSources:\n  - URI: oss://test-bucket/videos/beach.mp4\nOutput:\n  URI: oss://test-bucket/highlights/new-reel.mp4\n',
  );
  writeFileSync(
    join(dir, 'hls.highlight.yaml'),
    'ProjectName: immtest\nType: Retrieval\nSources:\n  - URI: oss://test-bucket/videos/beach.mp4\nOutput:\n  URI: oss://test-bucket/out/hls/reel.m3u8\n  Segment:\n    Format: hls\n',
  );
  writeFileSync(
    join(dir, 'dash.highlight.yaml'),
    'ProjectName: immtest\nType: Retrieval\nSources:\n  - URI: oss://test-bucket/videos/beach.mp4\nOutput:\n  URI: oss://test-bucket/out/dash/reel.mpd\n  Segment:\n    Format: dash\n',
  );
  writeFileSync(
    join(dir, 'segmp4.highlight.yaml'),
    'ProjectName: immtest\nType: Retrieval\nSources:\n  - URI: oss://test-bucket/videos/beach.mp4\nOutput:\n  URI: oss://test-bucket/out/plain/reel.mp4\n  Segment:\n    Format: hls\n',
  );
  writeFileSync(join(dir, 'broken.highlight.yaml'), 'ProjectName: immtest\nType: NoSuchType\n');
  [imm, oss] = await Promise.all([startImmEndpoint(), startOssEndpoint()]);
});
after(() => Promise.all([imm.close(), oss.close()]));
beforeEach(() => {
  imm.control.reset();
  oss.control.reset();
  oss.control.putObject('test-bucket', { key: 'out/reel.mp4', contentType: 'video/mp4', body: VIDEO });
});

const run = (args: string[], options: Partial<CliRunOptions> = {}): Promise<CliRun> =>
  runCli(CLI, args, { cwd: dir, ...options, env: { ...WITH_TEST_KEY, ...options.env } });
const fresh = (): string => mkdtempSync(join(tmpdir(), 'highlight-download-target-'));
const created = (): number => imm.received('CreateHighlightTask').length;

describe('prefix downloads place every key or name it', { concurrency: false }, () => {
  test('more than 10,000 objects: every page is listed and every object written (20.4)', { timeout: 240_000 }, async () => {
    for (let i = 0; i < 10_001; i += 1) oss.control.putObject('test-bucket', { key: `out/many/p${String(i).padStart(5, '0')}.ts`, body: 'x' });
    const listed = await run(['output', 'oss://test-bucket/out/many/', '--oss-endpoint', oss.url]);
    assert.equal(listed.code, 0, listed.stderr);
    assert.equal(listed.stdout.trim().split('\n').length, 10_001);
    const target = join(fresh(), 'many');
    const { code, stderr } = await run(['output', 'oss://test-bucket/out/many/', '--download', target, '--oss-endpoint', oss.url]);
    assert.equal(code, 0, stderr);
    assert.equal(readdirSync(target).length, 10_001);
    assert.ok(existsSync(join(target, 'p10000.ts')));
    // OSS pages by at most 1000 keys, as the local endpoint does.
    assert.ok(oss.requests.filter((r) => r.action === 'oss:ListObjects').every((r) => !/max-keys=(\d{5,}|[2-9]\d{3})/.test(r.url)));
  });

  test('a symbolic link inside the target folder is never written through, even with --overwrite (20.5)', async () => {
    oss.control.putObject('test-bucket', { key: 'out/link/sub/x.ts', body: 'from OSS' });
    oss.control.putObject('test-bucket', { key: 'out/link/y.ts', body: 'y' });
    const outside = fresh();
    writeFileSync(join(outside, 'x.ts'), 'mine');
    const target = fresh();
    symlinkSync(outside, join(target, 'sub'));
    for (const overwrite of [[], ['--overwrite']]) {
      const { code, stderr } = await run(['output', 'oss://test-bucket/out/link/', '--download', target, ...overwrite, '--oss-endpoint', oss.url]);
      assert.equal(code, 1, stderr);
      assert.match(stderr, /skipped oss:\/\/test-bucket\/out\/link\/sub\/x\.ts: .*symbolic link/);
      assert.equal(readFileSync(join(outside, 'x.ts'), 'utf8'), 'mine');
      assert.deepEqual(readdirSync(outside), ['x.ts']);
    }
    assert.equal(readFileSync(join(target, 'y.ts'), 'utf8'), 'y');
  });

  test('keys that cannot be placed are named before anything is written, and the exit is 1 (20.6)', async () => {
    const odd = ['out/odd/a/../../../escape.ts', 'out/odd/both', 'out/odd/a//b.ts', `out/odd/${'n'.repeat(250)}.ts`];
    for (const key of [...odd, 'out/odd/both/inner.ts', 'out/odd/a/b.ts']) oss.control.putObject('test-bucket', { key, body: key });
    const target = join(fresh(), 'odd');
    const { code, stderr } = await run(['output', 'oss://test-bucket/out/odd/', '--download', target, '--oss-endpoint', oss.url]);
    assert.equal(code, 1, stderr);
    for (const key of odd) assert.ok(stderr.includes(`skipped oss://test-bucket/${key}:`), `${key} is named:\n${stderr}`);
    assert.ok(stderr.indexOf('skipped') < stderr.search(/: \d+% /), 'named before the transfer starts');
    assert.match(stderr, /Incomplete: .*skipped 4 keys/);
    assert.equal(readFileSync(join(target, 'both', 'inner.ts'), 'utf8'), 'out/odd/both/inner.ts');
    assert.equal(readFileSync(join(target, 'a', 'b.ts'), 'utf8'), 'out/odd/a/b.ts');
    assert.equal(existsSync(join(target, '..', 'escape.ts')), false);
  });
});

describe('segmented outputs, stalls and signals', { concurrency: false }, () => {
  test('a playlist downloads itself and the segments it names, not its namesakes (20.7)', async () => {
    imm.control.setTaskScript({ pollsBeforeDone: 0, outcome: 'Succeeded' });
    oss.control.putObject('test-bucket', {
      key: 'out/hls/reel.m3u8',
      body: '#EXTM3U\n#EXT-X-MAP:URI="init.mp4"\n#EXTINF:2,\nreel-0.ts\n#EXTINF:2,\nparts/reel-1.ts?x=1\n#EXTINF:2,\n../../secret.ts\n',
    });
    for (const key of ['out/hls/init.mp4', 'out/hls/reel-0.ts', 'out/hls/parts/reel-1.ts', 'out/hls/reel2.mp4', 'out/hls/reel-final/other.ts', 'secret.ts']) {
      oss.control.putObject('test-bucket', { key, body: key });
    }
    const target = join(fresh(), 'reel');
    const { code, stderr } = await run([
      'submit',
      'hls.highlight.yaml',
      '--endpoint',
      imm.url,
      '--oss-endpoint',
      oss.url,
      '--no-preflight',
      '--wait',
      '--download',
      target,
    ]);
    assert.equal(code, 1, stderr);
    assert.deepEqual(readdirSync(target).sort(), ['init.mp4', 'parts', 'reel-0.ts', 'reel.m3u8']);
    assert.deepEqual(readdirSync(join(target, 'parts')), ['reel-1.ts']);
    assert.match(stderr, /skipped oss:\/\/test-bucket\/out\/hls\/\.\.\/\.\.\/secret\.ts: .*leave the folder/);
  });

  test('a DASH manifest downloads itself and the files its SegmentTemplate names (20.7)', async () => {
    imm.control.setTaskScript({ pollsBeforeDone: 0, outcome: 'Succeeded' });
    oss.control.putObject('test-bucket', {
      key: 'out/dash/reel.mpd',
      body: '<MPD><Period><AdaptationSet><SegmentTemplate initialization="init-$RepresentationID$.m4s" media="chunk-$RepresentationID$-$Number$.m4s"/><Representation id="v0"/></AdaptationSet></Period></MPD>',
    });
    for (const key of ['out/dash/init-v0.m4s', 'out/dash/chunk-v0-1.m4s', 'out/dash/chunk-v0-2.m4s', 'out/dash/reel2.mp4', 'out/dash/reel-final/x.m4s'])
      oss.control.putObject('test-bucket', { key, body: key });
    const target = join(fresh(), 'reel');
    const { code, stderr } = await run([
      'submit',
      'dash.highlight.yaml',
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
    assert.deepEqual(readdirSync(target).sort(), ['chunk-v0-1.m4s', 'chunk-v0-2.m4s', 'init-v0.m4s', 'reel.mpd']);
  });

  test('Output.Segment whose URI holds a plain video: that object alone, its bytes not read as names (20.7)', async () => {
    imm.control.setTaskScript({ pollsBeforeDone: 0, outcome: 'Succeeded' });
    oss.control.putObject('test-bucket', { key: 'out/plain/reel.mp4', body: VIDEO });
    oss.control.putObject('test-bucket', { key: 'out/plain/reel2.mp4', body: 'namesake' });
    const target = join(fresh(), 'reel');
    const { code, stderr } = await run([
      'submit',
      'segmp4.highlight.yaml',
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
    assert.deepEqual(readdirSync(target), ['reel.mp4']);
    assert.ok(readFileSync(join(target, 'reel.mp4')).equals(VIDEO));
  });

  test('a body that stops arriving is given up after --timeout, leaving nothing (20.8)', { timeout: 30_000 }, async () => {
    oss.control.failNext({ kind: 'stall', afterBytes: 1000 });
    const target = fresh();
    const started = Date.now();
    const { code, stderr } = await run([
      'output',
      'oss://test-bucket/out/reel.mp4',
      '--download',
      join(target, 'reel.mp4'),
      '--timeout',
      '1',
      '--oss-endpoint',
      oss.url,
    ]);
    assert.equal(code, 1, stderr);
    assert.match(stderr, /stalled/);
    assert.ok(Date.now() - started < 20_000);
    assert.deepEqual(readdirSync(target), []);
  });

  for (const signal of ['SIGTERM', 'SIGHUP'] as const) {
    test(`${signal} cleans up like Ctrl+C (20.9)`, { timeout: 30_000 }, async () => {
      oss.control.failNext({ kind: 'stall', afterBytes: 300_000 });
      const target = fresh();
      const result = await run(['output', 'oss://test-bucket/out/reel.mp4', '--download', join(target, 'reel.mp4'), '--oss-endpoint', oss.url], {
        interruptOnStderr: /: \d+% /,
        interruptSignal: signal,
      });
      assert.equal(result.code, 130, result.stderr);
      assert.deepEqual(readdirSync(target), []);
    });
  }

  test('a stale .part of our naming is removed by the next download to the same place; a fresh one is kept (20.9)', async () => {
    const target = fresh();
    const stale = join(target, '.reel.mp4.0123abcd.part');
    const live = join(target, '.reel.mp4.89abcdef.part');
    const foreign = join(target, '.other.mp4.0123abcd.part');
    for (const path of [stale, live, foreign]) writeFileSync(path, 'half');
    const hourAgo = new Date(Date.now() - 3600_000);
    utimesSync(stale, hourAgo, hourAgo);
    utimesSync(foreign, hourAgo, hourAgo);
    const { code, stderr } = await run(['output', 'oss://test-bucket/out/reel.mp4', '--download', join(target, 'reel.mp4'), '--oss-endpoint', oss.url]);
    assert.equal(code, 0, stderr);
    assert.deepEqual(readdirSync(target).sort(), ['.other.mp4.0123abcd.part', '.reel.mp4.89abcdef.part', 'reel.mp4']);
  });
});

describe('the target is checked first, and a local failure is called one (20.11)', { concurrency: false }, () => {
  test('a folder download into an existing file is refused before any object is fetched', async () => {
    oss.control.putObject('test-bucket', { key: 'out/seg/reel-0.ts', body: 'x' });
    const file = join(fresh(), 'taken');
    writeFileSync(file, 'mine');
    const { code, stderr } = await run(['output', 'oss://test-bucket/out/seg/', '--download', file, '--oss-endpoint', oss.url]);
    assert.equal(code, 1, stderr);
    assert.match(stderr, /is not a folder/);
    assert.equal(readFileSync(file, 'utf8'), 'mine');
    assert.equal(oss.requests.filter((r) => r.action === 'oss:GetObject').length, 0);
  });

  test('a disk that refuses the write is reported as a local error, not a network one', { skip: process.platform === 'win32' }, async () => {
    const target = fresh();
    // A file size limit makes the write fail with EFBIG (Node ignores SIGXFSZ), as a full disk would.
    const args = [...CLI, 'output', 'oss://test-bucket/out/reel.mp4', '--download', join(target, 'reel.mp4'), '--oss-endpoint', oss.url];
    const result = await new Promise<CliRun>((done) => {
      const child = spawn('sh', ['-c', 'ulimit -f 64; exec "$0" "$@"', process.execPath, ...args], {
        cwd: dir,
        env: { ...process.env, ...emptyCredentialEnv(), ...WITH_TEST_KEY, NODE_OPTIONS: '' },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      child.on('close', (code) => done({ code, stdout, stderr }));
    });
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stderr, /Could not write .*EFBIG/);
    assert.doesNotMatch(result.stderr, /broke off/);
    assert.deepEqual(readdirSync(target), []);
  });

  test('the folder of a segmented output is named from the key and never climbs out of the chosen folder', () => {
    assert.equal(downloadFolderName('out/reel.m3u8'), 'reel');
    assert.equal(downloadFolderName('out/...m3u8'), 'output');
    assert.equal(downloadFolderName('out/..'), 'output');
    assert.equal(downloadFolderName('out/seg/'), 'seg');
  });
});

describe('submit checks everything before the paid task (20.10, 20.15, 19.10, 19.14)', { concurrency: false }, () => {
  test('--download to an existing file, or a bad --oss-endpoint, refuses before CreateHighlightTask', async () => {
    const existing = join(fresh(), 'result.mp4');
    writeFileSync(existing, 'mine');
    const taken = await run([
      'submit',
      'reel.highlight.yaml',
      '--endpoint',
      imm.url,
      '--oss-endpoint',
      oss.url,
      '--no-preflight',
      '--wait',
      '--download',
      existing,
    ]);
    assert.equal(taken.code, 1, taken.stderr);
    assert.match(taken.stderr, /already exists.*Nothing was sent/s);
    const file = join(fresh(), 'file');
    writeFileSync(file, 'x');
    const notFolder = await run([
      'submit',
      'hls.highlight.yaml',
      '--endpoint',
      imm.url,
      '--oss-endpoint',
      oss.url,
      '--no-preflight',
      '--wait',
      '--download',
      file,
    ]);
    assert.equal(notFolder.code, 1, notFolder.stderr);
    const badOss = await run([
      'submit',
      'reel.highlight.yaml',
      '--endpoint',
      imm.url,
      '--oss-endpoint',
      'ftp://x',
      '--no-preflight',
      '--wait',
      '--download',
      join(fresh(), 'r.mp4'),
    ]);
    assert.equal(badOss.code, 2, badOss.stderr);
    assert.match(badOss.stderr, /--oss-endpoint/);
    assert.equal(created(), 0);
  });

  test('an invalid --region is usage naming the flag, for every command', async () => {
    for (const args of [
      ['submit', 'reel.highlight.yaml', '--endpoint', imm.url, '--no-preflight', '--region', 'mars-1'],
      ['output', 'oss://test-bucket/out/reel.mp4', '--oss-endpoint', oss.url, '--region', 'mars-1'],
      ['validate', '--cloud', 'reel.highlight.yaml', '--endpoint', imm.url, '--oss-endpoint', oss.url, '--region', 'mars-1'],
    ]) {
      const { code, stderr } = await run(args);
      assert.equal(code, 2, `${args[0]}: ${stderr}`);
      assert.match(stderr, /--region: "mars-1"/);
    }
    assert.equal(created(), 0);
  });

  test('--oss-endpoint http://[::1]:PORT is refused as usage naming the flag, before any request (the OSS SDK cannot address it)', async () => {
    const { code, stderr } = await run(['output', 'oss://test-bucket/out/reel.mp4', '--oss-endpoint', `http://[::1]:${oss.port}`]);
    assert.equal(code, 2, stderr);
    assert.match(stderr, /--oss-endpoint: .*IPv6/);
    assert.doesNotMatch(stderr, /conform to the specifications/);
  });

  test('submit --format json answers in JSON when it refuses', async () => {
    const { code, stdout } = await run(['submit', 'broken.highlight.yaml', '--endpoint', imm.url, '--format', 'json']);
    assert.equal(code, 1);
    const answer = JSON.parse(stdout) as { submitted: boolean; reason: string };
    assert.equal(answer.submitted, false);
    assert.match(answer.reason, /Nothing was sent/);
  });

  test('--dry-run says which shell it quoted for in a sentence', async () => {
    const { code, stderr } = await run(['submit', 'reel.highlight.yaml', '--dry-run', '--shell', 'posix']);
    assert.equal(code, 0, stderr);
    assert.match(stderr, /^Quoted for POSIX shell \(bash, zsh, sh\)\. Needs aliyun CLI/);
  });

  test('IMM_HIGHLIGHT_ENDPOINT and IMM_HIGHLIGHT_OSS_ENDPOINT are the defaults of --endpoint and --oss-endpoint; flags win; bad values are usage', async () => {
    imm.control.setTaskScript({ pollsBeforeDone: 0, outcome: 'Succeeded' });
    oss.control.putObject('test-bucket', { key: 'highlights/new-reel.mp4', contentType: 'video/mp4', body: VIDEO });
    const env = { IMM_HIGHLIGHT_ENDPOINT: imm.url, IMM_HIGHLIGHT_OSS_ENDPOINT: oss.url };
    const target = join(fresh(), 'r.mp4');
    const ok = await run(['submit', 'reel.highlight.yaml', '--wait', '--download', target], { env });
    assert.equal(ok.code, 0, ok.stderr);
    assert.ok(readFileSync(target).equals(VIDEO));
    const listed = await run(['output', 'oss://test-bucket/out/reel.mp4'], { env });
    assert.equal(listed.code, 0, listed.stderr);
    const bad = await run(['output', 'oss://test-bucket/out/reel.mp4'], { env: { IMM_HIGHLIGHT_OSS_ENDPOINT: 'http://example.com' } });
    assert.equal(bad.code, 2, bad.stderr);
    assert.match(bad.stderr, /IMM_HIGHLIGHT_OSS_ENDPOINT/);
    const flagWins = await run(['output', 'oss://test-bucket/out/reel.mp4', '--oss-endpoint', oss.url], {
      env: { IMM_HIGHLIGHT_OSS_ENDPOINT: 'http://example.com' },
    });
    assert.equal(flagWins.code, 0, flagWins.stderr);
  });
});

describe('output and validate --cloud say what is true (20.14, 20.15, 19.10)', { concurrency: false }, () => {
  test('a key with a line break cannot forge a line of the listing', async () => {
    oss.control.putObject('test-bucket', { key: 'out/nl/a.ts\n999\toss://test-bucket/forged.mp4', body: 'x' });
    const { code, stdout, stderr } = await run(['output', 'oss://test-bucket/out/nl/', '--oss-endpoint', oss.url]);
    assert.equal(code, 0, stderr);
    assert.equal(stdout.trim().split('\n').length, 1, stdout);
    assert.doesNotMatch(stdout, /^999/m);
  });

  test('a bucket in another region is followed when output only looks (no --download, no --presign)', async () => {
    const object = await run(['output', 'oss://shanghai-footage/raw/launch.mp4', '--oss-endpoint', oss.url]);
    assert.equal(object.code, 0, object.stderr);
    assert.match(object.stdout, /oss:\/\/shanghai-footage\/raw\/launch\.mp4/);
    const prefix = await run(['output', 'oss://shanghai-footage/raw/', '--oss-endpoint', oss.url]);
    assert.equal(prefix.code, 0, prefix.stderr);
  });

  test('validate --cloud without credentials says so once and exits 1', async () => {
    const { code, stderr } = await run(['validate', '--cloud', 'reel.highlight.yaml', '--endpoint', imm.url, '--oss-endpoint', oss.url], {
      env: { ALIBABA_CLOUD_ACCESS_KEY_ID: undefined, ALIBABA_CLOUD_ACCESS_KEY_SECRET: undefined, HOME: dir },
    });
    assert.equal(code, 1, stderr);
    assert.match(stderr, /validate --cloud needs Alibaba Cloud credentials/);
    assert.doesNotMatch(stderr, /Nothing was submitted/);
  });

  test('validate --cloud on an unreachable endpoint: no "Nothing was submitted", the network advice once', async () => {
    const { stderr, stdout } = await run([
      'validate',
      '--cloud',
      'reel.highlight.yaml',
      '--endpoint',
      'http://127.0.0.1:1',
      '--oss-endpoint',
      'http://127.0.0.1:1',
    ]);
    const text = stdout + stderr;
    assert.match(text, /cloud-check-failed/);
    assert.doesNotMatch(text, /Nothing was submitted/);
    for (const line of text.split('\n')) assert.ok((line.match(/network/gi) ?? []).length <= 1, line);
  });
});
