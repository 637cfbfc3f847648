/** How media facts read in the inlay hint and the hover. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { MediaAnswer, ObjectAnswer } from '../../../../core/src/cloud/answers';
import { mediaFactRows, mediaHintLabel } from '../../../../core/src/cloud/mediaText';

const clip: MediaAnswer = {
  state: 'read',
  facts: {
    container: 'mp4',
    durationSeconds: 40.107,
    durationEstimated: false,
    video: { codec: 'h264', width: 96, height: 54, frameRate: 29.97002997 },
    audio: { codec: 'aac', sampleRate: 44100, channels: 2 },
  },
  read: { requests: 3, bytes: 69 * 1024 },
};
const song: MediaAnswer = {
  state: 'read',
  facts: { container: 'aac', durationSeconds: 181.25, durationEstimated: true, video: null, audio: { codec: 'aac', sampleRate: 48000, channels: 1 } },
  read: { requests: 1, bytes: 4096 },
};
const head = (extra: Record<string, unknown> = {}): ObjectAnswer =>
  ({ state: 'found', contentType: 'video/mp4', size: 3_565_158, lastModified: undefined, ...extra }) as ObjectAnswer;

describe('the inlay hint after a URI', () => {
  test('length to a tenth, size and codec of the video; the audio codec when there is no video; an estimate marked', () => {
    assert.equal(mediaHintLabel(clip), '40.1 s · 96×54 · h264');
    assert.equal(mediaHintLabel(song), '≈181.3 s · aac');
  });

  test('what is not known is left out; cold, unreadable and failed objects say so or nothing', () => {
    assert.equal(mediaHintLabel({ ...clip, facts: { ...clip.facts, durationSeconds: null } } as MediaAnswer), '96×54 · h264');
    assert.equal(mediaHintLabel({ state: 'archived', storageClass: 'Archive' }), 'Archive, not restored');
    assert.equal(mediaHintLabel({ state: 'unreadable', reason: 'no moov', read: { requests: 2, bytes: 10 } }), 'not readable as media');
    assert.equal(
      mediaHintLabel({ state: 'failed', failure: { reason: 'timeout', operation: 'GetObject', permission: 'oss:GetObject', detail: '' } }),
      undefined,
    );
  });
});

describe('the hover rows of a URI', () => {
  test('container, duration, streams with frame rate, size, storage class and what reading cost', () => {
    assert.deepEqual(mediaFactRows(clip, head({ storageClass: 'Standard' })), [
      { label: 'Container', value: 'mp4' },
      { label: 'Duration', value: '40.107 s' },
      { label: 'Video', value: 'h264, 96×54, 29.97 fps' },
      { label: 'Audio', value: 'aac, 44100 Hz, 2 channels' },
      { label: 'Size', value: '3.4 MB' },
      { label: 'Storage class', value: 'Standard' },
      { label: 'Read', value: '3 ranged requests, 69.0 KB' },
    ]);
  });

  test('an estimated duration says so; no video says none; no storage class in the answer, no row', () => {
    const rows = mediaFactRows(song, head());
    assert.deepEqual(rows.slice(0, 4), [
      { label: 'Container', value: 'aac' },
      { label: 'Duration', value: '181.25 s (an estimate)' },
      { label: 'Video', value: 'none' },
      { label: 'Audio', value: 'aac, 48000 Hz, 1 channel' },
    ]);
    assert.ok(!rows.some((row) => row.label === 'Storage class'));
  });

  test('an archived object: its class, not restored, and its size', () => {
    assert.deepEqual(mediaFactRows({ state: 'archived', storageClass: 'DeepColdArchive' }, head({ storageClass: 'DeepColdArchive' })), [
      { label: 'Size', value: '3.4 MB' },
      { label: 'Storage class', value: 'DeepColdArchive, not restored' },
    ]);
  });
});
