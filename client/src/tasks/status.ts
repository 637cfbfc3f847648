/** How a task's state reads in the status bar, the tree and notifications. Pure text, no VS Code. */
import { isTerminal, SUBMITTED, type TaskRecord } from './record';
import { t } from '../../../core/src/index';
import { Commands } from '../commandIds';
import { isSegmentedOutput } from '../../../api/src/results/jobOutput';
import { markdownText } from '../plainText';
import type { OutputAnswer } from '../results/outputAnswer';

/** `Highlight-4d51241b-…` -> `Highlight-4d51241b…`: enough to recognise, short enough for the status bar. */
export function shortTaskId(taskId: string): string {
  const match = /^([^-]+-[0-9a-zA-Z]{1,8})/.exec(taskId);
  return match && match[1]!.length < taskId.length ? `${match[1]}…` : taskId;
}

/** `Highlight-85a1b958-…` -> `85a1b958…`: for places that already say it is a highlight task. */
export function taskIdTail(taskId: string): string {
  const short = shortTaskId(taskId);
  const dash = short.indexOf('-');
  return dash > 0 && short.endsWith('…') ? short.slice(dash + 1) : taskId;
}

/**
 * A task row's description: the time, then the part of the TaskId that tells tasks apart. Every TaskId starts
 * with `Highlight-`, which a narrow sidebar would show and cut the rest of; the full id is in the tooltip.
 */
export function taskRowDescription(record: Pick<TaskRecord, 'taskId' | 'submittedAt'>, now: Date = new Date()): string {
  return `${formatTime(record.submittedAt, now)} · ${taskIdTail(record.taskId)}`;
}

/** A codicon id: spinning while pending, pass/error at the end, a warning when no longer followed. */
export function statusIcon(record: Pick<TaskRecord, 'status' | 'followError'>): string {
  if (record.status === 'Succeeded') return 'pass';
  if (record.status === 'Failed') return 'error';
  if (record.followError) return 'warning';
  return record.status === SUBMITTED ? 'cloud-upload' : 'sync~spin';
}

/**
 * "40%", or nothing: GetTask's Progress is documented as not supported, so it may never come or stay 0; a
 * "0%" that never moves says less than no number at all.
 */
