/**
 * The local IMM endpoint's ListTasks and limits, through the real client: filters (TaskTypes, TagSelector, Status),
 * Sort/Order, paging by NextToken with MaxResults up to 100, the TaskInfo fields, Tags kept; a project's limit of
 * running tasks (the rest wait as Running with no progress); throttling past a request rate; a connection dropped
 * after a CreateHighlightTask was accepted.
 */
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ImmApiError, type ImmClient, type TaskInfo } from '../../api/src/index';
import { toRequest } from '../../core/src/request/request';
import { faults } from '../endpoints/imm/faults';
import { startImmEndpoint, type ImmEndpoint } from '../endpoints/imm/server';
import { clientFor, JOBS } from './helpers';

let endpoint: ImmEndpoint;
let client: ImmClient;
before(async () => {
  endpoint = await startImmEndpoint({ projects: ['immtest', 'other', 'queue'] });
  client = clientFor(endpoint, { retry: { maxAttempts: 1 } });
});
after(() => endpoint.close());
beforeEach(() => endpoint.control.reset());

function job(output: string, tags: Record<string, string>, project = 'immtest'): ReturnType<typeof toRequest> {
  return toRequest({ ...JOBS.Retrieval, ProjectName: project, Output: { URI: output }, Tags: tags });
}

async function listAll(request: Parameters<ImmClient['listTasks']>[0]): Promise<{ tasks: TaskInfo[]; pages: number }> {
  const tasks: TaskInfo[] = [];
  let nextToken: string | undefined;
  let pages = 0;
  do {
    const page = await client.listTasks({ ...request, ...(nextToken ? { nextToken } : {}) });
    pages += 1;
    tasks.push(...page.tasks);
    nextToken = page.nextToken;
  } while (nextToken);
  return { tasks, pages };
}

describe('ListTasks', () => {
  test('TagSelector key=value picks the tagged tasks; Tags are kept and returned beside the user’s own', async () => {
    const batchId = `b-${Date.now()}`;
    for (let i = 0; i < 3; i++) await client.createHighlightTask(job(`oss://test-bucket/out/${i}.mp4`, { HighlightBatch: batchId, test: 'val1' }));
    await client.createHighlightTask(job('oss://test-bucket/out/x.mp4', { HighlightBatch: 'another' }));
    await client.createHighlightTask(job('oss://test-bucket/out/y.mp4', { HighlightBatch: batchId }, 'other'));
    const { tasks } = await listAll({ projectName: 'immtest', taskTypes: ['Highlight'], tagSelector: `HighlightBatch=${batchId}` });
    assert.equal(tasks.length, 3);
    for (const task of tasks) {
      assert.deepEqual(task.fields?.['Tags'], { HighlightBatch: batchId, test: 'val1' });
      assert.equal(task.taskType, 'Highlight');
      assert.equal(task.status, 'Running');
      assert.match(task.startTime ?? '', /^\d{4}-\d\d-\d\dT/);
    }
    assert.equal(endpoint.tasksTagged('HighlightBatch', batchId), 4);
    assert.equal((await listAll({ projectName: 'immtest', taskTypes: ['Segment'] })).tasks.length, 0);
  });

  test('pages of MaxResults, each task once, in Sort/Order; MaxResults past 100 is refused', async () => {
    for (let i = 0; i < 7; i++) await client.createHighlightTask(job(`oss://test-bucket/out/p${i}.mp4`, { HighlightBatch: 'paged' }));
    const { tasks, pages } = await listAll({ projectName: 'immtest', tagSelector: 'HighlightBatch=paged', maxResults: 3, sort: 'TaskId', order: 'desc' });
    assert.equal(pages, 3);
    const ids = tasks.map((t) => t.taskId);
    assert.equal(new Set(ids).size, 7);
    assert.deepEqual(ids, [...ids].sort().reverse());
    await assert.rejects(
      client.listTasks({ projectName: 'immtest', maxResults: 101 }),
      (e: unknown) => e instanceof ImmApiError && e.code === 'InvalidArgument' && /MaxResults/.test(e.message),
    );
    await assert.rejects(
      client.listTasks({ projectName: 'immtest', tagSelector: 'no-equals-sign' }),
      (e: unknown) => e instanceof ImmApiError && e.code === 'InvalidArgument' && /TagSelector/.test(e.message),
    );
  });

  test('each listing moves the tasks on as GetTask does; Status filters; RequestDefinition tells the output', async () => {
    endpoint.control.setTaskScript({ pollsBeforeDone: 1, outcome: 'Failed', failure: { Code: 'InvalidVideo', Message: 'bad' } });
    await client.createHighlightTask(job('oss://test-bucket/out/f.mp4', { HighlightBatch: 'st' }));
    const first = await listAll({ projectName: 'immtest', tagSelector: 'HighlightBatch=st', requestDefinition: true });
    assert.equal(first.tasks[0]?.status, 'Running');
    const definition = JSON.parse(String(first.tasks[0]?.fields?.['TaskRequestDefinition'])) as { Output: { URI: string } };
    assert.equal(definition.Output.URI, 'oss://test-bucket/out/f.mp4');
    const second = await listAll({ projectName: 'immtest', tagSelector: 'HighlightBatch=st' });
    assert.equal(second.tasks[0]?.status, 'Failed');
    assert.equal(second.tasks[0]?.code, 'InvalidVideo');
    assert.ok(second.tasks[0]?.endTime);
    assert.equal((await listAll({ projectName: 'immtest', tagSelector: 'HighlightBatch=st', status: 'Failed' })).tasks.length, 1);
    assert.equal((await listAll({ projectName: 'immtest', tagSelector: 'HighlightBatch=st', status: 'Running' })).tasks.length, 0);
    assert.equal(endpoint.received('GetTask').length, 0);
  });
});

