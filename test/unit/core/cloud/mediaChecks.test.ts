/** The media checks: each code at its exact value range, at the value it is reported on, with the deciding fact in its message. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { parseJob } from '../../../../core/src/parse/document';
import type { CloudAnswers, MediaAnswer, ObjectAnswer } from '../../../../core/src/cloud/answers';
import { cloudDiagnostics } from '../../../../core/src/cloud/diagnostics';
import type { MediaFacts } from '../../../../core/src/cloud/mediaFacts';
import { cloudResources } from '../../../../core/src/cloud/resources';

const video = (durationSeconds: number | null, codec = 'h264', width = 96, height = 54, extra: Partial<MediaFacts> = {}): MediaAnswer => ({
  state: 'read',
  facts: {
    container: 'mp4',
    durationSeconds,
    durationEstimated: false,
    video: { codec, width, height, frameRate: 25 },
    audio: { codec: 'aac', sampleRate: 44100, channels: 2 },
    ...extra,
  },
  read: { requests: 2, bytes: 4096 },
});

/** Answers where every bucket and object of the job exists, with the given media answers and Content-Types. */
function answersFor(job: string, media: Record<string, MediaAnswer>, contentTypes: Record<string, string> = {}): CloudAnswers {
  const resources = cloudResources(parseJob(job));
  const found = (uri: string): ObjectAnswer => ({ state: 'found', contentType: contentTypes[uri] ?? 'video/mp4', size: 1000, lastModified: undefined });
  return {
    region: 'cn-hangzhou',
    project: { state: 'found' },
    buckets: new Map(resources.uris.map((u) => [u.bucket, { state: 'found', region: 'cn-hangzhou' }] as const)),
    objects: new Map(resources.uris.filter((u) => u.field === 'source' || u.field === 'music').map((u) => [u.uri, found(u.uri)] as const)),
    media: new Map(Object.entries(media)),
  };
}

function check(job: string, media: Record<string, MediaAnswer>, contentTypes: Record<string, string> = {}): Diagnostic[] {
  return cloudDiagnostics(cloudResources(parseJob(job)), answersFor(job, media, contentTypes));
}

/** code, severity, and the text under the finding's range. */
function where(job: string, found: readonly Diagnostic[]): [string, DiagnosticSeverity | undefined, string][] {
  const lines = job.split('\n');
  return found.map((d) => [String(d.code), d.severity, lines[d.range.start.line]!.slice(d.range.start.character, d.range.end.character)]);
}

function concat(sources: string, output = 'Output:\n  URI: oss://media/out.mp4\n  Container: mp4\n'): string {
  return `ProjectName: p\nType: Concat\nSources:\n${sources}${output}`;
}

