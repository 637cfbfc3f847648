import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ErrorHandler, type ServerOptions } from 'vscode-languageclient/node';
import { languageClientOptions } from './activation';
import { CLIENT_ID, CLIENT_NAME } from './constants';
import { credentialFreeEnvironment } from './serverEnvironment';

export { documentSelector } from './documentSelector';

/** The desktop client: the server as a Node process (dist/server.js) over IPC. */
export function createLanguageClient(context: vscode.ExtensionContext, outputChannel: vscode.OutputChannel, errorHandler: ErrorHandler): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const env = credentialFreeEnvironment(process.env);
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { env } },
    debug: { module, transport: TransportKind.ipc, options: { env, execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const options = languageClientOptions(outputChannel, errorHandler, context.extensionUri);
  // The desktop completes ProjectName from the cloud (cloud/completion.ts): the key completion opens that list.
  const initializationOptions = { ...(options.initializationOptions as object), liveCompletion: true };
  return new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, { ...options, initializationOptions });
}
