/** Following a task with GetTask until it ends: backoff, progress callbacks, cancellation. */
import type { CallOptions, TaskInfo } from './client';
import { ImmApiError } from './errors';
import { sleep } from './retry';
import { t } from '../../core/src/index';

export interface TaskReader {
  getTask(task: { projectName: string; taskId: string }, options?: CallOptions): Promise<TaskInfo>;
}

export interface FollowOptions {
  readonly projectName: string;
  readonly taskId: string;
  /** Every answer, pending or final. */
  readonly onUpdate?: (task: TaskInfo) => void;
  /** A GetTask failure that will be retried at the next poll. */
  readonly onError?: (error: ImmApiError) => void;
  readonly signal?: AbortSignal;
  /** First wait before polling again; default 2 s. */
  readonly initialDelayMs?: number;
  /** Longest wait between polls; default 30 s. */
  readonly maxDelayMs?: number;
  /** Growth of the wait per poll; default 1.5. */
  readonly factor?: number;
  /** Overall cap; default 2 hours. The task keeps running in IMM when we stop following it. */
  readonly maxWaitMs?: number;
  /** GetTask failures in a row tolerated before giving up; default 5. */
  readonly maxConsecutiveErrors?: number;
}

/**
 * Resolves with the final TaskInfo once Status is Succeeded or Failed (a Failed task resolves too: the caller
 * decides what it means). Rejects with signal.reason when cancelled, or an ImmApiError of kind 'timeout' and
 * code 'FollowTimeout' when maxWaitMs passes.
 */
export async function followTask(reader: TaskReader, options: FollowOptions): Promise<TaskInfo> {
  const { projectName, taskId, signal } = options;
  const factor = options.factor ?? 1.5;
  const maxDelay = options.maxDelayMs ?? 30_000;
  const maxWait = options.maxWaitMs ?? 2 * 60 * 60 * 1000;
  const maxErrors = options.maxConsecutiveErrors ?? 5;
  const deadline = Date.now() + maxWait;
  let delay = options.initialDelayMs ?? 2000;
  let errors = 0;

  for (;;) {
    signal?.throwIfAborted();
    try {
      const task = await reader.getTask({ projectName, taskId }, signal ? { signal } : {});
      errors = 0;
      options.onUpdate?.(task);
      if (task.done) return task;
    } catch (error) {
      signal?.throwIfAborted();
      // Only a passing trouble is waited out; a task or project that is not found will not appear later.
      if (!(error instanceof ImmApiError) || !(error.retryable || error.kind === 'timeout' || error.kind === 'network')) throw error;
      errors += 1;
      if (errors >= maxErrors) throw error;
      options.onError?.(error);
    }
    const left = deadline - Date.now();
    if (left <= 0) {
      throw new ImmApiError({
        kind: 'timeout',
        code: 'FollowTimeout',
        retryable: false,
        outcomeUnknown: false,
        message: t(
          'Stopped following {0} after {1} s; the task keeps running in IMM. Check it later in the console or with GetTask.',
          taskId,
          Math.round(maxWait / 1000),
        ),
      });
    }
    await sleep(Math.min(delay, left), signal);
    delay = Math.min(maxDelay, delay * factor);
  }
}