describe('media-start-past-end and media-clip-past-end', () => {
  test('StartTime at the end is an error on the StartTime value, with the length in the message; just before it is not', () => {
    const job = concat('  - URI: oss://media/a.mp4\n    StartTime: 40.1\n  - URI: oss://media/b.mp4\n    StartTime: 40.09\n');
    const found = check(job, { 'oss://media/a.mp4': video(40.1), 'oss://media/b.mp4': video(40.1) });
    assert.deepEqual(where(job, found), [['media-start-past-end', DiagnosticSeverity.Error, '40.1']]);
    assert.equal(
      found[0]!.message,
      'StartTime 40.1 s is at or past the end of oss://media/a.mp4: the video is 40.1 s long, so this clip would be empty. Choose a StartTime below 40.1.',
    );
  });

  test('StartTime + Duration past the end is a warning on the Duration value; exactly at the end is not', () => {
    const job = concat(
      '  - URI: oss://media/a.mp4\n    StartTime: 10\n    Duration: 30.2\n' +
        '  - URI: oss://media/a.mp4\n    StartTime: 10\n    Duration: 30.1\n' +
        '  - URI: oss://media/b.mp4\n    Duration: 41\n' +
        '  - URI: oss://media/b.mp4\n    Duration: 0\n',
    );
    const found = check(job, { 'oss://media/a.mp4': video(40.1), 'oss://media/b.mp4': video(40.107) });
    assert.deepEqual(where(job, found), [
      ['media-clip-past-end', DiagnosticSeverity.Warning, '30.2'],
      ['media-clip-past-end', DiagnosticSeverity.Warning, '41'],
    ]);
    assert.equal(
      found[0]!.message,
      'StartTime 10 s + Duration 30.2 s ends at 40.2 s, past the end of oss://media/a.mp4: the video is 40.1 s long, so the clip is 30.1 s, not 30.2 s.',
    );
    assert.equal(found[1]!.message, 'Duration 41 s runs past the end of oss://media/b.mp4: the video is 40.107 s long, so the clip is 40.107 s, not 41 s.');
  });

  test('a StartTime past the end is reported once, not again as a clip past the end', () => {
    const job = concat('  - URI: oss://media/a.mp4\n    StartTime: 50\n    Duration: 5\n');
    assert.deepEqual(
      where(job, check(job, { 'oss://media/a.mp4': video(40) })).map(([code]) => code),
      ['media-start-past-end'],
    );
  });

  test('only for Concat, and never on an estimated or unknown duration', () => {
    const sources = '  - URI: oss://media/a.mp4\n    StartTime: 50\n';
    assert.deepEqual(check(concat(sources).replace('Type: Concat', 'Type: Compose'), { 'oss://media/a.mp4': video(40) }), []);
    assert.deepEqual(check(concat(sources), { 'oss://media/a.mp4': video(40, 'h264', 96, 54, { durationEstimated: true }) }), []);
    assert.deepEqual(check(concat(sources), { 'oss://media/a.mp4': video(null) }), []);
    assert.deepEqual(check(concat(sources), {}), []);
  });
});

describe('media-no-video-stream and media-no-audio-stream', () => {
  const job =
    'ProjectName: p\nType: Compose\nSources:\n  - URI: oss://media/song.mp4\n' +
    'Edit:\n  Mode: Sequential\n  BackgroundMusicMode: Sequential\n  BackgroundMusics:\n    - URI: oss://media/silent.mp4\n' +
    'Output:\n  URI: oss://media/out.mp4\n  Container: mp4\n';
  const audioOnly: MediaAnswer = {
    state: 'read',
    facts: { container: 'mp4', durationSeconds: 3, durationEstimated: false, video: null, audio: { codec: 'aac', sampleRate: 44100, channels: 2 } },
    read: { requests: 2, bytes: 900 },
  };
  const videoOnly: MediaAnswer = {
    state: 'read',
    facts: { container: 'mp4', durationSeconds: 3, durationEstimated: false, video: { codec: 'h264', width: 96, height: 54, frameRate: 25 }, audio: null },
    read: { requests: 2, bytes: 900 },
  };

  test('errors on the URI values, naming the stream that is there', () => {
    const found = check(job, { 'oss://media/song.mp4': audioOnly, 'oss://media/silent.mp4': videoOnly }, { 'oss://media/silent.mp4': 'audio/mp4' });
    assert.deepEqual(where(job, found), [
      ['media-no-video-stream', DiagnosticSeverity.Error, 'oss://media/song.mp4'],
      ['media-no-audio-stream', DiagnosticSeverity.Error, 'oss://media/silent.mp4'],
    ]);
    assert.equal(found[0]!.message, 'oss://media/song.mp4 holds no video stream, only aac audio (mp4): a source must be a video.');
    assert.equal(found[1]!.message, 'oss://media/silent.mp4 holds no audio stream, only h264 video (mp4): background music must be audio.');
  });

  test('known facts replace the Content-Type guess; unknown facts leave it', () => {
    const labelledAudio = { 'oss://media/song.mp4': 'audio/mp4', 'oss://media/silent.mp4': 'video/mp4' };
    assert.deepEqual(
      where(job, check(job, {}, labelledAudio)).map(([code]) => code),
      ['oss-not-video', 'oss-not-audio'],
    );
    assert.deepEqual(where(job, check(job, { 'oss://media/song.mp4': video(3), 'oss://media/silent.mp4': audioOnly }, labelledAudio)), []);
    assert.deepEqual(
      where(job, check(job, { 'oss://media/song.mp4': audioOnly, 'oss://media/silent.mp4': audioOnly }, labelledAudio)).map(([code]) => code),
      ['media-no-video-stream'],
    );
  });
});

