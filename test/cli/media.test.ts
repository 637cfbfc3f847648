/**
 * `highlight-task media <oss://bucket/key>` as a child process against the local OSS endpoint (signatures checked
 * by its own code, every GetObject counted): the JSON shape, the text, and the exit codes.
 */
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startOssEndpoint, TEST_OSS_ACCESS_KEY, type OssEndpoint } from '../endpoints/oss/server';
import { mediaFactsBucket } from '../endpoints/oss/state';
import { prepareCli, runCli, type CliRun } from './cliProcess';

let CLI: string[];
let dir: string;
let oss: OssEndpoint;
const KEY = { ALIBABA_CLOUD_ACCESS_KEY_ID: TEST_OSS_ACCESS_KEY.id, ALIBABA_CLOUD_ACCESS_KEY_SECRET: TEST_OSS_ACCESS_KEY.secret };

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'highlight-media-cli-'));
  [CLI, oss] = await Promise.all([prepareCli(), startOssEndpoint({ buckets: [mediaFactsBucket()] })]);
});
after(() => oss.close());
beforeEach(() => oss.control.reset());

const media = (...args: string[]): Promise<CliRun> => runCli(CLI, ['media', ...args, '--oss-endpoint', oss.url, '--lang', 'en'], { cwd: dir, env: KEY });

describe('highlight-task media', { concurrency: false }, () => {
  test('--format json: exactly the documented fields, the read counted as the endpoint counted it', async () => {
    const { code, stdout, stderr } = await media('oss://media-facts/probe/moov-last.mp4', '--format', 'json');
    assert.equal(code, 0, stderr);
    const json = JSON.parse(stdout) as Record<string, unknown>;
    const reads = oss.readsOf('media-facts', 'probe/moov-last.mp4');
    assert.deepEqual(json, {
      uri: 'oss://media-facts/probe/moov-last.mp4',
      container: 'mp4',
      durationSeconds: 3,
      sizeBytes: 16880,
      storageClass: 'Standard',
      video: { codec: 'h264', width: 160, height: 90, frameRate: 15 },
      audio: { codec: 'aac', sampleRate: 22050, channels: 1 },
      read: { requests: reads.requests, bytes: reads.bytes },
    });
    assert.equal(reads.withoutRange, 0);
    assert.ok(oss.requests.every((r) => r.signatureValid && (r.method === 'HEAD' || r.range !== undefined)));
  });

  test('text: one line per fact; an audio file has no video; the duration of a long ADTS file says it is an estimate', async () => {
    const mp3 = await media('oss://media-facts/probe/mp3-tone.mp3');
    assert.equal(mp3.code, 0, mp3.stderr);
    assert.match(mp3.stdout, /^oss:\/\/media-facts\/probe\/mp3-tone\.mp3\n/);
    assert.match(mp3.stdout, /container +mp3\n/);
    assert.match(mp3.stdout, /duration +3\.06 s\n/);
    assert.match(mp3.stdout, /video +none\n/);
    assert.match(mp3.stdout, /audio +mp3 22050 Hz, 1 channels\n/);
    const aac = await media('oss://media-facts/long/adts-tone-x10.aac');
    assert.match(aac.stdout, /duration +3\d\.\d\d s \(estimated\)\n/);
  });

  test('exit 1 with the reason: missing, archived, not readable as media', async () => {
    const missing = await media('oss://media-facts/probe/none.mp4');
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /no object at oss:\/\/media-facts\/probe\/none\.mp4/);
    const archived = await media('oss://media-facts/cold/archived.mp4', '--format', 'json');
    assert.equal(archived.code, 1);
    assert.equal(archived.stdout, '');
    assert.match(archived.stderr, /in Archive storage without a finished restore/);
    assert.equal(oss.readsOf('media-facts', 'cold/archived.mp4').requests, 0);
    const corrupt = await media('oss://media-facts/probe/corrupt.mp4');
    assert.equal(corrupt.code, 1);
    assert.match(corrupt.stderr, /not readable as media: .*moov/);
  });

  test('exit 2 for usage errors, with nothing sent', async () => {
    for (const args of [
      [],
      ['oss://media-facts/probe/'],
      ['oss://media-facts/probe/moov-last.mp4', '--format', 'yaml'],
      ['not-a-uri'],
      ['oss://media-facts/a.mp4', '--timeout', '0'],
    ]) {
      const run = await media(...args);
      assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
    }
    assert.equal(oss.requests.length, 0);
  });
});
