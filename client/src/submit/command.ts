/**
 * Submit task: the current text (unsaved edits included) is checked with the same core as the language server;
 * a job with errors is refused before anything is sent. Otherwise one CreateHighlightTask is sent, never
 * repeated when its outcome is unknown (the API client's retry policy decides what may be retried).
 */
import { ENDPOINT_TRUST_TEXT, type EndpointTrust } from '../access/endpointTrust';
import { CLOUD_ENDPOINT_SETTINGS, type EndpointSetting } from '../access/endpointConsent';
import { posix } from 'node:path';
import * as vscode from 'vscode';
import { notify, withProgress } from '../notify';
import { jobOutputOf } from '../../../api/src/results/jobOutput';
import { keyRange, type JobDocument } from '../../../core/src/index';
import type { CreateHighlightTaskResult, ImmClient } from '../../../api/src/client';
import type { JsonPathSegment } from '../../../api/src/errors';
import { createClient, targetOf } from '../access/clientFactory';
import { askAboutDuplicate } from './duplicatePrompt';
import { findDuplicate } from './duplicateCheck';
import type { IdentityResolver } from '../access/identityResolver';
import { jobDocument, jobUriNow } from '../jobDocument';
import { requestFingerprint } from '../request/fingerprint';
import { redactPresignedUrls } from '../../../api/src/redaction';
import type { CredentialStore } from '../access/credentialStore';
import { adviseError } from '../access/errorAdvice';
import { showErrorAdvice } from '../access/errorNotification';
import { showRefusal } from './refusal';
import { resolvedPreviewCredentials } from '../access/previewIdentity';
import { requestTarget, type RequestPreviewProvider } from '../request/preview';
import { renderRequest } from '../request/view';
import { readSubmitSettings } from '../access/settings';
import type { SubmitDiagnostics } from './diagnostics';
import { planSubmission } from './plan';
import type { TaskFollower } from '../tasks/follower';
import type { TaskHistory } from '../tasks/history';
import { SUBMITTED, type TaskRecord } from '../tasks/record';
import { Commands } from '../commandIds';
import { SECRET_STORAGE_ORIGIN } from '../access/credentialSource';
import { cloudPreflight } from '../cloud/preflight';
import { readCloudSettings } from '../cloud/settings';

/** What `immHighlight.submitTask` returns, for tests and other extensions. No secrets in any field. */
export type SubmitOutcome =
  | {
      readonly status: 'submitted';
      readonly taskId: string;
      readonly requestId: string;
      readonly projectName: string;
      readonly region: string;
      readonly endpoint: string;
      /** Masked: "AccessKey LTAI****abcd from VS Code secret storage". */
      readonly identity: string;
      /** Settles when following ends: the final record, or undefined if following stopped first. */
      readonly finished: Promise<TaskRecord | undefined>;
    }
  | { readonly status: 'refused'; readonly errors: readonly { readonly line: number; readonly character: number; readonly message: string }[] }
  | {
      readonly status: 'failed';
      readonly code: string;
      readonly message: string;
      readonly requestId: string | undefined;
      /** True: a task may exist; do not submit again before checking the task list. */
      readonly outcomeUnknown: boolean;
      readonly parameter: string | undefined;
      /** The buttons of the error message, e.g. ["Set AccessKey", "Clear AccessKey"]. */
      readonly actions: readonly string[];
    }
  | {
      /** An identical request was sent recently or still runs, and the user did not confirm sending it again. */
      readonly status: 'notSent';
      readonly reason: 'duplicate';
      /** The earlier task, or undefined when the earlier identical call got no answer (its outcome is unknown). */
      readonly earlierTaskId: string | undefined;
      /** The question as it was put, message and detail. */
      readonly question: string;
    }
  | { readonly status: 'noJob' }
  | { readonly status: 'busy' }
  /** A workspace endpoint (IMM, or OSS for the preflight) is outside Alibaba Cloud and the user did not accept it. */
  | { readonly status: 'endpointRefused'; readonly url: string };

