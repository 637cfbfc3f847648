/**
 * The web entry (package.json `browser`): vscode.dev, github.dev and other web hosts of VS Code. The language
 * features are those of the desktop (activation.ts); the server runs in a web worker. Submitting, credentials and
 * the cloud features need Node.js and direct calls to Alibaba Cloud, so they stay on the desktop.
 */
import * as vscode from 'vscode';
import { startLanguageClient, languageClientOptions, stopLanguageClient } from '../activation';
import type { ImmHighlightApi } from '../api';
import { registerCommands } from '../commands';
import { CLIENT_ID, CLIENT_NAME, REQUEST_SCHEME, WEB_CONTEXT_KEY } from '../constants';
import { createLanguageStatus } from '../languageStatus';
import { Commands } from '../commandIds';
import { registerRequestCommands } from '../request/commands';
import { RequestPreviewProvider, type PreviewCredentials } from '../request/preview';
import { registerStoryboard } from '../storyboard';
import { NO_MEDIA_FACTS } from '../storyboard/mediaFacts';
import { registerDesktopOnlyCommands } from './desktopOnly';
import { WorkerLanguageClient } from './workerLanguageClient';

export type { ImmHighlightApi } from '../api';

let api: ImmHighlightApi<WorkerLanguageClient> | undefined;

/** The request preview's credentials line: nothing is signed in the browser. */
const NO_CREDENTIALS: PreviewCredentials = {
  describe: async () => ({ label: vscode.l10n.t('none in the browser: Submit needs VS Code desktop') }),
  onDidChange: () => new vscode.Disposable(() => undefined),
};

export function activate(context: vscode.ExtensionContext): ImmHighlightApi<WorkerLanguageClient> {
  void vscode.commands.executeCommand('setContext', WEB_CONTEXT_KEY, true);
  const serverUrl = vscode.Uri.joinPath(context.extensionUri, 'dist/web/server.js').toString(true);
  api = startLanguageClient(
    (outputChannel, errorHandler) =>
      new WorkerLanguageClient(
        CLIENT_ID,
        CLIENT_NAME,
        languageClientOptions(outputChannel, errorHandler, context.extensionUri),
        () => new Worker(serverUrl),
        (line) => outputChannel.appendLine(line),
      ),
  );
  const { outputChannel, languageClient } = api;
  context.subscriptions.push(outputChannel, createLanguageStatus(languageClient), registerCommands(api));

  const preview = new RequestPreviewProvider(NO_CREDENTIALS);
  const implemented = new Set<string>([
    Commands.restartServer,
    Commands.showOutput,
    Commands.showRequest,
    Commands.copyCliCommand,
    Commands.showStoryboard,
    Commands.storyboardState,
  ]);
  context.subscriptions.push(
    preview,
    vscode.workspace.registerTextDocumentContentProvider(REQUEST_SCHEME, preview),
    registerRequestCommands(preview),
    // From the job alone: no media facts are read in the browser, so lengths the job does not declare are hatched.
    registerStoryboard(context, { media: NO_MEDIA_FACTS }),
    registerDesktopOnlyCommands(context.extension.packageJSON, implemented),
  );
  return api;
}

export async function deactivate(): Promise<void> {
  await stopLanguageClient(api);
  api = undefined;
}
