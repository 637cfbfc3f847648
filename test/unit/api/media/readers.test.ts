/**
 * Each media reader against the committed files of test/fixtures/media/probe: the facts equal what ffprobe
 * recorded in facts.json (scripts/make-media-fixtures.ts), duration within 0.1 s; and the read budget.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readMediaFacts } from '../../../../api/src/media/readMedia';
import { sniffContainer } from '../../../../api/src/media/sniff';
import { flvFacts } from '../../../../api/src/media/flv';
import { presentationTimestamps } from '../../../../api/src/media/mpegts';
import { bodyBytes, virtualMoovLastMp4 } from '../../../endpoints/oss/sparse';
import { PROBE_MEDIA_DIR } from '../../../endpoints/oss/state';

interface ProbeFacts {
  container: string | null;
  durationSeconds?: number | null;
  sizeBytes: number;
  video?: { codec: string; width: number; height: number; frameRate: number | null } | null;
  audio?: { codec: string; sampleRate: number; channels: number } | null;
  unreadable?: boolean;
}

const FACTS = JSON.parse(readFileSync(join(PROBE_MEDIA_DIR, 'facts.json'), 'utf8')) as Record<string, ProbeFacts>;
const file = (name: string): Buffer => readFileSync(join(PROBE_MEDIA_DIR, name));

/** An in-memory object read the way OSS answers a Range request, counting what was asked. */
function memory(body: Buffer): { fetch: (start: number, end: number) => Promise<Buffer>; ranges: [number, number][] } {
  const ranges: [number, number][] = [];
  return {
    ranges,
    fetch: async (start, end) => {
      ranges.push([start, end]);
      return body.subarray(start, end + 1);
    },
  };
}

