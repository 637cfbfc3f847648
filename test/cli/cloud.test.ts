/**
 * `highlight-task validate --cloud` and the preflight of `submit` as a child process, against the local IMM
 * and OSS endpoints, which verify every signature with their own code. One test per finding code.
 */
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startImmEndpoint, type ImmEndpoint } from '../endpoints/imm/server';
import { startOssEndpoint, type OssEndpoint } from '../endpoints/oss/server';
import { demoMedia } from '../fixtures/media/index';
import { prepareCli, runCli, WITH_TEST_KEY, type CliRun } from './cliProcess';

let CLI: string[];
let dir: string;
let imm: ImmEndpoint;
let oss: OssEndpoint;

const JOBS: Record<string, string> = {
  clean: `ProjectName: immtest
Type: Retrieval
Sources:
  - URI: oss://test-bucket/videos/beach.mp4
Output:
  URI: oss://test-bucket/highlights/new-reel.mp4
`,
  project: `ProjectName: not-a-project
Type: Retrieval
Sources:
  - URI: oss://test-bucket/videos/beach.mp4
Output:
  URI: oss://test-bucket/highlights/new-reel.mp4
`,
  everything: `ProjectName: immtest
Type: Compose
Sources:
  - URI: oss://test-bucket/videos/beach.mp4
  - URI: oss://test-bucket/videos/Beach.mp4
  - URI: oss://test-bucket/videos/cover.jpg
  - URI: oss://test-bucket/videos/unlabelled.bin
  - URI: oss://shanghai-footage/raw/launch.mp4
  - URI: "oss://no-such-bucket-x/a.mp4"
Edit:
  Mode: Sequential
  BackgroundMusicMode: Sequential
  BackgroundMusics:
    - URI: oss://test-bucket/music/summer.mp3
    - URI: oss://test-bucket/music/clip.mp4
    - URI: oss://test-bucket/music/missing.mp3
Output:
  URI: oss://test-bucket/highlights/keynote-and-demo.mp4
  Container: mp4
`,
  warnings: `ProjectName: immtest
Type: Retrieval
Sources:
  - URI: oss://test-bucket/videos/cover.jpg
Output:
  URI: oss://test-bucket/highlights/keynote-and-demo.mp4
`,
  voice: `ProjectName: immtest
Type: Concat
Sources:
  - URI: oss://test-bucket/videos/beach.mp4
    StartTime: 46
    Duration: 5
  - URI: oss://test-bucket/videos/voice.mp4
Output:
  URI: oss://test-bucket/highlights/new-reel.mp4
  Container: mp4
`,
  missing: `ProjectName: immtest
Type: Retrieval
Sources:
  - URI: oss://test-bucket/videos/typo.mp4
Output:
  URI: oss://test-bucket/highlights/new-reel.mp4
`,
};

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'highlight-cloud-cli-'));
  CLI = await prepareCli();
  for (const [name, text] of Object.entries(JOBS)) writeFileSync(join(dir, `${name}.highlight.yaml`), text);
  [imm, oss] = await Promise.all([startImmEndpoint(), startOssEndpoint()]);
});
after(() => Promise.all([imm.close(), oss.close()]));
beforeEach(() => {
  imm.control.reset();
  oss.control.reset();
  // The source and music that are meant to be media are real media (the cloud checks read their facts); the other
  // sample objects keep their few bytes of text, which no reader takes for media.
  oss.control.putObject('test-bucket', { key: 'videos/beach.mp4', contentType: 'video/mp4', body: demoMedia().videos[0]!.body });
  oss.control.putObject('test-bucket', { key: 'music/summer.mp3', contentType: 'audio/mpeg', body: demoMedia().mp3 });
});

const withKey = WITH_TEST_KEY;
const run = (args: string[], env: Record<string, string | undefined> = withKey): Promise<CliRun> => runCli(CLI, args, { cwd: dir, env });

const cloud = (): string[] => ['--cloud', '--endpoint', imm.url, '--oss-endpoint', oss.url];
/** `file:line:col: severity code` of each finding of a code. */
const findings = (stdout: string, code: string): string[] =>
  stdout
    .split('\n')
    .filter((line) => line.includes(` ${code} `))
    .map((line) => line.split(` ${code} `)[0]!);

