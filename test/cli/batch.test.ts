/**
 * `highlight-task batch` in-process against the local IMM and OSS endpoints: --dry-run prints the plan and the
 * checks' findings and sends nothing; --format json prints the manifest; --yes is needed to send; a template whose
 * outputs collide and a Concat job are refused before anything is sent; a batch sent, interrupted and resumed, or
 * whose send lost its answer, creates each task once; --retry-failed sends the failed items only; the exit codes.
 */
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../cli/src/main';
import type { BatchManifest } from '../../api/src/batch/index';
import { faults } from '../endpoints/imm/faults';
import { startImmEndpoint, TEST_ACCESS_KEY, type ImmEndpoint } from '../endpoints/imm/server';
import { startOssEndpoint, type OssEndpoint } from '../endpoints/oss/server';
import { emptyCredentialEnv, withEnv } from '../api/helpers';

const JOB = `ProjectName: immtest
Type: Retrieval
Sources:
  - URI: oss://sports-bucket/matches/placeholder.mp4
Highlight:
  Content: Sports
Output:
  URI: oss://sports-bucket/reels/placeholder.mp4
Tags:
  season: autumn
`;

let imm: ImmEndpoint;
let oss: OssEndpoint;
let dir = '';
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'highlight-batch-cli-'));
  writeFileSync(join(dir, 'reels.highlight.yaml'), JOB);
  writeFileSync(join(dir, 'concat.highlight.yaml'), JOB.replace('Type: Retrieval', 'Type: Concat').replace('Output:\n', 'Output:\n  Container: mp4\n'));
  [imm, oss] = await Promise.all([
    startImmEndpoint({ projects: ['immtest'] }),
    startOssEndpoint({
      buckets: [
        {
          name: 'sports-bucket',
          region: 'cn-hangzhou',
          objects: [
            { key: 'matches/', contentType: 'application/x-directory' },
            { key: 'matches/derby.mp4', contentType: 'video/mp4' },
            { key: 'matches/cup/final.mp4', contentType: 'video/mp4' },
            { key: 'matches/cup/semi.mov', contentType: 'video/quicktime' },
            { key: 'matches/notes.txt', contentType: 'text/plain' },
            { key: 'reels/derby.mp4', contentType: 'video/mp4' },
          ],
        },
      ],
    }),
  ]);
});
after(() => Promise.all([imm.close(), oss.close()]));
beforeEach(() => {
  imm.control.reset();
  oss.control.reset();
  for (const file of ['reels.batch.json', 'other.json']) rmSync(join(dir, file), { force: true });
});

async function cli(args: string[], options: { abortOn?: RegExp } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const controller = new AbortController();
  const env = { ...emptyCredentialEnv(), ALIBABA_CLOUD_ACCESS_KEY_ID: TEST_ACCESS_KEY.id, ALIBABA_CLOUD_ACCESS_KEY_SECRET: TEST_ACCESS_KEY.secret };
  const code = await withEnv(env, () =>
    main(args, {
      stdout: (text) => (stdout += text),
      stderr: (text) => {
        stderr += text;
        if (options.abortOn?.test(stderr) && !controller.signal.aborted) controller.abort(new Error('interrupted'));
      },
      cwd: dir,
      env: process.env,
      signal: controller.signal,
    }),
  );
  return { code, stdout, stderr };
}

const batch = (...extra: string[]): string[] => [
  'batch',
  'reels.highlight.yaml',
  '--each',
  'oss://sports-bucket/matches/',
  '--match',
  '*.{mp4,mov}',
  '--output-uri',
  'oss://sports-bucket/reels/{key}.mp4',
  '--endpoint',
  imm.url,
  '--oss-endpoint',
  oss.url,
  '--poll-interval',
  '0.05',
  ...extra,
];

const manifestOnDisk = (): BatchManifest => JSON.parse(readFileSync(join(dir, 'reels.batch.json'), 'utf8')) as BatchManifest;
const created = (): number => imm.received('CreateHighlightTask').filter((r) => r.taskId !== undefined).length;

