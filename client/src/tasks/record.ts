/** One submitted task as the editor remembers it: enough to show it and to follow it again after a reload. */
import { TERMINAL_STATUSES } from '../../../api/src/taskStatuses';

export interface TaskRecord {
  readonly taskId: string;
  readonly projectName: string;
  /** The job file it came from (`uri.toString()`), to group tasks per file. */
  readonly fileUri: string;
  /** The file's name, for display when the file is gone. */
  readonly fileLabel: string;
  /** ISO 8601 time of the CreateHighlightTask answer. */
  readonly submittedAt: string;
  readonly region: string;
  /** The endpoint override in force at submission (`https://host:port`); absent: the region's endpoint. */
  readonly endpoint?: string;
  readonly requestId: string;
  /** Output.URI of the job, shown when the task succeeds (GetTask does not return it). */
  readonly outputUri?: string;
  /** The job had Output.Segment: the result is a playlist and its segments under the output's prefix. */
  readonly outputSegmented?: boolean;
  /** Submitted until the first GetTask answer; then the service's Status (Running, Succeeded, Failed, …). */
  readonly status: string;
  readonly progress?: number;
  /** Why a Failed task failed. */
  readonly code?: string;
  readonly message?: string;
  readonly endTime?: string;
  readonly updatedAt: string;
  /** Why the editor stopped following a task that had not ended (credentials gone, gave up, …). */
  readonly followError?: string;
  /** requestFingerprint of the call: a hash, so an identical second submission can be asked about. */
  readonly requestHash?: string;
  /** Who signed it, masked: "AccessKey LTAI****abcd from VS Code secret storage". */
  readonly identity?: string;
  /** The request as Show Request rendered it, presigned URLs' signatures removed; for the task's details. */
  readonly sentRequest?: string;
  /** GetTask's StartTime. */
  readonly startTime?: string;
  /** The RequestId of the latest GetTask answer. */
  readonly lastRequestId?: string;
}

export const SUBMITTED = 'Submitted';
export function isTerminal(status: string): boolean {
  return TERMINAL_STATUSES.includes(status);
}

/** Keeps only well-formed records: state written by another version must not break activation. */
export function isTaskRecord(value: unknown): value is TaskRecord {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  const strings = ['taskId', 'projectName', 'fileUri', 'fileLabel', 'submittedAt', 'region', 'requestId', 'status', 'updatedAt'];
  return (
    strings.every((key) => typeof r[key] === 'string') &&
    !Number.isNaN(Date.parse(r['submittedAt'] as string)) &&
    (r['progress'] === undefined || typeof r['progress'] === 'number')
  );
}
