/**
 * The text of a task's details (a read-only Markdown document, shown rendered): the latest GetTask answer with
 * every field, the job file, and the request that was sent without secrets. Every text from the job, the file
 * system or the service goes through markdownText, so none of it forms a link, an image or HTML in the preview.
 * Pure, no VS Code.
 */
import { t, type MediaAnswer } from '../../../core/src/index';
import { redactPresignedUrls } from '../../../api/src/redaction';
import { markdownText } from '../plainText';
import { outputMediaRows } from './outputMedia';
import type { TaskRecord } from './record';
import { statusText } from './status';

/** What a GetTask made for this view said, or why it could not be made. */
export type LiveTask =
  | { readonly kind: 'answer'; readonly at: string; readonly fields: Readonly<Record<string, unknown>> }
  | { readonly kind: 'error'; readonly at: string; readonly message: string };

export interface DetailsContext {
  /** The job file as the user knows it: a workspace-relative path, else the full path or URI. */
  readonly jobPath: string;
  /** Whether the job file still exists. */
  readonly jobExists: boolean;
  readonly live: LiveTask | undefined;
  /** What a few ranged reads of a succeeded task's single output found; absent when not read (yet). */
  readonly outputMedia?: MediaAnswer;
  /** The task is an item of a batch (it is in no task history): the batch and the item's job. */
  readonly batch?: BatchDetails;
}

/** A batch item's part of its details; without a TaskId, what the manifest knows stands in for GetTask. */
export interface BatchDetails {
  readonly name: string;
  readonly batchId: string;
  readonly source: string;
  readonly output: string;
  /** The item's state as the view shows it (Waiting, Refused, Outcome unknown…). */
  readonly state: string;
  /** What to do about an item without a task (check the console, retry…). */
  readonly note?: string;
}

function cell(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  // markdownText escapes a pipe (which would end the cell) and turns line breaks (which would end the row) into spaces.
  return markdownText(text ?? '');
}

function table(rows: readonly (readonly [string, unknown])[]): string[] {
  return ['| | |', '|---|---|', ...rows.filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => `| ${markdownText(k)} | ${cell(v)} |`)];
}

/** The fields the editor kept from the last GetTask, for when no new answer can be had. */
function knownFields(record: TaskRecord): [string, unknown][] {
  return [
    ['TaskId', record.taskId],
    ['ProjectName', record.projectName],
    ['Status', record.status],
    ['Progress', record.progress],
    ['Code', record.code],
    ['Message', record.message],
    ['StartTime', record.startTime],
    ['EndTime', record.endTime],
    ['RequestId', record.lastRequestId],
  ];
}

export function renderTaskDetails(record: TaskRecord, context: DetailsContext): string {
  const batch = context.batch;
  const title = record.taskId || !batch ? t('Highlight task {0}', record.taskId) : t('Batch item {0}', batch.source);
  const lines: string[] = [
    `# ${markdownText(title)}`,
    '',
    `**${markdownText(statusText(record))}**${record.message ? ` — ${markdownText(record.message)}` : ''}`,
    '',
  ];
  if (batch) lines.push(markdownText(t('Batch {0} (HighlightBatch={1}): {2} → {3}', batch.name, batch.batchId, batch.source, batch.output)), '');
  if (record.status === 'Succeeded' && record.outputUri) lines.push(markdownText(t('Result: {0}', record.outputUri)), '');
  if (record.followError) lines.push(markdownText(t('Not followed any more: {0}', record.followError)), '');

  const media = outputMediaRows(record.sentRequest, context.outputMedia);
  if (media.length) {
    lines.push(`## ${markdownText(t('Output: planned and made'))}`, '');
    lines.push(`| | ${markdownText(t('Planned'))} | ${markdownText(t('Made'))} |`, '|---|---|---|');
    for (const row of media) lines.push(`| ${row.map(cell).join(' | ')} |`);
    lines.push('');
  }

  const live = context.live;
  if (batch && !record.taskId) {
    // Never sent, refused or lost on the way: there is no task to ask about, only the manifest.
    lines.push(`## ${markdownText(t('Batch manifest'))}`, '');
    lines.push(
      ...table([
        [t('State'), batch.state],
        [t('Video'), batch.source],
        ['Output.URI', batch.output],
        ['Code', record.code],
        ['Message', record.message],
      ]),
    );
    if (batch.note) lines.push('', markdownText(batch.note));
  } else if (live?.kind === 'answer') {
    lines.push(`## ${markdownText(t('GetTask (answered {0})', live.at))}`, '');
    // Every field IMM returned, in its order; nested values (Tags, TaskRequestDefinition) as JSON.
    lines.push(...table(Object.entries(live.fields).map(([k, v]) => [k, typeof v === 'string' ? redactPresignedUrls(v) : v] as const)));
  } else {
    lines.push(`## ${markdownText(t('GetTask (last known)'))}`, '');
    if (live?.kind === 'error') lines.push(markdownText(t('A new GetTask failed at {0}: {1}', live.at, live.message)), '');
    lines.push(...table(knownFields(record)));
  }

  lines.push('', `## ${markdownText(t('Submission'))}`, '');
  lines.push(
    ...table([
      [t('Job file'), context.jobExists ? context.jobPath : t('{0} (no longer exists)', context.jobPath)],
      [t('Submitted'), record.submittedAt],
      [t('Region'), record.region],
      [t('Endpoint'), record.endpoint ?? t("the region's endpoint")],
      [t('Identity'), record.identity],
      ['CreateHighlightTask RequestId', record.requestId],
      ['Output.URI', record.outputUri],
    ]),
  );

  if (batch && !record.taskId) return `${lines.join('\n')}\n`;
  lines.push('', `## ${markdownText(t('Request sent (secrets removed)'))}`, '');
  if (record.sentRequest) {
    // A fence longer than any run of backticks in the request, which could otherwise close it.
    const fence = '`'.repeat(Math.max(3, ...[...record.sentRequest.matchAll(/`+/g)].map((m) => m[0].length + 1)));
    lines.push(`${fence}json`, record.sentRequest.trimEnd(), fence);
  } else lines.push(markdownText(t('Not recorded: this task was submitted by an earlier version of the extension.')));
  return `${lines.join('\n')}\n`;
}
