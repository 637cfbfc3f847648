import type * as vscode from 'vscode';
import {
  LanguageClient,
  RevealOutputChannelOn,
  TransportKind,
  type DocumentSelector,
  type ErrorHandler,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { CLIENT_ID, CLIENT_NAME, LANGUAGE_ID } from './constants';
import { serverL10nOptions } from './displayLanguage';
import { credentialFreeEnvironment } from './serverEnvironment';

/**
 * Our language in any scheme (unsaved files too), plus job files on disk that a user has
 * re-associated with another language (e.g. "yaml" for Red Hat's extension).
 */
export const documentSelector: DocumentSelector = [
  { language: LANGUAGE_ID },
  { scheme: 'file', pattern: '**/*.highlight.{yaml,yml}' },
];

export function createLanguageClient(
  context: vscode.ExtensionContext,
  outputChannel: vscode.OutputChannel,
  errorHandler: ErrorHandler,
): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const env = credentialFreeEnvironment(process.env);
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { env } },
    debug: { module, transport: TransportKind.ipc, options: { env, execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  return new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, {
    documentSelector,
    outputChannel,
    // Problems are reported through our own once-only notification, not by popping the channel open.
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    errorHandler,
    // The server has no vscode API: it learns the display language and its messages from us.
    initializationOptions: serverL10nOptions(),
  });
}
