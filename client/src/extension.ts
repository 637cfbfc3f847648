import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { startLanguageClient, stopLanguageClient } from './activation';
import type { ImmHighlightApi } from './api';
import { registerCommands } from './commands';
import { DESKTOP_CONTEXT_KEY } from './constants';
import { createLanguageClient } from './languageClient';
import { createLanguageStatus } from './languageStatus';
import { registerSubmitFeature } from './submit';
import { createCloudSession, registerCloudFeatures } from './cloud';
import { registerResultsFeature } from './results';
import { CredentialStore } from './access/credentialStore';
import { EndpointTrust, registerEndpointReview } from './access/endpointTrust';
import { registerStoryboard } from './storyboard';
import { NO_MEDIA_FACTS } from './storyboard/mediaFacts';
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
  context.subscriptions.push(registerCloudFeatures(api, session, trust));
  // The storyboard: frames only when the user asks. Its lengths come from the job, and from the media facts the
  // checks read once they read them (issue 23's media view, through checkedMediaFacts); none are read yet.
  const thumbnails = new SnapshotThumbnails(session);
  context.subscriptions.push(thumbnails, registerStoryboard(context, { media: NO_MEDIA_FACTS, thumbnails }));
  return api;
}

export async function deactivate(): Promise<void> {
  await stopLanguageClient(api);
  api = undefined;
}
