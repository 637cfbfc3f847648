import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseJob } from '../../../../core/src/parse/document';
import { posixQuote, toShellCommandLine } from '../../../../core/src/request/commandLine';
import { previewRequest } from '../../../../core/src/request/preview';
import { ignoredKeys, RequestBuildError, toRequest } from '../../../../core/src/request/request';

const valueOf = (yaml: string): unknown => parseJob(yaml).value;

test('Retrieval: strings stay strings, Sources/Output/Highlight are one JSON string each', () => {
  const request = toRequest(
    valueOf(`ProjectName: immtest
Type: Retrieval
Mode: Scene
Sources:
  - URI: oss://test-bucket/a.mp4
  - URI: oss://test-bucket/b.mp4
Highlight:
  Content: Pets
Output:
  URI: oss://test-bucket/out.mp4
  MaxDuration: 10.0
  Speed: 0.5
UserData: '{"ID": "testuid"}'
Tags:
  test: val1
`),
  );
  assert.deepEqual(request, {
    query: { ProjectName: 'immtest' },
    body: {
      Highlight: '{"Content":"Pets"}',
      Mode: 'Scene',
      Output: '{"URI":"oss://test-bucket/out.mp4","MaxDuration":10,"Speed":0.5}',
      Sources: '[{"URI":"oss://test-bucket/a.mp4"},{"URI":"oss://test-bucket/b.mp4"}]',
      Tags: '{"test":"val1"}',
      Type: 'Retrieval',
      UserData: '{"ID": "testuid"}',
    },
  });
  // Alphabetical, as the generated SDKs add the fields.
  assert.deepEqual(Object.keys(request.body), ['Highlight', 'Mode', 'Output', 'Sources', 'Tags', 'Type', 'UserData']);
});

test('Concat: Source times and Output.Container are sent as written; numbers stay numbers', () => {
  const request = toRequest(
    valueOf(`ProjectName: immtest
Type: Concat
Sources:
  - URI: oss://test-bucket/a.mp4
    StartTime: 1.5
    Duration: 0
Output:
  URI: oss://test-bucket/out.mp4
  Container: mp4
  Speed: 1.0
  Video:
    Stream: [0]
    TranscodeVideo:
      Codec: h264
      Resolution: 1280x720
      CRF: 23
`),
  );
  assert.deepEqual(request, {
    query: { ProjectName: 'immtest' },
    body: {
      Output:
        '{"URI":"oss://test-bucket/out.mp4","Container":"mp4","Speed":1,"Video":{"Stream":[0],"TranscodeVideo":{"Codec":"h264","Resolution":"1280x720","CRF":23}}}',
      Sources: '[{"URI":"oss://test-bucket/a.mp4","StartTime":1.5,"Duration":0}]',
      Type: 'Concat',
    },
  });
});

test('Compose: Edit, Notification and CredentialConfig are one JSON string each, key order kept', () => {
  const request = toRequest(
    valueOf(`ProjectName: immtest
Type: Compose
Sources:
  - URI: oss://test-bucket/a.mp4
Edit:
  Mode: Sequential
  BackgroundMusicMode: Random
  BackgroundMusics:
    - URI: oss://test-bucket/music.mp3
      Volume: 0.2
  TransitionMode: Random
  Transitions:
    - Transition: fade
      Duration: 1
      Weight: 50
Output:
  URI: oss://test-bucket/out.mp4
  Container: mp4
Notification:
  MNS:
    TopicName: topic1
CredentialConfig:
  ServiceRole: AliyunSTSAssumeForIMMServiceRole
`),
  );
  assert.deepEqual(request.body, {
    CredentialConfig: '{"ServiceRole":"AliyunSTSAssumeForIMMServiceRole"}',
    Edit: '{"Mode":"Sequential","BackgroundMusicMode":"Random","BackgroundMusics":[{"URI":"oss://test-bucket/music.mp3","Volume":0.2}],"TransitionMode":"Random","Transitions":[{"Transition":"fade","Duration":1,"Weight":50}]}',
    Notification: '{"MNS":{"TopicName":"topic1"}}',
    Output: '{"URI":"oss://test-bucket/out.mp4","Container":"mp4"}',
    Sources: '[{"URI":"oss://test-bucket/a.mp4"}]',
    Type: 'Compose',
  });
});

