/**
 * Sending and following a batch from its manifest. Pacing: at most `manifest.concurrency` tasks sent and not ended
 * (a task IMM keeps queued counts: a full project is no reason to send more), at most `ratePerSecond`
 * CreateHighlightTask calls in any second, a longer pause after each throttling answer. Following: one ListTasks
 * listing per poll for the whole batch (TagSelector HighlightBatch=<id>), never a GetTask per task, the wait growing
 * from 5 to 60 s while nothing changes. Never a duplicate: the manifest is saved before each send and after each
 * answer; an item whose answer never came is matched against ListTasks by its tag and output URI, and is never sent
 * again by itself when it cannot be matched.
 */
import { t, toRequest } from '../../../core/src/index';
import type { CallOptions, CreateHighlightTaskResult, ListTasksRequest, TaskInfo, TaskList } from '../client';
import { ImmApiError } from '../errors';
import { sleep as defaultSleep } from '../retry';
import { BATCH_TAG, countItems, type BatchCounts, type BatchItem, type BatchManifest } from './manifest';
import { itemJob } from './plan';

/** The two IMM calls a batch makes (ImmClient has both). */
export interface BatchImm {
  createHighlightTask(request: ReturnType<typeof toRequest>, options?: CallOptions): Promise<CreateHighlightTaskResult>;
  listTasks(request: ListTasksRequest, options?: CallOptions): Promise<TaskList>;
}

export type BatchEvent =
  | { readonly kind: 'sending'; readonly item: BatchItem }
  | { readonly kind: 'answered'; readonly item: BatchItem }
  | { readonly kind: 'throttled'; readonly item: BatchItem; readonly waitMs: number }
  | { readonly kind: 'polled'; readonly counts: BatchCounts; readonly nextPollMs: number }
  | { readonly kind: 'matched'; readonly item: BatchItem }
  | { readonly kind: 'pollFailed'; readonly error: ImmApiError };

