import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HISTORY_KEY, sentRequestKey, TaskHistory, type StateStore } from '../../../../client/src/tasks/history';
import type { TaskRecord } from '../../../../client/src/tasks/record';

class MemoryStore implements StateStore {
  readonly values = new Map<string, unknown>();
  get<T>(key: string): T | undefined {
    // A round trip through JSON, like workspaceState: nothing may depend on object identity.
    const value = this.values.get(key);
    return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as T);
  }
  async update(key: string, value: unknown): Promise<void> {
    this.values.set(key, value);
  }
}

const NOW = Date.parse('2026-11-25T12:00:00Z');
const hoursAgo = (h: number): string => new Date(NOW - h * 3_600_000).toISOString();

function record(taskId: string, overrides: Partial<TaskRecord> = {}): TaskRecord {
  return {
    taskId,
    projectName: 'immtest',
    fileUri: 'file:///w/a.highlight.yaml',
    fileLabel: 'a.highlight.yaml',
    submittedAt: hoursAgo(1),
    region: 'cn-hangzhou',
    requestId: 'REQ',
    status: 'Submitted',
    updatedAt: hoursAgo(1),
    ...overrides,
  };
}

test('a record added survives a reload from the same store (window reload)', async () => {
  const store = new MemoryStore();
  const history = new TaskHistory(store, () => NOW);
  await history.add(record('Highlight-1'));
  await history.update('Highlight-1', { status: 'Running', progress: 40 });
  const reloaded = new TaskHistory(store, () => NOW);
  assert.deepEqual(
    reloaded.list().map((r) => [r.taskId, r.status, r.progress]),
    [['Highlight-1', 'Running', 40]],
  );
});

test('lists newest first and groups per file, the most recently used file first', async () => {
  const history = new TaskHistory(new MemoryStore(), () => NOW);
  await history.add(record('T-old', { submittedAt: hoursAgo(5) }));
  await history.add(record('T-b', { submittedAt: hoursAgo(3), fileUri: 'file:///w/b.highlight.yaml', fileLabel: 'b.highlight.yaml' }));
  await history.add(record('T-new', { submittedAt: hoursAgo(1) }));
  assert.deepEqual(
    history.list().map((r) => r.taskId),
    ['T-new', 'T-b', 'T-old'],
  );
  assert.deepEqual(
    history.byFile().map((g) => [g.fileLabel, g.tasks.map((t) => t.taskId)]),
    [
      ['a.highlight.yaml', ['T-new', 'T-old']],
      ['b.highlight.yaml', ['T-b']],
    ],
  );
});

test('only pending tasks younger than 7 days are followed again', async () => {
  const history = new TaskHistory(new MemoryStore(), () => NOW);
  await history.add(record('running', { status: 'Running' }));
  await history.add(record('submitted', { status: 'Submitted' }));
  await history.add(record('done', { status: 'Succeeded' }));
  await history.add(record('failed', { status: 'Failed' }));
  await history.add(record('too-old', { status: 'Running', submittedAt: hoursAgo(24 * 8) }));
  assert.deepEqual(
    history
      .followable()
      .map((r) => r.taskId)
      .sort(),
    ['running', 'submitted'],
  );
});

test('drops malformed saved entries instead of failing activation', () => {
  const store = new MemoryStore();
  store.values.set(HISTORY_KEY, [record('good'), { taskId: 'no-fields' }, null, 'text', record('bad-date', { submittedAt: 'yesterday' })]);
  assert.deepEqual(
    new TaskHistory(store, () => NOW).list().map((r) => r.taskId),
    ['good'],
  );
});

test('keeps at most maxRecords and nothing older than maxAgeMs', async () => {
  const history = new TaskHistory(new MemoryStore(), () => NOW, { maxRecords: 2, maxAgeMs: 10 * 3_600_000 });
  await history.add(record('ancient', { submittedAt: hoursAgo(11) }));
  assert.equal(history.list().length, 0);
  for (const id of ['a', 'b', 'c']) await history.add(record(id, { submittedAt: hoursAgo(id === 'a' ? 3 : id === 'b' ? 2 : 1) }));
  assert.deepEqual(
    history.list().map((r) => r.taskId),
    ['c', 'b'],
  );
});

test('update of a task no longer in the history changes nothing and says so', async () => {
  const store = new MemoryStore();
  const history = new TaskHistory(store, () => NOW);
  await history.add(record('kept'));
  assert.equal(await history.update('gone', { status: 'Succeeded' }), undefined);
  assert.deepEqual(
    history.list().map((r) => r.status),
    ['Submitted'],
  );
});

