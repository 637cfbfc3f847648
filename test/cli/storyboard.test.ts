/**
 * `highlight-task storyboard`: the job drawn as text, JSON (the shape issue 24 fixes) or SVG; exit codes as
 * validate's; with --cloud, the cloud checks run against the local IMM and OSS endpoints as for validate.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../cli/src/main';
import { startImmEndpoint, type ImmEndpoint } from '../endpoints/imm/server';
import { startOssEndpoint, type OssEndpoint } from '../endpoints/oss/server';
import { prepareCli, runCli, WITH_TEST_KEY } from './cliProcess';
import { parseXml } from '../unit/core/storyboard/xmlTree';

const CONCAT = `ProjectName: immtest
Type: Concat
Sources:
  - URI: oss://test-bucket/a.mp4
    StartTime: 2
    Duration: 10
  - URI: oss://test-bucket/b.mp4
    StartTime: 5
Edit:
  Mode: Sequential
  TransitionMode: Sequential
  Transitions:
    - Transition: fade
      Duration: 1
Output:
  URI: oss://test-bucket/out.mp4
  Container: mp4
  MaxDuration: 30
`;

/** A Concat without Output.Container: an error of the job, the storyboard still drawn. */
const BROKEN = CONCAT.replace('  Container: mp4\n', '');

let dir = '';
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'imm-storyboard-'));
  writeFileSync(join(dir, 'reel.highlight.yaml'), CONCAT);
  writeFileSync(join(dir, 'broken.highlight.yaml'), BROKEN);
});

async function storyboard(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(['storyboard', ...args], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd: dir, env: {} });
  return { code, stdout, stderr };
}

describe('highlight-task storyboard', () => {
  test('text (the default): one line per clip in output order, lengths the job does not declare unknown', async () => {
    const { code, stdout, stderr } = await storyboard(['reel.highlight.yaml']);
    assert.equal(code, 0, stderr);
    const lines = stdout.split('\n');
    assert.equal(lines[0], 'Concat: Output length unknown (1 of 2 clips have no known length), at most 30 s');
    assert.match(lines[1]!, /^Sources\[0\] {2}at 0 s {2}oss:\/\/test-bucket\/a\.mp4 {2}2 s → 12 s, 10 s long$/);
    assert.match(lines[2]!, /^Sources\[1\] {2}at 9 s {2}oss:\/\/test-bucket\/b\.mp4 {2}from 5 s, length unknown$/);
    assert.equal(stderr, '');
  });

  test('json: exactly the fields issue 24 fixes', async () => {
    const { code, stdout } = await storyboard(['reel.highlight.yaml', '--format', 'json']);
    assert.equal(code, 0);
    assert.deepEqual(JSON.parse(stdout), {
      type: 'Concat',
      clips: [
        { index: 0, uri: 'oss://test-bucket/a.mp4', startSeconds: 2, lengthSeconds: 10, atSeconds: 0 },
        { index: 1, uri: 'oss://test-bucket/b.mp4', startSeconds: 5, lengthSeconds: null, atSeconds: 9 },
      ],
      transitions: [{ index: 0, transition: 'fade', durationSeconds: 1, clip: 0, takesEffect: true, reason: null }],
      music: [],
      outputSeconds: null,
      maxDurationSeconds: 30,
    });
  });

  test('svg: a well-formed standalone image with one element per clip', async () => {
    const { code, stdout } = await storyboard(['reel.highlight.yaml', '--format', 'svg']);
    assert.equal(code, 0);
    assert.match(stdout, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<svg /);
    const root = parseXml(stdout);
    const clips = (function collect(element: ReturnType<typeof parseXml>): ReturnType<typeof parseXml>[] {
      return [element, ...element.children.flatMap(collect)];
    })(root).filter((element) => element.attributes['data-kind'] === 'clip');
    assert.equal(clips.length, 2);
  });

  test('a job with errors: the storyboard is printed, exit 1, and stderr points to validate', async () => {
    const { code, stdout, stderr } = await storyboard(['broken.highlight.yaml']);
    assert.equal(code, 1);
    assert.match(stdout, /^Sources\[0\]/m);
    assert.equal(stderr, 'broken.highlight.yaml: 1 error; highlight-task validate lists them.\n');
  });

  test('text and SVG mark the problems on an entry; JSON keeps its shape', async () => {
    writeFileSync(join(dir, 'negative.highlight.yaml'), CONCAT.replace('StartTime: 5', 'StartTime: -5'));
    const text = await storyboard(['negative.highlight.yaml']);
    assert.equal(text.code, 1);
    assert.match(text.stdout, /^Sources\[1\] .* {2}— error: .*StartTime.*$/m);
    assert.doesNotMatch(text.stdout, /^Sources\[0\] .*error/m);
    const svg = await storyboard(['negative.highlight.yaml', '--format', 'svg']);
    assert.match(svg.stdout, /class="sb-clip sb-alternate sb-unknown sb-error" data-kind="clip" data-index="1"/);
    const json = await storyboard(['negative.highlight.yaml', '--format', 'json']);
    assert.deepEqual(Object.keys(JSON.parse(json.stdout) as object), ['type', 'clips', 'transitions', 'music', 'outputSeconds', 'maxDurationSeconds']);
  });

  test('usage errors exit 2: a bad --format, no file or two, a missing file, a cloud flag without --cloud', async () => {
    const cases: [string[], RegExp][] = [
      [['reel.highlight.yaml', '--format', 'sarif'], /--format must be text, json, svg; not "sarif"/],
      [[], /storyboard takes exactly one job file/],
      [['reel.highlight.yaml', 'broken.highlight.yaml'], /storyboard takes exactly one job file/],
      [['nope.highlight.yaml'], /nope\.highlight\.yaml: no such file/],
      [['reel.highlight.yaml', '--region', 'cn-hangzhou'], /--region goes with --cloud/],
    ];
    for (const [args, message] of cases) {
      const { code, stdout, stderr } = await storyboard(args);
      assert.equal(code, 2, args.join(' '));
      assert.equal(stdout, '');
      assert.match(stderr, message);
    }
  });
});

