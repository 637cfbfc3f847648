/**
 * Submit for Each Video…: the job as a template over every video under an OSS folder. Asks for the folder, a file
 * name filter and the output template; plans (listing every page of the prefix) and runs the static and cloud checks
 * on each item with a progress notification; shows the items (source → output, the left-out ones with why) in a
 * quick pick; then asks for the number of paid tasks in a modal whose default is Cancel. Nothing is sent before.
 */
import * as vscode from 'vscode';
import { parseJob } from '../../../core/src/index';
import {
  batchJobProblem,
  BatchPlanError,
  newManifest,
  planBatch,
  previewBatch,
  type BatchManifest,
  type PlannedItem,
  type SkippedItem,
} from '../../../api/src/batch/index';
import { CloudAnswerCache, cloudCheckJob } from '../../../api/src/cloud/index';
import { createOssConnection } from '../../../api/src/oss/index';
import { ImmClient } from '../../../api/src/client';
import { describeImmError, ImmApiError } from '../../../api/src/errors';
import { OssError } from '../../../api/src/oss/errors';
import type { CredentialStore } from '../access/credentialStore';
import { ENDPOINT_TRUST_TEXT } from '../access/endpointConsent';
import type { EndpointTrust } from '../access/endpointTrust';
import { readSubmitSettings } from '../access/settings';
import { confirmGuarded } from '../guardedModal';
import { jobDocument } from '../jobDocument';
import { notify, withProgress } from '../notify';
import type { BatchRuns } from './runs';
import type { BatchStore } from './store';

export interface BatchCommandDeps {
  readonly credentials: CredentialStore;
  readonly endpointTrust: EndpointTrust;
  readonly store: BatchStore;
  readonly runs: BatchRuns;
  readonly extensionVersion: string;
}

export const DEFAULT_CONCURRENCY = 5;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The folder of the job's first source (`oss://b/matches/`) and a template beside its output, as the boxes' first text. */
function defaults(job: Record<string, unknown>): { each: string; template: string } {
  const sources = Array.isArray(job['Sources']) ? job['Sources'] : [];
  const first = isRecord(sources[0]) && typeof sources[0]['URI'] === 'string' ? sources[0]['URI'] : '';
  const output = isRecord(job['Output']) && typeof job['Output']['URI'] === 'string' ? job['Output']['URI'] : '';
  const folder = (uri: string): string => (uri.startsWith('oss://') && uri.lastIndexOf('/') > 'oss://'.length ? uri.slice(0, uri.lastIndexOf('/') + 1) : '');
  const dot = output.lastIndexOf('.');
  const ext = dot > output.lastIndexOf('/') ? output.slice(dot) : '.mp4';
  return { each: folder(first), template: folder(output) ? `${folder(output)}{name}${ext}` : '' };
}

