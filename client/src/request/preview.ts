/**
 * "Show Request" and "Copy aliyun CLI command": a read-only virtual JSON document with exactly the
 * parameters Submit sends for a job (unsaved edits included), or those a past submission sent.
 */
import * as vscode from 'vscode';
import { resolveEndpoint } from '../../../api/src/endpoint';
import { ImmApiError } from '../../../api/src/errors';
import { REQUEST_SCHEME } from '../constants';
import type { Shell } from '../../../core/src/index';
import { commandLineFor, renderRequest, type RequestTarget } from './view';
import { readSubmitSettings } from '../access/settings';
import { planSubmission } from '../submit/plan';

const SENT = '/sent/';

/**
 * What the preview says about credentials, without loading them: a masked description and the chosen aliyun CLI
 * profile. CredentialStore on the desktop; on the web, where nothing is signed, a fixed answer.
 */
export interface PreviewCredentials {
  describe(): Promise<{ readonly label: string; readonly profile?: string | undefined }>;
  readonly onDidChange: vscode.Event<void>;
}

/** The preview of a job file; the source's URI travels in the query so the preview can follow its edits. */
export function previewUri(source: vscode.Uri): vscode.Uri {
  return vscode.Uri.from({ scheme: REQUEST_SCHEME, path: `/${source.path.slice(source.path.lastIndexOf('/') + 1)}.request.json`, query: source.toString() });
}

export function sentRequestUri(taskId: string): vscode.Uri {
  return vscode.Uri.from({ scheme: REQUEST_SCHEME, path: `${SENT}${taskId}.request.json` });
}

export async function jobText(source: vscode.Uri): Promise<string> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === source.toString());
  return open ? open.getText() : (await vscode.workspace.openTextDocument(source)).getText();
}

export async function requestTarget(source: vscode.Uri, credentials: PreviewCredentials, errors: number): Promise<RequestTarget> {
  const settings = readSubmitSettings(source);
  let endpoint: RequestTarget['endpoint'];
  try {
    endpoint = resolveEndpoint({ region: settings.region, endpoint: settings.endpoint });
  } catch (error) {
    if (!(error instanceof ImmApiError)) throw error;
    endpoint = { error: error.message };
  }
  const { label, profile } = await credentials.describe();
  return { region: settings.region, endpoint, credentials: label, profile, errors };
}

export class RequestPreviewProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  /** What past submissions sent, this session only: enough for the "Show request" button of its notification. */
  private readonly sent = new Map<string, string>();
  private readonly listeners: vscode.Disposable[];

  constructor(
    private readonly credentials: PreviewCredentials,
    /** The redacted copy a task's record keeps, for tasks sent before this window opened. */
    private readonly recordedRequest: (taskId: string) => string | undefined = () => undefined,
  ) {
    this.listeners = [
      vscode.workspace.onDidChangeTextDocument((event) => this.refreshFor(event.document.uri)),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('immHighlight')) this.refreshAll();
      }),
      credentials.onDidChange(() => this.refreshAll()),
    ];
  }

  remember(taskId: string, text: string): void {
    this.sent.set(taskId, text);
  }

  /** What a submission of this session sent, or undefined (the task's record keeps a redacted copy). */
  sentText(taskId: string): string | undefined {
    return this.sent.get(taskId);
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    if (uri.path.startsWith(SENT)) {
      const taskId = uri.path.slice(SENT.length).replace(/\.request\.json$/, '');
      return (
        this.sent.get(taskId) ??
        this.recordedRequest(taskId) ??
        `${JSON.stringify({ task: taskId, sent: vscode.l10n.t('not available: this task was recorded by a version that did not keep its request') }, null, 2)}\n`
      );
    }
    const source = vscode.Uri.parse(uri.query, true);
    return this.render(source);
  }

  async render(source: vscode.Uri): Promise<string> {
    const plan = planSubmission(await jobText(source));
    const errors = plan.kind === 'invalid' ? plan.errors.length : 0;
    return renderRequest(plan.doc.value, await requestTarget(source, this.credentials, errors));
  }

  async commandLine(source: vscode.Uri, shell: Shell): Promise<ReturnType<typeof commandLineFor>> {
    const plan = planSubmission(await jobText(source));
    const errors = plan.kind === 'invalid' ? plan.errors.length : 0;
    return commandLineFor(plan.doc.value, await requestTarget(source, this.credentials, errors), shell);
  }

  private refreshFor(source: vscode.Uri): void {
    const preview = previewUri(source).toString();
    if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === preview)) this.changed.fire(previewUri(source));
  }

  private refreshAll(): void {
    for (const doc of vscode.workspace.textDocuments) {
      if (doc.uri.scheme === REQUEST_SCHEME && !doc.uri.path.startsWith(SENT)) this.changed.fire(doc.uri);
    }
  }

  dispose(): void {
    for (const l of this.listeners) l.dispose();
    this.changed.dispose();
  }
}
