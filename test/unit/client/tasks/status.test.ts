import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  clearQuestion,
  finalMessage,
  formatProgress,
  formatTime,
  resultActions,
  resultLinks,
  shortTaskId,
  statusBarView,
  statusIcon,
  statusText,
  taskIdTail,
  taskTooltip,
} from '../../../../client/src/tasks/status';
import type { TaskRecord } from '../../../../client/src/tasks/record';

process.env.TZ = 'UTC';

const base: TaskRecord = {
  taskId: 'Highlight-4d51241b-0b1c-4e2f-9d5a-1234567890ab',
  projectName: 'immtest',
  fileUri: 'file:///w/a.highlight.yaml',
  fileLabel: 'a.highlight.yaml',
  submittedAt: '2026-11-25T10:00:00Z',
  region: 'cn-hangzhou',
  requestId: 'REQ-1',
  status: 'Running',
  updatedAt: '2026-11-25T10:00:00Z',
};

test('shortens task ids after the first group of the id, leaves short ids alone', () => {
  assert.equal(shortTaskId(base.taskId), 'Highlight-4d51241b…');
  assert.equal(shortTaskId('Highlight-abc'), 'Highlight-abc');
  assert.equal(shortTaskId('plain'), 'plain');
});

test('status text: progress while running, the failure code at the end, a note when no longer followed', () => {
  assert.equal(statusText({ ...base, progress: 40 }), 'Running 40%');
  assert.equal(statusText({ ...base, progress: 133.4 }), 'Running 100%');
  assert.equal(statusText(base), 'Running');
  assert.equal(statusText({ ...base, status: 'Succeeded', progress: 100 }), 'Succeeded');
  assert.equal(statusText({ ...base, status: 'Failed', code: 'InvalidFile.NotFound' }), 'Failed: InvalidFile.NotFound');
  assert.equal(statusText({ ...base, status: 'Failed' }), 'Failed');
  assert.equal(statusText({ ...base, followError: 'no credentials' }), 'Running (not followed)');
  assert.equal(formatProgress(undefined), '');
  assert.equal(formatProgress(Number.NaN), '');
});

test('icons: spinner while pending, pass/error at the end, warning when following stopped', () => {
  assert.equal(statusIcon(base), 'sync~spin');
  assert.equal(statusIcon({ status: 'Submitted' }), 'cloud-upload');
  assert.equal(statusIcon({ status: 'Succeeded' }), 'pass');
  assert.equal(statusIcon({ status: 'Failed' }), 'error');
  assert.equal(statusIcon({ status: 'Running', followError: 'x' }), 'warning');
});

test('status bar: nothing when idle, the task when one runs, a count when several', () => {
  assert.equal(statusBarView([]), undefined);
  const one = statusBarView([{ ...base, progress: 50 }]);
  // "Highlight task …", not "IMM Highlight-…", which read like the product's name.
  assert.equal(one?.text, '$(sync~spin) Highlight task 4d51241b… Running 50%');
  assert.match(one?.tooltip ?? '', /Highlight-4d51241b-0b1c.*a\.highlight\.yaml.*Running 50%/);
  const two = statusBarView([base, { ...base, taskId: 'Highlight-2' }]);
  assert.equal(two?.text, '$(sync~spin) 2 highlight tasks running');
  assert.equal(two?.tooltip.split('\n').length, 2);
});

test('time: time of day for today, with the date otherwise', () => {
  const now = new Date('2026-11-25T18:00:00Z');
  assert.equal(formatTime('2026-11-25T10:02:03Z', now), '10:02:03');
  assert.equal(formatTime('2026-11-24T10:02:03Z', now), '2026-11-24 10:02:03');
  assert.equal(formatTime('not a date', now), 'not a date');
});

test('final message: output URI on success; Code and Message on failure', () => {
  const ok = finalMessage({ ...base, status: 'Succeeded', outputUri: 'oss://b/out.mp4' });
  assert.equal(ok.severity, 'information');
  assert.match(ok.text, /succeeded\. Output: oss:\/\/b\/out\.mp4$/);
  const failed = finalMessage({ ...base, status: 'Failed', code: 'InvalidFile', message: 'The video cannot be read.' });
  assert.equal(failed.severity, 'error');
  assert.match(failed.text, /failed — InvalidFile: The video cannot be read\.$/);
  assert.match(finalMessage({ ...base, status: 'Failed' }).text, /project immtest\) failed\.$/);
  assert.match(failed.text, /Highlight-4d51241b-0b1c-4e2f-9d5a-1234567890ab \(a\.highlight\.yaml, project immtest\)/);
});