export interface SubmitDeps {
  readonly credentials: CredentialStore;
  readonly history: TaskHistory;
  readonly follower: TaskFollower;
  readonly diagnostics: SubmitDiagnostics;
  readonly preview: RequestPreviewProvider;
  readonly identities: IdentityResolver;
  readonly output: vscode.OutputChannel;
  readonly extensionVersion: string;
  readonly now?: () => number;
  /** Asks before a workspace endpoint outside Alibaba Cloud and loopback is used (before the preflight, too). */
  readonly endpointTrust?: EndpointTrust;
}

/** A call sent without an answer (timeout, dropped connection): it may have created a task we know nothing of. */
interface UnansweredCall {
  readonly at: string;
  readonly fileLabel: string;
  readonly identity: string;
  readonly code: string;
}

export class Submitter {
  /**
   * One submission per file at a time, taken synchronously when the command runs: two clicks 150 ms apart, the
   * CodeLens and the title bar ▶ all reach `submit` before any of them awaits anything.
   */
  private readonly inFlight = new Set<string>();
  /** Fingerprints of calls whose outcome is unknown, this session: asked about like a task that exists. */
  private readonly unanswered = new Map<string, UnansweredCall>();

  constructor(private readonly deps: SubmitDeps) {}

  private now(): number {
    return (this.deps.now ?? Date.now)();
  }

  submit(arg?: unknown): Promise<SubmitOutcome> {
    const target = jobUriNow(arg);
    const key = target?.toString();
    if (key !== undefined && this.inFlight.has(key)) {
      const name = label(target!);
      this.deps.output.appendLine(`Submit on ${name} ignored: it is being submitted already.`);
      void notify.info(vscode.l10n.t('IMM Highlight: {0} is being submitted already; this Submit did nothing.', name));
      return Promise.resolve({ status: 'busy' });
    }
    if (key !== undefined) this.inFlight.add(key);
    return this.submitTarget(arg).finally(() => {
      if (key !== undefined) this.inFlight.delete(key);
    });
  }

  private async submitTarget(arg: unknown): Promise<SubmitOutcome> {
    const document = await jobDocument(arg);
    if (!document) {
      void notify.error(vscode.l10n.t('IMM Highlight: open a *.highlight.yaml job file to submit it.'));
      return { status: 'noJob' };
    }
    return this.submitDocument(document);
  }