export function formatProgress(progress: number | undefined): string {
  if (progress === undefined || !Number.isFinite(progress)) return '';
  const percent = Math.max(0, Math.min(100, Math.round(progress)));
  return percent === 0 ? '' : `${percent}%`;
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

/**
 * One item for all pending tasks: the task itself when there is one, a count when there are several. The text
 * says "Highlight task" so that it does not read like the product name ("IMM Highlight-85a1b958…").
 */
export function statusBarView(pending: readonly TaskRecord[]): StatusBarView | undefined {
  if (pending.length === 0) return undefined;
  const tooltip = pending.map((r) => `${r.taskId} (${r.fileLabel}): ${statusText(r)}`).join('\n');
  if (pending.length === 1) {
    const record = pending[0]!;
    return { text: `$(sync~spin) Highlight task ${taskIdTail(record.taskId)} ${statusText(record)}`, tooltip };
  }
  return { text: `$(sync~spin) ${t('{0} highlight tasks running', pending.length)}`, tooltip };
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

export interface ResultAction {
  readonly label: string;
  readonly command: string;
}

/**
 * The buttons of the "succeeded" notification: a video previews and opens in the browser; a segmented output,
 * which webviews cannot play, opens in the browser or downloads. Nothing for a task without a result.
 */
export function resultActions(record: Pick<TaskRecord, 'status' | 'outputUri' | 'outputSegmented'>): ResultAction[] {
  if (record.status !== 'Succeeded' || !record.outputUri) return [];
  return isSegmentedOutput(record)
    ? [
        { label: t('Open in Browser'), command: Commands.openOutput },
        { label: t('Download…'), command: Commands.downloadOutput },
      ]
    : [
        { label: t('Preview Output'), command: Commands.previewOutput },
        { label: t('Open Output'), command: Commands.openOutput },
      ];
}

/**
 * The result actions worth offering once the output was looked for (the tree's look-up: one bounded HEAD or
 * listing, cached): none when it could not be found or read, with the reason to say instead; all of them while
 * the answer is not known.
 */
export function offeredResults(
  record: Pick<TaskRecord, 'status' | 'outputUri' | 'outputSegmented'>,
  answer: OutputAnswer | undefined,
): { actions: ResultAction[]; note?: string } {
  const actions = resultActions(record);
  if (actions.length === 0 || answer?.state !== 'failed') return { actions };
  return { actions: [], note: t('The output cannot be opened now: {0}', answer.message) };
}

/** Every results action, for the tooltip's links: the first ones as the notification offers them. */
export function resultLinks(record: Pick<TaskRecord, 'status' | 'outputUri' | 'outputSegmented'>): ResultAction[] {
  const first = resultActions(record);
  if (first.length === 0) return [];
  const more: ResultAction[] = [
    { label: t('Download Output…'), command: Commands.downloadOutput },
    { label: t('Copy Output URI'), command: Commands.copyOutputUri },
    { label: t('Copy Presigned URL'), command: Commands.copyPresignedUrl },
    { label: t('Open in OSS Console'), command: Commands.openInConsole },
  ];
  return [...first, ...more.filter((m) => !first.some((f) => f.command === m.command))];
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
  // Only a task that succeeded has a result there; a failed one wrote nothing.
  if (record.outputUri && record.status === 'Succeeded') lines.push(t('Result: {0}', record.outputUri));
  else if (record.outputUri && !isTerminal(record.status)) lines.push(t('Output (when it succeeds): {0}', record.outputUri));
  if (record.followError) lines.push(t('Not followed: {0}', record.followError));
  lines.push('', t('Click for the details.'));
  return lines.join('\n');
}

/**
 * A succeeded task's hover as Markdown: its facts, then links that run the results commands on it; undefined when
 * there is nothing to link. Every fact (TaskId, file name, endpoint, Message, Output.URI) goes through
 * markdownText: the tooltip is trusted for the results commands, so no job or service text may form a link, and a
 * URL must not autolink (an autolink swallowed the escape of a following `)`).
 */
export function tooltipMarkdown(record: TaskRecord, answer?: OutputAnswer): string | undefined {
  const links = offeredResults(record, answer).actions.length ? resultLinks(record) : [];
  if (links.length === 0) return undefined;
  // Only what the results commands read: no secrets, no request, in a link anyone may see.
  const arg = encodeURIComponent(
    JSON.stringify([
      {
        record: {
          taskId: record.taskId,
          status: record.status,
          outputUri: record.outputUri,
          outputSegmented: !!record.outputSegmented,
          region: record.region,
          fileUri: record.fileUri,
        },
      },
    ]),
  );
  const facts = taskTooltip(record).split('\n').map(markdownText).join('  \n');
  return `${facts}  \n${links.map((l) => `[${markdownText(l.label)}](command:${l.command}?${arg})`).join(' · ')}`;
}

export interface ClearQuestion {
  readonly message: string;
  readonly detail: string;
}

/** What "Clear Task History" asks: it says the tasks keep running only when some have not ended. */
export function clearQuestion(records: readonly TaskRecord[]): ClearQuestion {
  const pending = records.filter((r) => !isTerminal(r.status)).length;
  const message =
    records.length === 1
      ? t('Clear the list of 1 task submitted from this workspace?')
      : t('Clear the list of {0} tasks submitted from this workspace?', records.length);
  if (pending === 0) return { message, detail: t('All of them have ended. Only the list in VS Code is cleared; IMM keeps task information for 7 days.') };
  return {
    message,
    detail:
      pending === 1
        ? t('1 task has not ended: it keeps running in IMM, but VS Code stops following it.')
        : t('{0} tasks have not ended: they keep running in IMM, but VS Code stops following them.', pending),
  };
}
