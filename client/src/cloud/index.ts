/**
 * Cloud-aware authoring in VS Code (desktop): live completion of projects and oss:// URIs, cloud diagnostics,
 * Check Against Cloud, the Submit preflight and the status item. Wiring only. The web build leaves this
 * module out, and with it ali-oss and @alicloud.
 */
import * as vscode from 'vscode';
import { withProgress } from '../notify';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { ImmHighlightApi } from '../api';
import { documentSelector } from '../languageClient';
import type { CredentialStore } from '../access/credentialStore';
import type { EndpointTrust } from '../access/endpointTrust';
import { CloudQuickFixes } from './codeActions';
import { LiveCompletionProvider } from './completion';
import { checkAgainstCloudCommand, CloudDiagnostics } from './diagnostics';
import { isJobTextDocument } from '../jobDocument';
import { setCloudPreflight } from './preflight';
import { affectsCloudSettings, readCloudSettings } from './settings';
import { CloudSession } from './session';
import { MediaHoverProvider } from './mediaHover';
import { MediaInlayHintsProvider } from './mediaInlayHints';
import type { MediaFactsView } from './mediaView';
import { createCloudStatus } from './status';
import { Commands } from '../commandIds';

export type { CloudSession } from './session';

/** The one cloud session of the window: the checks, completion and the Output.URI CodeLens share its look-ups. */
export function createCloudSession(context: vscode.ExtensionContext, credentials: CredentialStore, trust: EndpointTrust): CloudSession {
  const version = String((context.extension.packageJSON as { version?: unknown }).version ?? '0.0.0');
  return new CloudSession(credentials, version, trust);
}

/**
 * `docsPage`: docs/diagnostics.md of this installation, which the codes of the cloud findings link to. `media`
 * keeps the media facts the checks read (the hover, the inlay hints and the storyboard show them); disposed here.
 */
export function registerCloudFeatures(
  api: ImmHighlightApi,
  session: CloudSession,
  trust: EndpointTrust,
  docsPage: vscode.Uri,
  media: MediaFactsView,
): vscode.Disposable {
  const diagnostics = new CloudDiagnostics(session, (line) => api.outputChannel.appendLine(line), docsPage, media);
  const inlayHints = new MediaInlayHintsProvider(media);

  setCloudPreflight(async (document, doc) => {
    if (readCloudSettings(document.uri).mode === 'off') return [];
    // In the status bar: Submit's own progress notifications follow at once, and a third toast in a row kept VS Code
    // from showing the "submitted" one.
    const result = await withProgress(
      { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('IMM: checking the job against the cloud before submitting') },
      () => diagnostics.check(document, doc),
    );
    return result.diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error);
  });

  for (const document of vscode.workspace.textDocuments) diagnostics.automatic(document);
  return vscode.Disposable.from(
    diagnostics,
    media,
    inlayHints,
    vscode.languages.registerHoverProvider(documentSelector, new MediaHoverProvider(media)),
    vscode.languages.registerInlayHintsProvider(documentSelector, inlayHints),
    { dispose: () => setCloudPreflight(undefined) },
    vscode.languages.registerCompletionItemProvider(documentSelector, new LiveCompletionProvider(api.languageClient, session), '/', ':', ' '),
    vscode.languages.registerCodeActionsProvider(documentSelector, new CloudQuickFixes(), CloudQuickFixes.metadata),
    vscode.workspace.onDidOpenTextDocument((document) => diagnostics.automatic(document)),
    vscode.workspace.onDidSaveTextDocument((document) => diagnostics.automatic(document)),
    vscode.workspace.onDidCloseTextDocument((document) => diagnostics.forget(document)),
    vscode.workspace.onDidChangeTextDocument((event) => diagnostics.followEdits(event)),
    // Trusted just now: the open job files get the checks Restricted Mode held back.
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      for (const document of vscode.workspace.textDocuments) diagnostics.automatic(document);
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!affectsCloudSettings(event)) return;
      diagnostics.clearAll();
      for (const document of vscode.workspace.textDocuments) if (isJobTextDocument(document)) diagnostics.automatic(document);
    }),
    // An endpoint just accepted: the open job files get the checks they went without.
    trust.onDidChange(() => {
      for (const document of vscode.workspace.textDocuments) diagnostics.automatic(document);
    }),
    vscode.commands.registerCommand(Commands.checkCloud, (arg?: unknown) => checkAgainstCloudCommand(session, diagnostics, trust, arg)),
    createCloudStatus(session, diagnostics),
  );
}