describe('media readers against the committed files (ffprobe facts)', () => {
  for (const [name, want] of Object.entries(FACTS).filter(([, f]) => !f.unreadable)) {
    test(`${name}: ${want.container}, ${want.durationSeconds} s`, async () => {
      const body = file(name);
      assert.equal(body.length, want.sizeBytes);
      const answer = await readMediaFacts(body.length, memory(body).fetch);
      assert.equal(answer.state, 'read', answer.state === 'unreadable' ? answer.reason : '');
      if (answer.state !== 'read') return;
      const facts = answer.facts;
      assert.equal(facts.container, want.container);
      assert.ok(
        facts.durationSeconds !== null && Math.abs(facts.durationSeconds - want.durationSeconds!) <= 0.1,
        `${facts.durationSeconds} vs ${want.durationSeconds}`,
      );
      assert.equal(facts.durationEstimated, false, 'a small file is counted, not estimated');
      if (want.video) {
        assert.ok(facts.video);
        assert.equal(facts.video.codec, want.video.codec);
        assert.equal(facts.video.width, want.video.width);
        assert.equal(facts.video.height, want.video.height);
        if (want.video.frameRate !== null) assert.equal(facts.video.frameRate, want.video.frameRate);
      } else assert.equal(facts.video, null);
      if (want.audio) assert.deepEqual(facts.audio, want.audio);
      else assert.equal(facts.audio, null);
      assert.ok(answer.read.requests >= 1 && answer.read.requests <= 10, `${answer.read.requests} requests`);
      assert.ok(answer.read.bytes <= 1024 * 1024);
    });
  }

  test('ADTS .aac has no duration header: past what the reader counts, the duration is an estimate and says so', async () => {
    const one = file('adts-tone.aac');
    const body = Buffer.concat(Array.from({ length: 10 }, () => one));
    const answer = await readMediaFacts(body.length, memory(body).fetch);
    assert.ok(answer.state === 'read' && answer.facts.durationEstimated);
    const want = 10 * FACTS['adts-tone.aac']!.durationSeconds!;
    assert.ok(Math.abs(answer.facts.durationSeconds! - want) / want < 0.05, `${answer.facts.durationSeconds} vs ${want}`);
    assert.ok(answer.read.bytes < body.length);
  });

  test('an mp3 without a Xing/Info/VBRI header: its duration is an estimate', async () => {
    const body = Buffer.from(file('mp3-tone.mp3'));
    for (const tag of ['Xing', 'Info', 'VBRI']) {
      const at = body.indexOf(tag, 0, 'latin1');
      if (at >= 0) body.write('Nope', at, 'latin1');
    }
    const answer = await readMediaFacts(body.length, memory(body).fetch);
    assert.ok(answer.state === 'read' && answer.facts.durationEstimated, answer.state);
  });

  test('a corrupt mp4 is unreadable, with the reason, never guessed', async () => {
    const body = file('corrupt.mp4');
    const answer = await readMediaFacts(body.length, memory(body).fetch);
    assert.equal(answer.state, 'unreadable');
    assert.match(answer.state === 'unreadable' ? answer.reason : '', /moov/);
  });

  test('text is no container: unreadable, one request of at most 4 KiB', async () => {
    const body = Buffer.from('this is not a video\n'.repeat(400));
    const answer = await readMediaFacts(body.length, memory(body).fetch);
    assert.equal(answer.state, 'unreadable');
    assert.deepEqual(answer.read, { requests: 1, bytes: 4096 });
  });

  test('the container comes from the magic bytes, not from a name', () => {
    assert.equal(sniffContainer(file('flash.flv')), 'flv');
    assert.equal(sniffContainer(file('matroska.mkv')), 'matroska');
    assert.equal(sniffContainer(file('webm-vp9.webm')), 'matroska');
    assert.equal(sniffContainer(file('mpegts-offset.mpegts')), 'mpegts');
    assert.equal(sniffContainer(file('adts-tone.aac')), 'adts');
    assert.equal(sniffContainer(file('mp3-tone.mp3')), 'mp3');
    assert.equal(sniffContainer(file('moov-last.mp4')), 'isobmff');
    assert.equal(sniffContainer(Buffer.from('<html>')), undefined);
  });

  test('MPEG-TS starting at 1.4 s: its duration is last minus first timestamp, not the end timestamp', async () => {
    const body = file('mpegts-offset.mpegts');
    const first = Math.min(...presentationTimestamps(body).map((p) => p.pts)) / 90_000;
    assert.ok(first > 1.4, `the stream starts at ${first} s`);
    const answer = await readMediaFacts(body.length, memory(body).fetch);
    assert.ok(answer.state === 'read' && Math.abs(answer.facts.durationSeconds! - 2.05) < 0.1);
  });

  test('FLV: onMetaData (AMF0) in the first 4 KiB; a live FLV saying duration 0 has an unknown duration', () => {
    const head = Buffer.from(file('flash.flv').subarray(0, 4096));
    assert.equal(flvFacts(head)?.durationSeconds, 2.05);
    const at = head.indexOf('duration') + 'duration'.length;
    assert.equal(head[at], 0x00, 'an AMF0 number follows the key');
    head.writeDoubleBE(0, at + 1);
    assert.equal(flvFacts(head)?.durationSeconds, null);
    assert.equal(flvFacts(Buffer.from('FLV\x01\x05\x00\x00\x00\x09\x00\x00\x00\x00', 'latin1')), undefined);
  });

  test('a virtual 4 GiB mp4 with its moov at the end costs a few KiB in a few requests', async () => {
    const body = virtualMoovLastMp4();
    assert.equal(body.size, 4 * 1024 ** 3);
    const ranges: [number, number][] = [];
    const answer = await readMediaFacts(body.size, async (start, end) => {
      ranges.push([start, end]);
      return bodyBytes({ body: Buffer.alloc(0), sparse: body }, start, end + 1);
    });
    assert.equal(answer.state, 'read');
    if (answer.state !== 'read') return;
    assert.ok(Math.abs(answer.facts.durationSeconds! - 3) < 0.1);
    assert.ok(answer.read.requests <= 4, `${answer.read.requests} requests`);
    assert.ok(answer.read.bytes < 8 * 1024, `${answer.read.bytes} bytes`);
    assert.deepEqual(answer.read, { requests: ranges.length, bytes: ranges.reduce((sum, [s, e]) => sum + e - s + 1, 0) });
  });

  test('a read past the budget is refused before it is sent: unreadable within budget', async () => {
    const body = file('matroska.mkv');
    const { fetch, ranges } = memory(body);
    const answer = await readMediaFacts(body.length, fetch, { maxRequests: 1, maxBytes: 1024 * 1024 });
    assert.equal(answer.state, 'unreadable');
    assert.match(answer.state === 'unreadable' ? answer.reason : '', /within 1 ranged requests/);
    assert.equal(ranges.length, 1);
    const small = await readMediaFacts(body.length, memory(body).fetch, { maxRequests: 10, maxBytes: 2048 });
    assert.equal(small.state, 'unreadable');
    assert.ok(small.read.bytes <= 2048);
  });
});
