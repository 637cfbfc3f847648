/**
 * Submit task: the current text (unsaved edits included) is checked with the same core as the language server;
 * a job with errors is refused before anything is sent. Otherwise one CreateHighlightTask is sent, never
 * repeated when its outcome is unknown (the API client's retry policy decides what may be retried).
 */
import { posix } from 'node:path';
import * as vscode from 'vscode';
import { keyRange, type JobDocument } from '../../../core/src/document';
import type { CreateHighlightTaskResult, ImmClient } from '../../../api/src/client';
import type { JsonPathSegment } from '../../../api/src/errors';
import { createClient, targetOf } from './clientFactory';
import { jobDocument } from './jobDocument';
import type { CredentialStore } from './credentialStore';
import { adviseError } from './errorAdvice';
import { showErrorAdvice } from './errorNotification';
import { showRefusal } from './refusal';
import { requestTarget, sentRequestUri, type RequestPreviewProvider } from './requestPreview';
import { renderRequest } from './requestView';
import { readSubmitSettings } from './settings';
import type { SubmitDiagnostics } from './submitDiagnostics';
import { planSubmission } from './submitPlan';
import type { TaskFollower } from './taskFollower';
import type { TaskHistory } from './taskHistory';
import { SUBMITTED, type TaskRecord } from './taskRecord';
import { SubmitCommands } from './commandIds';
import { cloudPreflight } from '../cloud/preflight';

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
    }
  | { readonly status: 'noJob' }
  | { readonly status: 'busy' };

export interface SubmitDeps {
  readonly credentials: CredentialStore;
  readonly history: TaskHistory;
  readonly follower: TaskFollower;
  readonly diagnostics: SubmitDiagnostics;
  readonly preview: RequestPreviewProvider;
  readonly output: vscode.OutputChannel;
  readonly extensionVersion: string;
}

export class Submitter {
  /** One submission per file at a time: a double click must not create two tasks. */
  private readonly inFlight = new Set<string>();

  constructor(private readonly deps: SubmitDeps) {}

  async submit(arg?: unknown): Promise<SubmitOutcome> {
    const document = await jobDocument(arg);
    if (!document) {
      void vscode.window.showErrorMessage('IMM Highlight: open a *.highlight.yaml job file to submit it.');
      return { status: 'noJob' };
    }
    const key = document.uri.toString();
    if (this.inFlight.has(key)) {
      void vscode.window.showInformationMessage(`IMM Highlight: ${label(document.uri)} is being submitted already.`);
      return { status: 'busy' };
    }
    this.inFlight.add(key);
    try {
      return await this.submitDocument(document);
    } finally {
      this.inFlight.delete(key);
    }
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

    // The cloud's own errors (a missing object, project or bucket) refuse the submission like static ones.
    const cloudErrors = await cloudPreflight(document, plan.doc);
    if (cloudErrors.length) {
      output.appendLine(`Not submitted ${label(document.uri)}: ${cloudErrors.length} cloud error(s). Nothing was sent.`);
      void showRefusal(document, cloudErrors);
      return { status: 'refused', errors: cloudErrors.map((d) => ({ line: d.range.start.line, character: d.range.start.character, message: d.message })) };
    }

    const settings = readSubmitSettings(document.uri);
    const projectName = plan.request.query.ProjectName;
    let identity = '';
    let endpointUrl = settings.endpoint || settings.region;
    let client: ImmClient;
    let result: CreateHighlightTaskResult;
    try {
      client = await createClient(this.deps.credentials, targetOf(settings), this.deps.extensionVersion);
      endpointUrl = client.endpoint.url;
      result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `IMM: submitting ${label(document.uri)} to project ${projectName} in ${settings.region}` },
        async (progress) => {
          progress.report({ message: 'loading credentials…' });
          identity = await client.describeCredentials();
          progress.report({ message: `${client.endpoint.url} as ${identity}` });
          output.appendLine(`Submitting ${label(document.uri)}: CreateHighlightTask, project ${projectName}, region ${settings.region}, ${client.endpoint.url}, as ${identity}.`);
          return client.createHighlightTask(plan.request);
        },
      );
    } catch (error) {
      return this.failed(document, plan.doc, error, settings.endpoint !== '', endpointUrl);
    }
    // Outside the try: the task exists now, and nothing after this point may report the submission as failed.
    return this.accepted(document, plan.doc, plan.outputUri, settings.region, client.endpoint.overridden ? client.endpoint.url : undefined, identity, result);
  }

  private async accepted(
    document: vscode.TextDocument,
    doc: JobDocument,
    outputUri: string | undefined,
    region: string,
    endpoint: string | undefined,
    identity: string,
    result: { taskId: string; requestId: string },
  ): Promise<SubmitOutcome> {
    const { history, follower, preview, output } = this.deps;
    const now = new Date().toISOString();
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
      status: SUBMITTED,
      updatedAt: now,
    };
    output.appendLine(`Submitted ${record.fileLabel}: TaskId ${record.taskId} (RequestId ${record.requestId}).`);
    try {
      await history.add(record);
      const target = await requestTarget(document.uri, this.deps.credentials, 0);
      preview.remember(record.taskId, renderRequest(doc.value, { ...target, credentials: identity }));
    } catch (error) {
      // The task exists whatever happens here; the user still gets its id below.
      output.appendLine(`Could not record task ${record.taskId}: ${error instanceof Error ? error.message : String(error)}`);
    }

    void vscode.window
      .showInformationMessage(`IMM task ${record.taskId} submitted (project ${record.projectName}, ${region}). Following it in the status bar.`, 'Copy Task ID', 'Show Request')
      .then(async (choice) => {
        if (choice === 'Copy Task ID') await vscode.commands.executeCommand(SubmitCommands.copyTaskId, record.taskId);
        if (choice === 'Show Request') await vscode.window.showTextDocument(sentRequestUri(record.taskId), { preview: true });
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

  private failed(document: vscode.TextDocument, doc: JobDocument, error: unknown, endpointSet: boolean, where: string): SubmitOutcome {
    const advice = adviseError(error, { action: 'Submitting', endpointSet });
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