test('update stamps updatedAt and notifies listeners; remove and clear persist', async () => {
  const store = new MemoryStore();
  const history = new TaskHistory(store, () => NOW);
  let changes = 0;
  history.onDidChange(() => changes++);
  await history.add(record('x'));
  const updated = await history.update('x', { status: 'Failed', code: 'InvalidFile', message: 'no video' });
  assert.equal(updated?.updatedAt, new Date(NOW).toISOString());
  await history.remove('x');
  assert.equal(changes, 3);
  assert.deepEqual(store.get(HISTORY_KEY), []);
  await history.add(record('y'));
  await history.clear();
  assert.equal(new TaskHistory(store, () => NOW).list().length, 0);
});

test('adding a task id again replaces the older record', async () => {
  const history = new TaskHistory(new MemoryStore(), () => NOW);
  await history.add(record('same', { status: 'Running' }));
  await history.add(record('same', { status: 'Submitted', requestId: 'REQ2' }));
  assert.deepEqual(
    history.list().map((r) => r.requestId),
    ['REQ2'],
  );
});

/** Counts the writes of each key: workspaceState flushes the whole value to disk on every update. */
class CountingStore extends MemoryStore {
  readonly writes = new Map<string, number>();
  override async update(key: string, value: unknown): Promise<void> {
    this.writes.set(key, (this.writes.get(key) ?? 0) + 1);
    await super.update(key, value);
  }
}

test('polling a Running task writes the history once per status change, not once per poll (issue 20, 13)', async () => {
  const store = new CountingStore();
  const history = new TaskHistory(store, () => NOW);
  await history.add(record('Highlight-1'));
  const afterAdd = store.writes.get(HISTORY_KEY) ?? 0;
  let seen = 0;
  history.onDidChange(() => seen++);
  await history.update('Highlight-1', { status: 'Running', progress: 0, lastRequestId: 'R0' });
  for (let poll = 1; poll <= 20; poll++) await history.update('Highlight-1', { status: 'Running', progress: poll * 4, lastRequestId: `R${poll}` });
  await history.update('Highlight-1', { status: 'Succeeded', progress: 100, endTime: hoursAgo(0), lastRequestId: 'R-end' });
  await history.update('Highlight-1', { status: 'Succeeded', progress: 100, endTime: hoursAgo(0), lastRequestId: 'R-end' });
  assert.equal((store.writes.get(HISTORY_KEY) ?? 0) - afterAdd, 2, 'Submitted → Running, Running → Succeeded');
  // The tree still follows the progress in memory.
  assert.equal(history.get('Highlight-1')?.progress, 100);
  assert.ok(seen >= 21, `listeners told of each progress change (${seen})`);
});

test('the sent request is kept under its own key, not in the list every status change rewrites (issue 20, 13)', async () => {
  const store = new CountingStore();
  const history = new TaskHistory(store, () => NOW);
  const big = JSON.stringify({ Sources: Array.from({ length: 200 }, (_, i) => `oss://b/v${i}.mp4`) });
  await history.add(record('Highlight-1', { sentRequest: big }));
  await history.update('Highlight-1', { status: 'Running' });
  const list = store.get<TaskRecord[]>(HISTORY_KEY)!;
  assert.equal(list[0]!.sentRequest, undefined);
  assert.ok(JSON.stringify(list).length < 1000);
  assert.equal(store.writes.get(sentRequestKey('Highlight-1')), 1);
  assert.equal(new TaskHistory(store, () => NOW).get('Highlight-1')?.sentRequest, big);
  await history.remove('Highlight-1');
  assert.equal(store.values.get(sentRequestKey('Highlight-1')), undefined);
});

test('a history written by an earlier version, with requests inline, moves them to their own keys', async () => {
  const store = new MemoryStore();
  store.values.set(HISTORY_KEY, [record('Old-1', { sentRequest: '{"a":1}' })]);
  const history = new TaskHistory(store, () => NOW);
  assert.equal(history.get('Old-1')?.sentRequest, '{"a":1}');
  await history.update('Old-1', { status: 'Running' });
  assert.equal(store.get<TaskRecord[]>(HISTORY_KEY)![0]!.sentRequest, undefined);
  assert.equal(new TaskHistory(store, () => NOW).get('Old-1')?.sentRequest, '{"a":1}');
});
