/** The storyboard as SVG: well-formed XML, one named element per clip, transition, music, and job text escaped. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseJob } from '../../../../core/src/parse/document';
import { validateJob } from '../../../../core/src/validate/validate';
import { storyboardText } from '../../../../core/src/storyboard/text';
import type { MediaFacts } from '../../../../core/src/cloud/mediaFacts';
import { storyboardLayout, type MediaFactsLookup } from '../../../../core/src/storyboard/layout';
import { clipLine } from '../../../../core/src/storyboard/describe';
import { escapeXml, storyboardSvg, wrap } from '../../../../core/src/storyboard/svg';
import { allElements, parseXml, textOf, type XmlElement } from './xmlTree';

function facts(durationSeconds: number): MediaFacts {
  return { container: 'mp4', durationSeconds, durationEstimated: false, video: { codec: 'h264', width: 96, height: 54, frameRate: 25 }, audio: null };
}

const FACTS: Record<string, MediaFacts> = { 'oss://media/a.mp4': facts(40), 'oss://media/b.mp4': facts(20), 'oss://media/song.mp3': facts(60) };
const lookup: MediaFactsLookup = (uri) => FACTS[uri];

const JOB = `ProjectName: p
Type: Concat
Sources:
  - URI: oss://media/a.mp4
    StartTime: 2
    Duration: 10
  - URI: oss://media/b.mp4
    StartTime: 5
  - URI: oss://media/unknown.mp4
    Duration: 1.5
  - URI: oss://media/a.mp4
Edit:
  Mode: Sequential
  TransitionMode: Sequential
  Transitions:
    - Transition: fade
      Duration: 1
    - Transition: wipe
      Duration: 1
  VfxEffectMode: Sequential
  VfxEffects:
    - VfxEffect: letterboxed
  BackgroundMusicMode: Sequential
  BackgroundMusics:
    - URI: oss://media/song.mp3
Output:
  URI: oss://out/reel.mp4
  Container: mp4
  MaxDuration: 30
`;

function kind(root: XmlElement, name: string): XmlElement[] {
  return allElements(root).filter((element) => element.attributes['data-kind'] === name);
}

function titleOf(element: XmlElement): string {
  const title = element.children.find((child) => child.name === 'title');
  assert.ok(title, `${element.attributes['data-kind']} ${element.attributes['data-index']} has a <title>`);
  return textOf(title);
}

describe('storyboard SVG', () => {
  const layout = storyboardLayout(parseJob(JOB), lookup);
  const svg = storyboardSvg(layout);
  const root = parseXml(svg);

  test('is a well-formed SVG document with a title', () => {
    assert.equal(root.name, 'svg');
    assert.equal(root.attributes.xmlns, 'http://www.w3.org/2000/svg');
    assert.match(titleOf(root), /^Concat: Output/);
  });

  test('draws one element per clip, named by its facts, in output order and to scale', () => {
    const clips = kind(root, 'clip');
    assert.deepEqual(
      clips.map((clip) => clip.attributes['data-index']),
      ['0', '1', '2', '3'],
    );
    clips.forEach((clip, i) => {
      const expected = clipLine(layout, layout.clips[i]!);
      assert.equal(clip.attributes['aria-label'], expected);
      assert.equal(titleOf(clip), expected);
      assert.equal(clip.attributes.role, 'img');
    });
    const widths = clips.map((clip) => Number(clip.children.find((child) => child.attributes.class === 'sb-clip-box')!.attributes.width));
    // 10 s and 15 s: the widths keep the ratio.
    assert.ok(Math.abs(widths[1]! / widths[0]! - 1.5) < 0.02, String(widths));
  });

  test('hatches a clip of unknown length and says so', () => {
    const unknown = kind(root, 'clip').filter((clip) => clip.attributes.class!.split(' ').includes('sb-unknown'));
    assert.deepEqual(
      unknown.map((clip) => clip.attributes['data-index']),
      [],
      'a clip with a Duration has a known length even without facts',
    );
    const noFacts = parseXml(storyboardSvg(storyboardLayout(parseJob(JOB), () => undefined)));
    const hatched = kind(noFacts, 'clip').filter((clip) => clip.attributes.class!.split(' ').includes('sb-unknown'));
    assert.deepEqual(
      hatched.map((clip) => clip.attributes['data-index']),
      ['1', '3'],
    );
    for (const clip of hatched) {
      assert.ok(allElements(clip).some((element) => element.attributes.fill === 'url(#sb-hatch)'));
      assert.match(textOf(clip), /length unknown/);
    }
  });

  test('greys a dropped transition and names the reason', () => {
    // Clip 2 is 1.5 s: wipe (1 s, at the join after clip 1) takes effect; fade cycles to the join after clip 2 and is dropped.
    const joins = kind(root, 'transition').filter((element) => element.attributes['data-join'] !== undefined);
    assert.deepEqual(
      joins.map((join) => [join.attributes['data-join'], join.attributes['data-index'], join.attributes.class]),
      [
        ['0', '0', 'sb-transition'],
        ['1', '1', 'sb-transition'],
        ['2', '0', 'sb-transition sb-dropped'],
      ],
    );
    assert.match(joins[2]!.attributes['aria-label']!, /dropped: .*Sources\[2\].*1\.5 s minus 1 s/);
  });

  test('marks effects on clips, draws the music, the total and the cut line', () => {
    assert.equal(kind(root, 'effect').length, 4);
    const [music] = kind(root, 'music');
    assert.match(music!.attributes['aria-label']!, /song\.mp3, 60 s: longer than the output/);
    const cut = allElements(root).find((element) => element.attributes.class === 'sb-cut');
    assert.match(cut!.attributes['aria-label']!, /MaxDuration 30 s/);
    // 10 + 15 + 1.5 + 38 - 1 - 1 = 62.5 s of clips, cut at 30: the part past the cut is faded.
    assert.ok(allElements(root).some((element) => element.attributes.class === 'sb-past-cut'));
    assert.deepEqual(
      kind(root, 'clip').map((clip) => clip.attributes.class!.includes('sb-past')),
      [false, false, false, false],
    );
    const short = parseXml(storyboardSvg(storyboardLayout(parseJob(JOB.replace('MaxDuration: 30', 'MaxDuration: 20')), lookup)));
    assert.deepEqual(
      kind(short, 'clip').map((clip) => clip.attributes.class!.includes('sb-past')),
      [false, false, true, true],
    );
  });

  test('escapes the job\u2019s text: <, &, " and quotes in URIs and names, and characters XML cannot hold', () => {
    const hostile = JOB.replace('oss://media/a.mp4\n    StartTime: 2', `"oss://media/<a&\\"b'>\\x01.mp4"\n    StartTime: 2`).replace(
      'Transition: fade',
      'Transition: "<script>alert(1)</script>&amp;"',
    );
    const xml = storyboardSvg(storyboardLayout(parseJob(hostile), lookup));
    const parsed = parseXml(xml);
    const [first] = kind(parsed, 'clip');
    // A control character reads as a space in a label, as on a terminal line.
    assert.ok(first!.attributes['aria-label']!.includes(`oss://media/<a&"b'> .mp4`), first!.attributes['aria-label']);
    assert.ok(textOf(first!).includes(`<a&"b'> .mp4`));
    const fade = kind(parsed, 'transition').find((element) => element.attributes['data-index'] === '0');
    assert.ok(fade!.attributes['aria-label']!.includes('<script>alert(1)</script>&amp;'));
    assert.ok(!xml.includes('<script'));
  });

  test('escapeXml leaves no markup and replaces what XML 1.0 forbids', () => {
    assert.equal(escapeXml(`<a href="x">&'`), '&lt;a href=&quot;x&quot;&gt;&amp;&apos;');
    assert.equal(escapeXml('a\u0000b\ud800c\u{1f600}'), 'a\ufffdb\ufffdc\u{1f600}');
  });

  test('leaves the stylesheet out and prefixes ids and makes elements focusable for a host page', () => {
    const hosted = storyboardSvg(
      storyboardLayout(parseJob(JOB), () => undefined),
      { embedStyle: false, idPrefix: 'view', focusable: true },
    );
    const parsed = parseXml(hosted);
    assert.ok(!allElements(parsed).some((element) => element.name === 'style'));
    assert.ok(allElements(parsed).some((element) => element.attributes.id === 'view-hatch'));
    assert.ok(kind(parsed, 'clip').every((clip) => clip.attributes.tabindex === '0'));
    assert.ok(allElements(parseXml(svg)).some((element) => element.name === 'style'));
  });

  test('draws Retrieval and Compose sources as footage with the MaxDuration reel, and an empty job without failing', () => {
    const compose = `ProjectName: p
Type: Compose
Sources:
  - URI: oss://media/a.mp4
  - URI: oss://media/b.mp4
Highlight:
  Content: Pets
Output:
  URI: oss://out/
  Container: mp4
  MaxDuration: 15
`;
    const parsed = parseXml(storyboardSvg(storyboardLayout(parseJob(compose), lookup)));
    assert.equal(kind(parsed, 'clip').length, 2);
    const reel = allElements(parsed).find((element) => element.attributes.class === 'sb-reel');
    assert.match(reel!.attributes['aria-label']!, /at most 15 s .*Highlight: Pets/);
    assert.match(titleOf(parsed), /2 sources, 60 s of footage, become a reel of at most 15 s/);
    assert.equal(parseXml(storyboardSvg(storyboardLayout(parseJob(''), lookup))).name, 'svg');
  });
});

describe('storyboard robustness', () => {
  const odd = [
    'Type: Concat\nSources: oss://a/b.mp4\n',
    'Type: Concat\nSources:\n  - just text\n  - URI: 42\n    StartTime: abc\n    Duration: -3\n',
    'Type: Concat\nSources:\n  - URI: oss://media/big.mp4\n    Duration: 1e308\n  - URI: oss://media/big.mp4\n    Duration: 1e308\nOutput:\n  MaxDuration: 1e308\n',
    'Type: Concat\nSources:\n  - URI: oss://media/big.mp4\n    Duration: 1e12\n',
    'Type: Concat\nSources:\n  - URI: oss://media/a.mp4\n    Duration: 0.001\n  - URI: oss://media/b.mp4\n    Duration: 0.001\nEdit:\n  TransitionMode: Random\n  Transitions:\n    - Transition: fade\n      Weight: 0\n      Duration: 5\n',
    'Type: Concat\nSources:\n  - URI: oss://media/a.mp4\nEdit:\n  TransitionMode: Sequential\n  Transitions: {fade: 1}\n  VfxEffectMode: Sequential\n  VfxEffects: [1, null]\n  BackgroundMusicMode: Random\n  BackgroundMusics: [null, {URI: [1]}]\nOutput:\n  Speed: 7\n  MaxDuration: 0\n',
    'Type: Retrieval\nSources: []\nHighlight: Pets\nOutput: 3\n',
    '- a list\n',
    'Type: [Concat]\nSources:\n  - URI: oss://media/a.mp4\n',
  ];
  for (const text of odd) {
    test(`draws an odd job without failing: ${JSON.stringify(text.slice(0, 60))}`, () => {
      const layout = storyboardLayout(parseJob(text), lookup);
      const root = parseXml(storyboardSvg(layout));
      assert.equal(root.name, 'svg');
      assert.ok(!storyboardSvg(layout).includes('NaN'));
      assert.equal(kind(root, 'clip').length, layout.clips.length);
    });
  }
});

describe('wrapping the notes', () => {
  test('breaks at spaces, and between CJK characters counted two columns wide', () => {
    assert.deepEqual(wrap('one two three four', 9), ['one two', 'three', 'four']);
    assert.deepEqual(wrap('假定：转场归属于它之前的片段', 10), ['假定：转场', '归属于它之', '前的片段']);
    assert.deepEqual(wrap('a-very-long-word x', 5), ['a-very-long-word', 'x']);
  });
});

describe('problems on the storyboard', () => {
  const text = `ProjectName: p
Type: Concat
Sources:
  - URI: oss://media/a.mp4
    Duration: 10
  - URI: oss://media/b.mp4
    StartTime: -1
Edit:
  Mode: Sequential
  TransitionMode: Sequential
  Transitions:
    - Transition: fade
      Duration: 9
  BackgroundMusicMode: Sequential
  BackgroundMusics:
    - URI: oss://media/song.mp3
      Volume: 99
Output:
  URI: oss://out/reel.mp4
  Container: mp4
`;
  const doc = parseJob(text);
  const diagnostics = validateJob(doc);
  const layout = storyboardLayout(doc, lookup);

  test('marks each element whose entry has an error or a warning, and says it in its name', () => {
    const root = parseXml(storyboardSvg(layout, { diagnostics }));
    const classOf = (element: XmlElement | undefined) => element?.attributes.class?.split(' ') ?? [];
    const [first, second] = kind(root, 'clip');
    assert.ok(!classOf(first).includes('sb-error'), 'Sources[0] is fine');
    assert.ok(classOf(second).includes('sb-error'), second!.attributes.class);
    assert.match(second!.attributes['aria-label']!, / — error: .*StartTime/);
    assert.ok(allElements(second!).some((element) => element.attributes.class === 'sb-problem-mark'));
    const [music] = kind(root, 'music');
    assert.ok(classOf(music).includes('sb-error') || classOf(music).includes('sb-warning'), music!.attributes.class);
    assert.match(music!.attributes['aria-label']!, /Volume/);
    // Without diagnostics nothing is marked.
    assert.ok(!allElements(parseXml(storyboardSvg(layout))).some((element) => element.attributes.class === 'sb-problem-mark'));
  });

  test('the text ends the line of an entry with its problems', () => {
    const lines = storyboardText(layout, diagnostics).split('\n');
    assert.match(
      lines.find((line) => line.startsWith('Sources[1]'))!,
      / {2}— error: .*StartTime/,
    );
    assert.doesNotMatch(
      lines.find((line) => line.startsWith('Sources[0]'))!,
      /error/,
    );
  });
});
