/**
 * A batch against the local IMM endpoint, counted by the endpoint: pacing under the concurrency and rate limits,
 * a throttled project, a full project; following by ListTasks only; a batch killed after each step (before a send,
 * after a send without an answer, after an answer) and resumed from its manifest on disk with no task sent twice;
 * Retry Failed sends the failed items only.
 */
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  loadManifest,
  newManifest,
  retryFailed,
  runBatch,
  saveManifest,
  type BatchEvent,
  type BatchManifest,
  type RunBatchOptions,
} from '../../api/src/batch/index';
import type { BatchPlan } from '../../api/src/batch/index';
import type { ImmClient } from '../../api/src/index';
import { faults } from '../endpoints/imm/faults';
import { startImmEndpoint, type ImmEndpoint } from '../endpoints/imm/server';
import { clientFor } from './helpers';

let endpoint: ImmEndpoint;
let client: ImmClient;
let dir = '';
let projectCount = 0;
before(async () => {
  endpoint = await startImmEndpoint();
  client = clientFor(endpoint, { retry: { maxAttempts: 1 } });
  dir = mkdtempSync(join(tmpdir(), 'imm-batch-'));
});
after(() => endpoint.close());
beforeEach(() => endpoint.control.reset());

/** A manifest of `count` waiting items in a project of its own (tasks of other tests hold no slots in it). */
function manifestOf(count: number, concurrency: number): BatchManifest {
  const projectName = `batch-${++projectCount}`;
  const job = {
    ProjectName: projectName,
    Type: 'Retrieval',
    Sources: [{ URI: 'oss://test-bucket/x.mp4' }],
    Output: { URI: 'oss://test-bucket/x-out.mp4' },
    Tags: { team: 'sports' },
  };
  const plan: BatchPlan = {
    batchId: `${projectName}-id`,
    options: {
      job,
      name: 'reels',
      jobFile: 'reels.highlight.yaml',
      each: 'oss://test-bucket/matches/',
      outputTemplate: 'oss://test-bucket/reels/{name}.mp4',
      concurrency,
    },
    items: Array.from({ length: count }, (_, i) => ({
      index: i + 1,
      source: `oss://test-bucket/matches/m${i + 1}.mp4`,
      output: `oss://test-bucket/reels/m${i + 1}.mp4`,
    })),
  };
  return newManifest(plan, plan.items, []);
}

const FAST = { pollInitialMs: 10, pollMaxMs: 40, throttleInitialMs: 20, throttleMaxMs: 200 } as const;

function options(path: string, extra: Partial<RunBatchOptions> = {}): RunBatchOptions {
  return { save: (m) => saveManifest(path, m), wait: true, ...FAST, ...extra };
}

/** How many tasks the endpoint created for each output URI (a throttled or refused call creates none). */
function sendsPerOutput(manifest: BatchManifest): number[] {
  const creates = endpoint.received('CreateHighlightTask').filter((r) => r.params['ProjectName'] === manifest.projectName && r.taskId !== undefined);
  return manifest.items.map((item) => creates.filter((r) => (JSON.parse(r.params['Output'] ?? '{}') as { URI?: string }).URI === item.output).length);
}

/** Stops the run (as a crash would) right after the save at which `when` first holds: the manifest on disk is what a restart reads. */
class Killed extends Error {}
function killWhen(path: string, when: (m: BatchManifest) => boolean): RunBatchOptions['save'] {
  let killed = false;
  return async (m) => {
    await saveManifest(path, m);
    if (!killed && when(m)) {
      killed = true;
      throw new Killed('killed');
    }
  };
}

