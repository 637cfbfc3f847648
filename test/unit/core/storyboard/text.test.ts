/** The storyboard for a terminal, the one-line summary of the planned output, and the facts from the cloud answers. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseJob } from '../../../../core/src/parse/document';
import type { MediaAnswer } from '../../../../core/src/cloud/answers';
import type { MediaFacts } from '../../../../core/src/cloud/mediaFacts';
import { storyboardLayout, type MediaFactsLookup } from '../../../../core/src/storyboard/layout';
import { mediaFactsLookup } from '../../../../core/src/storyboard/facts';
import { storyboardSummary } from '../../../../core/src/storyboard/summary';
import { storyboardText } from '../../../../core/src/storyboard/text';

function facts(durationSeconds: number): MediaFacts {
  return { container: 'mp4', durationSeconds, durationEstimated: false, video: { codec: 'h264', width: 96, height: 54, frameRate: 25 }, audio: null };
}

const lookup: MediaFactsLookup = (uri) => ({ 'oss://media/a.mp4': facts(40), 'oss://media/b.mp4': facts(20) })[uri];

const JOB = (output: string, b = 'oss://media/b.mp4') => `ProjectName: p
Type: Concat
Sources:
  - URI: oss://media/a.mp4
    StartTime: 2
    Duration: 10
  - URI: "${b}"
    StartTime: 5
Edit:
  Mode: Sequential
  TransitionMode: Sequential
  Transitions:
    - Transition: fade
      Duration: 1
Output:
  URI: oss://out/reel.mp4
  Container: mp4
${output}`;

describe('storyboard text', () => {
  test('one line per clip, in output order, with in and out points, length and start in the output', () => {
    const lines = storyboardText(storyboardLayout(parseJob(JOB('')), lookup)).split('\n');
    assert.equal(lines[0], 'Concat: Output \u2248 24 s from 2 clips (estimate)');
    assert.equal(lines[1], 'Sources[0]  at 0 s  oss://media/a.mp4  2 s \u2192 12 s, 10 s long');
    assert.equal(lines[2], 'Sources[1]  at 9 s  oss://media/b.mp4  5 s \u2192 20 s, 15 s long');
    assert.equal(lines[3], 'Transition 0  fade 1 s: takes effect after Sources[0]');
    assert.ok(
      lines.slice(4).every((line) => line === '' || line.startsWith('Assumes: ')),
      lines.join('\n'),
    );
  });

  test('an unknown length reads "length unknown" and the cut line is listed', () => {
    const text = storyboardText(storyboardLayout(parseJob(JOB('  MaxDuration: 8\n')), () => undefined));
    assert.match(text, /^Sources\[1\] {2}at 9 s {2}oss:\/\/media\/b\.mp4 {2}from 5 s, length unknown {2}past Output\.MaxDuration: not in the output$/m);
    assert.match(text, /^Sources\[0\] .* 10 s long {2}cut by Output\.MaxDuration at 8 s of the output$/m);
    assert.match(text, /^Cut line: Output\.MaxDuration 8 s$/m);
  });

  test('a line break in a URI cannot start a line of its own', () => {
    const text = storyboardText(storyboardLayout(parseJob(JOB('', 'oss://media/b\\nSources[9]  at 0 s.mp4')), lookup));
    assert.ok(!/^Sources\[9\]/m.test(text));
  });
});

describe('storyboard summary', () => {
  test('a Concat job\u2019s planned output: exact, estimated, cut, unknown', () => {
    const noTransitions = (output: string) => JOB(output).replace(/ {2}TransitionMode[\s\S]*?(?=Output:)/, '');
    assert.equal(storyboardSummary(storyboardLayout(parseJob(noTransitions('')), lookup)), 'Output 25 s from 2 clips');
    assert.equal(storyboardSummary(storyboardLayout(parseJob(JOB('')), lookup)), 'Output \u2248 24 s from 2 clips (estimate)');
    assert.equal(
      storyboardSummary(storyboardLayout(parseJob(noTransitions('  MaxDuration: 20\n')), lookup)),
      'Output 20 s: 2 clips make 25 s, cut at Output.MaxDuration',
    );
    assert.equal(storyboardSummary(storyboardLayout(parseJob(JOB('')), () => undefined)), 'Output length unknown: 1 of 2 clips have no known length');
    assert.equal(
      storyboardSummary(storyboardLayout(parseJob(JOB('  MaxDuration: 8\n')), () => undefined)),
      'Output 8 s: the clips reach Output.MaxDuration before one of unknown length',
    );
    assert.equal(
      storyboardSummary(storyboardLayout(parseJob(JOB('  MaxDuration: 30\n')), () => undefined)),
      'Output length unknown (1 of 2 clips have no known length), at most 30 s',
    );
    assert.equal(storyboardSummary(storyboardLayout(parseJob('ProjectName: p\nType: Concat\n'), lookup)), undefined);
  });
});

describe('media facts from the cloud answers', () => {
  test('only read answers give facts; unreadable, archived and failed ones leave the length unknown', () => {
    const media = new Map<string, MediaAnswer>([
      ['oss://media/a.mp4', { state: 'read', facts: facts(40), read: { requests: 2, bytes: 4096 } }],
      ['oss://media/b.mp4', { state: 'unreadable', reason: 'not a container', read: { requests: 1, bytes: 16 } }],
      ['oss://media/c.mp4', { state: 'archived', storageClass: 'Archive' }],
    ]);
    const of = mediaFactsLookup(media);
    assert.equal(of('oss://media/a.mp4')?.durationSeconds, 40);
    assert.equal(of('oss://media/b.mp4'), undefined);
    assert.equal(of('oss://media/c.mp4'), undefined);
    assert.equal(mediaFactsLookup(undefined)('oss://media/a.mp4'), undefined);
  });
});
