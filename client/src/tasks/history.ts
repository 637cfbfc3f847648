/**
 * The tasks submitted from this workspace, kept in workspaceState so they survive a window reload.
 * Written against a two-method store (vscode.Memento fits it) so it is testable without VS Code.
 */
import { redactPresignedUrls } from '../../../api/src/redaction';
import { isTaskRecord, isTerminal, type TaskRecord } from './record';

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
/**
 * The request a task was sent with lives under its own key: it is written once, at submission, and the list that
 * every status change rewrites stays a few hundred bytes per task.
 */
export const SENT_REQUEST_KEY_PREFIX = 'immHighlight.sentRequest.v1.';
export const sentRequestKey = (taskId: string): string => SENT_REQUEST_KEY_PREFIX + taskId;

/**
 * Fields that change on every poll without changing what the task is: kept in memory (the tree shows them) but
 * not worth a write of the whole history to disk.
 */
const VOLATILE_FIELDS: ReadonlySet<string> = new Set(['progress', 'lastRequestId', 'updatedAt']);

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
  /** Requests to move to their own key (records of earlier versions), or to delete (records pruned at load). */
  private readonly requestsToWrite = new Set<string>();
  private readonly requestsToDrop = new Set<string>();
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly store: StateStore,
    private readonly now: () => number = Date.now,
    private readonly limits: HistoryLimits = DEFAULT_LIMITS,
  ) {
    const saved = store.get<unknown>(HISTORY_KEY);
    const valid = Array.isArray(saved) ? saved.filter(isTaskRecord) : [];
    this.records = this.pruned(valid.map(redacted)).map((r) => {
      // Records of earlier versions carry the request inline; it moves to its own key at the next write.
      if (r.sentRequest !== undefined) {
        this.requestsToWrite.add(r.taskId);
        return r;
      }
      const sent = store.get<unknown>(sentRequestKey(r.taskId));
      return typeof sent === 'string' ? { ...r, sentRequest: sent } : r;
    });
    const kept = new Set(this.records.map((r) => r.taskId));
    for (const r of valid) if (!kept.has(r.taskId)) this.requestsToDrop.add(r.taskId);
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
    const before = this.records;
    this.records = this.pruned([redacted(record), ...this.records.filter((r) => r.taskId !== record.taskId)]);
    if (record.sentRequest !== undefined) await this.store.update(sentRequestKey(record.taskId), record.sentRequest);
    await this.save(before);
  }

  /**
   * Returns the updated record, or undefined when the task is no longer in the history (cleared meanwhile). Only a
   * change of what the task is (status, code, message, times, follow error…) is written to the store; a poll that
   * changes only the progress or the RequestId updates the memory and the listeners.
   */
  async update(taskId: string, patch: TaskPatch): Promise<TaskRecord | undefined> {
    const index = this.records.findIndex((r) => r.taskId === taskId);
    if (index === -1) return undefined;
    const current = this.records[index]!;
    const changed = (Object.keys(patch) as (keyof TaskPatch)[]).filter((key) => patch[key] !== current[key]);
    if (changed.length === 0) return current;
    const updated: TaskRecord = redacted({ ...current, ...patch, updatedAt: new Date(this.now()).toISOString() });
    this.records = this.records.map((r, i) => (i === index ? updated : r));
    if (changed.every((key) => VOLATILE_FIELDS.has(key))) this.notify();
    else await this.save();
    return updated;
  }

  async remove(taskId: string): Promise<void> {
    const before = this.records;
    this.records = this.records.filter((r) => r.taskId !== taskId);
    await this.save(before);
  }

  async clear(): Promise<void> {
    const before = this.records;
    this.records = [];
    await this.save(before);
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

  private notify(): void {
    for (const listener of this.listeners) listener();
  }

  /** `before`: the records until now, whose requests are dropped with them when they leave the history. */
  private async save(before: readonly TaskRecord[] = []): Promise<void> {
    this.notify();
    const kept = new Set(this.records.map((r) => r.taskId));
    for (const gone of before) if (!kept.has(gone.taskId)) this.requestsToDrop.add(gone.taskId);
    for (const taskId of this.requestsToDrop) if (!kept.has(taskId)) await this.store.update(sentRequestKey(taskId), undefined);
    this.requestsToDrop.clear();
    for (const record of this.records) {
      if (this.requestsToWrite.has(record.taskId) && record.sentRequest !== undefined)
        await this.store.update(sentRequestKey(record.taskId), record.sentRequest);
    }
    this.requestsToWrite.clear();
    await this.store.update(HISTORY_KEY, this.records.map(withoutRequest));
  }
}

function withoutRequest(record: TaskRecord): TaskRecord {
  const { sentRequest: _sent, ...rest } = record;
  return rest;
}
