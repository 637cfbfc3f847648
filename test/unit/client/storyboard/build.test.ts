/**
 * The storyboard panel's drawing from the core's layout: clips placed by the layout's seconds, unknown lengths
 * hatched at a nominal width, a dropped transition greyed with its reason, music under the clips, the cut line,
 * each element's entry range and problems, and thumbnails only where the source gives one.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MediaFacts } from '../../../../core/src/index';
import { buildStoryboard } from '../../../../client/src/storyboard/build';
import type { StoryboardInput } from '../../../../client/src/storyboard/content';

const ROOT = join(__dirname, '../../../..');
const facts = (durationSeconds: number): MediaFacts => ({
  container: 'mp4',
  durationSeconds,
  durationEstimated: false,
  video: { codec: 'h264', width: 160, height: 90, frameRate: 15 },
  audio: null,
});
const input = (text: string, extra: Partial<StoryboardInput> = {}): StoryboardInput => ({
  text,
  fileName: 'job.highlight.yaml',
  problems: [],
  mediaFacts: () => undefined,
  imageOf: () => undefined,
  ...extra,
});

test("the demo's Concat job: two clips to scale, the fade at their join, the output's estimated length", () => {
  const { view, ranges } = buildStoryboard(input(readFileSync(join(ROOT, 'demo/concat.highlight.yaml'), 'utf8')));
  const clips = view.elements.filter((e) => e.kind === 'clip');
  assert.deepEqual(
    clips.map((c) => [c.title, c.startSeconds, c.lengthSeconds, c.lengthKnown]),
    [
      ['keynote.mp4', 0, 30, true],
      ['product-demo.mp4', 29, 45, true],
    ],
  );
  const [fade] = view.elements.filter((e) => e.kind === 'transition');
  assert.equal(fade!.title, 'fade');
  assert.equal(fade!.startSeconds, 29, 'where the second clip starts, overlapping the first by its Duration');
  assert.equal(fade!.dropped, false);
  assert.equal(view.outputSeconds, 74);
  assert.match(view.summary, /74 s/);
  assert.match(view.note, /estimate/);
  assert.match(clips[0]!.accessibleName, /Sources\[0\].*keynote\.mp4.*12 s.*42 s/);
  // Ranges are the Sources items, zero-based lines: the first item starts on line 4 (`  - URI: …`).
  assert.equal(ranges.get('clip:0')!.start.line, 4);
  assert.equal(ranges.get('clip:1')!.start.line, 7);
  assert.equal(ranges.get('transition:0')!.start.line, 14);
});

test('a clip without Duration and without facts is hatched at a nominal width; with facts it is drawn to scale', () => {
  const job = 'Type: Concat\nSources:\n  - URI: oss://b/a.mp4\n    Duration: 20\n  - URI: oss://b/b.mp4\n    StartTime: 5\n';
  const unknown = buildStoryboard(input(job)).view.elements.find((e) => e.id === 'clip:1')!;
  assert.equal(unknown.lengthKnown, false);
  assert.equal(unknown.lengthSeconds, 20, 'the mean of the known lengths');
  assert.match(unknown.accessibleName, /length unknown/);
  const known = buildStoryboard(input(job, { mediaFacts: (uri) => (uri === 'oss://b/b.mp4' ? facts(65) : undefined) })).view;
  const clip = known.elements.find((e) => e.id === 'clip:1')!;
  assert.deepEqual([clip.lengthKnown, clip.startSeconds, clip.lengthSeconds], [true, 20, 60]);
  assert.equal(known.outputSeconds, 80);
});

test('a transition longer than its clip minus 1 s is greyed with the reason; the cut line fades what lies past it', () => {
  const job = [
    'Type: Concat',
    'Sources:',
    '  - URI: oss://b/a.mp4',
    '    Duration: 2',
    '  - URI: oss://b/b.mp4',
    '    Duration: 30',
    '  - URI: oss://b/c.mp4',
    '    Duration: 10',
    'Edit:',
    '  TransitionMode: Sequential',
    '  Transitions:',
    '    - Transition: wipe',
    '      Duration: 1.5',
    'Output:',
    '  URI: oss://b/out.mp4',
    '  MaxDuration: 25',
    '',
  ].join('\n');
  const { view } = buildStoryboard(input(job));
  const [onFirst, onSecond] = view.elements.filter((e) => e.kind === 'transition');
  assert.equal(onFirst!.dropped, true);
  assert.match(onFirst!.accessibleName, /drops it/);
  assert.equal(onSecond!.dropped, false);
  assert.equal(view.cutSeconds, 25);
  const past = view.elements.find((e) => e.id === 'clip:2')!;
  assert.equal(past.startSeconds, 30.5);
  assert.equal(past.pastCut, true);
  assert.equal(view.elements.find((e) => e.id === 'clip:1')!.pastCut, false);
});

test('music is a bar from 0 as long as its facts say; problems on an entry are marked on its element; thumbnails come from imageOf', () => {
  const job = [
    'Type: Concat',
    'Sources:',
    '  - URI: oss://b/a.mp4',
    '    Duration: 10',
    'Edit:',
    '  BackgroundMusicMode: Sequential',
    '  BackgroundMusics:',
    '    - URI: oss://b/song.mp3',
    '',
  ].join('\n');
  const { view } = buildStoryboard(
    input(job, {
      mediaFacts: (uri) => (uri === 'oss://b/song.mp3' ? facts(40) : undefined),
      problems: [
        { range: { start: { line: 2, character: 11 }, end: { line: 2, character: 27 } }, message: 'The object does not exist.', severity: 1 },
        { range: { start: { line: 2, character: 11 }, end: { line: 2, character: 27 } }, message: 'Only a hint.', severity: 4 },
      ],
      imageOf: (uri, start) => (uri === 'oss://b/a.mp4' ? `https://b.oss-cn-hangzhou.aliyuncs.com/a.mp4?t=${start}` : undefined),
    }),
  );
  const music = view.elements.find((e) => e.kind === 'music')!;
  assert.deepEqual([music.startSeconds, music.lengthSeconds, music.lengthKnown, music.dropped], [0, 40, true, false]);
  assert.match(music.accessibleName, /longer than the output/);
  const clip = view.elements.find((e) => e.kind === 'clip')!;
  assert.deepEqual(clip.problems, ['error: The object does not exist.'], 'errors and warnings are marked, hints are not');
  assert.equal(clip.problem, 'error');
  assert.match(clip.accessibleName, /Problems: error: The object does not exist\./);
  assert.equal(clip.imageUrl, 'https://b.oss-cn-hangzhou.aliyuncs.com/a.mp4?t=0');
  assert.equal(view.extentSeconds >= 40, true, 'the ruler reaches the end of the music');
});

test('Retrieval: the sources end to end and the reel of at most MaxDuration; no sources: nothing to draw', () => {
  const job =
    'Type: Retrieval\nSources:\n  - URI: oss://b/a.mp4\n  - URI: oss://b/b.mp4\nHighlight:\n  Content: Sports\nOutput:\n  URI: oss://b/o.mp4\n  MaxDuration: 30\n';
  const { view, ranges } = buildStoryboard(input(job, { mediaFacts: () => facts(100) }));
  assert.deepEqual(
    view.elements.map((e) => [e.kind, e.startSeconds, e.lengthSeconds]),
    [
      ['source', 0, 100],
      ['source', 100, 100],
      ['reel', 0, 30],
    ],
  );
  assert.equal(view.elements[2]!.title, 'Sports');
  assert.equal(ranges.get('reel')!.start.line, 8);
  assert.equal(view.cutSeconds, null);
  const empty = buildStoryboard(input('Type: Concat\n')).view;
  assert.equal(empty.elements.length, 0);
  assert.ok(empty.empty);
});

test('under TransitionMode Random a join may get any transition: its element reveals the whole Transitions list', () => {
  const job = [
    'Type: Concat',
    'Sources:',
    '  - URI: oss://b/a.mp4',
    '    Duration: 10',
    '  - URI: oss://b/b.mp4',
    '    Duration: 10',
    'Edit:',
    '  TransitionMode: Random',
    '  Transitions:',
    '    - Transition: fade',
    '      Duration: 1',
    '    - Transition: wipe',
    '      Duration: 2',
    '',
  ].join('\n');
  const { view, ranges } = buildStoryboard(input(job));
  const join = view.elements.find((e) => e.id === 'transition:0')!;
  assert.match(join.title, /fade, wipe/);
  assert.equal(ranges.get('transition:0')!.start.line, 8, 'the Transitions key');
});
