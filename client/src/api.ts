import type * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';

/**
 * What `activate` returns: the handles other features (job submission) and tests build on,
 * also reachable from other extensions via `vscode.extensions.getExtension(...).exports`.
 * On the desktop the client is vscode-languageclient/node's LanguageClient, on the web a worker client.
 */
export interface ImmHighlightApi<C extends BaseLanguageClient = BaseLanguageClient> {
  /** The same instance for the whole session; restarts reuse it. Send custom requests through it. */
  readonly languageClient: C;
  /** The one "IMM Highlight" output channel; write user-facing logs here. */
  readonly outputChannel: vscode.OutputChannel;
  /** Settles when the first start of the server has succeeded or failed (a failure is logged, not thrown). */
  readonly ready: Promise<void>;
  /** Restarts (or, after a failed start or repeated crashes, starts) the server. */
  restartServer(): Promise<void>;
}
