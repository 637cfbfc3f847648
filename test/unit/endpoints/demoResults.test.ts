/**
 * Issue 19, item 3: the demo's own tasks had no result (the local IMM endpoint wrote none) and its buckets held
 * 49-byte stubs. The demo's buckets now hold real media, and a task that succeeds has its output written into the
 * local OSS endpoint by the writer the demo gives the IMM endpoint.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { TaskStore, type TaskRequest } from '../../endpoints/imm/tasks';
import { demoBuckets, OssState, SAMPLE_BUCKETS } from '../../endpoints/oss/state';
import { ossOutputWriter } from '../../support/ossOutputWriter';
import { demoMedia } from '../../fixtures/media/index';

/** The top-level boxes of an MP4, in order. */
function boxes(body: Buffer): string[] {
  const names: string[] = [];
  for (let at = 0; at + 8 <= body.length;) {
    const size = body.readUInt32BE(at);
    names.push(body.toString('latin1', at + 4, at + 8));
    if (size < 8) break;
    at += size;
  }
  return names;
}

function finish(store: TaskStore, request: TaskRequest): Record<string, unknown> {
  const task = store.create('immtest', request, undefined, undefined);
  for (;;) {
    const view = store.poll(task);
    if (view['Status'] !== 'Running') return view;
  }
}

const concat = (output: TaskRequest['Output']): TaskRequest => ({
  Type: 'Concat',
  Sources: [{ URI: 'oss://test-bucket/videos/keynote.mp4' }, { URI: 'oss://test-bucket/videos/product-demo.mp4' }],
  Output: output,
});

describe('the demo closes the loop: real media, and results written on success', () => {
  it('seeds every video of the demo buckets with a playable MP4 (moov before mdat) and the music with real audio', () => {
    const videos = demoBuckets().flatMap((bucket) => (bucket.objects ?? []).filter((object) => object.contentType?.startsWith('video/')));
    assert.equal(videos.length, SAMPLE_BUCKETS.flatMap((bucket) => bucket.objects ?? []).filter((object) => object.contentType?.startsWith('video/')).length);
    for (const video of videos) {
      const body = video.body as Buffer;
      assert.ok(Buffer.isBuffer(body) && body.length > 10_000 && body.length < 250_000, `${video.key}: ${body.length} bytes`);
      const order = boxes(body);
      assert.equal(order[0], 'ftyp', video.key);
      assert.ok(order.indexOf('moov') !== -1 && order.indexOf('moov') < order.indexOf('mdat'), `${video.key}: ${order.join(' ')}`);
    }
    const music = demoBuckets()
      .flatMap((bucket) => bucket.objects ?? [])
      .filter((object) => object.contentType?.startsWith('audio/'));
    assert.ok(music.length >= 2);
    for (const track of music) assert.ok(Buffer.isBuffer(track.body) && track.body.length > 5_000, track.key);
  });

  it("writes the first source's bytes at Output.URI when the task succeeds, not before", () => {
    const state = new OssState(demoBuckets());
    const source = state.buckets.get('test-bucket')!.objects.get('videos/keynote.mp4')!;
    const store = new TaskStore(ossOutputWriter(state));
    const task = store.create('immtest', concat({ URI: 'oss://test-bucket/out/reel.mp4' }), undefined, undefined);
    assert.equal(store.poll(task)['Status'], 'Running');
    assert.equal(state.buckets.get('test-bucket')!.objects.has('out/reel.mp4'), false, 'nothing before the task ends');
    while (store.poll(task)['Status'] === 'Running');
    const written = state.buckets.get('test-bucket')!.objects.get('out/reel.mp4');
    assert.ok(written?.body.equals(source.body));
    assert.equal(written?.contentType, 'video/mp4');
  });

  it('writes an HLS playlist at Output.URI and its segments beside it, named as the extension lists them', () => {
    const state = new OssState(demoBuckets());
    const view = finish(new TaskStore(ossOutputWriter(state)), concat({ URI: 'oss://test-bucket/out/reel.m3u8', Segment: { Format: 'hls' } }));
    assert.equal(view['Status'], 'Succeeded');
    const objects = state.buckets.get('test-bucket')!.objects;
    const playlist = objects.get('out/reel.m3u8')!.body.toString('utf8');
    const segments = playlist.split('\n').filter((line) => line && !line.startsWith('#'));
    assert.deepEqual(
      segments,
      demoMedia().hls.segments.map((_, index) => `reel-${index}.ts`),
    );
    segments.forEach((name, index) => assert.ok(objects.get(`out/${name}`)?.body.equals(demoMedia().hls.segments[index]!.body), name));
    assert.match(playlist, /#EXT-X-ENDLIST/);
  });

  it('fails the task, as IMM does, when the output cannot be written', () => {
    const state = new OssState(demoBuckets());
    const failed = finish(new TaskStore(ossOutputWriter(state)), concat({ URI: 'oss://no-such-bucket/out/reel.mp4' }));
    assert.equal(failed['Status'], 'Failed');
    assert.match(String(failed['Message']), /no-such-bucket/);
  });
});
