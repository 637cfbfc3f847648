/**
 * Open Output / Preview Output / Download Output… above a job file's Output.URI, once the object is there. Whether
 * it is comes from one bounded HEAD (a listing of one key for a segmented output), made when the file is opened or
 * saved (`immHighlight.cloudChecks` onSave), or when a task writing that URI succeeds (any mode but off); never
 * while typing, where the lens only reads the cached answer, and never in an untrusted workspace. The HEAD goes
 * through the cloud session's shared look-ups, so the checks on save and the lens ask OSS once between them.
 */
import * as vscode from 'vscode';
import { isPrefix, isSegmentedOutput, jobOutputOf, parseOssLocation, segmentPrefix } from '../../../api/src/results/index';
import { cloudResources, parseJob, type ObjectAnswer, JOB_LANGUAGE_ID } from '../../../core/src/index';
import { readSubmitSettings } from '../access/settings';
import { Commands } from '../commandIds';
import { boundedController, type ConnectionFactory } from './connection';
import { LIST_TIMEOUT_MS } from './outputLister';
import { backgroundLookupsAllowed } from '../cloud/backgroundLookups';

/** The shared HEAD of the cloud session (CloudSession.objectAnswer); undefined for any failure. */
export type ObjectLookup = (
  scope: vscode.Uri,
  bucket: string,
  key: string,
  options: { fresh: boolean; signal: AbortSignal },
) => Promise<ObjectAnswer | undefined>;

/** The lens's argument to the results commands: the output it checked. */
export interface JobOutputArg {
  readonly kind: 'jobOutput';
  readonly uri: string;
  readonly segmented: boolean;
  readonly fileUri: string;
}

interface FoundOutput {
  readonly uri: string;
  readonly segmented: boolean;
  readonly line: number;
}

const SETTING = 'results.codeLens';

export function outputLensEnabled(scope: vscode.Uri | undefined): boolean {
  return vscode.workspace.getConfiguration('immHighlight', scope).get<boolean>(SETTING, true) !== false;
}