describe('validate --cloud', { concurrency: false }, () => {
  test('a job that matches the cloud: no findings, exit 0, only signed reads sent', async () => {
    const { code, stdout, stderr } = await run(['validate', 'clean.highlight.yaml', ...cloud()]);
    assert.equal(code, 0, stderr);
    assert.equal(stdout, '');
    // The look-ups, then the media facts of the source in a few ranged GETs (api/src/media), within the budget.
    const lookups = oss.requests.filter((r) => r.range === undefined);
    assert.ok(lookups.length > 0 && lookups.length <= 3, `${lookups.length} OSS look-ups`);
    const reads = oss.requests.filter((r) => r.range !== undefined);
    assert.ok(reads.length > 0 && reads.length <= 10, `${reads.length} ranged reads`);
    assert.ok(
      reads.every((r) => r.method === 'GET' && r.key === 'videos/beach.mp4'),
      JSON.stringify(reads.map((r) => r.key)),
    );
    assert.ok(oss.requests.every((r) => r.signatureValid && (r.method === 'GET' || r.method === 'HEAD')));
    assert.ok(oss.requests.every((r) => r.signedRegion === 'cn-hangzhou'));
    assert.deepEqual(
      imm.received('GetProject').map((r) => r.params['ProjectName']),
      ['immtest'],
    );
    assert.equal(imm.received('CreateHighlightTask').length, 0);
  });

  test('project-not-found: an error on the ProjectName value', async () => {
    const { code, stdout } = await run(['validate', 'project.highlight.yaml', ...cloud()]);
    assert.equal(code, 1);
    assert.deepEqual(findings(stdout, 'project-not-found'), ['project.highlight.yaml:1:14: error']);
    assert.match(stdout, /IMM project "not-a-project" does not exist in region cn-hangzhou/);
  });

  test('every OSS code at its exact value', async () => {
    const { code, stdout, stderr } = await run(['validate', 'everything.highlight.yaml', ...cloud()]);
    assert.equal(code, 1, stderr);
    const f = 'everything.highlight.yaml';
    assert.deepEqual(findings(stdout, 'oss-object-not-found'), [`${f}:5:10: error`, `${f}:16:12: error`]);
    assert.deepEqual(findings(stdout, 'oss-not-video'), [`${f}:6:10: warning`]);
    assert.deepEqual(findings(stdout, 'oss-bucket-other-region'), [`${f}:8:16: error`]);
    assert.deepEqual(findings(stdout, 'oss-bucket-not-found'), [`${f}:9:17: error`]);
    assert.deepEqual(findings(stdout, 'oss-not-audio'), [`${f}:15:12: warning`]);
    assert.deepEqual(findings(stdout, 'output-exists'), [`${f}:18:8: warning`]);
    assert.deepEqual(findings(stdout, 'cloud-check-failed'), []);
    assert.match(stdout, /OSS bucket "shanghai-footage" is in cn-shanghai, not in cn-hangzhou/);
    assert.match(stdout, /oss:\/\/test-bucket\/videos\/cover\.jpg is stored as image\/jpeg/);
    assert.match(stdout, /already exists at oss:\/\/test-bucket\/highlights\/keynote-and-demo\.mp4 \(\d+ B, modified 2026-11-20 08:00 UTC\)/);
    // No Content-Type guess for an object stored without a type (application/octet-stream); its bytes, like those of
    // the image and of the music that is no media, are said to be no media.
    assert.deepEqual(findings(stdout, 'media-unreadable'), [`${f}:6:10: warning`, `${f}:7:10: warning`, `${f}:15:12: warning`]);
    assert.doesNotMatch(stdout, /oss-not-video oss:\/\/test-bucket\/videos\/unlabelled\.bin/);
    assert.match(stderr, /5 errors, 6 warnings/);
    assert.ok(oss.requests.every((r) => r.method === 'GET' || r.method === 'HEAD'));
  });

  test('the media checks: at their values, from the facts of a few ranged GETs', async () => {
    oss.control.putObject('test-bucket', { key: 'videos/voice.mp4', contentType: 'video/mp4', body: demoMedia().m4a });
    const { code, stdout } = await run(['validate', 'voice.highlight.yaml', ...cloud()]);
    assert.equal(code, 1);
    assert.deepEqual(findings(stdout, 'media-no-video-stream'), ['voice.highlight.yaml:7:10: error']);
    assert.deepEqual(findings(stdout, 'media-clip-past-end'), ['voice.highlight.yaml:6:15: warning']);
    assert.match(stdout, /the video is 50(\.\d+)? s long, so the clip is 4(\.\d+)? s, not 5 s\./);
    const reads = oss.requests.filter((r) => r.method === 'GET' && r.key.startsWith('videos/'));
    assert.ok(reads.length > 0 && reads.every((r) => r.range !== undefined), 'media is read with ranged GETs only');
  });

  test('the same findings as JSON and SARIF', async () => {
    const json = JSON.parse((await run(['validate', 'everything.highlight.yaml', ...cloud(), '--format', 'json'])).stdout) as {
      files: { diagnostics: { code: string; severity: string; line: number }[] }[];
    };
    const codes = json.files[0]!.diagnostics.map((d) => d.code);
    for (const code of ['oss-object-not-found', 'oss-not-video', 'oss-bucket-other-region', 'oss-bucket-not-found', 'oss-not-audio', 'output-exists'])
      assert.ok(codes.includes(code), code);
    const sarif = JSON.parse((await run(['validate', 'everything.highlight.yaml', ...cloud(), '--format', 'sarif'])).stdout) as {
      runs: { results: { ruleId: string }[] }[];
    };
    assert.ok(sarif.runs[0]!.results.some((r) => r.ruleId === 'output-exists'));
  });

  test('cloud-check-failed: access denied names the permission and does not fail the run', async () => {
    oss.control.deny('oss:GetObject', 'test-bucket');
    const { code, stdout } = await run(['validate', 'clean.highlight.yaml', ...cloud()]);
    assert.equal(code, 0);
    assert.deepEqual(findings(stdout, 'cloud-check-failed'), ['clean.highlight.yaml:4:10: warning', 'clean.highlight.yaml:6:8: warning']);
    assert.match(stdout, /Could not check oss:\/\/test-bucket\/videos\/beach\.mp4: access was denied: grant the RAM permission oss:GetObject/);
  });

  test('cloud-check-failed: a bucket that cannot be read nor listed, and a project call refused', async () => {
    oss.control.deny('oss:GetBucketInfo');
    oss.control.deny('oss:ListBuckets');
    imm.control.failNext(
      { kind: 'error', status: 403, code: 'NoPermission', message: 'You are not authorized to perform this operation: imm:GetProject.' },
      { action: 'GetProject' },
    );
    const { code, stdout } = await run(['validate', 'clean.highlight.yaml', ...cloud()]);
    assert.equal(code, 0);
    assert.deepEqual(findings(stdout, 'cloud-check-failed'), ['clean.highlight.yaml:1:14: warning', 'clean.highlight.yaml:4:16: warning']);
    assert.match(stdout, /imm:GetProject/);
    assert.match(stdout, /oss:GetBucketInfo/);
  });

  test('without oss:GetBucketInfo the account listing still tells where a bucket is', async () => {
    oss.control.deny('oss:GetBucketInfo');
    const { stdout } = await run(['validate', 'everything.highlight.yaml', ...cloud()]);
    assert.deepEqual(findings(stdout, 'oss-bucket-other-region'), ['everything.highlight.yaml:8:16: error']);
    assert.deepEqual(findings(stdout, 'oss-object-not-found').length, 2);
  });

  test('cloud-check-failed: a request timeout', async () => {
    oss.control.failNext({ kind: 'hang' }, 1);
    const { code, stdout } = await run(['validate', 'clean.highlight.yaml', ...cloud(), '--timeout', '0.5']);
    assert.equal(code, 0);
    assert.match(stdout, /cloud-check-failed Could not check OSS bucket "test-bucket": there was no answer in time/);
  });

  test('cloud-check-failed: an OSS endpoint that cannot be reached', async () => {
    const gone = await startOssEndpoint();
    await gone.close();
    const { code, stdout } = await run(['validate', 'clean.highlight.yaml', '--cloud', '--endpoint', imm.url, '--oss-endpoint', gone.url]);
    assert.equal(code, 0);
    assert.match(stdout, /cloud-check-failed Could not check OSS bucket "test-bucket": the service could not be reached/);
  });

  test('no credentials: said once, plainly, exit 1, nothing sent', async () => {
    const { code, stdout, stderr } = await run(['validate', 'clean.highlight.yaml', ...cloud()], {});
    assert.equal(code, 1);
    assert.deepEqual(findings(stdout, 'cloud-check-failed'), []);
    assert.match(stderr, /validate --cloud needs Alibaba Cloud credentials.*ALIBABA_CLOUD_ACCESS_KEY_ID/s);
    assert.equal(oss.requests.length + imm.requests.length, 0);
  });

  test('--oss-endpoint: plain http only on loopback; cloud flags need --cloud', async () => {
    const http = await run(['validate', 'clean.highlight.yaml', '--cloud', '--oss-endpoint', 'http://oss.example.com']);
    assert.equal(http.code, 2);
    assert.match(http.stderr, /Plain http:\/\/ is refused/);
    const alone = await run(['validate', 'clean.highlight.yaml', '--region', 'cn-shanghai']);
    assert.equal(alone.code, 2);
    assert.match(alone.stderr, /--region goes with --cloud/);
  });

  test('--region: buckets are checked for that region', async () => {
    const { stdout } = await run(['validate', 'clean.highlight.yaml', ...cloud(), '--region', 'cn-shanghai']);
    assert.match(stdout, /OSS bucket "test-bucket" is in cn-hangzhou, not in cn-shanghai/);
  });

  test('the static checks alone never load the OSS library', () => {
    const cli = readFileSync(CLI[CLI.length - 1]!, 'utf8');
    assert.ok(!cli.includes('getCanonicalRequest') && !cli.includes('iconv-lite'), 'ali-oss is not inlined into cli.js');
  });
});

