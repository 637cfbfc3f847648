/** The BoundedReader every media reader goes through, the codec name table and the restore header. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BoundedReader, MediaBudgetExceeded, MediaShortRead } from '../../../../api/src/media/budget';
import { codecOfFlvAudio, codecOfFlvVideo, codecOfIsobmff, codecOfMediabunny } from '../../../../api/src/media/codecNames';
import { coldStorageClassOf, isRestoreFinished, parseRestoreHeader } from '../../../../api/src/media/objectMedia';

const body = Buffer.from(Array.from({ length: 10_000 }, (_, i) => i % 251));

function counted(): { reader: (budget?: { maxRequests: number; maxBytes: number }) => BoundedReader; sent: [number, number][] } {
  const sent: [number, number][] = [];
  return {
    sent,
    reader: (budget) =>
      new BoundedReader(
        body.length,
        async (start, end) => {
          sent.push([start, end]);
          return body.subarray(start, end + 1);
        },
        budget,
      ),
  };
}

describe('BoundedReader', () => {
  test('serves held bytes from memory and fetches only what is missing, across chunks', async () => {
    const { reader, sent } = counted();
    const r = reader();
    assert.deepEqual(await r.read(0, 100), body.subarray(0, 100));
    assert.deepEqual(await r.read(100, 200, 1000), body.subarray(100, 200));
    assert.deepEqual(await r.read(50, 1101), body.subarray(50, 1101));
    assert.deepEqual(await r.read(20, 80), body.subarray(20, 80));
    assert.deepEqual(sent, [
      [0, 99],
      [100, 1099],
      [1100, 1100],
    ]);
    assert.deepEqual(r.cost, { requests: 3, bytes: 1101 });
  });

  test('clips to the object, and reads past its end are empty without a request', async () => {
    const { reader, sent } = counted();
    const r = reader();
    assert.equal((await r.read(9_990, 20_000)).length, 10);
    assert.equal((await r.read(10_000, 10_016)).length, 0);
    assert.deepEqual(sent, [[9_990, 9_999]]);
  });

  test('refuses the request that would pass the budget, before sending it', async () => {
    const { reader, sent } = counted();
    const r = reader({ maxRequests: 2, maxBytes: 1000 });
    await r.read(0, 10);
    await assert.rejects(r.read(100, 1200), MediaBudgetExceeded);
    await r.read(100, 200);
    await assert.rejects(r.read(300, 310), MediaBudgetExceeded);
    assert.equal(sent.length, 2);
    assert.ok(r.exceeded);
    assert.ok(r.cost.bytes <= 1000);
  });

  test('a short answer (the object changed, a proxy ignored Range) is an error, not bytes', async () => {
    const r = new BoundedReader(1000, async () => Buffer.alloc(3));
    await assert.rejects(r.read(0, 10), MediaShortRead);
  });
});

describe('codec names as ffprobe says them', () => {
  test('one table per parser', () => {
    assert.equal(codecOfIsobmff('avc1.42c01e'), 'h264');
    assert.equal(codecOfIsobmff('hvc1.1.6.L93.B0'), 'hevc');
    assert.equal(codecOfIsobmff('mp4a.40.2'), 'aac');
    assert.equal(codecOfIsobmff('mp4a.6B'), 'mp3');
    assert.equal(codecOfIsobmff('sowt'), 'pcm_s16le');
    assert.equal(codecOfIsobmff('vp09.00.10.08'), 'vp9');
    assert.equal(codecOfMediabunny('avc'), 'h264');
    assert.equal(codecOfMediabunny('pcm-u8'), 'pcm_u8');
    assert.equal(codecOfMediabunny('pcm-s16'), 'pcm_s16le');
    assert.equal(codecOfFlvVideo(2), 'flv1');
    assert.equal(codecOfFlvVideo(7), 'h264');
    assert.equal(codecOfFlvAudio(2), 'mp3');
    assert.equal(codecOfFlvAudio(10), 'aac');
  });
});

describe('cold storage and x-oss-restore', () => {
  test('Archive, ColdArchive and DeepColdArchive are cold; a finished, unexpired restore makes them readable', () => {
    assert.equal(coldStorageClassOf('Archive'), 'Archive');
    assert.equal(coldStorageClassOf('DeepColdArchive'), 'DeepColdArchive');
    assert.equal(coldStorageClassOf('IA'), undefined);
    assert.deepEqual(parseRestoreHeader('ongoing-request="true"'), { ongoing: true });
    const done = parseRestoreHeader('ongoing-request="false", expiry-date="Sun, 16 Apr 2017 08:12:33 GMT"');
    assert.deepEqual(done, { ongoing: false, expiryDate: 'Sun, 16 Apr 2017 08:12:33 GMT' });
    assert.equal(isRestoreFinished(done, Date.parse('2017-04-16T08:00:00Z')), true);
    assert.equal(isRestoreFinished(done, Date.parse('2017-04-17T00:00:00Z')), false, 'expired copy');
    assert.equal(isRestoreFinished({ ongoing: true }), false);
    assert.equal(isRestoreFinished(undefined), false);
  });
});