test('tooltip lists every fact, the endpoint only when overridden', () => {
  const plain = taskTooltip(base);
  assert.match(plain, /Project: immtest \(cn-hangzhou\)/);
  assert.match(plain, /RequestId: REQ-1/);
  const local = taskTooltip({ ...base, endpoint: 'http://127.0.0.1:9000', followError: 'no credentials' });
  assert.match(local, /cn-hangzhou, http:\/\/127\.0\.0\.1:9000/);
  assert.match(local, /Not followed: no credentials/);
});

test('the id without its type prefix, for texts that already say "Highlight task"', () => {
  assert.equal(taskIdTail(base.taskId), '4d51241b…');
  assert.equal(taskIdTail('Highlight-abc'), 'Highlight-abc');
});

test('tooltip: a result only for a task that succeeded, never for a failed one', () => {
  const withOutput = { ...base, outputUri: 'oss://b/out.mp4' };
  assert.match(taskTooltip({ ...withOutput, status: 'Succeeded' }), /^Result: oss:\/\/b\/out\.mp4$/m);
  const failed = taskTooltip({ ...withOutput, status: 'Failed', code: 'InvalidFile.NotFound', message: 'gone' });
  assert.ok(!failed.includes('oss://b/out.mp4'), failed);
  assert.match(failed, /^Status: Failed: InvalidFile\.NotFound$/m);
  assert.match(taskTooltip(withOutput), /^Output \(when it succeeds\): oss:\/\/b\/out\.mp4$/m);
  assert.match(taskTooltip(base), /Click for the details\.$/);
});

test('Clear asks about the list only; it says tasks keep running only when some have not ended', () => {
  const ended = clearQuestion([
    { ...base, status: 'Succeeded' },
    { ...base, taskId: 'Highlight-2', status: 'Failed' },
  ]);
  assert.equal(ended.message, 'Clear the list of 2 tasks submitted from this workspace?');
  assert.ok(!/keep running/.test(ended.detail), ended.detail);
  assert.match(ended.detail, /All of them have ended/);
  const one = clearQuestion([base]);
  assert.equal(one.message, 'Clear the list of 1 task submitted from this workspace?');
  assert.equal(one.detail, '1 task has not ended: it keeps running in IMM, but VS Code stops following it.');
  assert.match(
    clearQuestion([base, { ...base, taskId: 'Highlight-2' }, { ...base, taskId: 'Highlight-3', status: 'Succeeded' }]).detail,
    /^2 tasks have not ended: they keep running/,
  );
});

test('the succeeded notification: Preview/Open for a video, Open in Browser/Download… for a segmented output, nothing otherwise', () => {
  const ok = { status: 'Succeeded', outputUri: 'oss://b/out/reel.mp4' };
  assert.deepEqual(
    resultActions(ok).map((a) => [a.label, a.command]),
    [
      ['Preview Output', 'immHighlight.results.previewOutput'],
      ['Open Output', 'immHighlight.results.openOutput'],
    ],
  );
  for (const segmented of [
    { ...ok, outputSegmented: true },
    { ...ok, outputUri: 'oss://b/out/reel.m3u8' },
    { ...ok, outputUri: 'oss://b/out/seg/' },
  ]) {
    assert.deepEqual(
      resultActions(segmented).map((a) => [a.label, a.command]),
      [
        ['Open in Browser', 'immHighlight.results.openOutput'],
        ['Download…', 'immHighlight.results.downloadOutput'],
      ],
    );
    // The tooltip names Download once, whichever label it has.
    assert.equal(resultLinks(segmented).filter((l) => l.command === 'immHighlight.results.downloadOutput').length, 1);
  }
  assert.deepEqual(resultActions({ status: 'Failed', outputUri: 'oss://b/out/reel.mp4' }), []);
  assert.deepEqual(resultActions({ status: 'Succeeded' }), []);
  assert.deepEqual(resultLinks({ status: 'Running', outputUri: 'oss://b/out/reel.mp4' }), []);
});