  private async submitDocument(document: vscode.TextDocument): Promise<SubmitOutcome> {
    const { diagnostics, output } = this.deps;
    diagnostics.clear(document.uri);
    const plan = planSubmission(document.getText());
    if (plan.kind === 'invalid') {
      output.appendLine(`Not submitted ${label(document.uri)}: ${plan.errors.length} error(s). Nothing was sent.`);
      void showRefusal(document, plan.errors);
      return { status: 'refused', errors: plan.errors.map((d) => ({ line: d.range.start.line, character: d.range.start.character, message: d.message })) };
    }

    const settings = readSubmitSettings(document.uri);
    // Asked before the cloud preflight: its checks are signed requests to the same hosts. The OSS endpoint is used
    // only by the preflight, so it is asked about only when the preflight runs.
    const used: readonly EndpointSetting[] = readCloudSettings(document.uri).mode === 'off' ? ['endpoint'] : CLOUD_ENDPOINT_SETTINGS;
    const refused = await this.deps.endpointTrust?.confirm(document.uri, used);
    if (refused) {
      output.appendLine(`Not submitted ${label(document.uri)}: the workspace endpoint ${refused.url} was not accepted. Nothing was sent.`);
      void notify.error(refused.settings.includes('endpoint') ? ENDPOINT_TRUST_TEXT.refused(refused.url) : ENDPOINT_TRUST_TEXT.refusedOss(refused.url));
      return { status: 'endpointRefused', url: refused.url };
    }

    // The cloud's own errors (a missing object, project or bucket) refuse the submission like static ones.
    const cloudErrors = await cloudPreflight(document, plan.doc);
    if (cloudErrors.length) {
      output.appendLine(`Not submitted ${label(document.uri)}: ${cloudErrors.length} cloud error(s). Nothing was sent.`);
      void showRefusal(document, cloudErrors);
      return { status: 'refused', errors: cloudErrors.map((d) => ({ line: d.range.start.line, character: d.range.start.character, message: d.message })) };
    }

    const projectName = plan.request.query.ProjectName;
    const file = label(document.uri);
    let identity = '';
    let endpointUrl = settings.endpoint || settings.region;
    let fingerprint = '';
    let client: ImmClient;
    let result: CreateHighlightTaskResult;
    try {
      client = await createClient(this.deps.credentials, targetOf(settings), this.deps.extensionVersion);
      endpointUrl = client.endpoint.url;
      identity = await withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('IMM: submitting {0}', file) }, async (progress) => {
        progress.report({ message: vscode.l10n.t('resolving credentials…') });
        return client.describeCredentials();
      });
      fingerprint = requestFingerprint({ region: settings.region, endpointUrl }, plan.request);
      const declined = await this.askIfSentBefore(fingerprint, identity);
      if (declined) return declined;
      result = await withProgress(
        // The identity is in the title: the message line may never be seen when IMM answers at once.
        {
          location: vscode.ProgressLocation.Notification,
          title: vscode.l10n.t('IMM: submitting {0} to project {1} in {2} as {3}', file, projectName, settings.region, identity),
        },
        async (progress) => {
          progress.report({ message: `CreateHighlightTask → ${client.endpoint.url}` });
          output.appendLine(
            `Submitting ${file}: CreateHighlightTask, project ${projectName}, region ${settings.region}, ${client.endpoint.url}, as ${identity}.`,
          );
          return client.createHighlightTask(plan.request);
        },
      );
    } catch (error) {
      const outcome = this.failed(document, plan.doc, error, settings.endpoint !== '', endpointUrl, identity);
      if (outcome.status === 'failed' && outcome.outcomeUnknown && fingerprint) {
        this.unanswered.set(fingerprint, { at: new Date(this.now()).toISOString(), fileLabel: file, identity, code: outcome.code });
      }
      return outcome;
    }
    // Outside the try: the task exists now, and nothing after this point may report the submission as failed.
    this.unanswered.delete(fingerprint);
    return this.accepted(
      document,
      plan.doc,
      plan.outputUri,
      settings.region,
      client.endpoint.overridden ? client.endpoint.url : undefined,
      identity,
      fingerprint,
      result,
    );
  }

  /** undefined: nothing identical was sent, or the user chose to send it again. */
  private async askIfSentBefore(fingerprint: string, identity: string): Promise<SubmitOutcome | undefined> {
    const now = this.now();
    const earlier = findDuplicate(this.deps.history.list(), fingerprint, now);
    const unanswered = this.unanswered.get(fingerprint);
    if (!earlier && !unanswered) return undefined;
    const asked = await askAboutDuplicate(earlier ? { kind: 'task', record: earlier } : { kind: 'unanswered', ...unanswered! }, identity, now);
    if (asked.confirmed) {
      this.deps.output.appendLine(
        `Sending again, as confirmed: an identical request was sent before (${earlier?.taskId ?? `no answer, ${unanswered!.code}`}).`,
      );
      return undefined;
    }
    this.deps.output.appendLine(
      `Not submitted: an identical request was sent before (${earlier?.taskId ?? `no answer, ${unanswered!.code}`}) and sending it again was not confirmed. Nothing was sent.`,
    );
    return { status: 'notSent', reason: 'duplicate', earlierTaskId: earlier?.taskId, question: asked.question };
  }

  private async accepted(
    document: vscode.TextDocument,
    doc: JobDocument,
    outputUri: string | undefined,
    region: string,
    endpoint: string | undefined,
    identity: string,
    fingerprint: string,
    result: { taskId: string; requestId: string },
  ): Promise<SubmitOutcome> {
    const { history, follower, preview, output } = this.deps;
    const now = new Date(this.now()).toISOString();
    const target = await requestTarget(document.uri, resolvedPreviewCredentials(this.deps.credentials, this.deps.identities), 0).catch(() => undefined);
    const sent = target ? renderRequest(doc.value, { ...target, credentials: identity }) : undefined;
    const record: TaskRecord = {
      taskId: result.taskId,
      projectName: (doc.value as { ProjectName: string }).ProjectName,
      fileUri: document.uri.toString(),
      fileLabel: label(document.uri),
      submittedAt: now,
      region,
      ...(endpoint ? { endpoint } : {}),
      requestId: result.requestId,
      ...(outputUri ? { outputUri } : {}),
      ...(jobOutputOf(doc.value)?.segmented ? { outputSegmented: true } : {}),
      status: SUBMITTED,
      updatedAt: now,
      requestHash: fingerprint,
      identity,
      ...(sent ? { sentRequest: redactPresignedUrls(sent) } : {}),
    };
    output.appendLine(`Submitted ${record.fileLabel}: TaskId ${record.taskId} (RequestId ${record.requestId}).`);
    try {
      await history.add(record);
      if (sent) preview.remember(record.taskId, sent);
    } catch (error) {
      // The task exists whatever happens here; the user still gets its id below.
      output.appendLine(`Could not record task ${record.taskId}: ${error instanceof Error ? error.message : String(error)}`);
    }

    const copyTaskId = vscode.l10n.t('Copy Task ID');
    const showRequest = vscode.l10n.t('Show Request');
    void notify
      .info(
        vscode.l10n.t(
          'IMM task {0} submitted (project {1}, {2}, as {3}). Following it in the status bar.',
          record.taskId,
          record.projectName,
          region,
          identity,
        ),
        copyTaskId,
        showRequest,
      )
      .then(async (choice) => {
        if (choice === copyTaskId) await vscode.commands.executeCommand(Commands.copyTaskId, record.taskId);
        if (choice === showRequest) await vscode.commands.executeCommand(Commands.showSentRequest, record.taskId);
      });
    return {
      status: 'submitted',
      taskId: record.taskId,
      requestId: record.requestId,
      projectName: record.projectName,
      region,
      endpoint: endpoint ?? '',
      identity,
      finished: follower.follow(record),
    };
  }

  private failed(document: vscode.TextDocument, doc: JobDocument, error: unknown, endpointSet: boolean, where: string, identity: string): SubmitOutcome {
    const advice = adviseError(error, { action: vscode.l10n.t('Submitting'), endpointSet, storedAccessKey: identity.endsWith(SECRET_STORAGE_ORIGIN) });
    const imm = error as { code?: unknown; requestId?: unknown; outcomeUnknown?: unknown; parameter?: unknown };
    const code = typeof imm.code === 'string' ? imm.code : 'Error';
    if (advice.parameterPath) {
      const range = nearestKeyRange(doc, advice.parameterPath);
      if (range) this.deps.diagnostics.set(document.uri, range, advice.parameterMessage ?? advice.message, code);
    }
    this.deps.output.appendLine(`Submitting ${label(document.uri)} to ${where} failed: ${advice.message}`);
    void showErrorAdvice(advice, this.deps.output);
    return {
      status: 'failed',
      code,
      message: advice.message,
      requestId: typeof imm.requestId === 'string' ? imm.requestId : undefined,
      outcomeUnknown: advice.outcomeUnknown,
      parameter: typeof imm.parameter === 'string' ? imm.parameter : undefined,
      actions: advice.actions.map((a) => a.label),
    };
  }
}

/** The key IMM named or, when the file does not have it (a missing parameter), the closest key that exists. */
function nearestKeyRange(doc: JobDocument, path: readonly JsonPathSegment[]): ReturnType<typeof keyRange> {
  for (let length = path.length; length >= 0; length--) {
    const range = keyRange(doc, path.slice(0, length));
    if (range) return range;
  }
  return undefined;
}

function label(uri: vscode.Uri): string {
  return posix.basename(uri.path);
}
