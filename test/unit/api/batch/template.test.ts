/** A batch's output template and its collision check, and `--match` globs: pure, no endpoint. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expandTemplate, planOutputs, splitFileName, templateProblem } from '../../../../api/src/batch/template';
import { fileNameMatches, globToRegExp } from '../../../../api/src/batch/glob';
import { batchJobProblem, itemJob, parseEach } from '../../../../api/src/batch/plan';

test('{name}, {ext} with its dot, {key} under the prefix without extension, {index} from 1', () => {
  const source = { key: 'matches/2026/final.round.mp4', index: 7 };
  assert.equal(expandTemplate('oss://out/reels/{name}{ext}', 'matches/', source), 'oss://out/reels/final.round.mp4');
  assert.equal(expandTemplate('oss://out/reels/{key}.mkv', 'matches/', source), 'oss://out/reels/2026/final.round.mkv');
  assert.equal(expandTemplate('oss://out/{index}-{name}.mp4', 'matches/', source), 'oss://out/7-final.round.mp4');
  assert.deepEqual(splitFileName('a/b/noext'), { name: 'noext', ext: '' });
  assert.deepEqual(splitFileName('a/.hidden'), { name: '.hidden', ext: '' });
});

test('a template with an unknown or unclosed placeholder, or not oss://, is refused', () => {
  assert.match(templateProblem('oss://b/{nam}.mp4') ?? '', /\{nam\}/);
  assert.match(templateProblem('oss://b/{name.mp4') ?? '', /\{name\.mp4/);
  assert.match(templateProblem('https://b/{name}.mp4') ?? '', /oss:\/\//);
  assert.equal(templateProblem('oss://b/reels/{name}.mp4'), undefined);
});

test('collisions: two sources to one output, an output that is a source, an output that is not an OSS URI', () => {
  const keys = ['v/a/match.mp4', 'v/b/match.mp4', 'v/c.mov'];
  const byName = planOutputs('src', 'v/', keys, 'oss://out/{name}.mp4');
  assert.equal(byName.collisions.length, 1);
  assert.deepEqual(byName.collisions[0]?.sources, ['oss://src/v/a/match.mp4', 'oss://src/v/b/match.mp4']);
  assert.equal(planOutputs('src', 'v/', keys, 'oss://out/{key}.mp4').collisions.length, 0);
  assert.equal(planOutputs('src', 'v/', keys, 'oss://out/{index}.mp4').collisions.length, 0);
  const overwrite = planOutputs('src', 'v/', ['v/c.mov'], 'oss://src/v/{name}{ext}');
  assert.match(overwrite.collisions[0]?.reason ?? '', /one of the sources/);
  assert.equal(planOutputs('src', 'v/', ['v/c.mov'], 'oss://X/{name}').collisions.length, 1);
  assert.deepEqual(
    planOutputs('src', 'v/', keys, 'oss://out/r/{key}{ext}').outputs.map((o) => o.output),
    ['oss://out/r/a/match.mp4', 'oss://out/r/b/match.mp4', 'oss://out/r/c.mov'],
  );
});

test('--match globs the file name only', () => {
  const mp4 = globToRegExp('*.mp4');
  assert.ok(fileNameMatches('a/b/x.mp4', mp4));
  assert.ok(!fileNameMatches('a/b.mp4/x.mov', mp4));
  const either = globToRegExp('match-?.{mp4,mov}');
  assert.ok(fileNameMatches('v/match-1.mov', either));
  assert.ok(!fileNameMatches('v/match-12.mov', either));
  assert.ok(fileNameMatches('v/x[1].mp4', globToRegExp('x[[]1].mp4')) || fileNameMatches('v/x1.mp4', globToRegExp('x[12].mp4')));
  assert.ok(!fileNameMatches('v/x3.mp4', globToRegExp('x[!3].mp4')));
  assert.ok(fileNameMatches('v/a+b.mp4', globToRegExp('a+b.mp4')));
});

test('each item: Sources is the one object, Output.URI from the template, the batch tag beside the user’s; Concat refused', () => {
  const job = {
    ProjectName: 'p',
    Type: 'Retrieval',
    Sources: [{ URI: 'oss://src/x.mp4' }, { URI: 'oss://src/y.mp4' }],
    Output: { URI: 'oss://o/x.mp4', MaxDuration: 9 },
    Tags: { team: 'a' },
  };
  assert.deepEqual(itemJob(job, 'oss://src/v/1.mp4', 'oss://o/1.mp4', 'b-1'), {
    ...job,
    Sources: [{ URI: 'oss://src/v/1.mp4' }],
    Output: { URI: 'oss://o/1.mp4', MaxDuration: 9 },
    Tags: { team: 'a', HighlightBatch: 'b-1' },
  });
  assert.match(batchJobProblem({ ...job, Type: 'Concat' }) ?? '', /Concat/);
  assert.match(batchJobProblem({ ...job, Tags: { HighlightBatch: 'mine' } }) ?? '', /HighlightBatch/);
  assert.equal(batchJobProblem(job), undefined);
  assert.deepEqual(parseEach('oss://src/videos/'), { bucket: 'src', prefix: 'videos/' });
  assert.deepEqual(parseEach('oss://src/'), { bucket: 'src', prefix: '' });
  assert.throws(() => parseEach('src/videos'), /OSS folder/);
});
