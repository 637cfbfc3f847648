/**
 * Starting, restarting and stopping the language client: the same on the desktop (a Node process over IPC,
 * extension.ts) and on the web (a web worker, browser/extension.ts). The entries only say how to create it.
 */
import * as vscode from 'vscode';
import { RevealOutputChannelOn, type BaseLanguageClient, type ErrorHandler, type LanguageClientOptions } from 'vscode-languageclient';
import type { ImmHighlightApi } from './api';
import { OUTPUT_CHANNEL_NAME } from './constants';
import { CrashHandler } from './crashHandler';
import { showCrashNotification } from './crashNotification';
import { serverL10nOptions, useDisplayLanguage } from './displayLanguage';
import { documentSelector } from './documentSelector';
import { diagnosticsPageOf } from './diagnosticsPage';

export type LanguageClientFactory<C extends BaseLanguageClient> = (outputChannel: vscode.OutputChannel, errorHandler: ErrorHandler) => C;

export function languageClientOptions(outputChannel: vscode.OutputChannel, errorHandler: ErrorHandler, extensionUri: vscode.Uri): LanguageClientOptions {
  return {
    documentSelector,
    outputChannel,
    // Problems are reported through our own once-only notification, not by popping the channel open.
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    errorHandler,
    // The server has no vscode API: it learns the display language and its messages from us, and where the docs
    // page its diagnostics link to lies in this installation.
    initializationOptions: { ...serverL10nOptions(), diagnosticsPage: diagnosticsPageOf(extensionUri).toString() },
    // The region, for the quick fixes' notes (a bucket in another region); no other setting reaches the server.
    synchronize: { configurationSection: 'immHighlight.region' },
  };
}

/** Creates the output channel and the client, and starts the server without holding up activation. */
export function startLanguageClient<C extends BaseLanguageClient>(createClient: LanguageClientFactory<C>): ImmHighlightApi<C> {
  useDisplayLanguage();
  const outputChannel = vscode.window.createOutputChannel(OUTPUT_CHANNEL_NAME);
  const crashHandler = new CrashHandler((event) => void showCrashNotification(event, outputChannel));
  const languageClient = createClient(outputChannel, crashHandler);

  const start = async (): Promise<void> => {
    try {
      await languageClient.start();
    } catch (error) {
      // The client has already logged the cause; keep activation alive so Show Output and Restart work.
      // vscode-languageclient 9 cannot start a client again after its initialize failed; a reload can.
      const reason = error instanceof Error ? error.message : String(error);
      outputChannel.appendLine(vscode.l10n.t('Could not start the language server: {0}. After fixing the cause, run "Developer: Reload Window".', reason));
    }
  };
  return {
    languageClient,
    outputChannel,
    // Not awaited here: a slow server start must not hold up activation (and with it our commands).
    ready: start(),
    async restartServer() {
      crashHandler.reset();
      // What the Node client's restart() does; the browser client has no restart(). Its next start is a fresh worker.
      if (languageClient.isRunning()) await languageClient.stop();
      await start();
    },
  };
}

export async function stopLanguageClient(api: ImmHighlightApi | undefined): Promise<void> {
  // stop() throws for a client that never got running (e.g. its start failed).
  if (api?.languageClient.needsStop()) await api.languageClient.stop();
}
