import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { codeActions } from '../../../../core/src/features/codeActions';
import { parseJob } from '../../../../core/src/parse/document';
import { PLACEHOLDER_CODE } from '../../../../core/src/validate/placeholders';
import { validateJob } from '../../../../core/src/validate/validate';
import { withRanges } from '../../../support/markers';

const JOB = (uri: string): string => `ProjectName: immtest
Type: Concat
Sources:
  - URI: oss://my-videos/input.mp4
Output:
  URI: ${uri}
  Container: mp4
`;

test('a value that is still a snippet placeholder is an error at that value', () => {
  const { text, ranges } = withRanges(JOB('[[oss://your-bucket/output.mp4]]'));
  const found = validateJob(parseJob(text));
  assert.deepEqual(
    found.map((d) => [d.code, d.severity, d.range]),
    [[PLACEHOLDER_CODE, DiagnosticSeverity.Error, ranges[0]]],
  );
  assert.match(found[0]!.message, /oss:\/\/your-bucket\/output\.mp4.*placeholder.*your own bucket/);
});

test('the placeholder bucket is caught whatever object the user wrote after it, quoted or not, in any field', () => {
  for (const uri of ['oss://your-bucket/my/clip.mp4', '"oss://your-bucket/a.mp4"', "'oss://your-bucket/x'"]) {
    assert.deepEqual(
      validateJob(parseJob(JOB(uri))).map((d) => d.code),
      [PLACEHOLDER_CODE],
      uri,
    );
  }
  const music = `${JOB('oss://my-videos/o.mp4')}Edit:\n  Mode: Sequential\n  BackgroundMusicMode: Sequential\n  BackgroundMusics:\n    - URI: oss://your-bucket/music.mp3\n`;
  assert.deepEqual(
    validateJob(parseJob(music)).map((d) => d.code),
    [PLACEHOLDER_CODE],
  );
});

test('a real bucket, or a bucket merely named like the placeholder, is not a placeholder', () => {
  for (const uri of ['oss://my-videos/output.mp4', 'oss://your-bucket-2/output.mp4', 'oss://team-your-bucket/o.mp4']) {
    assert.deepEqual(
      validateJob(parseJob(JOB(uri))).map((d) => d.code),
      [],
      uri,
    );
  }
});

test('a placeholder offers no quick fix: only the user knows the bucket', () => {
  const doc = parseJob(JOB('oss://your-bucket/output.mp4'));
  const [diagnostic] = validateJob(doc);
  assert.deepEqual(codeActions(doc, 'file:///j.highlight.yaml', diagnostic!.range, [diagnostic!]), []);
});
