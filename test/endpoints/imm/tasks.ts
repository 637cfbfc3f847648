/**
 * Highlight tasks of the local endpoint: created by CreateHighlightTask, advanced by each GetTask or ListTasks that
 * reports them. A project runs at most `maxRunning` tasks at once (IMM's EngineConcurrency): the others wait in
 * line, reported as Running with no progress, and do not move until a slot is free.
 */
import { randomUUID } from 'node:crypto';

export interface TaskScript {
  /** GetTask calls answered "Running" before the task ends (0 = ends at the first GetTask). */
  readonly pollsBeforeDone: number;
  readonly outcome: 'Succeeded' | 'Failed';
  /** Code and Message of a Failed task. */
  readonly failure?: { readonly Code: string; readonly Message: string };
}

export const DEFAULT_TASK_SCRIPT: TaskScript = { pollsBeforeDone: 2, outcome: 'Succeeded' };

/** What a CreateHighlightTask asked to be read and written, as the endpoint parsed it. */
export interface TaskRequest {
  readonly Type: string;
  readonly Sources: readonly { readonly URI: string }[];
  readonly Output: { readonly URI: string; readonly Segment?: { readonly Format?: string } };
}

export interface SucceededTask {
  readonly ProjectName: string;
  readonly TaskId: string;
  readonly request: TaskRequest;
}

/**
 * Writes a succeeded task's result where its request said (Output.URI). Given by whoever starts the endpoint (the
 * demo and the UI test pass one that writes into the local OSS endpoint), so this endpoint depends on no storage.
 * A writer that throws fails the task, as IMM fails a task whose output it cannot write.
 */
export type OutputWriter = (task: SucceededTask) => void;

export interface StoredTask {
  readonly ProjectName: string;
  readonly TaskId: string;
  readonly TaskType: string;
  readonly StartTime: string;
  readonly Tags?: Record<string, unknown>;
  readonly UserData?: string;
  readonly request: TaskRequest;
  /** The CreateHighlightTask parameters as sent (JSON parameters parsed), for TaskRequestDefinition. */
  readonly definition: Readonly<Record<string, unknown>>;
  readonly script: TaskScript;
  polls: number;
  endTime?: string;
  /** Set when the output writer failed: the task then reports Failed with this. */
  writeFailure?: { readonly Code: string; readonly Message: string };
}

/** The GetTask answer (without RequestId), in the service's field names. */
export type TaskView = Record<string, unknown>;

export class TaskStore {
  /** In creation order (a Map keeps it): the order queued tasks start in. */
  private readonly tasks = new Map<string, StoredTask>();
  script: TaskScript = DEFAULT_TASK_SCRIPT;
  /** Tasks a project runs at once; the rest wait. Absent: no limit. */
  maxRunning: number | undefined;
  /** The most tasks of one project not yet ended at the same time (running and waiting), per project. */
  readonly peakUnfinished = new Map<string, number>();

  constructor(private readonly writeOutput?: OutputWriter) {}

  create(
    projectName: string,
    request: TaskRequest,
    tags: Record<string, unknown> | undefined,
    userData: string | undefined,
    definition: Readonly<Record<string, unknown>> = {},
  ): StoredTask {
    const task: StoredTask = {
      ProjectName: projectName,
      TaskId: `Highlight-${randomUUID()}`,
      TaskType: 'Highlight',
      StartTime: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
      ...(tags ? { Tags: tags } : {}),
      ...(userData !== undefined ? { UserData: userData } : {}),
      request,
      definition,
      script: this.script,
      polls: 0,
    };
    this.tasks.set(task.TaskId, task);
    const unfinished = this.unfinished(projectName).length;
    this.peakUnfinished.set(projectName, Math.max(this.peakUnfinished.get(projectName) ?? 0, unfinished));
    return task;
  }

  /** Every task of a project, in creation order. */
  ofProject(projectName: string): StoredTask[] {
    return [...this.tasks.values()].filter((task) => task.ProjectName === projectName);
  }

  /** How many tasks carry the tag `key` with `value` (a test's count of what a batch created). */
  countTagged(key: string, value: string): number {
    return [...this.tasks.values()].filter((task) => task.Tags?.[key] === value).length;
  }

  private unfinished(projectName: string): StoredTask[] {
    return this.ofProject(projectName).filter((task) => task.endTime === undefined);
  }

  /** Status as the task stands, without looking at it (a ListTasks Status filter). */
  statusOf(task: StoredTask): string {
    if (task.endTime === undefined) return 'Running';
    return task.writeFailure ? 'Failed' : task.script.outcome;
  }

  /** A task waits while the project already runs `maxRunning` tasks created before it. */
  private waiting(task: StoredTask): boolean {
    if (this.maxRunning === undefined || task.endTime !== undefined) return false;
    return this.unfinished(task.ProjectName).indexOf(task) >= this.maxRunning;
  }

  find(projectName: string, taskId: string): StoredTask | undefined {
    const task = this.tasks.get(taskId);
    return task && task.ProjectName === projectName ? task : undefined;
  }

  /** One GetTask (or one ListTasks that lists it): reports the current state, then moves the task one poll further. */
  poll(task: StoredTask): TaskView {
    if (this.waiting(task)) return this.queuedView(task);
    const { pollsBeforeDone } = task.script;
    const done = task.polls >= pollsBeforeDone;
    task.polls += 1;
    if (done && !task.endTime) {
      task.endTime = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
      if (task.script.outcome === 'Succeeded') this.write(task);
    }
    const outcome = task.writeFailure ? 'Failed' : task.script.outcome;
    const failure = task.writeFailure ?? task.script.failure;
    const view: TaskView = {
      ProjectName: task.ProjectName,
      TaskId: task.TaskId,
      TaskType: task.TaskType,
      Status: done ? outcome : 'Running',
      StartTime: task.StartTime,
      Progress: done ? 100 : Math.floor((100 * task.polls) / (pollsBeforeDone + 1)),
      ...(task.Tags ? { Tags: task.Tags } : {}),
      ...(task.UserData !== undefined ? { UserData: task.UserData } : {}),
    };
    if (done) view['EndTime'] = task.endTime;
    if (done && outcome === 'Failed') {
      view['Code'] = failure?.Code ?? 'InternalError';
      view['Message'] = failure?.Message ?? 'The task failed.';
    }
    return view;
  }

  /** A task waiting for a slot: Running, no progress, nothing moves. */
  private queuedView(task: StoredTask): TaskView {
    return {
      ProjectName: task.ProjectName,
      TaskId: task.TaskId,
      TaskType: task.TaskType,
      Status: 'Running',
      StartTime: task.StartTime,
      Progress: 0,
      ...(task.Tags ? { Tags: task.Tags } : {}),
      ...(task.UserData !== undefined ? { UserData: task.UserData } : {}),
    };
  }

  private write(task: StoredTask): void {
    if (!this.writeOutput) return;
    try {
      this.writeOutput({ ProjectName: task.ProjectName, TaskId: task.TaskId, request: task.request });
    } catch (error) {
      task.writeFailure = { Code: 'InternalError', Message: `The task could not write its output: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
}