describe('limits and faults', () => {
  test('past the running limit tasks wait as Running with no progress, and start when a slot frees', async () => {
    endpoint.control.setLimits({ maxRunningTasks: 2 });
    endpoint.control.setTaskScript({ pollsBeforeDone: 1, outcome: 'Succeeded' });
    // A project of its own: the other tests' tasks would hold its slots.
    for (let i = 0; i < 3; i++) await client.createHighlightTask(job(`oss://test-bucket/out/q${i}.mp4`, { HighlightBatch: 'queue' }, 'queue'));
    const look = async (): Promise<string[]> => (await listAll({ projectName: 'queue' })).tasks.map((t) => `${t.status}:${t.progress}`).sort();
    // Two run; the third waits with no progress.
    assert.deepEqual(await look(), ['Running:0', 'Running:50', 'Running:50']);
    // The two end, which frees a slot: the third starts in this look or the next (tasks started in one second are
    // listed in TaskId order, so it may be looked at before the slot frees).
    const second = await look();
    assert.deepEqual(second.slice(1), ['Succeeded:100', 'Succeeded:100']);
    assert.match(second[0]!, /^Running:(0|50)$/);
    let looks = 0;
    while ((await look()).some((state) => state.startsWith('Running'))) assert.ok(++looks < 2, 'the third task ends two looks after it starts at most');
    assert.equal(endpoint.peakUnfinished('queue'), 3);
  });

  test('past the request rate IMM answers 429 Throttling.User', async () => {
    endpoint.control.setLimits({ requestsPerSecond: 2 });
    await client.listTasks({ projectName: 'immtest' });
    await client.listTasks({ projectName: 'immtest' });
    await assert.rejects(
      client.listTasks({ projectName: 'immtest' }),
      (e: unknown) => e instanceof ImmApiError && e.code === 'Throttling.User' && e.statusCode === 429 && e.retryable,
    );
    assert.equal(endpoint.peakPerSecond('ListTasks'), 2);
  });

  test('a connection dropped after CreateHighlightTask was accepted: outcome unknown, the task exists', async () => {
    endpoint.control.failNext(faults.dropAfterAccept(), { action: 'CreateHighlightTask' });
    await assert.rejects(
      client.createHighlightTask(job('oss://test-bucket/out/d.mp4', { HighlightBatch: 'drop' })),
      (e: unknown) => e instanceof ImmApiError && e.outcomeUnknown,
    );
    assert.equal(endpoint.tasksTagged('HighlightBatch', 'drop'), 1);
    assert.equal(endpoint.received('CreateHighlightTask').length, 1);
  });
});
