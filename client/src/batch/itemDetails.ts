/**
 * A batch item as the task details read it: its batch keeps it in a manifest, not in the task history, so the
 * details get a task record made from the manifest and the batch's part of the page. Pure, no VS Code.
 */
import { t, API_ACTION } from '../../../core/src/index';
import { itemJob } from '../../../api/src/batch/plan';
import { isSegmentedOutput, type BatchItem, type BatchManifest } from '../../../api/src/batch/state';
import { DEFAULT_REGION } from '../../../api/src/endpoint';
import { redactPresignedUrlsDeep } from '../../../api/src/redaction';
import type { BatchDetails } from '../tasks/details';
import type { TaskRecord } from '../tasks/record';

export interface BatchItemDetails {
  readonly record: TaskRecord;
  readonly batch: BatchDetails;
}

/** What to do about an item that has no task. */
function noteOf(manifest: BatchManifest, item: BatchItem): string | undefined {
  switch (item.state) {
    case 'waiting':
      return manifest.cancelled ? t('Not sent: the batch was cancelled.') : t('Not sent yet: the batch sends it when a place is free.');
    case 'refused':
      return t('IMM refused the request, so no task was made; Retry Failed on the batch does not send it again.');
    case 'sending':
    case 'outcome-unknown':
      return t(
        'The send had no answer and ListTasks does not show its task, so it may exist: before sending this video again, check in the IMM console for a task of project {0} tagged HighlightBatch={1} with output {2}.',
        manifest.projectName,
        manifest.batchId,
        item.output,
      );
    default:
      return undefined;
  }
}

/**
 * `stateText`: the item's state as the view shows it, which is also its status while it has no task. The request is
 * the item's job as the batch sends it (the details read its Output to compare with what was made).
 */
export function batchItemDetails(manifest: BatchManifest, item: BatchItem, stateText: string): BatchItemDetails {
  const taskId = item.taskId ?? '';
  const status = item.state === 'succeeded' ? 'Succeeded' : item.state === 'failed' ? 'Failed' : taskId ? (item.status ?? 'Running') : stateText;
  const parameters = redactPresignedUrlsDeep(itemJob(manifest.job, item.source, item.output, manifest.batchId));
  const record: TaskRecord = {
    taskId,
    projectName: manifest.projectName,
    fileUri: manifest.jobUri ?? '',
    fileLabel: manifest.jobFile,
    submittedAt: item.sentAt ?? '',
    region: manifest.region ?? DEFAULT_REGION,
    ...(manifest.endpoint ? { endpoint: manifest.endpoint } : {}),
    requestId: item.requestId ?? '',
    outputUri: item.output,
    outputSegmented: isSegmentedOutput(item.output),
    status,
    ...(item.progress !== undefined ? { progress: item.progress } : {}),
    ...(item.code !== undefined ? { code: item.code } : {}),
    ...(item.message !== undefined ? { message: item.message } : {}),
    ...(item.startTime !== undefined ? { startTime: item.startTime } : {}),
    ...(item.endTime !== undefined ? { endTime: item.endTime } : {}),
    updatedAt: item.endTime ?? item.sentAt ?? manifest.createdAt,
    ...(taskId ? { sentRequest: JSON.stringify({ action: API_ACTION, parameters }, null, 2) } : {}),
  };
  const note = taskId ? undefined : noteOf(manifest, item);
  return {
    record,
    batch: { name: manifest.name, batchId: manifest.batchId, source: item.source, output: item.output, state: stateText, ...(note ? { note } : {}) },
  };
}
