/**
 * The custom LSP request by which the VS Code client asks the language server what live completion should
 * offer at a position. The server answers from the core (no credentials, no network); the client does the
 * cloud calls. Other editors never send it.
 */
import type { Position } from 'vscode-languageserver-types';
import type { CloudCompletionContext } from './context';

export const CLOUD_CONTEXT_REQUEST = 'immHighlight/cloudCompletionContext';

export interface CloudContextParams {
  readonly textDocument: { readonly uri: string };
  readonly position: Position;
}

export type CloudContextResult = CloudCompletionContext | null;
