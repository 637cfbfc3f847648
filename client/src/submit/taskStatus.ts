/** How a task's state reads in the status bar, the tree and notifications. Pure text, no VS Code. */
import { isTerminal, SUBMITTED, type TaskRecord } from './taskRecord';
import { t } from '../../../core/src/l10n';

/** `Highlight-4d51241b-…` -> `Highlight-4d51241b…`: enough to recognise, short enough for the status bar. */
export function shortTaskId(taskId: string): string {
  const match = /^([^-]+-[0-9a-zA-Z]{1,8})/.exec(taskId);
  return match && match[1]!.length < taskId.length ? `${match[1]}…` : taskId;
}

/** A codicon id: spinning while pending, pass/error at the end, a warning when no longer followed. */
export function statusIcon(record: Pick<TaskRecord, 'status' | 'followError'>): string {
  if (record.status === 'Succeeded') return 'pass';
  if (record.status === 'Failed') return 'error';
  if (record.followError) return 'warning';
  return record.status === SUBMITTED ? 'cloud-upload' : 'sync~spin';
}

export function formatProgress(progress: number | undefined): string {
  return progress === undefined || !Number.isFinite(progress) ? '' : `${Math.max(0, Math.min(100, Math.round(progress)))}%`;
}

/** "Running 40%", "Succeeded", "Failed: InvalidFile.NotFound", "Running (not followed)". */
export function statusText(record: Pick<TaskRecord, 'status' | 'progress' | 'code' | 'followError'>): string {
  if (record.status === 'Failed') return record.code ? t('Failed: {0}', record.code) : t('Failed');
  if (isTerminal(record.status)) return record.status;
  const progress = formatProgress(record.progress);
  const text = progress ? `${record.status} ${progress}` : record.status;
  return record.followError ? t('{0} (not followed)', text) : text;
}

/** Local time of day for today's tasks, the date as well for older ones. */
export function formatTime(iso: string, now: Date = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number): string => String(n).padStart(2, '0');
  const time = `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
  const sameDay = date.getFullYear() === now.getFullYear() && date.getMonth() === now.getMonth() && date.getDate() === now.getDate();
  return sameDay ? time : `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${time}`;
}

export interface StatusBarView {
  readonly text: string;
  readonly tooltip: string;
}

/** One item for all pending tasks: the task itself when there is one, a count when there are several. */
export function statusBarView(pending: readonly TaskRecord[]): StatusBarView | undefined {
  if (pending.length === 0) return undefined;
  const tooltip = pending.map((r) => `${r.taskId} (${r.fileLabel}): ${statusText(r)}`).join('\n');
  if (pending.length === 1) {
    const record = pending[0]!;
    return { text: `$(sync~spin) IMM ${shortTaskId(record.taskId)} ${statusText(record)}`, tooltip };
  }
  return { text: `$(sync~spin) ${t('IMM: {0} tasks running', pending.length)}`, tooltip };
}

export interface FinalMessage {
  readonly severity: 'information' | 'error';
  readonly text: string;
}

export function finalMessage(record: TaskRecord): FinalMessage {
  const what = t('IMM task {0} ({1}, project {2})', record.taskId, record.fileLabel, record.projectName);
  if (record.status === 'Failed') {
    const why = [record.code, record.message].filter(Boolean).join(': ');
    const text = why ? t('{0} failed — {1}', what, why) : t('{0} failed', what);
    return { severity: 'error', text: /[.!?。]$/.test(text) ? text : `${text}${t('.')}` };
  }
  const output = record.outputUri ? t(' Output: {0}', record.outputUri) : '';
  return { severity: 'information', text: t('{0} succeeded.', what) + output };
}

/** The tree item's hover: every fact the record holds, one per line. */
export function taskTooltip(record: TaskRecord): string {
  const lines = [
    t('Task ID: {0}', record.taskId),
    t('File: {0}', record.fileLabel),
    t('Project: {0} ({1})', record.projectName, record.endpoint ? `${record.region}, ${record.endpoint}` : record.region),
    t('Submitted: {0}', record.submittedAt),
    t('Status: {0}', statusText(record)),
    `RequestId: ${record.requestId}`,
  ];
  if (record.endTime) lines.push(t('Ended: {0}', record.endTime));
  if (record.message) lines.push(t('Message: {0}', record.message));
  if (record.outputUri) lines.push(t('Output: {0}', record.outputUri));
  if (record.followError) lines.push(t('Not followed: {0}', record.followError));
  return lines.join('\n');
}