export interface RunBatchOptions {
  /** Writes the manifest (atomically); called before each send and after each answer. */
  readonly save: (manifest: BatchManifest) => Promise<void>;
  /** Follow until every sent task ended; without it the run ends once nothing is left to send. */
  readonly wait: boolean;
  readonly signal?: AbortSignal;
  readonly onEvent?: (event: BatchEvent, manifest: BatchManifest) => void;
  /** CreateHighlightTask calls in any one second; default 10. */
  readonly ratePerSecond?: number;
  /** Default 5 s, growing to pollMaxMs (default 60 s) while nothing changes. */
  readonly pollInitialMs?: number;
  readonly pollMaxMs?: number;
  /** The pause after a throttled send, doubled each time in a row; default 1 s up to 60 s. */
  readonly throttleInitialMs?: number;
  readonly throttleMaxMs?: number;
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

const nowIso = (): string => new Date().toISOString();

function outputOfDefinition(task: TaskInfo): string | undefined {
  const raw = task.fields?.['TaskRequestDefinition'];
  let definition: unknown = raw;
  if (typeof raw === 'string') {
    try {
      definition = JSON.parse(raw);
    } catch {
      return undefined;
    }
  }
  const output = (definition as { Output?: { URI?: unknown } } | null)?.Output?.URI;
  return typeof output === 'string' ? output : undefined;
}

function applyTask(item: BatchItem, task: TaskInfo): boolean {
  const before = JSON.stringify(item);
  item.status = task.status;
  if (task.progress !== undefined) item.progress = task.progress;
  if (task.startTime) item.startTime = task.startTime;
  if (task.endTime) item.endTime = task.endTime;
  if (task.done) {
    item.state = task.status === 'Succeeded' ? 'succeeded' : 'failed';
    if (task.code) item.code = task.code;
    if (task.message) item.message = task.message;
  }
  return JSON.stringify(item) !== before;
}

/** Marks the failed items to be sent again (their old tasks are remembered, never taken for the new send). */
export function retryFailed(manifest: BatchManifest): number {
  let count = 0;
  for (const item of manifest.items) {
    if (item.state !== 'failed') continue;
    if (item.taskId) item.previousTaskIds = [...(item.previousTaskIds ?? []), item.taskId];
    for (const field of ['taskId', 'requestId', 'status', 'progress', 'code', 'message', 'startTime', 'endTime'] as const) delete item[field];
    item.state = 'waiting';
    count += 1;
  }
  manifest.cancelled = false;
  return count;
}

/** Runs the batch until nothing is left to send (and, with `wait`, every sent task ended). Throws signal.reason when interrupted. */
export async function runBatch(imm: BatchImm, manifest: BatchManifest, options: RunBatchOptions): Promise<BatchCounts> {
  const sleep = options.sleep ?? defaultSleep;
  const rate = options.ratePerSecond ?? 10;
  const pollInitial = options.pollInitialMs ?? 5000;
  const pollMax = options.pollMaxMs ?? 60_000;
  const throttleInitial = options.throttleInitialMs ?? 1000;
  const throttleMax = options.throttleMaxMs ?? 60_000;
  const { signal } = options;
  const call: CallOptions = signal ? { signal } : {};
  const emit = (event: BatchEvent): void => options.onEvent?.(event, manifest);
  /** When each of the recent sends was answered: a new one starts a second after the answer `rate` sends back. */
  const answeredAt: number[] = [];
  let pollDelay = pollInitial;
  let throttleDelay = throttleInitial;

  const unresolved = (): BatchItem[] => manifest.items.filter((item) => item.state === 'sending' || item.state === 'outcome-unknown');

  /** One ListTasks listing of the batch (all pages): updates the items and matches the ones whose answer never came. */
  const poll = async (): Promise<boolean> => {
    const matching = unresolved().length > 0;
    const tasks: TaskInfo[] = [];
    let nextToken: string | undefined;
    do {
      const page = await imm.listTasks(
        {
          projectName: manifest.projectName,
          taskTypes: ['Highlight'],
          tagSelector: `${BATCH_TAG}=${manifest.batchId}`,
          maxResults: 100,
          ...(matching ? { requestDefinition: true } : {}),
          ...(nextToken ? { nextToken } : {}),
        },
        call,
      );
      tasks.push(...page.tasks);
      nextToken = page.nextToken;
    } while (nextToken);
    let changed = false;
    const byTask = new Map(manifest.items.filter((item) => item.taskId).map((item) => [item.taskId!, item]));
    for (const task of tasks) {
      const item = byTask.get(task.taskId);
      if (item && (item.state === 'sent' || item.state === 'succeeded' || item.state === 'failed') && applyTask(item, task)) changed = true;
    }
    if (matching) changed = match(tasks) || changed;
    return changed;
  };

  /** Items whose send had no answer: the one task of this batch with their output URI that no other item claims. */
  const match = (tasks: readonly TaskInfo[]): boolean => {
    const claimed = new Set(manifest.items.flatMap((item) => [...(item.taskId ? [item.taskId] : []), ...(item.previousTaskIds ?? [])]));
    let changed = false;
    for (const item of unresolved()) {
      const candidates = tasks.filter((task) => !claimed.has(task.taskId) && outputOfDefinition(task) === item.output);
      if (candidates.length === 1) {
        const task = candidates[0]!;
        item.state = 'sent';
        item.taskId = task.taskId;
        delete item.code;
        delete item.message;
        claimed.add(task.taskId);
        applyTask(item, task);
        emit({ kind: 'matched', item });
      } else if (item.state === 'sending') {
        item.state = 'outcome-unknown';
        item.message = t('The send had no answer and ListTasks shows no task for {0}: check the IMM console before sending it again.', item.output);
      } else continue;
      changed = true;
    }
    return changed;
  };

  const rateGate = async (): Promise<void> => {
    while (answeredAt.length >= rate) {
      const wait = answeredAt[answeredAt.length - rate]! + 1000 - Date.now();
      if (wait <= 0) break;
      await sleep(wait, signal);
    }
    if (answeredAt.length > rate) answeredAt.splice(0, answeredAt.length - rate);
  };

  const send = async (item: BatchItem): Promise<void> => {
    await rateGate();
    signal?.throwIfAborted();
    item.state = 'sending';
    item.sends += 1;
    item.sentAt = nowIso();
    await options.save(manifest);
    emit({ kind: 'sending', item });
    try {
      const created = await imm.createHighlightTask(toRequest(itemJob(manifest.job, item.source, item.output, manifest.batchId)));
      item.state = 'sent';
      item.taskId = created.taskId;
      item.requestId = created.requestId;
      item.status = 'Running';
      throttleDelay = throttleInitial;
    } catch (error) {
      answeredAt.push(Date.now());
      if (!(error instanceof ImmApiError)) {
        item.state = 'outcome-unknown';
        item.message = error instanceof Error ? error.message : String(error);
        await options.save(manifest);
        throw error;
      }
      item.code = error.code;
      item.message = error.message;
      if (error.requestId) item.requestId = error.requestId;
      if (error.outcomeUnknown) item.state = 'outcome-unknown';
      else if (error.retryable || error.kind === 'credentials' || error.kind === 'endpoint') {
        // Not acted on: the item waits for its turn again.
        item.state = 'waiting';
        item.sends -= 1;
      } else item.state = 'refused';
      await options.save(manifest);
      emit({ kind: 'answered', item });
      if (error.kind === 'credentials' || error.kind === 'endpoint') throw error;
      if (error.retryable) {
        emit({ kind: 'throttled', item, waitMs: throttleDelay });
        await sleep(throttleDelay, signal);
        throttleDelay = Math.min(throttleMax, throttleDelay * 2);
      }
      return;
    }
    answeredAt.push(Date.now());
    await options.save(manifest);
    emit({ kind: 'answered', item });
  };

  // A resumed batch first settles every send that had no answer, before anything is sent again. (Only waiting items
  // are ever sent: an unsettled one is not, so a passing ListTasks failure here only delays the matching.)
  if (unresolved().length > 0) {
    try {
      if (await poll()) await options.save(manifest);
    } catch (error) {
      signal?.throwIfAborted();
      if (!(error instanceof ImmApiError) || !(error.retryable || error.kind === 'timeout' || error.kind === 'network')) throw error;
      emit({ kind: 'pollFailed', error });
    }
  }

  for (;;) {
    signal?.throwIfAborted();
    const counts = countItems(manifest);
    const next = manifest.cancelled ? undefined : manifest.items.find((item) => item.state === 'waiting');
    if (next && counts.running < manifest.concurrency) {
      await send(next);
      continue;
    }
    if (!next && (!options.wait || counts.running === 0)) return countItems(manifest);
    await sleep(pollDelay, signal);
    try {
      const changed = await poll();
      if (changed) await options.save(manifest);
      pollDelay = changed ? pollInitial : Math.min(pollMax, pollDelay * 1.5);
    } catch (error) {
      signal?.throwIfAborted();
      if (!(error instanceof ImmApiError) || !(error.retryable || error.kind === 'timeout' || error.kind === 'network')) throw error;
      pollDelay = Math.min(pollMax, pollDelay * 2);
      emit({ kind: 'pollFailed', error });
    }
    emit({ kind: 'polled', counts: countItems(manifest), nextPollMs: pollDelay });
  }
}