describe('batch', { concurrency: false }, () => {
  test('--dry-run prints the plan (every video under the prefix, sub-folders included, --match on the name) and sends nothing', async () => {
    const { code, stdout, stderr } = await cli(batch('--dry-run'));
    assert.equal(code, 0, stderr);
    assert.deepEqual(stdout.trim().split('\n'), [
      '1\toss://sports-bucket/matches/cup/final.mp4 -> oss://sports-bucket/reels/cup/final.mp4',
      '2\toss://sports-bucket/matches/cup/semi.mov -> oss://sports-bucket/reels/cup/semi.mp4',
      '3\toss://sports-bucket/matches/derby.mp4 -> oss://sports-bucket/reels/derby.mp4',
    ]);
    assert.match(stderr, /3 paid tasks in project immtest/);
    // The cloud checks ran on each item: derby's reel is already there.
    assert.match(stderr, /^oss:\/\/sports-bucket\/matches\/derby\.mp4:\d+:\d+: warning \S+ .*reels\/derby\.mp4/m);
    assert.equal(imm.received('CreateHighlightTask').length, 0);
    assert.ok(!existsSync(join(dir, 'reels.batch.json')));
  });

  test('--dry-run --format json prints the manifest it would write', async () => {
    const { code, stdout } = await cli(batch('--dry-run', '--format', 'json'));
    assert.equal(code, 0);
    const manifest = JSON.parse(stdout) as BatchManifest;
    assert.equal(manifest.items.length, 3);
    assert.ok(manifest.items.every((item) => item.state === 'waiting'));
    assert.equal(manifest.outputTemplate, 'oss://sports-bucket/reels/{key}.mp4');
    assert.equal(imm.received('CreateHighlightTask').length, 0);
  });

  test('without --yes nothing is sent (exit 2); outputs that collide and Concat are refused before anything is sent (exit 1)', async () => {
    assert.equal((await cli(batch())).code, 2);
    const collide = await cli(batch('--yes').map((a) => (a === 'oss://sports-bucket/reels/{key}.mp4' ? 'oss://sports-bucket/reels/reel.mp4' : a)));
    assert.equal(collide.code, 1);
    assert.match(collide.stderr, /3 sources would write to oss:\/\/sports-bucket\/reels\/reel\.mp4/);
    const concat = await cli(batch('--yes').map((a) => (a === 'reels.highlight.yaml' ? 'concat.highlight.yaml' : a)));
    assert.equal(concat.code, 1);
    assert.match(concat.stderr, /Concat/);
    assert.equal(imm.received('CreateHighlightTask').length, 0);
  });

  test('--yes --wait sends each item once with the batch tag, follows with ListTasks only, exits 0; run again, nothing is sent', async () => {
    imm.control.setTaskScript({ pollsBeforeDone: 1, outcome: 'Succeeded' });
    const { code, stdout, stderr } = await cli(batch('--yes', '--wait', '--format', 'json'));
    assert.equal(code, 0, stderr);
    const manifest = JSON.parse(stdout) as BatchManifest;
    assert.deepEqual(manifest, manifestOnDisk());
    assert.ok(manifest.items.every((item) => item.state === 'succeeded' && item.taskId));
    assert.equal(created(), 3);
    assert.equal(imm.tasksTagged('HighlightBatch', manifest.batchId), 3);
    const tags = JSON.parse(imm.received('CreateHighlightTask')[0]!.params['Tags']!) as Record<string, string>;
    assert.deepEqual(tags, { season: 'autumn', HighlightBatch: manifest.batchId });
    assert.equal(imm.received('GetTask').length, 0);
    const again = await cli(batch('--yes', '--wait'));
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stderr, /Resuming batch/);
    assert.equal(created(), 3);
  });

  test('interrupted after the first answer (Ctrl+C): exit 130; the same command resumes and sends the rest only', async () => {
    imm.control.setTaskScript({ pollsBeforeDone: 0, outcome: 'Succeeded' });
    const first = await cli(batch('--yes', '--wait'), { abortOn: /\tsent\t/ });
    assert.equal(first.code, 130, first.stderr);
    assert.match(first.stderr, /keep running in IMM/);
    assert.equal(created(), 1);
    const second = await cli(batch('--yes', '--wait'));
    assert.equal(second.code, 0, second.stderr);
    assert.equal(created(), 3);
  });

  test('a send whose answer was lost (the connection dropped after IMM created the task): exit 3; the resume matches it by ListTasks, nothing sent twice', async () => {
    imm.control.setTaskScript({ pollsBeforeDone: 0, outcome: 'Succeeded' });
    imm.control.failNext(faults.dropAfterAccept(), { action: 'CreateHighlightTask' });
    const first = await cli(batch('--yes'));
    assert.equal(first.code, 3, first.stderr);
    assert.equal(manifestOnDisk().items[0]!.state, 'outcome-unknown');
    const second = await cli(batch('--yes', '--wait'));
    assert.equal(second.code, 0, second.stderr);
    assert.equal(manifestOnDisk().items[0]!.state, 'succeeded');
    assert.equal(created(), 3);
  });

  test('a failed task: exit 1; --retry-failed sends that item only', async () => {
    imm.control.setTaskScript({ pollsBeforeDone: 0, outcome: 'Failed', failure: { Code: 'InvalidVideo', Message: 'no video stream' } });
    const first = await cli(batch('--yes', '--wait', '--concurrency', '1', '--manifest', 'other.json'));
    assert.equal(first.code, 1);
    assert.match(first.stdout, /failed\tHighlight-.*InvalidVideo/);
    imm.control.setTaskScript({ pollsBeforeDone: 0, outcome: 'Succeeded' });
    const retried = await cli([
      'batch',
      'reels.highlight.yaml',
      '--manifest',
      'other.json',
      '--retry-failed',
      '--yes',
      '--wait',
      '--endpoint',
      imm.url,
      '--poll-interval',
      '0.05',
    ]);
    assert.equal(retried.code, 0, retried.stderr);
    assert.equal(created(), 6);
  });
});