test('absent and empty parameters are omitted; keys that are not parameters are not sent', () => {
  const value = valueOf(`$schema: ./schema.json
ProjectName: p
Type: Retrieval
Mode:
Edit:
Sources: [{URI: oss://b/a.mp4}]
Output: {URI: oss://b/o.mp4}
Comment: not a parameter
`);
  const request = toRequest(value);
  assert.deepEqual(Object.keys(request.body), ['Output', 'Sources', 'Type']);
  assert.deepEqual(ignoredKeys(value), ['$schema', 'Comment']);
});

test('UserData written as a mapping is sent as JSON text', () => {
  const request = toRequest({ ProjectName: 'p', Type: 'Retrieval', UserData: { ID: 'u1' } });
  assert.equal(request.body['UserData'], '{"ID":"u1"}');
});

test('refuses a value that is not a mapping or has no ProjectName', () => {
  assert.throws(() => toRequest(['a']), RequestBuildError);
  assert.throws(() => toRequest(undefined), RequestBuildError);
  assert.throws(() => toRequest({ Type: 'Retrieval' }), /ProjectName is missing/);
  assert.throws(() => toRequest({ ProjectName: '  ' }), /ProjectName is missing/);
});

test('posixQuote leaves safe words bare and quotes the rest', () => {
  assert.equal(posixQuote('oss://b/a.mp4'), 'oss://b/a.mp4');
  assert.equal(posixQuote('a b'), "'a b'");
  assert.equal(posixQuote(''), "''");
  assert.equal(posixQuote(`it's`), `'it'\\''s'`);
});

test('command line round-trips through a real POSIX shell', { skip: process.platform === 'win32' }, () => {
  const request = toRequest({
    ProjectName: 'immtest',
    Type: 'Retrieval',
    Sources: [{ URI: 'oss://b/it\'s $HOME `x` "q".mp4' }],
    UserData: '{\'a\': "b"}',
  });
  const line = toShellCommandLine(request, { region: 'cn-hangzhou' }, 'posix');
  assert.match(line, /^aliyun imm CreateHighlightTask --region=cn-hangzhou --ProjectName=immtest /);
  // `printf '%s\n'` prints each word the shell would pass to aliyun, one per line.
  const words = execFileSync('sh', ['-c', `printf '%s\\n' ${line.replace(/^aliyun /, '')}`], { encoding: 'utf8' }).split('\n');
  assert.deepEqual(words.slice(0, -1), [
    'imm',
    'CreateHighlightTask',
    '--region=cn-hangzhou',
    '--ProjectName=immtest',
    `--Sources=${request.body['Sources']}`,
    '--Type=Retrieval',
    `--UserData=${request.body['UserData']}`,
  ]);
});

test('preview shows the wire form, the readable parameters and the command line', () => {
  const preview = previewRequest(
    { ProjectName: 'immtest', Type: 'Retrieval', Sources: [{ URI: 'oss://b/a.mp4' }], Output: { URI: 'oss://b/o.mp4' }, X: 1 },
    { region: 'cn-shanghai' },
  );
  assert.equal(preview.action, 'CreateHighlightTask');
  assert.equal(preview.version, '2020-09-30');
  assert.equal(preview.region, 'cn-shanghai');
  assert.equal(preview.body['Sources'], '[{"URI":"oss://b/a.mp4"}]');
  assert.deepEqual(preview.parameters, {
    ProjectName: 'immtest',
    Output: { URI: 'oss://b/o.mp4' },
    Sources: [{ URI: 'oss://b/a.mp4' }],
    Type: 'Retrieval',
  });
  assert.deepEqual(preview.ignoredKeys, ['X']);
  assert.ok(preview.commandLine?.includes(`'--Sources=[{"URI":"oss://b/a.mp4"}]'`));
});

test('the API version and action are written once in the product code: core/src/request/request.ts', () => {
  const root = resolve(__dirname, '../../../..');
  const sources = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
    );
  const written = ['core', 'server', 'client', 'cli', 'api']
    .flatMap((folder) => sources(join(root, folder, 'src')))
    .filter((file) => /(['"])(2020-09-30|CreateHighlightTask)\1/.test(readFileSync(file, 'utf8')))
    .map((file) => file.slice(root.length + 1));
  assert.deepEqual(written, ['core/src/request/request.ts']);
});
