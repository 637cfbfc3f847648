/**
 * Cloud findings in their own diagnostics collection: on open and save (`immHighlight.cloudChecks` onSave),
 * on demand (Check Against Cloud), and before every Submit unless the setting is off. One check per document
 * at a time: a newer one cancels the older.
 */
import * as vscode from 'vscode';
import { notify, withProgress } from '../notify';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { parseJob, type JobDocument, failureReasonOf, shiftRangeThrough, cloudChecksMoot, DIAGNOSTIC_SOURCE } from '../../../core/src/index';
import { isJobTextDocument } from '../jobDocument';
import { linkedCode } from '../diagnosticsPage';
import { CheckCancelled } from '../../../api/src/cloud/checks';
import { Commands } from '../commandIds';
import { CLOUD_UI } from './messages';
import { backgroundLookupsAllowed } from './backgroundLookups';
import type { CloudSession } from './session';
import type { MediaFactsView } from './mediaView';
import { ENDPOINT_TRUST_TEXT, type EndpointTrust } from '../access/endpointTrust';

export const CLOUD_DIAGNOSTICS_NAME = 'imm-highlight-cloud';

function toVsDiagnostic(d: Diagnostic, docsPage: vscode.Uri): vscode.Diagnostic {
  const range = new vscode.Range(d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character);
  const severity = d.severity === DiagnosticSeverity.Error ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning;
  const diagnostic = new vscode.Diagnostic(range, d.message, severity);
  diagnostic.source = d.source ?? DIAGNOSTIC_SOURCE;
  // The code links to its section of the docs page, as the language server's codes do.
  if (d.code !== undefined) diagnostic.code = linkedCode(d.code, docsPage);
  // vscode.Diagnostic has no `data`: the quick fixes (cloud/codeActions.ts) find the finding's fix hints here.
  if (d.data !== undefined) FINDINGS.set(diagnostic, d);
  return diagnostic;
}

const FINDINGS = new WeakMap<vscode.Diagnostic, Diagnostic>();

/** The cloud finding a diagnostic of the collection was made from, with its `data`. */
export function cloudFindingOf(diagnostic: vscode.Diagnostic): Diagnostic | undefined {
  return FINDINGS.get(diagnostic);
}

/** The same finding at another range (vscode.Diagnostic's range is the only thing an edit changes). */
function movedTo(d: vscode.Diagnostic, range: vscode.Range): vscode.Diagnostic {
  const moved = new vscode.Diagnostic(range, d.message, d.severity);
  if (d.source !== undefined) moved.source = d.source;
  if (d.code !== undefined) moved.code = d.code;
  if (d.tags) moved.tags = d.tags;
  if (d.relatedInformation) moved.relatedInformation = d.relatedInformation;
  const finding = FINDINGS.get(d);
  if (finding) FINDINGS.set(moved, finding);
  return moved;
}

export interface CheckResult {
  /**
   * endpointNotAccepted: a workspace endpoint waits for consent, and nothing was sent. moot: the job's YAML does not
   * parse cleanly (cloudChecksMoot), and nothing was sent.
   */
  readonly status: 'checked' | 'noCredentials' | 'cancelled' | 'endpointNotAccepted' | 'moot';
  readonly diagnostics: readonly Diagnostic[];
}

