/**
 * Follows submitted tasks with GetTask (api/src/follow: backoff, cancellation) and writes each answer into the
 * history, which the tree and the status bar read. One follow per task, however often it is asked for.
 */
import * as vscode from 'vscode';
import type { ImmClient, TaskInfo } from '../../../api/src/client';
import { persistedError } from '../access/persistedError';
import { followTask } from '../../../api/src/follow';
import { adviseError } from '../access/errorAdvice';
import type { TaskHistory } from './history';
import { isTerminal, type TaskRecord } from './record';
import { t } from '../../../core/src/index';

export interface FollowerDeps {
  readonly history: TaskHistory;
  /** A client for the region and endpoint the task was submitted to, with today's credentials. */
  readonly clientFor: (record: TaskRecord) => Promise<ImmClient>;
  readonly log: (line: string) => void;
  /** The task ended (Succeeded or Failed). */
  readonly onFinished: (record: TaskRecord) => void;
  /** Following stopped before the end; `quiet` for tasks resumed at start-up, which must not pop up dialogs. */
  readonly onStopped: (record: TaskRecord, message: string, quiet: boolean) => void;
  /** Every GetTask answer, for an open details view. */
  readonly onAnswer?: (task: TaskInfo) => void;
}

export class TaskFollower implements vscode.Disposable {
  private readonly running = new Map<string, { controller: AbortController; done: Promise<TaskRecord | undefined> }>();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the set of followed tasks changes. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly deps: FollowerDeps) {}

  isFollowing(taskId: string): boolean {
    return this.running.has(taskId);
  }

  /** Resolves with the final record, or undefined when following stopped first (error, cancelled, cleared). */
  follow(record: TaskRecord, quiet = false): Promise<TaskRecord | undefined> {
    const existing = this.running.get(record.taskId);
    if (existing) return existing.done;
    const controller = new AbortController();
    const done = this.run(record, controller.signal, quiet).finally(() => {
      this.running.delete(record.taskId);
      this.changed.fire();
    });
    this.running.set(record.taskId, { controller, done });
    this.changed.fire();
    return done;
  }

  /** After a reload: every task that had not ended and that IMM still knows. */
  resumeAll(): void {
    for (const record of this.deps.history.followable()) void this.follow(record, true);
  }

  /** One look now: restarts following of tasks that are not followed (after an error or a credentials fix). */
  refresh(): void {
    for (const record of this.deps.history.followable()) {
      if (!this.isFollowing(record.taskId)) void this.follow(record);
    }
  }

  private async run(record: TaskRecord, signal: AbortSignal, quiet: boolean): Promise<TaskRecord | undefined> {
    const { history, log } = this.deps;
    await history.update(record.taskId, { followError: undefined });
    let last: TaskInfo | undefined;
    try {
      const client = await this.deps.clientFor(record);
      const final = await followTask(client, {
        projectName: record.projectName,
        taskId: record.taskId,
        signal,
        onUpdate: (task) => {
          this.deps.onAnswer?.(task);
          // Only changes are written: workspaceState is flushed to disk on every update.
          if (last && last.status === task.status && last.progress === task.progress) return;
          last = task;
          void history.update(record.taskId, patchOf(task));
        },
        onError: (error) => log(`GetTask ${record.taskId}: ${error.code}: ${error.message} (will try again)`),
      });
      this.deps.onAnswer?.(final);
      const updated = await history.update(record.taskId, patchOf(final));
      log(`Task ${record.taskId} ${final.status}${final.code ? `: ${final.code}: ${final.message ?? ''}` : ''}`);
      if (updated) this.deps.onFinished(updated);
      return updated;
    } catch (error) {
      if (signal.aborted) return undefined;
      const advice = adviseError(error, { action: t('Following {0}', record.taskId) });
      const updated = await history.update(record.taskId, { followError: persistedError(error) });
      log(`Stopped following ${record.taskId}: ${advice.message}`);
      if (updated && !isTerminal(updated.status)) this.deps.onStopped(updated, advice.message, quiet);
      return undefined;
    }
  }

  /** Stops following one task (it keeps running in IMM). */
  stop(taskId: string): void {
    this.running.get(taskId)?.controller.abort();
  }

  dispose(): void {
    for (const { controller } of this.running.values()) controller.abort();
    this.changed.dispose();
  }
}

export function patchOf(task: TaskInfo): Partial<TaskRecord> {
  return {
    status: task.status,
    ...(task.progress !== undefined ? { progress: task.progress } : {}),
    ...(task.code !== undefined ? { code: task.code } : {}),
    ...(task.message !== undefined ? { message: task.message } : {}),
    ...(task.endTime !== undefined ? { endTime: task.endTime } : {}),
    ...(task.startTime !== undefined ? { startTime: task.startTime } : {}),
    ...(task.requestId !== undefined ? { lastRequestId: task.requestId } : {}),
  };
}
