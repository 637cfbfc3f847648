/** Highlight tasks of the local endpoint: created by CreateHighlightTask, advanced by each GetTask. */
import { randomUUID } from 'node:crypto';

export interface TaskScript {
  /** GetTask calls answered "Running" before the task ends (0 = ends at the first GetTask). */
  readonly pollsBeforeDone: number;
  readonly outcome: 'Succeeded' | 'Failed';
  /** Code and Message of a Failed task. */
  readonly failure?: { readonly Code: string; readonly Message: string };
}

export const DEFAULT_TASK_SCRIPT: TaskScript = { pollsBeforeDone: 2, outcome: 'Succeeded' };

export interface StoredTask {
  readonly ProjectName: string;
  readonly TaskId: string;
  readonly TaskType: string;
  readonly StartTime: string;
  readonly Tags?: Record<string, unknown>;
  readonly UserData?: string;
  readonly script: TaskScript;
  polls: number;
  endTime?: string;
}

/** The GetTask answer (without RequestId), in the service's field names. */
export type TaskView = Record<string, unknown>;

export class TaskStore {
  private readonly tasks = new Map<string, StoredTask>();
  script: TaskScript = DEFAULT_TASK_SCRIPT;

  create(projectName: string, tags: Record<string, unknown> | undefined, userData: string | undefined): StoredTask {
    const task: StoredTask = {
      ProjectName: projectName,
      TaskId: `Highlight-${randomUUID()}`,
      TaskType: 'Highlight',
      StartTime: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
      ...(tags ? { Tags: tags } : {}),
      ...(userData !== undefined ? { UserData: userData } : {}),
      script: this.script,
      polls: 0,
    };
    this.tasks.set(task.TaskId, task);
    return task;
  }

  find(projectName: string, taskId: string): StoredTask | undefined {
    const task = this.tasks.get(taskId);
    return task && task.ProjectName === projectName ? task : undefined;
  }

  /** One GetTask: reports the current state, then moves the task one poll further. */
  poll(task: StoredTask): TaskView {
    const { pollsBeforeDone, outcome, failure } = task.script;
    const done = task.polls >= pollsBeforeDone;
    task.polls += 1;
    if (done && !task.endTime) task.endTime = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
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
}
