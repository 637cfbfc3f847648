/** The storyboard's layout: a job and the media facts become clips, joins, transitions, music, total and cut. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseJob } from '../../../../core/src/parse/document';
import type { MediaFacts } from '../../../../core/src/cloud/mediaFacts';
import { storyboardJson, storyboardLayout, type MediaFactsLookup } from '../../../../core/src/storyboard/layout';

function video(durationSeconds: number | null, durationEstimated = false): MediaFacts {
  return {
    container: 'mp4',
    durationSeconds,
    durationEstimated,
    video: { codec: 'h264', width: 96, height: 54, frameRate: 25 },
    audio: { codec: 'aac', sampleRate: 44100, channels: 2 },
  };
}

function audio(durationSeconds: number): MediaFacts {
  return { container: 'mp3', durationSeconds, durationEstimated: false, video: null, audio: { codec: 'mp3', sampleRate: 44100, channels: 2 } };
}

function factsFrom(entries: Record<string, MediaFacts>): MediaFactsLookup {
  return (uri) => entries[uri];
}

const NO_FACTS: MediaFactsLookup = () => undefined;

function concat(sources: string, edit = '', output = ''): string {
  return `ProjectName: p
Type: Concat
Sources:
${sources}
${edit ? `Edit:\n  Mode: Sequential\n${edit}\n` : ''}Output:
  URI: oss://out/reel.mp4
  Container: mp4
${output}`;
}

const THREE = `  - URI: oss://media/a.mp4
    StartTime: 2
    Duration: 10
  - URI: oss://media/b.mp4
    StartTime: 5
  - URI: oss://media/c.mp4
    Duration: 4`;

const FACTS = factsFrom({
  'oss://media/a.mp4': video(40.1),
  'oss://media/b.mp4': video(20),
  'oss://media/c.mp4': video(3.5),
  'oss://media/song.mp3': audio(60),
});

describe('storyboard layout: clips', () => {
  test('Concat clips lie in output order, each as long as its Duration or the rest of its video, to scale', () => {
    const layout = storyboardLayout(parseJob(concat(THREE)), FACTS);
    assert.deepEqual(
      layout.clips.map((c) => [c.index, c.fileName, c.startSeconds, c.lengthSeconds, c.endSeconds, c.atSeconds, c.lengthFrom]),
      [
        [0, 'a.mp4', 2, 10, 12, 0, 'job'],
        [1, 'b.mp4', 5, 15, 20, 10, 'facts'],
        // Duration 4 on a 3.5 s video: the clip ends with the video.
        [2, 'c.mp4', 0, 3.5, 3.5, 25, 'job'],
      ],
    );
    assert.equal(layout.clips[2]!.runsPastEnd, true);
    assert.equal(layout.timelineSeconds, 28.5);
    assert.equal(layout.outputSeconds, 28.5);
    assert.equal(layout.outputEstimated, false);
  });

  test('without facts, a clip without Duration has an unknown length and every clip after it an unknown start', () => {
    const layout = storyboardLayout(parseJob(concat(THREE)), NO_FACTS);
    assert.deepEqual(
      layout.clips.map((c) => [c.lengthSeconds, c.atSeconds, c.lengthFrom]),
      [
        [10, 0, 'job'],
        [null, 10, 'unknown'],
        [4, null, 'job'],
      ],
    );
    assert.equal(layout.outputSeconds, null);
  });

  test('Duration 0 means the rest of the video; a StartTime past the end leaves an empty clip', () => {
    const sources = `  - URI: oss://media/a.mp4
    StartTime: 30
    Duration: 0
  - URI: oss://media/b.mp4
    StartTime: 25`;
    const layout = storyboardLayout(parseJob(concat(sources)), FACTS);
    assert.deepEqual(
      layout.clips.map((c) => [c.lengthSeconds, c.startsPastEnd]),
      [
        [10.1, false],
        [0, true],
      ],
    );
  });

  test('each clip carries the range of its Sources item, for reveal and select', () => {
    const layout = storyboardLayout(parseJob(concat(THREE)), FACTS);
    assert.deepEqual(layout.clips[1]!.range, { start: { line: 6, character: 4 }, end: { line: 7, character: 16 } });
    assert.deepEqual(layout.clips[1]!.path, ['Sources', 1]);
  });

  test('Output.Speed stretches the output: atSeconds and the total are in output seconds', () => {
    const layout = storyboardLayout(parseJob(concat(THREE, '', '  Speed: 0.5\n')), FACTS);
    assert.deepEqual(
      layout.clips.map((c) => [c.lengthSeconds, c.outputLengthSeconds, c.atSeconds]),
      [
        [10, 20, 0],
        [15, 30, 20],
        [3.5, 7, 50],
      ],
    );
    assert.equal(layout.outputSeconds, 57);
    assert.ok(layout.assumptions.some((a) => a.includes('Output.Speed 0.5')));
  });
});

describe('storyboard layout: transitions', () => {
  test('Sequential: transitions go to the joins in order, cycling; one longer than its clip minus 1 s is dropped', () => {
    const sources = `  - URI: oss://media/a.mp4
    Duration: 10
  - URI: oss://media/b.mp4
    Duration: 2
  - URI: oss://media/a.mp4
    Duration: 10
  - URI: oss://media/b.mp4
    Duration: 8`;
    const edit = `  TransitionMode: Sequential
  Transitions:
    - Transition: fade
      Duration: 1.5
    - Transition: wipe
      Duration: 1`;
    const layout = storyboardLayout(parseJob(concat(sources, edit)), FACTS);
    // Joins 0 and 2 get fade (on clips 0 and 2, 10 s each); join 1 gets wipe, on the 2 s clip: 1 > 2 - 1 is false.
    assert.deepEqual(
      layout.joins.map((j) => [j.afterClip, j.transitions, j.dropped, j.overlapSeconds]),
      [
        [0, [0], false, 1.5],
        [1, [1], false, 1],
        [2, [0], false, 1.5],
      ],
    );
    assert.deepEqual(
      layout.transitions.map((x) => [x.transition, x.clips, x.clip, x.takesEffect]),
      [
        ['fade', [0, 2], 0, true],
        ['wipe', [1], 1, true],
      ],
    );
    // 10 + 2 + 10 + 8 - 1.5 - 1 - 1.5, an estimate: the overlap is an assumption.
    assert.equal(layout.outputSeconds, 26);
    assert.equal(layout.outputEstimated, true);
    assert.ok(layout.assumptions.some((a) => a.includes('crossfade')));
  });

  test('Sequential: a transition longer than its clip minus 1 s does not take effect, and the reason names the clip', () => {
    const sources = `  - URI: oss://media/a.mp4
    Duration: 2
  - URI: oss://media/b.mp4
    Duration: 8`;
    const edit = `  TransitionMode: Sequential
  Transitions:
    - Transition: fade
      Duration: 1.5`;
    const layout = storyboardLayout(parseJob(concat(sources, edit)), FACTS);
    const [fade] = layout.transitions;
    assert.equal(fade!.takesEffect, false);
    assert.equal(fade!.clip, 0);
    assert.match(fade!.reason!, /1\.5 s .*Sources\[0\].*2 s minus 1 s/);
    assert.equal(layout.joins[0]!.dropped, true);
    // A dropped transition overlaps nothing.
    assert.equal(layout.outputSeconds, 10);
    assert.deepEqual(fade!.range, { start: { line: 11, character: 6 }, end: { line: 12, character: 19 } });
  });

  test('an effective transition overlaps no more than the clip it fades into: the output is never shorter than a clip', () => {
    const sources = `  - URI: oss://media/a.mp4
    Duration: 10
  - URI: oss://media/b.mp4
    Duration: 6`;
    const edit = `  TransitionMode: Sequential
  Transitions:
    - Transition: fade
      Duration: 5`;
    // 5 s on the 10 s clip takes effect (5 <= 10 - 1); with the next clip 4 s long it can overlap only 4 s.
    const layout = storyboardLayout(parseJob(concat(sources.replace('Duration: 6', 'Duration: 4'), edit)), FACTS);
    assert.equal(layout.joins[0]!.overlapSeconds, 4);
    assert.equal(layout.outputSeconds, 10);
    assert.equal(storyboardLayout(parseJob(concat(sources, edit)), FACTS).outputSeconds, 11);
  });

  test('Sequential: a transition past the joins lands nowhere', () => {
    const sources = `  - URI: oss://media/a.mp4
    Duration: 5
  - URI: oss://media/b.mp4
    Duration: 5`;
    const edit = `  TransitionMode: Sequential
  Transitions:
    - Transition: fade
      Duration: 1
    - Transition: wipe
      Duration: 1`;
    const layout = storyboardLayout(parseJob(concat(sources, edit)), FACTS);
    assert.deepEqual(
      layout.transitions.map((x) => [x.transition, x.takesEffect, x.clip]),
      [
        ['fade', true, 0],
        ['wipe', false, null],
      ],
    );
    assert.match(layout.transitions[1]!.reason!, /2 clips have 1 joins/);
  });

  test('Random: a transition is dropped when it would be on any clip it may land on; the total uses the weighted mean', () => {
    const sources = `  - URI: oss://media/a.mp4
    Duration: 10
  - URI: oss://media/b.mp4
    Duration: 2.5
  - URI: oss://media/c.mp4
    Duration: 3`;
    const edit = `  TransitionMode: Random
  Transitions:
    - Transition: fade
      Duration: 2
      Weight: 30
    - Transition: wipe
      Duration: 1
      Weight: 10`;
    const layout = storyboardLayout(parseJob(concat(sources, edit)), FACTS);
    assert.deepEqual(
      layout.transitions.map((x) => [x.transition, x.clips, x.clip, x.takesEffect]),
      [
        // 2 > 2.5 - 1 on clip 1.
        ['fade', [0, 1], 1, false],
        ['wipe', [0, 1], null, true],
      ],
    );
    // Join 0 (clip of 10 s): (2·30 + 1·10) / 40 = 1.75; join 1 (2.5 s): fade dropped, (0·30 + 1·10) / 40 = 0.25.
    assert.deepEqual(
      layout.joins.map((j) => j.overlapSeconds),
      [1.75, 0.25],
    );
    assert.equal(layout.outputSeconds, 13.5);
    assert.ok(layout.assumptions.some((a) => a.includes('weighted mean')));
  });

  test('an unknown clip length leaves whether a transition takes effect unknown', () => {
    const sources = `  - URI: oss://media/unknown.mp4
  - URI: oss://media/b.mp4`;
    const edit = `  TransitionMode: Sequential
  Transitions:
    - Transition: fade
      Duration: 1`;
    const layout = storyboardLayout(parseJob(concat(sources, edit)), FACTS);
    assert.equal(layout.transitions[0]!.takesEffect, null);
    assert.equal(layout.transitions[0]!.clip, 0);
    assert.match(layout.transitions[0]!.reason!, /Sources\[0\] is unknown/);
  });

  test('Auto and Closed do not use the list: every listed transition is marked as not taking effect', () => {
    for (const mode of ['Auto', 'Closed']) {
      const edit = `  TransitionMode: ${mode}
  Transitions:
    - Transition: fade
      Duration: 1`;
      const layout = storyboardLayout(parseJob(concat(THREE, edit)), FACTS);
      assert.equal(layout.transitions[0]!.takesEffect, false, mode);
      assert.match(layout.transitions[0]!.reason!, new RegExp(`TransitionMode is ${mode}`));
      assert.ok(layout.joins.every((j) => j.overlapSeconds === 0 && j.transitions.length === 0));
    }
  });
});

describe('storyboard layout: cut line, effects, music', () => {
  test('MaxDuration cuts the output; the timeline keeps the uncut length', () => {
    const layout = storyboardLayout(parseJob(concat(THREE, '', '  MaxDuration: 20\n')), FACTS);
    assert.equal(layout.timelineSeconds, 28.5);
    assert.equal(layout.outputSeconds, 20);
    assert.equal(layout.maxDurationSeconds, 20);
  });

  test('the output is known to be MaxDuration long when the clips before an unknown one already reach the cut', () => {
    const reaching = storyboardLayout(parseJob(concat(THREE, '', '  MaxDuration: 8\n')), NO_FACTS);
    assert.equal(reaching.timelineSeconds, null);
    assert.equal(reaching.outputSeconds, 8);
    const short = storyboardLayout(parseJob(concat(THREE, '', '  MaxDuration: 12\n')), NO_FACTS);
    assert.equal(short.outputSeconds, null);
  });

  test('Sequential effects go to the clips in order, cycling; Random ones may go to any clip', () => {
    const effects = (mode: string) => `  VfxEffectMode: ${mode}
  VfxEffects:
    - VfxEffect: letterboxed
    - VfxEffect: blur`;
    const sequential = storyboardLayout(parseJob(concat(THREE, effects('Sequential'))), FACTS);
    assert.deepEqual(
      sequential.effects.map((e) => [e.effect, e.clips]),
      [
        ['letterboxed', [0, 2]],
        ['blur', [1]],
      ],
    );
    assert.deepEqual(
      sequential.clips.map((c) => c.effects),
      [[0], [1], [0]],
    );
    const random = storyboardLayout(parseJob(concat(THREE, effects('Random'))), FACTS);
    assert.deepEqual(
      random.clips.map((c) => c.effects),
      [
        [0, 1],
        [0, 1],
        [0, 1],
      ],
    );
    const closed = storyboardLayout(parseJob(concat(THREE, effects('Closed'))), FACTS);
    assert.deepEqual(
      closed.effects.map((e) => e.applies),
      [false, false],
    );
  });

  test('music longer than the output ends with the output; shorter music ends before it', () => {
    const music = (uri: string) => `  BackgroundMusicMode: Sequential
  BackgroundMusics:
    - URI: ${uri}`;
    const longer = storyboardLayout(parseJob(concat(THREE, music('oss://media/song.mp3'))), FACTS);
    assert.deepEqual(
      longer.music.map((m) => [m.fileName, m.lengthSeconds, m.endsAtSeconds, m.againstOutput, m.plays]),
      [['song.mp3', 60, 28.5, 'longer', true]],
    );
    const shorter = storyboardLayout(
      parseJob(concat(THREE, music('oss://media/short.mp3'))),
      factsFrom({ 'oss://media/short.mp3': audio(12), 'oss://media/a.mp4': video(40), 'oss://media/b.mp4': video(20), 'oss://media/c.mp4': video(4) }),
    );
    assert.deepEqual(
      shorter.music.map((m) => [m.lengthSeconds, m.endsAtSeconds, m.againstOutput]),
      [[12, 12, 'shorter']],
    );
    const unknown = storyboardLayout(parseJob(concat(THREE, music('oss://media/song.mp3'))), NO_FACTS);
    assert.deepEqual(
      unknown.music.map((m) => [m.lengthSeconds, m.endsAtSeconds, m.againstOutput]),
      [[null, null, null]],
    );
  });

  test('music without a BackgroundMusicMode that plays it is listed but does not play', () => {
    const edit = `  BackgroundMusics:
    - URI: oss://media/song.mp3`;
    const layout = storyboardLayout(parseJob(concat(THREE, edit)), FACTS);
    assert.equal(layout.music[0]!.plays, false);
    assert.equal(layout.music[0]!.againstOutput, null);
  });
});

describe('storyboard layout: Retrieval and Compose', () => {
  for (const type of ['Retrieval', 'Compose']) {
    test(`${type}: the sources whole (StartTime and Duration are Concat only), the footage total, the content and the MaxDuration target`, () => {
      const text = `ProjectName: p
Type: ${type}
Sources:
  - URI: oss://media/a.mp4
    StartTime: 5
    Duration: 3
  - URI: oss://media/b.mp4
Highlight:
  Content: Pets
Output:
  URI: oss://out/reel.mp4
  Container: mp4
  MaxDuration: 15
`;
      const layout = storyboardLayout(parseJob(text), FACTS);
      assert.deepEqual(
        layout.clips.map((c) => [c.startSeconds, c.lengthSeconds, c.atSeconds]),
        [
          [0, 40.1, null],
          [0, 20, null],
        ],
      );
      assert.equal(layout.footageSeconds, 60.1);
      assert.equal(layout.outputSeconds, null);
      assert.equal(layout.maxDurationSeconds, 15);
      assert.equal(layout.highlightContent, 'Pets');
      assert.equal(storyboardLayout(parseJob(text), NO_FACTS).footageSeconds, null);
    });
  }
});

describe('storyboard JSON', () => {
  test('holds exactly the fields issue 24 fixes', () => {
    const edit = `  TransitionMode: Sequential
  Transitions:
    - Transition: fade
      Duration: 1
  BackgroundMusicMode: Sequential
  BackgroundMusics:
    - URI: oss://media/song.mp3`;
    const json = storyboardJson(storyboardLayout(parseJob(concat(THREE, edit, '  MaxDuration: 20\n')), FACTS));
    assert.deepEqual(JSON.parse(JSON.stringify(json)), {
      type: 'Concat',
      clips: [
        { index: 0, uri: 'oss://media/a.mp4', startSeconds: 2, lengthSeconds: 10, atSeconds: 0 },
        { index: 1, uri: 'oss://media/b.mp4', startSeconds: 5, lengthSeconds: 15, atSeconds: 9 },
        { index: 2, uri: 'oss://media/c.mp4', startSeconds: 0, lengthSeconds: 3.5, atSeconds: 23 },
      ],
      transitions: [{ index: 0, transition: 'fade', durationSeconds: 1, clip: 0, takesEffect: true, reason: null }],
      music: [{ uri: 'oss://media/song.mp3', lengthSeconds: 60 }],
      outputSeconds: 20,
      maxDurationSeconds: 20,
    });
  });

  test('a job that is not a mapping has an empty storyboard', () => {
    const json = storyboardJson(storyboardLayout(parseJob('- just a list\n'), NO_FACTS));
    assert.deepEqual(json, { type: null, clips: [], transitions: [], music: [], outputSeconds: null, maxDurationSeconds: null });
  });
});
