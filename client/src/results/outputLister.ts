/**
 * Lists a succeeded task's output for the Highlight Tasks view: HeadObject and a few ranged GETs of its media facts
 * for one video, ListObjectsV2 under the prefix for a segmented output, bounded in time and count. One answer per task is kept (failures too) until
 * the task is refreshed, its output changes or the credentials change, so expanding a task never waits on OSS twice.
 */
import * as vscode from 'vscode';
import { OssError } from '../../../api/src/oss/index';
import { inBucketRegion, isPrefix, isSegmentedOutput, parseOssLocation, segmentPrefix } from '../../../api/src/results/index';
import { parseRestoreHeader, readObjectMedia } from '../../../api/src/media/index';
import { boundedController, type ConnectionFactory } from './connection';
import type { OutputAnswer, OutputOwner, OutputSource } from './outputAnswer';
import { backgroundLookupsBlocker } from '../cloud/backgroundLookups';

/** Enough for a playlist and its segments to be seen; Download… fetches them all anyway. */
export const MAX_LISTED_OBJECTS = 50;
/** The whole look-up, whatever the request timeout setting says: the tree shows a child item meanwhile. */
export const LIST_TIMEOUT_MS = 15_000;

/** Why OSS could not show the output, in words a user acts on. */
export function outputFailureText(error: unknown, uri: string, timedOut: boolean): string {
  if (timedOut) return vscode.l10n.t('OSS did not answer within {0} seconds; Refresh the task to try again.', LIST_TIMEOUT_MS / 1000);
  if (!(error instanceof OssError)) return vscode.l10n.t('The output could not be listed: {0}', error instanceof Error ? error.message : String(error));
  switch (error.kind) {
    case 'no-such-key':
      return vscode.l10n.t('No object at {0}: it was moved or deleted, or the task wrote elsewhere.', uri);
    case 'no-such-bucket':
      return vscode.l10n.t('The bucket of {0} does not exist.', uri);
    case 'access-denied':
      return vscode.l10n.t('OSS denied reading {0}: the identity needs oss:GetObject (and oss:ListObjects for segmented outputs).', uri);
    case 'credentials':
      return vscode.l10n.t('OSS refused the credentials: set an AccessKey or choose a profile, then Refresh the task.');
    case 'network':
    case 'timeout':
      return vscode.l10n.t('OSS could not be reached; check the network or the OSS endpoint, then Refresh the task.');
    default:
      return vscode.l10n.t('The output could not be listed: {0}', error.message);
  }
}

/** Opening the details writes the record again; only what decides the answer counts. */
function keyOf(owner: OutputOwner): string {
  return `${owner.status}|${owner.outputUri ?? ''}|${owner.outputSegmented === true}|${owner.region}`;
}

export class OutputLister implements OutputSource, vscode.Disposable {
  private readonly answers = new Map<string, { of: string; answer: OutputAnswer; done?: Promise<OutputAnswer> }>();
  private readonly changed = new vscode.EventEmitter<string | undefined>();
  readonly onDidChange = this.changed.event;
  private disposed = false;

  constructor(private readonly connection: ConnectionFactory) {}

  answer(owner: OutputOwner): OutputAnswer {
    return this.entry(owner).answer;
  }

  peek(owner: OutputOwner): OutputAnswer | undefined {
    const cached = this.answers.get(owner.taskId);
    return cached && cached.of === keyOf(owner) ? cached.answer : undefined;
  }

  settled(owner: OutputOwner): Promise<OutputAnswer> {
    const entry = this.entry(owner);
    return entry.done ?? Promise.resolve(entry.answer);
  }