/** `Batch: Submit for Each Video…`. Returns the manifest of the batch started, or undefined when nothing was sent. */
export async function submitForEachVideo(deps: BatchCommandDeps, arg?: unknown): Promise<BatchManifest | undefined> {
  const document = await jobDocument(arg);
  if (!document) {
    void notify.error(vscode.l10n.t('IMM Highlight: open a *.highlight.yaml job file to submit it.'));
    return undefined;
  }
  const value = parseJob(document.getText()).value;
  const problem = batchJobProblem(value);
  if (problem || !isRecord(value)) {
    void notify.error(vscode.l10n.t('IMM Highlight: {0}', problem ?? ''));
    return undefined;
  }
  const title = vscode.l10n.t('IMM Highlight: Submit for Each Video');
  const start = defaults(value);
  const each = await vscode.window.showInputBox({
    title,
    prompt: vscode.l10n.t('The OSS folder whose videos to send, one task each (sub-folders included)'),
    value: start.each,
    placeHolder: vscode.l10n.t('e.g. {0}', 'oss://bucket/videos/'),
    ignoreFocusOut: true,
    validateInput: (text) => (/^oss:\/\/[a-z0-9][a-z0-9-]{1,61}[a-z0-9]\//.test(text.trim()) ? undefined : vscode.l10n.t('Write it as oss://bucket/prefix/')),
  });
  if (each === undefined) return undefined;
  const match = await vscode.window.showInputBox({
    title,
    prompt: vscode.l10n.t('Only file names that match (e.g. *.mp4 or *.{mp4,mov}); empty: every object'),
    value: '*.{mp4,mov,mkv,avi,flv,ts}',
    ignoreFocusOut: true,
  });
  if (match === undefined) return undefined;
  const template = await vscode.window.showInputBox({
    title,
    prompt: vscode.l10n.t(
      'Each output: {0} file name, {1} extension with its dot, {2} key under the folder, {3} number from 1',
      '{name}',
      '{ext}',
      '{key}',
      '{index}',
    ),
    value: start.template,
    placeHolder: vscode.l10n.t('e.g. {0}', 'oss://bucket/reels/{name}.mp4'),
    ignoreFocusOut: true,
  });
  if (template === undefined) return undefined;

  const scope = document.uri;
  const refused = await deps.endpointTrust.confirm(scope);
  if (refused) {
    void notify.warning(ENDPOINT_TRUST_TEXT.refusedCloud(refused.url, refused.settings[0] ?? 'endpoint'));
    return undefined;
  }
  const settings = readSubmitSettings(scope);
  const config = vscode.workspace.getConfiguration('immHighlight', scope);
  const concurrency = Math.min(100, Math.max(1, Math.round(config.get<number>('batch.concurrency', DEFAULT_CONCURRENCY))));
  const ossEndpoint = config.get<string>('ossEndpoint', '').trim();
  const source = await deps.credentials.source();
  const imm = new ImmClient({
    region: settings.region,
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    credentials: source,
    timeoutMs: settings.timeoutMs,
    userAgent: `imm-highlight-vscode/${deps.extensionVersion} vscode/${vscode.version}`,
  });
  const oss = createOssConnection({ credentials: source, timeoutMs: settings.timeoutMs, ...(ossEndpoint ? { endpoint: ossEndpoint } : {}) });
  const fileLabel = vscode.workspace.asRelativePath(document.uri, false);
  const name = (document.uri.path.split('/').pop() ?? 'batch').replace(/\.highlight\.ya?ml$/i, '');

  let preview: { manifest: BatchManifest; ready: PlannedItem[]; skipped: SkippedItem[] };
  try {
    preview = await withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Listing {0} and checking each video…', each.trim()), cancellable: true },
      async (_progress, token) => {
        const controller = new AbortController();
        token.onCancellationRequested(() => controller.abort());
        const plan = await planBatch(
          oss,
          imm.endpoint.regionId,
          {
            job: value,
            name,
            jobFile: fileLabel,
            each: each.trim(),
            match: match.trim() || undefined,
            outputTemplate: template.trim(),
            concurrency,
            region: settings.region,
            endpoint: settings.endpoint || undefined,
          },
          { signal: controller.signal },
        );
        const cache = new CloudAnswerCache();
        const { ready, skipped } = await previewBatch(
          plan,
          (doc, signal) => cloudCheckJob(doc, { imm, oss, region: imm.endpoint.regionId, cache, ...(signal ? { signal } : {}) }),
          controller.signal,
        );
        return { manifest: { ...newManifest(plan, ready, skipped), jobUri: document.uri.toString() }, ready, skipped };
      },
    );
  } catch (error) {
    if (error instanceof BatchPlanError || error instanceof OssError) void notify.error(vscode.l10n.t('IMM Highlight: {0}', error.message));
    else if (error instanceof ImmApiError) void notify.error(vscode.l10n.t('IMM Highlight: {0}', describeImmError(error)));
    else if (!(error instanceof Error && error.name === 'AbortError')) throw error;
    return undefined;
  }
  const { manifest, ready, skipped } = preview;
  if (ready.length === 0) {
    void notify.error(vscode.l10n.t('IMM Highlight: every video under {0} has an error; nothing to send.', manifest.each));
    return undefined;
  }
  if (!(await showPreview(manifest, ready, skipped))) return undefined;
  const send = vscode.l10n.t('Send {0} Tasks', ready.length);
  const confirmed = await confirmGuarded({
    message: vscode.l10n.t('Send {0} paid highlight tasks to project {1}?', ready.length, manifest.projectName),
    detail: [
      vscode.l10n.t('One CreateHighlightTask per video under {0}; at most {1} running at once.', manifest.each, manifest.concurrency),
      skipped.length ? vscode.l10n.t('{0} videos with errors are left out.', skipped.length) : '',
    ]
      .filter(Boolean)
      .join('\n'),
    action: send,
    keep: vscode.l10n.t('Cancel'),
  });
  if (!confirmed) return undefined;
  await deps.store.save(manifest);
  deps.runs.start(manifest);
  return manifest;
}

/** The items as a quick pick: true when the user goes on to the confirmation. */
async function showPreview(manifest: BatchManifest, ready: readonly PlannedItem[], skipped: readonly SkippedItem[]): Promise<boolean> {
  const next: vscode.QuickPickItem = { label: vscode.l10n.t('$(check) Continue: {0} paid tasks…', ready.length), alwaysShow: true };
  const items: vscode.QuickPickItem[] = [
    next,
    { label: vscode.l10n.t('Items'), kind: vscode.QuickPickItemKind.Separator },
    ...ready.map((item) => ({ label: `$(file-media) ${item.source}`, description: `→ ${item.output}` })),
    ...(skipped.length ? [{ label: vscode.l10n.t('Left out (errors)'), kind: vscode.QuickPickItemKind.Separator }] : []),
    ...skipped.map((s) => ({ label: `$(error) ${s.source}`, detail: s.reasons.join(' ') })),
  ];
  const chosen = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Batch {0}: {1} videos, {2} left out', manifest.name, ready.length, skipped.length),
    placeHolder: vscode.l10n.t('Check the items, then choose Continue'),
    ignoreFocusOut: true,
  });
  return chosen === next;
}