describe('media-transition-ignored', () => {
  const facts = {
    'oss://media/a.mp4': video(10),
    'oss://media/b.mp4': video(7.5),
    'oss://media/c.mp4': video(10),
    'oss://media/d.mp4': video(1),
  };
  // b's clip is the rest of its video from StartTime 5: 2.5 s, so a transition on it may last at most 1.5 s.
  const sources = '  - URI: oss://media/a.mp4\n  - URI: oss://media/b.mp4\n    StartTime: 5\n  - URI: oss://media/c.mp4\n  - URI: oss://media/d.mp4\n';
  const job = (mode: string, second: string) =>
    `ProjectName: p\nType: Concat\nSources:\n${sources}Edit:\n  Mode: Sequential\n  TransitionMode: ${mode}\n  Transitions:\n` +
    `    - Transition: fade\n      Duration: 2\n    - Transition: wipeleft\n      Duration: ${second}\n` +
    'Output:\n  URI: oss://media/out.mp4\n  Container: mp4\n  Video:\n    TranscodeVideo:\n      Codec: h264\n';

  test('Sequential: the transition of a join whose clip is too short, on its Duration, naming the clip; at exactly clip − 1 s it stays', () => {
    const text = job('Sequential', '1.6');
    const found = check(text, facts);
    assert.deepEqual(where(text, found), [['media-transition-ignored', DiagnosticSeverity.Warning, '1.6']]);
    assert.equal(
      found[0]!.message,
      'Transition "wipeleft" (1.6 s) lands on the clip of Sources[1] (oss://media/b.mp4), which is 2.5 s long: IMM drops a transition longer than its clip minus 1 s, so it will not show there.',
    );
    assert.deepEqual(check(job('Sequential', '1.5'), facts), []);
  });

  test('Random: any transition may land on any join, so each one too long for some clip is warned, as a possibility', () => {
    const text = job('Random', '1.6');
    const found = check(text, facts);
    assert.deepEqual(where(text, found), [
      ['media-transition-ignored', DiagnosticSeverity.Warning, '2'],
      ['media-transition-ignored', DiagnosticSeverity.Warning, '1.6'],
    ]);
    assert.match(found[0]!.message, /^Transition "fade" \(2 s\) may land on the clip of Sources\[1\] \(oss:\/\/media\/b\.mp4\), which is 2\.5 s long/);
  });

  test('no finding when the list is not used (Auto, Closed), for the last clip, or on an estimated length', () => {
    assert.deepEqual(check(job('Auto', '1.6'), facts), []);
    assert.deepEqual(check(job('Closed', '1.6'), facts), []);
    // d (1 s) is the last clip: no join follows it.
    assert.deepEqual(check(job('Sequential', '1'), { ...facts, 'oss://media/b.mp4': video(100) }), []);
    const estimated = { ...facts, 'oss://media/b.mp4': video(7.5, 'h264', 96, 54, { durationEstimated: true }) };
    assert.deepEqual(check(job('Sequential', '1.6'), estimated), []);
  });
});

