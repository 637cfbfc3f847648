/** The cloud decisions of the core: which values name resources, what completion offers where, and how answers become diagnostics. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { parseJob } from '../../../../core/src/parse/document';
import type { BucketAnswer, CloudAnswers, ObjectAnswer } from '../../../../core/src/cloud/answers';
import { cloudCompletionContext } from '../../../../core/src/cloud/context';
import { cloudDiagnostics } from '../../../../core/src/cloud/diagnostics';
import { cloudResources, planCloudChecks } from '../../../../core/src/cloud/resources';

const JOB = `ProjectName: immtest
Type: Compose
Sources:
  - URI: oss://media/videos/a.mp4
  - URI: "oss://media/videos/b.mp4"
  - URI: https://not-oss/a.mp4
Edit:
  Mode: Sequential
  BackgroundMusics:
    - URI: oss://media/music/a.mp3
  FilterVideo:
    Watermarks:
      - Type: file
        URI: oss://logos/logo.png
Output:
  URI: oss://media/out/
  Container: mp4
`;

/** The context at the `|` marker of a text. */
function contextAt(marked: string) {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  return cloudCompletionContext(parseJob(text), offset);
}

describe('cloud resources of a job', () => {
  test('finds the project and every valid oss:// URI with its field, skipping invalid ones', () => {
    const resources = cloudResources(parseJob(JOB));
    assert.equal(resources.project?.name, 'immtest');
    assert.deepEqual(resources.project?.range, { start: { line: 0, character: 13 }, end: { line: 0, character: 20 } });
    assert.deepEqual(
      resources.uris.map((u) => [u.field, u.bucket, u.key]),
      [
        ['source', 'media', 'videos/a.mp4'],
        ['source', 'media', 'videos/b.mp4'],
        ['music', 'media', 'music/a.mp3'],
        ['other', 'logos', 'logo.png'],
        ['output', 'media', 'out/'],
      ],
    );
  });

  test('places bucket findings on the bucket name inside the value, quotes included', () => {
    const [plain, quoted] = cloudResources(parseJob(JOB)).uris;
    assert.deepEqual(plain!.bucketRange, { start: { line: 3, character: 15 }, end: { line: 3, character: 20 } });
    assert.deepEqual(quoted!.range, { start: { line: 4, character: 9 }, end: { line: 4, character: 35 } });
    assert.deepEqual(quoted!.bucketRange, { start: { line: 4, character: 16 }, end: { line: 4, character: 21 } });
  });

  test('plans one request per bucket and object; an output folder and other URIs are not objects to head', () => {
    const plan = planCloudChecks(cloudResources(parseJob(JOB)));
    assert.equal(plan.project, 'immtest');
    assert.deepEqual(plan.buckets, ['media', 'logos']);
    assert.deepEqual(
      plan.objects.map((o) => `${o.field}:${o.key}`),
      ['source:videos/a.mp4', 'source:videos/b.mp4', 'music:music/a.mp3'],
    );
  });

  test('a job without a mapping has no resources', () => {
    assert.deepEqual(cloudResources(parseJob('- a\n- b\n')), { project: undefined, uris: [] });
  });
});

describe('position -> live completion context', () => {
  test('the ProjectName value asks for projects', () => {
    assert.deepEqual(contextAt('ProjectName: im|\n'), {
      kind: 'project',
      typed: 'im',
      range: { start: { line: 0, character: 13 }, end: { line: 0, character: 15 } },
    });
  });

  test('an empty URI value, a part of oss:// and a partial bucket ask for buckets, with the field', () => {
    assert.equal(contextAt('Sources:\n  - URI: |\n')?.kind, 'bucket');
    assert.deepEqual(contextAt('Sources:\n  - URI: oss:/|\n'), {
      kind: 'bucket',
      field: 'source',
      typed: 'oss:/',
      range: { start: { line: 1, character: 9 }, end: { line: 1, character: 14 } },
    });
    const music = contextAt('Edit:\n  BackgroundMusics:\n    - URI: oss://te|\n');
    assert.equal(music?.kind, 'bucket');
    assert.equal(music?.kind === 'bucket' && music.field, 'music');
  });

  test('after the bucket, the folder under the typed prefix', () => {
    assert.deepEqual(contextAt('Sources:\n  - URI: oss://media/|\n'), {
      kind: 'folder',
      field: 'source',
      bucket: 'media',
      prefix: '',
      typed: 'oss://media/',
      range: { start: { line: 1, character: 9 }, end: { line: 1, character: 21 } },
    });
    const deep = contextAt('Output:\n  URI: oss://media/out/2026/re|\n');
    assert.equal(deep?.kind === 'folder' && deep.prefix, 'out/2026/');
    assert.equal(deep?.kind === 'folder' && deep.field, 'output');
    const quoted = contextAt('Sources:\n  - URI: "oss://media/videos/|"\n');
    assert.equal(quoted?.kind === 'folder' && quoted.prefix, 'videos/');
  });

  test('other values and keys ask for nothing; any URI field gets a context', () => {
    assert.equal(contextAt('Type: Re|\n'), undefined);
    assert.equal(contextAt('Sources:\n  - UR|\n'), undefined);
    assert.equal(contextAt('Sources:\n  - URI: https://x|\n'), undefined);
    assert.equal(contextAt('Sources:\n  - URI: oss://Bad_Bucket/|\n'), undefined);
    const other = contextAt('Edit:\n  FilterVideo:\n    Watermarks:\n      - URI: oss://logos/|\n');
    assert.equal(other?.kind === 'folder' && other.field, 'other');
  });
});

