import * as vscode from 'vscode';
import type { ImmHighlightApi } from './api';
import { registerCommands } from './commands';
import { OUTPUT_CHANNEL_NAME } from './constants';
import { CrashHandler } from './crashHandler';
import { showCrashNotification } from './crashNotification';
import { createLanguageClient } from './languageClient';
import { createLanguageStatus } from './languageStatus';
import { registerSubmitFeature } from './submit';
import { registerCloudFeatures } from './cloud';
import { registerResultsFeature } from './results';

export type { ImmHighlightApi } from './api';

let api: ImmHighlightApi | undefined;

export function activate(context: vscode.ExtensionContext): ImmHighlightApi {
  const outputChannel = vscode.window.createOutputChannel(OUTPUT_CHANNEL_NAME);
  const crashHandler = new CrashHandler((event) => void showCrashNotification(event, outputChannel));
  const languageClient = createLanguageClient(context, outputChannel, crashHandler);

  const start = async (): Promise<void> => {
    try {
      await languageClient.start();
    } catch (error) {
      // The client has already logged the cause; keep activation alive so Show Output and Restart work.
      // vscode-languageclient 9 cannot start a client again after its initialize failed; a reload can.
      const reason = error instanceof Error ? error.message : String(error);
      outputChannel.appendLine(`Could not start the language server: ${reason}. After fixing the cause, run "Developer: Reload Window".`);
    }
  };
  api = {
    languageClient,
    outputChannel,
    // Not awaited here: a slow server start must not hold up activation (and with it our commands).
    ready: start(),
    async restartServer() {
      crashHandler.reset();
      if (languageClient.isRunning()) await languageClient.restart();
      else await start();
    },
  };

  context.subscriptions.push(outputChannel, createLanguageStatus(languageClient), registerCommands(api));
  // Job submission (added separately) registers its commands here with the same `api`.
  context.subscriptions.push(registerSubmitFeature(context, api));
  context.subscriptions.push(registerCloudFeatures(context, api));
  context.subscriptions.push(registerResultsFeature(context));
  return api;
}

export async function deactivate(): Promise<void> {
  // stop() throws for a client that never got running (e.g. its start failed).
  if (api?.languageClient.needsStop()) await api.languageClient.stop();
  api = undefined;
}