describe('highlight-task storyboard --cloud', () => {
  let CLI: string[];
  let imm: ImmEndpoint;
  let oss: OssEndpoint;
  before(async () => {
    CLI = await prepareCli();
    [imm, oss] = await Promise.all([startImmEndpoint(), startOssEndpoint()]);
  });
  after(() => Promise.all([imm.close(), oss.close()]));
  const cloud = (): string[] => ['--cloud', '--endpoint', imm.url, '--oss-endpoint', oss.url];

  test('runs the cloud checks as validate does (reads only); an error they find exits 1, the storyboard still printed', async () => {
    // beach.mp4 is in the local OSS; no-such-video.mp4 is not.
    const job = CONCAT.replace('oss://test-bucket/a.mp4', 'oss://test-bucket/videos/beach.mp4').replace(
      'oss://test-bucket/b.mp4',
      'oss://test-bucket/no-such-video.mp4',
    );
    writeFileSync(join(dir, 'missing.highlight.yaml'), job);
    const { code, stdout, stderr } = await runCli(CLI, ['storyboard', 'missing.highlight.yaml', ...cloud(), '--format', 'json'], {
      cwd: dir,
      env: WITH_TEST_KEY,
    });
    assert.equal(code, 1, stderr);
    assert.equal((JSON.parse(stdout) as { clips: unknown[] }).clips.length, 2);
    assert.equal(stderr, 'missing.highlight.yaml: 1 error; highlight-task validate --cloud lists them.\n');
    assert.ok(oss.requests.length > 0 && oss.requests.every((r) => r.signatureValid && (r.method === 'GET' || r.method === 'HEAD')));
    assert.equal(imm.received('CreateHighlightTask').length, 0);
  });

  test('without credentials it says so once and exits 1', async () => {
    const { code, stdout, stderr } = await runCli(CLI, ['storyboard', 'reel.highlight.yaml', ...cloud()], { cwd: dir });
    assert.equal(code, 1);
    assert.equal(stdout, '');
    assert.match(stderr, /storyboard --cloud needs Alibaba Cloud credentials, and none could be used/);
  });
});
