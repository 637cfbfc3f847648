import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { startLanguageClient, stopLanguageClient } from './activation';
import type { ImmHighlightApi } from './api';
import { registerCommands } from './commands';
import { DESKTOP_CONTEXT_KEY } from './constants';
import { createLanguageClient } from './languageClient';
import { diagnosticsPageOf } from './diagnosticsPage';
import { createLanguageStatus } from './languageStatus';
import { registerSubmitFeature } from './submit';
import { createCloudSession, registerCloudFeatures } from './cloud';
import { registerResultsFeature } from './results';
import { CredentialStore } from './access/credentialStore';
import { EndpointTrust, registerEndpointReview } from './access/endpointTrust';
import { registerStoryboard } from './storyboard';
import { checkedMediaFacts } from './storyboard/mediaFacts';
import { MediaFactsView } from './cloud/mediaView';
import { SnapshotThumbnails } from './storyboard/thumbnails';

export type { ImmHighlightApi } from './api';

let api: ImmHighlightApi<LanguageClient> | undefined;

/** The desktop entry (package.json `main`); browser/extension.ts is the web one, with the same language features. */
export function activate(context: vscode.ExtensionContext): ImmHighlightApi<LanguageClient> {
  api = startLanguageClient((outputChannel, errorHandler) => createLanguageClient(context, outputChannel, errorHandler));
  const { outputChannel, languageClient } = api;
  // Submit, credentials and the cloud features exist only here: their menus and palette entries ask for this key.
  void vscode.commands.executeCommand('setContext', DESKTOP_CONTEXT_KEY, true);

  context.subscriptions.push(outputChannel, createLanguageStatus(languageClient), registerCommands(api));
  // One store for every feature: choosing a profile fires onDidChange only on the store it went through, and the
  // cloud session and completion must forget the lists of the identity before.
  const credentials = new CredentialStore(context.secrets, context.globalState);
  context.subscriptions.push(credentials);
  // One consent for the workspace's endpoints too: accepted through Submit, it holds for the checks and the results.
  const trust = new EndpointTrust(context.workspaceState);
  context.subscriptions.push(trust, registerEndpointReview(trust));
  // Results first: the task view lists a succeeded task's output through it, and a success refreshes its CodeLens.
  // One cloud session: the checks on save and the Output.URI CodeLens share its look-ups and its OSS connection.
  const session = createCloudSession(context, credentials, trust);
  context.subscriptions.push(session);
  const results = registerResultsFeature(credentials, trust, session);
  context.subscriptions.push(results);
  context.subscriptions.push(registerSubmitFeature(context, api, credentials, trust, results));
  // The media facts the cloud checks read: the hover, the inlay hints and the storyboard's lengths show them.
  const media = new MediaFactsView();
  context.subscriptions.push(registerCloudFeatures(api, session, trust, diagnosticsPageOf(context.extensionUri), media));
  // The storyboard: frames only when the user asks.
  const thumbnails = new SnapshotThumbnails(session);
  context.subscriptions.push(thumbnails, registerStoryboard(context, { media: checkedMediaFacts(media), thumbnails }));
  return api;
}

export async function deactivate(): Promise<void> {
  await stopLanguageClient(api);
  api = undefined;
}