export class OutputCodeLens implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  /** `region|oss://…|segmented` -> whether it was there at the last look. */
  private readonly exists = new Map<string, boolean>();
  private readonly checking = new Set<string>();
  private readonly stale = new Set<string>();
  /** The parse of each document version, so the lens does not parse more than the text changes. */
  private readonly parsed = new Map<string, { version: number; found: FoundOutput | undefined }>();
  private readonly disposables: vscode.Disposable[];
  private disposed = false;

  constructor(
    private readonly connection: ConnectionFactory,
    private readonly objectLookup: ObjectLookup,
  ) {
    this.disposables = [
      vscode.languages.registerCodeLensProvider({ language: JOB_LANGUAGE_ID }, this),
      vscode.workspace.onDidOpenTextDocument((d) => this.check(d)),
      vscode.workspace.onDidSaveTextDocument((d) => this.check(d, true)),
      vscode.workspace.onDidCloseTextDocument((d) => this.parsed.delete(d.uri.toString())),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('immHighlight.ossEndpoint')) this.forgetAll();
        // Turned off: what was found stays hidden until looked up again under a mode that allows it.
        else if (e.affectsConfiguration('immHighlight.cloudChecks')) this.forgetAll();
        else if (e.affectsConfiguration(`immHighlight.${SETTING}`)) this.changed.fire();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        for (const document of vscode.workspace.textDocuments) this.check(document);
      }),
    ];
    for (const document of vscode.workspace.textDocuments) this.check(document);
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!outputLensEnabled(document.uri) || !backgroundLookupsAllowed(document.uri, 'onSubmit')) return [];
    const found = this.outputOf(document);
    if (!found || this.exists.get(this.keyOf(document, found)) !== true) return [];
    const arg: JobOutputArg = { kind: 'jobOutput', uri: found.uri, segmented: found.segmented, fileUri: document.uri.toString() };
    const range = new vscode.Range(found.line, 0, found.line, 0);
    const lens = (title: string, command: string, tooltip: string): vscode.CodeLens =>
      new vscode.CodeLens(range, { title, command, tooltip, arguments: [arg] });
    // A segmented output does not play in a webview: the browser and a folder download instead.
    return found.segmented
      ? [
          lens(vscode.l10n.t('Open in Browser'), Commands.openOutput, vscode.l10n.t('Open {0} in the browser', found.uri)),
          lens(vscode.l10n.t('Download Output…'), Commands.downloadOutput, vscode.l10n.t('Download every object of {0} into a folder', found.uri)),
        ]
      : [
          lens(vscode.l10n.t('Open Output'), Commands.openOutput, vscode.l10n.t('Open {0} in the browser through a presigned URL', found.uri)),
          lens(vscode.l10n.t('Preview Output'), Commands.previewOutput, vscode.l10n.t('Play {0} in VS Code', found.uri)),
          lens(vscode.l10n.t('Download Output…'), Commands.downloadOutput, vscode.l10n.t('Save {0} to a file', found.uri)),
        ];
  }

  /** A task that wrote `uri` succeeded: look again at every open job file with that Output.URI. */
  outputAppeared(uri: string | undefined): void {
    if (!uri) return;
    for (const document of vscode.workspace.textDocuments) {
      if (this.outputOf(document)?.uri === uri) this.check(document, true, 'onSubmit');
    }
  }

  /** The user just allowed what stopped the look (an endpoint accepted): look again now. */
  lookAgain(document: vscode.TextDocument): void {
    this.check(document, true);
  }

  /**
   * Another OSS endpoint or an endpoint accepted: every answer may differ. Nothing is asked here: a settings
   * change is not a moment to send requests (the value may be half typed).
   */

  forgetAll(): void {
    this.exists.clear();
    this.changed.fire();
  }

  private outputOf(document: vscode.TextDocument): FoundOutput | undefined {
    if (document.languageId !== JOB_LANGUAGE_ID) return undefined;
    const id = document.uri.toString();
    const cached = this.parsed.get(id);
    if (cached?.version === document.version) return cached.found;
    const doc = parseJob(document.getText());
    const output = jobOutputOf(doc.value);
    const range = output && cloudResources(doc).uris.find((u) => u.field === 'output' && u.uri === output.uri)?.range;
    // A folder without Output.Segment is a mistake (output-uri-folder), not a result: other files in it are no output.
    const found =
      output && range && (output.segmented || !output.uri.endsWith('/'))
        ? { uri: output.uri, segmented: isSegmentedOutput({ outputUri: output.uri, outputSegmented: output.segmented }), line: range.start.line }
        : undefined;
    this.parsed.set(id, { version: document.version, found });
    return found;
  }

  private keyOf(document: vscode.TextDocument, found: FoundOutput): string {
    return `${readSubmitSettings(document.uri).region}|${found.uri}|${found.segmented}`;
  }

  /**
   * One look at OSS per output at a time; `again` replaces an answer already known. `least`: the cloudChecks mode
   * this look needs: onSave for an open or a save, onSubmit for a task of the user's that just wrote the output.
   */
  private check(document: vscode.TextDocument, again = false, least: 'onSave' | 'onSubmit' = 'onSave'): void {
    if (this.disposed || !outputLensEnabled(document.uri) || !backgroundLookupsAllowed(document.uri, least)) return;
    const found = this.outputOf(document);
    if (!found) return;
    const key = this.keyOf(document, found);
    if (this.checking.has(key)) {
      // A save while a look is under way: look once more when it ends, the object may have appeared meanwhile.
      if (again) this.stale.add(key);
      return;
    }
    if (!again && this.exists.has(key)) return;
    this.checking.add(key);
    void this.lookUp(document.uri, found, again)
      .then((there) => {
        if (this.disposed) return;
        const before = this.exists.get(key);
        this.exists.set(key, there);
        if (before !== there) this.changed.fire();
      })
      .finally(() => {
        this.checking.delete(key);
        if (this.stale.delete(key)) this.check(document, true);
      });
  }

  /** Any failure (no credentials, denied, offline, timeout) reads as "not there": the lens just does not show. */
  private async lookUp(scope: vscode.Uri, found: FoundOutput, fresh: boolean): Promise<boolean> {
    const bound = boundedController(LIST_TIMEOUT_MS);
    try {
      const location = parseOssLocation(found.uri);
      const region = readSubmitSettings(scope).region;
      const signal = bound.controller.signal;
      if (!found.segmented) return (await this.objectLookup(scope, location.bucket, location.key, { fresh, signal }))?.state === 'found';
      const oss = await this.connection(scope);
      const prefix = isPrefix(location) ? location.key : segmentPrefix(location);
      return (await oss.listAll(location.bucket, region, prefix, { signal, limit: 1 })).objects.length > 0;
    } catch {
      return false;
    } finally {
      bound.dispose();
    }
  }

  dispose(): void {
    this.disposed = true;
    for (const d of this.disposables) d.dispose();
    this.changed.dispose();
  }
}