describe('pacing', () => {
  test('at most `concurrency` tasks unfinished at once; every item sent once; all succeed', async () => {
    endpoint.control.setTaskScript({ pollsBeforeDone: 1, outcome: 'Succeeded' });
    const manifest = manifestOf(8, 3);
    const counts = await runBatch(client, manifest, options(join(dir, 'pace.json')));
    assert.equal(counts.succeeded, 8);
    assert.equal(endpoint.peakUnfinished(manifest.projectName), 3);
    assert.equal(endpoint.tasksTagged('HighlightBatch', manifest.batchId), 8);
    assert.deepEqual(sendsPerOutput(manifest), Array(8).fill(1));
  });

  test('at most `ratePerSecond` CreateHighlightTask calls in any second', async () => {
    endpoint.control.setTaskScript({ pollsBeforeDone: 0, outcome: 'Succeeded' });
    const manifest = manifestOf(12, 12);
    const started = Date.now();
    await runBatch(client, manifest, options(join(dir, 'rate.json'), { ratePerSecond: 5, wait: false }));
    assert.equal(endpoint.received('CreateHighlightTask').length, 12);
    assert.ok(endpoint.peakPerSecond('CreateHighlightTask') <= 5, String(endpoint.peakPerSecond('CreateHighlightTask')));
    assert.ok(Date.now() - started >= 2000, 'twelve sends at five a second take two seconds at least');
  });

  test('a throttling answer slows the batch down; nothing is sent twice', async () => {
    endpoint.control.setTaskScript({ pollsBeforeDone: 0, outcome: 'Succeeded' });
    endpoint.control.setLimits({ requestsPerSecond: 3 });
    const manifest = manifestOf(7, 7);
    const events: BatchEvent[] = [];
    const counts = await runBatch(client, manifest, options(join(dir, 'throttle.json'), { onEvent: (e) => events.push(e) }));
    assert.equal(counts.succeeded, 7);
    assert.ok(events.some((e) => e.kind === 'throttled'));
    assert.ok(endpoint.requests.some((r) => r.errorCode === 'Throttling.User'));
    assert.deepEqual(sendsPerOutput(manifest), Array(7).fill(1));
  });

  test('a full project (tasks queued, nothing failing) is no reason to send more', async () => {
    endpoint.control.setTaskScript({ pollsBeforeDone: 1, outcome: 'Succeeded' });
    endpoint.control.setLimits({ maxRunningTasks: 1 });
    const manifest = manifestOf(5, 2);
    await runBatch(client, manifest, options(join(dir, 'full.json')));
    assert.equal(endpoint.peakUnfinished(manifest.projectName), 2);
    assert.deepEqual(sendsPerOutput(manifest), Array(5).fill(1));
  });
});

test('following: one ListTasks listing per poll for the whole batch, never a GetTask', async () => {
  endpoint.control.setTaskScript({ pollsBeforeDone: 2, outcome: 'Succeeded' });
  const manifest = manifestOf(4, 4);
  let polls = 0;
  await runBatch(client, manifest, options(join(dir, 'follow.json'), { onEvent: (e) => void (e.kind === 'polled' && polls++) }));
  assert.equal(endpoint.received('GetTask').length, 0);
  const lists = endpoint.received('ListTasks');
  assert.equal(lists.length, polls);
  for (const list of lists) {
    assert.equal(list.params['ProjectName'], manifest.projectName);
    assert.equal(list.params['TaskTypes'], '["Highlight"]');
    assert.equal(list.params['TagSelector'], `HighlightBatch=${manifest.batchId}`);
    assert.equal(list.params['MaxResults'], '100');
  }
  assert.ok(manifest.items.every((item) => item.state === 'succeeded' && item.endTime));
});