export class CloudDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection(CLOUD_DIAGNOSTICS_NAME);
  private readonly running = new Map<string, AbortController>();
  private readonly busy = new vscode.EventEmitter<boolean>();
  readonly onDidChangeBusy = this.busy.event;

  constructor(
    private readonly session: CloudSession,
    private readonly log: (line: string) => void,
    private readonly docsPage: vscode.Uri,
    /** The media facts of the answers, for the hover and the inlay hints; they live and die with the findings. */
    private readonly media?: MediaFactsView,
  ) {}

  /** Checks the document's current text and publishes the findings. */
  /** True after an automatic check found the cloud unreachable: the status item says so instead of squiggles. */
  offline = false;

  /**
   * Checks the document's current text and publishes the findings. `quietOffline`: checks that could not
   * reach the cloud (network, timeout) are left out, so working offline adds no warnings to every file.
   */
  async check(document: vscode.TextDocument, doc: JobDocument = parseJob(document.getText()), outer?: AbortSignal, quietOffline = false): Promise<CheckResult> {
    const key = document.uri.toString();
    this.running.get(key)?.abort();
    if (cloudChecksMoot(doc)) {
      // The findings of the last parseable text would sit on lines that no longer mean the same.
      this.collection.delete(document.uri);
      this.media?.forget(document);
      return { status: 'moot', diagnostics: [] };
    }
    const version = document.version;
    const controller = new AbortController();
    outer?.addEventListener('abort', () => controller.abort(), { once: true });
    this.running.set(key, controller);
    this.busy.fire(true);
    try {
      const outcome = await this.session.check(document.uri, doc, controller.signal);
      if (!outcome || outcome === 'endpointNotAccepted') {
        this.collection.delete(document.uri);
        this.media?.forget(document);
        return { status: outcome ?? 'noCredentials', diagnostics: [] };
      }
      if (controller.signal.aborted) return { status: 'cancelled', diagnostics: [] };
      const found = outcome.diagnostics;
      const unreachable = (d: Diagnostic): boolean => ['network', 'timeout'].includes(failureReasonOf(d) ?? '');
      const wasOffline = this.offline;
      this.offline = found.some(unreachable);
      if (this.offline !== wasOffline) this.busy.fire(this.running.size > 1);
      const shown = quietOffline ? found.filter((d) => !unreachable(d)) : found;
      // Typed over meanwhile: these ranges are of the text checked, not of the text shown; the next save checks again.
      if (document.version === version) {
        this.collection.set(
          document.uri,
          shown.map((d) => toVsDiagnostic(d, this.docsPage)),
        );
        this.media?.set(document, outcome.resources, outcome.answers);
      } else {
        this.collection.delete(document.uri);
        this.media?.forget(document);
      }
      return { status: 'checked', diagnostics: shown };
    } catch (error) {
      if (error instanceof CheckCancelled || controller.signal.aborted) return { status: 'cancelled', diagnostics: [] };
      this.log(`Cloud check of ${document.uri.fsPath || key} failed: ${error instanceof Error ? error.message : String(error)}`);
      return { status: 'checked', diagnostics: [] };
    } finally {
      if (this.running.get(key) === controller) this.running.delete(key);
      this.busy.fire(this.running.size > 0);
    }
  }

  /** On open and save, when the setting asks for it and the workspace is trusted. Never prompts. */
  automatic(document: vscode.TextDocument): void {
    if (!isJobTextDocument(document) || document.uri.scheme === 'git') return;
    if (!backgroundLookupsAllowed(document.uri, 'onSave')) return;
    void this.check(document, undefined, undefined, true);
  }

  /** While the user types: the findings move with the text; those whose value an edit touched are dropped. */
  followEdits(event: vscode.TextDocumentChangeEvent): void {
    if (event.contentChanges.length === 0) return;
    this.media?.followEdits(event);
    const shown = this.collection.get(event.document.uri);
    if (!shown || shown.length === 0) return;
    const moved: vscode.Diagnostic[] = [];
    let changed = false;
    for (const d of shown) {
      const range = shiftRangeThrough(d.range, event.contentChanges);
      if (range === d.range) moved.push(d);
      else if (range) moved.push(movedTo(d, new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character)));
      changed ||= range !== d.range;
    }
    if (changed) this.collection.set(event.document.uri, moved);
  }

  forget(document: vscode.TextDocument): void {
    this.running.get(document.uri.toString())?.abort();
    this.collection.delete(document.uri);
    this.media?.forget(document);
  }

  clearAll(): void {
    for (const controller of this.running.values()) controller.abort();
    this.collection.clear();
    this.media?.clearAll();
  }

  dispose(): void {
    this.clearAll();
    this.collection.dispose();
    this.busy.dispose();
  }
}

/** Check Against Cloud: fresh answers (the cache is dropped), with progress and cancel. */
export async function checkAgainstCloudCommand(
  session: CloudSession,
  diagnostics: CloudDiagnostics,
  trust: EndpointTrust,
  arg?: unknown,
): Promise<CheckResult | undefined> {
  const document = arg instanceof vscode.Uri ? await vscode.workspace.openTextDocument(arg) : vscode.window.activeTextEditor?.document;
  if (!document || !isJobTextDocument(document)) {
    void notify.error(CLOUD_UI.noJob());
    return undefined;
  }
  // The user asked for this check: the one place besides Submit and the results commands where the question is put.
  const refused = await trust.confirm(document.uri);
  if (refused) {
    void notify.warning(ENDPOINT_TRUST_TEXT.refusedCloud(refused.url, refused.settings[0]!));
    return { status: 'endpointNotAccepted', diagnostics: [] };
  }
  session.cache.clear();
  const file = document.uri.path.split('/').pop() ?? 'the job';
  const result = await withProgress(
    { location: vscode.ProgressLocation.Notification, title: CLOUD_UI.checking(file), cancellable: true },
    (_progress, token) => {
      const controller = new AbortController();
      token.onCancellationRequested(() => controller.abort());
      return diagnostics.check(document, undefined, controller.signal);
    },
  );
  if (result.status === 'moot') void notify.warning(CLOUD_UI.mootYaml(file));
  else if (result.status === 'noCredentials')
    void notify
      .warning(CLOUD_UI.noCredentialsForCommand(), CLOUD_UI.setAccessKey())
      .then((pick) => pick && vscode.commands.executeCommand(Commands.setAccessKey));
  else if (result.status === 'checked') {
    const errors = result.diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error).length;
    const warnings = result.diagnostics.length - errors;
    void notify.info(result.diagnostics.length ? CLOUD_UI.checkedFindings(file, errors, warnings) : CLOUD_UI.checkedClean(file));
  }
  return result;
}