  private entry(owner: OutputOwner): { answer: OutputAnswer; done?: Promise<OutputAnswer> } {
    const of = keyOf(owner);
    const cached = this.answers.get(owner.taskId);
    if (cached && cached.of === of) return cached;
    const loading: OutputAnswer = { state: 'loading' };
    const done = this.lookUp(owner).then((answer) => {
      const now = this.answers.get(owner.taskId);
      // A newer look-up (the record changed meanwhile) or a forget() wins over this one.
      if (this.disposed || now?.answer !== loading) return answer;
      this.answers.set(owner.taskId, { of, answer });
      this.changed.fire(owner.taskId);
      return answer;
    });
    const entry = { of, answer: loading, done };
    this.answers.set(owner.taskId, entry);
    return entry;
  }

  /** Refresh of one task or of all: shown again, so expanded tasks ask OSS again now. */
  forget(taskId?: string): void {
    if (taskId) this.answers.delete(taskId);
    else this.answers.clear();
    this.changed.fire(taskId);
  }

  /**
   * Credentials changed: the answers go, quietly, so the next look asks with the new ones. No refresh now: in the
   * middle of a change (key cleared, profile not chosen yet) a request would be signed by whatever is left.
   */
  forgetQuietly(): void {
    this.answers.clear();
  }

  private async lookUp(owner: OutputOwner): Promise<OutputAnswer> {
    const uri = owner.outputUri;
    if (!uri || owner.status !== 'Succeeded') return { state: 'failed', message: vscode.l10n.t('This task has no output to show.') };
    // Expanding a task is not asking for a request: Restricted Mode and cloudChecks off hold here too. The
    // commands (Open, Download…) still work on request.
    const blocker = backgroundLookupsBlocker(vscode.Uri.parse(owner.fileUri, true));
    if (blocker === 'restricted')
      return {
        state: 'failed',
        message: vscode.l10n.t('Not listed in Restricted Mode: trust the workspace to list the output here, or use Open Output or Download Output….'),
      };
    if (blocker === 'off')
      return { state: 'failed', message: vscode.l10n.t('Not listed: immHighlight.cloudChecks is off. Use Open Output or Download Output… to reach it.') };
    let location;
    try {
      location = parseOssLocation(uri);
    } catch (error) {
      return { state: 'failed', message: (error as Error).message };
    }
    const segmented = isSegmentedOutput(owner);
    const prefix = segmented ? (isPrefix(location) ? location.key : segmentPrefix(location)) : location.key;
    const folder = prefix.slice(0, prefix.lastIndexOf('/') + 1);
    const bound = boundedController(LIST_TIMEOUT_MS);
    try {
      const oss = await this.connection(vscode.Uri.parse(owner.fileUri, true));
      const signal = bound.controller.signal;
      if (!segmented) {
        let region = owner.region;
        const head = await inBucketRegion(
          oss,
          location.bucket,
          owner.region,
          signal,
          (r) => ((region = r), oss.headObject(location.bucket, r, location.key, { signal })),
        );
        // What IMM actually made, the first evidence beside what the job planned; a failed read leaves the listing as it was.
        const media = await readObjectMedia(
          oss,
          location.bucket,
          region,
          location.key,
          { ...head, restore: parseRestoreHeader(head.restore) },
          { signal },
        ).catch(() => undefined);
        const object = { key: location.key, size: head.size, ...(media ? { media } : {}) };
        return { state: 'listed', bucket: location.bucket, folder, objects: [object], truncated: false, segmented };
      }
      const listed = await oss.listAll(location.bucket, owner.region, prefix, { signal, limit: MAX_LISTED_OBJECTS });
      if (listed.objects.length === 0)
        return {
          state: 'failed',
          message: vscode.l10n.t('No objects under {0}: they were moved or deleted, or the task wrote elsewhere.', `oss://${location.bucket}/${prefix}`),
        };
      return {
        state: 'listed',
        bucket: location.bucket,
        folder,
        objects: listed.objects.map((o) => ({ key: o.key, size: o.size })),
        truncated: listed.truncated,
        segmented,
      };
    } catch (error) {
      return { state: 'failed', message: outputFailureText(error, uri, bound.timedOut()) };
    } finally {
      bound.dispose();
    }
  }

  dispose(): void {
    this.disposed = true;
    this.changed.dispose();
  }
}
