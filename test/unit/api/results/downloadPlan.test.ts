/** Where a multi-object download puts each key, and what a playlist names (issue 20, items 6 and 7). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planLocalFiles } from '../../../../api/src/results/localPlan';
import { dashNames, hlsUris, resolveEntry } from '../../../../api/src/results/playlist';
import { jobOutputOf } from '../../../../api/src/results/jobOutput';

const keys = (plan: ReturnType<typeof planLocalFiles>): string[] => plan.files.map((f) => f.key);
const skipped = (plan: ReturnType<typeof planLocalFiles>): string[] => plan.skipped.map((s) => s.key);

test('keys that cannot be files are skipped with a reason, the rest placed under the base', () => {
  const plan = planLocalFiles(
    'out/',
    [
      { key: 'out/a/b.ts' },
      { key: 'out/a//b.ts' },
      { key: 'out/../x.ts' },
      { key: 'out/./y.ts' },
      { key: 'out/both' },
      { key: 'out/both/inner.ts' },
      { key: 'out/folder/', size: 0 },
      { key: `out/${'n'.repeat(241)}` },
      { key: `out/${'n'.repeat(240)}` },
      { key: 'elsewhere/z.ts' },
    ],
    'linux',
  );
  assert.deepEqual(keys(plan), ['out/a/b.ts', 'out/both/inner.ts', `out/${'n'.repeat(240)}`]);
  assert.deepEqual(skipped(plan).sort(), ['elsewhere/z.ts', 'out/../x.ts', 'out/./y.ts', 'out/a//b.ts', 'out/both', `out/${'n'.repeat(241)}`].sort());
  for (const s of plan.skipped) assert.ok(s.reason.length > 10, s.key);
});

test('two keys that land on one file are both named, on a case-insensitive file system', () => {
  const plan = planLocalFiles('', [{ key: 'Reel.ts' }, { key: 'reel.ts' }, { key: 'other.ts' }], 'darwin');
  assert.deepEqual(keys(plan), ['other.ts']);
  assert.deepEqual(skipped(plan), ['Reel.ts', 'reel.ts']);
  assert.match(plan.skipped[0]!.reason, /reel\.ts/);
  assert.equal(planLocalFiles('', [{ key: 'Reel.ts' }, { key: 'reel.ts' }], 'linux').files.length, 2);
});

test('an HLS playlist names its segments, its init section and its variants, relative to its key', () => {
  const uris = hlsUris(
    '#EXTM3U\n#EXT-X-MAP:URI="init.mp4"\n#EXT-X-KEY:METHOD=AES-128,URI="k.key"\n#EXTINF:2,\nreel-0.ts\n\n#EXTINF:2,\nreel-0.ts\nhttps://cdn.example.com/x.ts\n',
  );
  assert.deepEqual(uris, ['init.mp4', 'k.key', 'reel-0.ts', 'https://cdn.example.com/x.ts']);
  assert.deepEqual(resolveEntry('out/hls/reel.m3u8', 'parts/a%20b.ts?sig=1'), { kind: 'key', key: 'out/hls/parts/a b.ts', text: 'parts/a%20b.ts?sig=1' });
  assert.deepEqual(resolveEntry('out/hls/reel.m3u8', '../x.ts'), { kind: 'key', key: 'out/hls/../x.ts', text: '../x.ts' });
  assert.equal(resolveEntry('out/hls/reel.m3u8', 'https://cdn.example.com/x.ts').kind, 'elsewhere');
});

test('a DASH manifest names its BaseURL and SegmentTemplate files; templates become patterns', () => {
  const { names, patterns } = dashNames(
    '<MPD><Period><AdaptationSet><SegmentTemplate initialization="init-$RepresentationID$.m4s" media="chunk-$RepresentationID$-$Number%05d$.m4s"/>' +
      '<Representation id="v0"/><Representation id="a0"><BaseURL>audio.mp4</BaseURL></Representation></AdaptationSet></Period></MPD>',
  );
  assert.deepEqual(names, ['audio.mp4']);
  const matches = (name: string): boolean => patterns.some((p) => p.test(name));
  assert.ok(matches('init-v0.m4s'));
  assert.ok(matches('chunk-a0-00042.m4s'));
  assert.ok(!matches('chunk-x9-00042.m4s'));
  assert.ok(!matches('reel2.mp4'));
});

test('Output.Segment makes an output segmented only when it is an object of settings', () => {
  assert.equal(jobOutputOf({ Output: { URI: 'oss://b/o.m3u8', Segment: { Format: 'hls' } } })?.segmented, true);
  assert.equal(jobOutputOf({ Output: { URI: 'oss://b/o.mp4', Segment: ['hls'] } })?.segmented, false);
  assert.equal(jobOutputOf({ Output: { URI: 'oss://b/o.mp4', Segment: null } })?.segmented, false);
});