describe('submit preflight', { concurrency: false }, () => {
  const submit = (file: string, extra: string[] = []): Promise<CliRun> => run(['submit', file, '--endpoint', imm.url, '--oss-endpoint', oss.url, ...extra]);

  test('a media error (a source without a video stream) refuses the submission; a media warning shows', async () => {
    oss.control.putObject('test-bucket', { key: 'videos/voice.mp4', contentType: 'video/mp4', body: demoMedia().m4a });
    const { code, stderr } = await submit('voice.highlight.yaml');
    assert.equal(code, 1);
    assert.match(
      stderr,
      /^voice\.highlight\.yaml:7:10: error media-no-video-stream oss:\/\/test-bucket\/videos\/voice\.mp4 holds no video stream, only aac audio/m,
    );
    assert.match(stderr, /^voice\.highlight\.yaml:6:15: warning media-clip-past-end StartTime 46 s \+ Duration 5 s ends at 51 s, past the end of /m);
    assert.match(stderr, /not submitted: the cloud checks found 1 error/);
    assert.equal(imm.received('CreateHighlightTask').length, 0);
  });

  test('a missing source object refuses the submission: exit 1, nothing sent', async () => {
    const { code, stderr } = await submit('missing.highlight.yaml');
    assert.equal(code, 1);
    assert.match(stderr, /^missing\.highlight\.yaml:4:10: error oss-object-not-found /m);
    assert.match(stderr, /not submitted: the cloud checks found 1 error/);
    assert.equal(imm.received('CreateHighlightTask').length, 0);
  });

  test('a missing project refuses the submission', async () => {
    const { code, stderr } = await submit('project.highlight.yaml');
    assert.equal(code, 1);
    assert.match(stderr, /project-not-found/);
    assert.equal(imm.received('CreateHighlightTask').length, 0);
  });

  test('warnings are shown and do not block', async () => {
    const { code, stdout, stderr } = await submit('warnings.highlight.yaml');
    assert.equal(code, 0, stderr);
    assert.match(stderr, /warning oss-not-video/);
    assert.match(stderr, /warning output-exists/);
    assert.match(stdout.trim(), /^Highlight-/);
    assert.equal(imm.received('CreateHighlightTask').length, 1);
  });

  test('a check that cannot run does not block', async () => {
    oss.control.deny('oss:GetObject');
    const { code, stderr } = await submit('missing.highlight.yaml');
    assert.equal(code, 0, stderr);
    assert.match(stderr, /warning cloud-check-failed/);
    assert.equal(imm.received('CreateHighlightTask').length, 1);
  });

  test('--no-preflight skips the checks', async () => {
    const { code } = await submit('missing.highlight.yaml', ['--no-preflight']);
    assert.equal(code, 0);
    assert.equal(oss.requests.length, 0);
    assert.equal(imm.received('GetProject').length, 0);
    assert.equal(imm.received('CreateHighlightTask').length, 1);
  });
});
