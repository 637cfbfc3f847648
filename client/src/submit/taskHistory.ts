/**
 * The tasks submitted from this workspace, kept in workspaceState so they survive a window reload.
 * Written against a two-method store (vscode.Memento fits it) so it is testable without VS Code.
 */
import { redactPresignedUrls } from '../../../api/src/redaction';
import { isTaskRecord, isTerminal, type TaskRecord } from './taskRecord';

export interface StateStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

export interface HistoryLimits {
  readonly maxRecords: number;
  /** Older records are dropped; IMM itself keeps task information for 7 days only. */
  readonly maxAgeMs: number;
}

export const DEFAULT_LIMITS: HistoryLimits = { maxRecords: 200, maxAgeMs: 30 * 24 * 60 * 60 * 1000 };
/** GetTask answers for 7 days after the task starts; older tasks are not followed again. */
export const FOLLOWABLE_MS = 7 * 24 * 60 * 60 * 1000;
export const HISTORY_KEY = 'immHighlight.taskHistory.v1';

export type TaskPatch = Partial<Omit<TaskRecord, 'taskId' | 'fileUri' | 'submittedAt'>>;

export interface FileTasks {
  readonly fileUri: string;
  readonly fileLabel: string;
  /** Newest first. */
  readonly tasks: readonly TaskRecord[];
}

/**
 * The service's texts as they are kept: a failed task's Message may quote a presigned URL. GetTask answers are
 * redacted already (ImmClient.getTask); this covers records written by earlier versions and any other writer.
 */
function redacted(record: TaskRecord): TaskRecord {
  return {
    ...record,
    ...(record.message !== undefined ? { message: redactPresignedUrls(record.message) } : {}),
    ...(record.followError !== undefined ? { followError: redactPresignedUrls(record.followError) } : {}),
  };
}

export class TaskHistory {
  private records: TaskRecord[];
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly store: StateStore,
    private readonly now: () => number = Date.now,
    private readonly limits: HistoryLimits = DEFAULT_LIMITS,
  ) {
    const saved = store.get<unknown>(HISTORY_KEY);
    this.records = this.pruned(Array.isArray(saved) ? saved.filter(isTaskRecord).map(redacted) : []);
  }

  /** Newest first. */
  list(): readonly TaskRecord[] {
    return this.records;
  }

  get(taskId: string): TaskRecord | undefined {
    return this.records.find((r) => r.taskId === taskId);
  }

  /** Grouped per job file, the file with the latest submission first. */
  byFile(): FileTasks[] {
    const groups = new Map<string, FileTasks & { tasks: TaskRecord[] }>();
    for (const record of this.records) {
      let group = groups.get(record.fileUri);
      if (!group) groups.set(record.fileUri, (group = { fileUri: record.fileUri, fileLabel: record.fileLabel, tasks: [] }));
      group.tasks.push(record);
    }
    return [...groups.values()];
  }

  /** Tasks that have not ended and are young enough for GetTask to still know them. */
  followable(): TaskRecord[] {
    const now = this.now();
    return this.records.filter((r) => !isTerminal(r.status) && now - Date.parse(r.submittedAt) < FOLLOWABLE_MS);
  }

  async add(record: TaskRecord): Promise<void> {
    this.records = this.pruned([redacted(record), ...this.records.filter((r) => r.taskId !== record.taskId)]);
    await this.save();
  }

  /** Returns the updated record, or undefined when the task is no longer in the history (cleared meanwhile). */
  async update(taskId: string, patch: TaskPatch): Promise<TaskRecord | undefined> {
    const index = this.records.findIndex((r) => r.taskId === taskId);
    if (index === -1) return undefined;
    const updated: TaskRecord = redacted({ ...this.records[index]!, ...patch, updatedAt: new Date(this.now()).toISOString() });
    this.records = this.records.map((r, i) => (i === index ? updated : r));
    await this.save();
    return updated;
  }

  async remove(taskId: string): Promise<void> {
    this.records = this.records.filter((r) => r.taskId !== taskId);
    await this.save();
  }

  async clear(): Promise<void> {
    this.records = [];
    await this.save();
  }

  onDidChange(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  private pruned(records: TaskRecord[]): TaskRecord[] {
    const oldest = this.now() - this.limits.maxAgeMs;
    return records
      .filter((r) => !(Date.parse(r.submittedAt) < oldest))
      .sort((a, b) => Date.parse(b.submittedAt) - Date.parse(a.submittedAt))
      .slice(0, this.limits.maxRecords);
  }

  private async save(): Promise<void> {
    for (const listener of this.listeners) listener();
    await this.store.update(HISTORY_KEY, this.records);
  }
}
