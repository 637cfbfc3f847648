import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newManifest, type BatchManifest } from '../../../../api/src/batch/index';
import { batchItemDetails } from '../../../../client/src/batch/itemDetails';
import { renderTaskDetails } from '../../../../client/src/tasks/details';

/** The Markdown source with its backslash escapes removed (what the preview shows). */
const unescaped = (markdown: string): string => markdown.replace(/\\(.)/g, '$1');

function manifest(): BatchManifest {
  const job = { ProjectName: 'immtest', Type: 'Retrieval', Sources: [{ URI: 'oss://b/x.mp4' }], Output: { URI: 'oss://b/x.mp4', MaxDuration: 30 } };
  const items = [1, 2, 3].map((index) => ({ index, source: `oss://b/in/m${index}.mp4`, output: `oss://b/out/m${index}.mp4` }));
  const made = newManifest(
    {
      batchId: 'reels-1',
      options: { job, name: 'reels', jobFile: 'reels.highlight.yaml', each: 'oss://b/in/', outputTemplate: 'oss://b/out/{name}.mp4', concurrency: 2 },
      items,
    },
    items,
    [],
  );
  Object.assign(made.items[0]!, { state: 'sent', taskId: 'Highlight-1', requestId: 'REQ-1', status: 'Running', progress: 40, sentAt: '2026-12-06T10:00:00Z' });
  Object.assign(made.items[1]!, { state: 'outcome-unknown', sentAt: '2026-12-06T10:00:01Z' });
  return made;
}

test('a sent item: a task record for GetTask (its TaskId, project, region) and the job the batch sent', () => {
  const m = manifest();
  const { record, batch } = batchItemDetails(m, m.items[0]!, 'Running 40%');
  assert.equal(record.taskId, 'Highlight-1');
  assert.equal(record.projectName, 'immtest');
  assert.equal(record.region, 'cn-hangzhou');
  assert.equal(record.status, 'Running');
  assert.equal(record.progress, 40);
  assert.equal(record.outputUri, 'oss://b/out/m1.mp4');
  const parameters = (JSON.parse(record.sentRequest!) as { parameters: Record<string, unknown> }).parameters;
  assert.deepEqual(parameters['Sources'], [{ URI: 'oss://b/in/m1.mp4' }]);
  assert.deepEqual(parameters['Output'], { URI: 'oss://b/out/m1.mp4', MaxDuration: 30 });
  assert.deepEqual(parameters['Tags'], { HighlightBatch: 'reels-1' });
  assert.equal(batch.note, undefined);

  const text = unescaped(renderTaskDetails(record, { jobPath: record.fileLabel, jobExists: false, live: undefined, batch }));
  assert.match(text, /^# Highlight task Highlight-1$/m);
  assert.match(text, /^\*\*Running 40%\*\*$/m);
  assert.ok(text.includes('Batch reels (HighlightBatch=reels-1): oss://b/in/m1.mp4 → oss://b/out/m1.mp4'), text);
  assert.match(text, /## GetTask \(last known\)/);
  assert.match(text, /\| CreateHighlightTask RequestId \| REQ-1 \|/);
});

test('an item without a TaskId: the manifest stands in for GetTask, and an unknown outcome says what to check', () => {
  const m = manifest();
  const unknown = batchItemDetails(m, m.items[1]!, 'Outcome unknown');
  assert.equal(unknown.record.taskId, '');
  assert.equal(unknown.record.status, 'Outcome unknown');
  assert.equal(unknown.record.sentRequest, undefined);
  const text = unescaped(renderTaskDetails(unknown.record, { jobPath: 'reels.highlight.yaml', jobExists: false, live: undefined, batch: unknown.batch }));
  assert.match(text, /^# Batch item oss:\/\/b\/in\/m2\.mp4$/m);
  assert.match(text, /\| State \| Outcome unknown \|/);
  assert.ok(text.includes('check in the IMM console for a task of project immtest tagged HighlightBatch=reels-1 with output oss://b/out/m2.mp4'), text);
  assert.doesNotMatch(text, /GetTask|Request sent/);

  const waiting = batchItemDetails(m, m.items[2]!, 'Waiting');
  assert.match(waiting.batch.note ?? '', /^Not sent yet/);
  m.cancelled = true;
  assert.match(batchItemDetails(m, m.items[2]!, 'Waiting').batch.note ?? '', /cancelled/);
});