describe('media-mixed-streams', () => {
  const sources = '  - URI: oss://media/a.mp4\n  - URI: oss://media/b.mp4\n  - URI: oss://media/c.mp4\n';
  const facts = { 'oss://media/a.mp4': video(10), 'oss://media/b.mp4': video(10), 'oss://media/c.mp4': video(10, 'hevc', 1920, 1080) };

  test('video copied because Output.Video is absent: a warning on the first differing Source, naming both', () => {
    const job = concat(sources);
    const found = check(job, facts);
    assert.deepEqual(where(job, found), [['media-mixed-streams', DiagnosticSeverity.Warning, 'oss://media/c.mp4']]);
    assert.equal(
      found[0]!.message,
      'The sources are joined without re-encoding (Output.Video is not set, so the first video stream is copied), but oss://media/c.mp4 is hevc 1920×1080 while oss://media/a.mp4 is h264 96×54. Set Output.Video.TranscodeVideo.Codec (e.g. h264) to re-encode them.',
    );
  });

  test('a size alone differs too; Codec copy or unset copies; a real codec or no video output does not', () => {
    const sized = { ...facts, 'oss://media/c.mp4': video(10, 'h264', 96, 56) };
    const out = (video: string): string => `Output:\n  URI: oss://media/out.mp4\n  Container: mp4\n  Video:\n${video}`;
    assert.equal(check(concat(sources), sized)[0]?.code, 'media-mixed-streams');
    assert.match(check(concat(sources, out('    TranscodeVideo:\n      Codec: copy\n')), facts)[0]!.message, /\(TranscodeVideo\.Codec is copy\)/);
    assert.match(check(concat(sources, out('    TranscodeVideo:\n      CRF: 23\n')), facts)[0]!.message, /\(TranscodeVideo\.Codec is not set, so it is copy\)/);
    assert.deepEqual(check(concat(sources, out('    TranscodeVideo:\n      Codec: h264\n')), facts), []);
    assert.deepEqual(check(concat(sources, out('    DisableVideo: true\n')), facts), []);
    assert.deepEqual(check(concat(sources), { ...facts, 'oss://media/c.mp4': video(10) }), []);
    assert.deepEqual(check(concat(sources).replace('Type: Concat', 'Type: Retrieval'), facts), []);
  });
});

describe('oss-object-archived, media-unreadable and a read that failed', () => {
  const job =
    'ProjectName: p\nType: Concat\nSources:\n  - URI: oss://media/cold.mp4\n  - URI: oss://media/broken.mp4\n  - URI: oss://media/slow.mp4\n' +
    'Output:\n  URI: oss://media/out.mp4\n  Container: mp4\n';

  test("each on its URI value, with the storage class, the reader's reason and the failure", () => {
    const found = check(job, {
      'oss://media/cold.mp4': { state: 'archived', storageClass: 'ColdArchive' },
      'oss://media/broken.mp4': { state: 'unreadable', reason: 'The file cannot be read as media: no moov box.', read: { requests: 3, bytes: 2048 } },
      'oss://media/slow.mp4': { state: 'failed', failure: { reason: 'timeout', operation: 'GetObject', permission: 'oss:GetObject', detail: '' } },
    });
    assert.deepEqual(where(job, found), [
      ['oss-object-archived', DiagnosticSeverity.Error, 'oss://media/cold.mp4'],
      ['media-unreadable', DiagnosticSeverity.Warning, 'oss://media/broken.mp4'],
      ['cloud-check-failed', DiagnosticSeverity.Warning, 'oss://media/slow.mp4'],
    ]);
    assert.equal(
      found[0]!.message,
      'oss://media/cold.mp4 is in ColdArchive storage without a finished restore: IMM cannot read it. Restore the object, or change its storage class, before submitting.',
    );
    assert.equal(
      found[1]!.message,
      'oss://media/broken.mp4 could not be read as media. The file cannot be read as media: no moov box. IMM may not be able to read it either: check that the file plays.',
    );
    assert.match(found[2]!.message, /^Could not check the media of oss:\/\/media\/slow\.mp4: there was no answer in time/);
    assert.deepEqual(found[2]!.data, { reason: 'timeout' });
  });
});