describe('cloud answers -> diagnostics', () => {
  const doc = parseJob(JOB);
  const resources = cloudResources(doc);
  const answers = (buckets: Record<string, BucketAnswer>, objects: Record<string, ObjectAnswer>, extra: Partial<CloudAnswers> = {}): CloudAnswers => ({
    region: 'cn-hangzhou',
    project: { state: 'found' },
    buckets: new Map(Object.entries(buckets)),
    objects: new Map(Object.entries(objects)),
    ...extra,
  });
  const found = (contentType?: string): ObjectAnswer => ({ state: 'found', contentType, size: 10, lastModified: undefined });
  const here: BucketAnswer = { state: 'found', region: 'cn-hangzhou' };

  test('all present and of the right types: nothing', () => {
    const result = cloudDiagnostics(
      resources,
      answers(
        { media: here, logos: here },
        {
          'oss://media/videos/a.mp4': found('video/mp4'),
          'oss://media/videos/b.mp4': found('video/quicktime'),
          'oss://media/music/a.mp3': found('audio/mpeg'),
        },
      ),
    );
    assert.deepEqual(result, []);
  });

  test('content types: warnings only when known and wrong; octet-stream and none say nothing', () => {
    const result = cloudDiagnostics(
      resources,
      answers(
        { media: here, logos: here },
        {
          'oss://media/videos/a.mp4': found('image/jpeg'),
          'oss://media/videos/b.mp4': found('application/octet-stream'),
          'oss://media/music/a.mp3': found('video/mp4; codecs=avc1'),
        },
      ),
    );
    assert.deepEqual(
      result.map((d) => [d.code, d.severity, d.range.start.line]),
      [
        ['oss-not-video', DiagnosticSeverity.Warning, 3],
        ['oss-not-audio', DiagnosticSeverity.Warning, 9],
      ],
    );
    assert.equal(cloudDiagnostics(resources, answers({ media: here, logos: here }, { 'oss://media/videos/a.mp4': found(undefined) })).length, 0);
  });

  test('missing project, bucket in another region, missing bucket, missing objects are errors', () => {
    const result = cloudDiagnostics(
      resources,
      answers(
        { media: here, logos: { state: 'other-region', region: 'cn-beijing' } },
        { 'oss://media/videos/a.mp4': { state: 'missing' }, 'oss://media/music/a.mp3': { state: 'missing' } },
        { project: { state: 'missing' } },
      ),
    );
    assert.deepEqual(
      result.map((d) => [d.code, d.severity, d.range.start.line]),
      [
        ['project-not-found', DiagnosticSeverity.Error, 0],
        ['oss-object-not-found', DiagnosticSeverity.Error, 3],
        ['oss-object-not-found', DiagnosticSeverity.Error, 9],
        ['oss-bucket-other-region', DiagnosticSeverity.Error, 13],
      ],
    );
    assert.match(result[3]!.message, /"logos" is in cn-beijing, not in cn-hangzhou/);
    const gone = cloudDiagnostics(resources, answers({ media: { state: 'missing' } }, {}));
    assert.equal(gone.filter((d) => d.code === 'oss-bucket-not-found').length, 4);
  });

  test('an existing output object warns; a check that could not run warns once per bucket', () => {
    const job = parseJob('ProjectName: p\nSources:\n  - URI: oss://bk1/a.mp4\n  - URI: oss://bk1/b.mp4\nOutput:\n  URI: oss://bk1/o.mp4\n');
    const r = cloudResources(job);
    const exists = cloudDiagnostics(
      r,
      answers({ bk1: here }, { 'oss://bk1/o.mp4': { state: 'found', contentType: 'video/mp4', size: 2048, lastModified: 'Fri, 20 Nov 2026 08:00:00 GMT' } }),
    );
    assert.deepEqual(
      exists.map((d) => d.code),
      ['output-exists'],
    );
    assert.match(exists[0]!.message, /\(2\.0 KB, modified 2026-11-20 08:00 UTC\) and will be overwritten/);
    const failure = { reason: 'access-denied', operation: 'GetBucketInfo', permission: 'oss:GetBucketInfo', detail: '' } as const;
    const failed = cloudDiagnostics(r, answers({ bk1: { state: 'failed', failure } }, {}));
    assert.deepEqual(
      failed.map((d) => [d.code, d.severity]),
      [['cloud-check-failed', DiagnosticSeverity.Warning]],
    );
    assert.match(failed[0]!.message, /grant the RAM permission oss:GetBucketInfo/);
    const none = cloudDiagnostics(r, answers({}, {}, { failure: { reason: 'credentials', operation: 'credentials', permission: '', detail: 'No key.' } }));
    assert.deepEqual(
      none.map((d) => [d.code, d.range.start.line]),
      [['cloud-check-failed', 0]],
    );
  });
});
