import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderTaskDetails } from '../../../../client/src/tasks/details';
import { jobTemplates } from '../../../../client/src/newJob/templates';
import type { TaskRecord } from '../../../../client/src/tasks/record';

/** The Markdown source with its backslash escapes removed (what the preview shows); table pipes of cells stay `\|`. */
const unescaped = (markdown: string): string => markdown.replace(/\\([!-/:-@[-`{-~])/g, (_, c: string) => (c === '|' ? '\\|' : c));

const failed: TaskRecord = {
  taskId: 'Highlight-4d51241b-0b1c-4e2f-9d5a-1234567890ab',
  projectName: 'immtest',
  fileUri: 'file:///w/jobs/a.highlight.yaml',
  fileLabel: 'a.highlight.yaml',
  submittedAt: '2026-11-25T10:00:00Z',
  region: 'cn-hangzhou',
  requestId: 'REQ-CREATE',
  outputUri: 'oss://b/out.mp4',
  status: 'Failed',
  code: 'InvalidFile.NotFound',
  message: 'The video does not exist.',
  endTime: '2026-11-25T10:01:00Z',
  startTime: '2026-11-25T10:00:01Z',
  lastRequestId: 'REQ-GET-OLD',
  updatedAt: '2026-11-25T10:01:00Z',
  identity: 'AccessKey LTAI****abcd from VS Code secret storage',
  sentRequest: '{\n  "action": "CreateHighlightTask",\n  "body": {"Type": "Retrieval"}\n}\n',
};

test('details: every field of the GetTask answer, the job file, the submission and the request sent', () => {
  const fields = {
    RequestId: 'REQ-GET',
    EventId: '0ED-1',
    ProjectName: 'immtest',
    TaskId: failed.taskId,
    TaskType: 'Highlight',
    Status: 'Failed',
    Code: 'InvalidFile.NotFound',
    Message: 'The video | does not exist.',
    StartTime: '2026-11-25T10:00:01Z',
    EndTime: '2026-11-25T10:01:00Z',
    Tags: { team: 'a' },
    UserData: 'https://h/x?Signature=secret-sig',
  };
  const text = unescaped(
    renderTaskDetails(failed, { jobPath: 'jobs/a.highlight.yaml', jobExists: true, live: { kind: 'answer', at: '2026-11-25T10:05:00Z', fields } }),
  );
  assert.match(text, /^# Highlight task Highlight-4d51241b-0b1c-4e2f-9d5a-1234567890ab$/m);
  assert.match(text, /^\*\*Failed: InvalidFile\.NotFound\*\* — The video does not exist\.$/m);
  for (const name of Object.keys(fields)) assert.match(text, new RegExp(`^\\| ${name} \\| `, 'm'), name);
  assert.match(text, /^\| Message \| The video \\\| does not exist\. \|$/m);
  assert.match(text, /^\| Tags \| \{"team":"a"\} \|$/m);
  assert.ok(!text.includes('secret-sig'));
  assert.match(text, /^\| Job file \| jobs\/a\.highlight\.yaml \|$/m);
  assert.match(text, /^\| Identity \| AccessKey LTAI\*\*\*\*abcd from VS Code secret storage \|$/m);
  assert.match(text, /^\| CreateHighlightTask RequestId \| REQ-CREATE \|$/m);
  assert.match(text, /## Request sent \(secrets removed\)\n\n```json\n\{\n {2}"action": "CreateHighlightTask"/);
  // A failed task has no result to point at.
  assert.ok(!/^Result:/m.test(text));
});

test('details without a fresh answer: the last known fields and why GetTask failed; a gone file is said so', () => {
  const text = unescaped(
    renderTaskDetails(failed, {
      jobPath: 'jobs/a.highlight.yaml',
      jobExists: false,
      live: { kind: 'error', at: '2026-11-25T10:05:00Z', message: 'NoCredentials: none' },
    }),
  );
  assert.match(text, /^## GetTask \(last known\)$/m);
  assert.match(text, /^A new GetTask failed at 2026-11-25T10:05:00Z: NoCredentials: none$/m);
  assert.match(text, /^\| RequestId \| REQ-GET-OLD \|$/m);
  assert.match(text, /^\| StartTime \| 2026-11-25T10:00:01Z \|$/m);
  assert.match(text, /\(no longer exists\)/);
  const succeeded = unescaped(
    renderTaskDetails({ ...failed, status: 'Succeeded', code: undefined, message: undefined } as TaskRecord, {
      jobPath: 'a',
      jobExists: true,
      live: undefined,
    }),
  );
  assert.match(succeeded, /^Result: oss:\/\/b\/out\.mp4$/m);
  const { sentRequest: _s, ...legacy } = failed;
  assert.match(
    unescaped(renderTaskDetails(legacy, { jobPath: 'a', jobExists: true, live: undefined })),
    /Not recorded: this task was submitted by an earlier version/,
  );
});

test('New File offers the whole-job snippets of the language server, nothing smaller', () => {
  const templates = jobTemplates();
  assert.ok(templates.length >= 3, JSON.stringify(templates.map((t) => t.name)));
  for (const type of ['Retrieval', 'Concat', 'Compose'])
    assert.ok(
      templates.some((t) => new RegExp(`^Type: ${type}\\b`, 'm').test(t.body)),
      type,
    );
  const job = { prefix: 'j', label: () => 'job', description: () => '', place: { kind: 'job' }, body: ['ProjectName: ${1:p}', 'Type: Concat'] } as const;
  const item = {
    prefix: 's',
    label: () => 'item',
    description: () => '',
    place: { kind: 'item', list: ['Sources'] },
    body: ['- URI: ${1:oss://b/k}'],
  } as const;
  assert.deepEqual(
    jobTemplates([job, item]).map((t) => t.name),
    ['job'],
  );
});

test('details of a succeeded task: its output as made (read facts) beside what the job planned', () => {
  const succeeded: TaskRecord = {
    ...failed,
    status: 'Succeeded',
    code: undefined,
    message: undefined,
    sentRequest: JSON.stringify({
      action: 'CreateHighlightTask',
      parameters: {
        Type: 'Concat',
        Output: { URI: 'oss://b/out.mp4', Container: 'mp4', MaxDuration: 30, Video: { TranscodeVideo: { Codec: 'h264', Resolution: '1280x720' } } },
      },
    }),
  };
  const text = unescaped(
    renderTaskDetails(succeeded, {
      jobPath: 'jobs/a.highlight.yaml',
      jobExists: true,
      live: undefined,
      outputMedia: {
        state: 'read',
        facts: {
          container: 'mp4',
          durationSeconds: 29.96,
          durationEstimated: false,
          video: { codec: 'h264', width: 1280, height: 720, frameRate: 25 },
          audio: null,
        },
        read: { requests: 2, bytes: 5000 },
      },
    }),
  );
  assert.match(text, /^## Output: planned and made$/m);
  assert.match(text, /^\| Container \| mp4 \| mp4 \|$/m);
  assert.match(text, /^\| Duration \| at most 30 s \| 29\.96 s \|$/m);
  assert.match(text, /^\| Video \| h264 1280x720 \| h264, 1280×720, 25 fps \|$/m);
  assert.match(text, /^\| Audio \| the first audio stream, copied \| none \|$/m);
  // Without read facts there is no such section.
  assert.doesNotMatch(unescaped(renderTaskDetails(succeeded, { jobPath: 'j', jobExists: true, live: undefined })), /planned and made/);
});