describe('killed and resumed: no task sent twice', () => {
  test('killed before a send (the manifest says sending, the request never left): the item stays outcome unknown, never resent', async () => {
    endpoint.control.setTaskScript({ pollsBeforeDone: 0, outcome: 'Succeeded' });
    const path = join(dir, 'kill-before.json');
    const manifest = manifestOf(4, 4);
    await assert.rejects(runBatch(client, manifest, { ...options(path), save: killWhen(path, (m) => m.items[1]!.state === 'sending') }), Killed);
    assert.equal(endpoint.received('CreateHighlightTask').length, 1);
    const resumed = await loadManifest(path);
    await runBatch(client, resumed, options(path));
    assert.equal(resumed.items[1]!.state, 'outcome-unknown');
    assert.deepEqual(sendsPerOutput(resumed), [1, 0, 1, 1]);
    assert.deepEqual(
      resumed.items.map((i) => i.state),
      ['succeeded', 'outcome-unknown', 'succeeded', 'succeeded'],
    );
  });

  test('killed after a send without an answer (the endpoint drops the connection after creating the task): matched by ListTasks, not resent', async () => {
    endpoint.control.setTaskScript({ pollsBeforeDone: 0, outcome: 'Succeeded' });
    const path = join(dir, 'kill-drop.json');
    const manifest = manifestOf(4, 4);
    // The second create is acted on, then its connection dropped; the run is killed as it records the unknown outcome.
    endpoint.control.failNext(faults.dropAfterAccept(), { action: 'CreateHighlightTask' });
    await assert.rejects(runBatch(client, manifest, { ...options(path), save: killWhen(path, (m) => m.items[0]!.state === 'outcome-unknown') }), Killed);
    assert.equal(endpoint.tasksTagged('HighlightBatch', manifest.batchId), 1);
    const resumed = await loadManifest(path);
    assert.equal(resumed.items[0]!.state, 'outcome-unknown');
    const before = endpoint.requests.length;
    await runBatch(client, resumed, options(path));
    assert.equal(endpoint.requests[before]?.action, 'ListTasks', 'the lost send is looked for before anything is sent');
    assert.equal(endpoint.requests[before]?.params['RequestDefinition'], 'true');
    assert.equal(resumed.items[0]!.state, 'succeeded');
    assert.ok(resumed.items[0]!.taskId);
    assert.deepEqual(sendsPerOutput(resumed), [1, 1, 1, 1]);
    assert.equal(endpoint.tasksTagged('HighlightBatch', resumed.batchId), 4);
  });

  test('the same without a kill: the next poll matches the task, and the run goes on', async () => {
    endpoint.control.setTaskScript({ pollsBeforeDone: 1, outcome: 'Succeeded' });
    const manifest = manifestOf(3, 3);
    endpoint.control.failNext(faults.dropAfterAccept(), { action: 'CreateHighlightTask' });
    const matched: string[] = [];
    await runBatch(client, manifest, options(join(dir, 'drop.json'), { onEvent: (e) => void (e.kind === 'matched' && matched.push(e.item.output)) }));
    assert.deepEqual(matched, [manifest.items[0]!.output]);
    assert.deepEqual(
      manifest.items.map((i) => i.state),
      ['succeeded', 'succeeded', 'succeeded'],
    );
    assert.deepEqual(sendsPerOutput(manifest), [1, 1, 1]);
  });

  test('a resume whose first ListTasks is throttled still sends nothing twice', async () => {
    endpoint.control.setTaskScript({ pollsBeforeDone: 0, outcome: 'Succeeded' });
    const path = join(dir, 'resume-throttled.json');
    const manifest = manifestOf(3, 3);
    endpoint.control.failNext(faults.dropAfterAccept(), { action: 'CreateHighlightTask' });
    await assert.rejects(runBatch(client, manifest, { ...options(path), save: killWhen(path, (m) => m.items[0]!.state === 'outcome-unknown') }), Killed);
    endpoint.control.failNext(faults.throttling(), { action: 'ListTasks' });
    const resumed = await loadManifest(path);
    await runBatch(client, resumed, options(path));
    assert.deepEqual(sendsPerOutput(resumed), [1, 1, 1]);
    assert.ok(resumed.items.every((i) => i.state === 'succeeded'));
  });

  test('killed after an answer: the resumed run sends only what was still waiting', async () => {
    endpoint.control.setTaskScript({ pollsBeforeDone: 0, outcome: 'Succeeded' });
    const path = join(dir, 'kill-after.json');
    const manifest = manifestOf(5, 5);
    await assert.rejects(runBatch(client, manifest, { ...options(path), save: killWhen(path, (m) => m.items[2]!.state === 'sent') }), Killed);
    assert.equal(endpoint.received('CreateHighlightTask').length, 3);
    const resumed = await loadManifest(path);
    await runBatch(client, resumed, options(path));
    assert.deepEqual(sendsPerOutput(resumed), [1, 1, 1, 1, 1]);
    assert.ok(resumed.items.every((i) => i.state === 'succeeded'));
  });
});

test('Retry Failed sends the failed items only, and never takes the old task for the new send', async () => {
  const manifest = manifestOf(4, 4);
  // The second task fails; the others succeed.
  endpoint.control.setTaskScript({ pollsBeforeDone: 0, outcome: 'Succeeded' });
  const path = join(dir, 'retry.json');
  await runBatch(client, manifest, {
    ...options(path),
    onEvent: (e) => {
      if (e.kind === 'sending' && e.item.index === 2)
        endpoint.control.setTaskScript({ pollsBeforeDone: 0, outcome: 'Failed', failure: { Code: 'InvalidVideo', Message: 'no video stream' } });
      if (e.kind === 'answered' && e.item.index === 2) endpoint.control.setTaskScript({ pollsBeforeDone: 0, outcome: 'Succeeded' });
    },
  });
  assert.deepEqual(
    manifest.items.map((i) => i.state),
    ['succeeded', 'failed', 'succeeded', 'succeeded'],
  );
  assert.equal(manifest.items[1]!.code, 'InvalidVideo');
  const oldTask = manifest.items[1]!.taskId!;
  assert.equal(retryFailed(manifest), 1);
  await runBatch(client, manifest, options(path));
  assert.deepEqual(sendsPerOutput(manifest), [1, 2, 1, 1]);
  assert.equal(manifest.items[1]!.state, 'succeeded');
  assert.notEqual(manifest.items[1]!.taskId, oldTask);
  assert.deepEqual(manifest.items[1]!.previousTaskIds, [oldTask]);
});

test('Cancel stops sending; what was sent is still followed', async () => {
  endpoint.control.setTaskScript({ pollsBeforeDone: 1, outcome: 'Succeeded' });
  const manifest = manifestOf(5, 5);
  await runBatch(client, manifest, {
    ...options(join(dir, 'cancel.json')),
    onEvent: (e, m) => {
      if (e.kind === 'answered' && e.item.index === 2) m.cancelled = true;
    },
  });
  assert.deepEqual(
    manifest.items.map((i) => i.state),
    ['succeeded', 'succeeded', 'waiting', 'waiting', 'waiting'],
  );
  assert.equal(endpoint.received('CreateHighlightTask').length, 2);
});
