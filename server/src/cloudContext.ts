/** Answers the client's live-completion context request from the core; the server itself never calls the cloud. */
import type { Connection } from 'vscode-languageserver';
import {
  cloudCompletionContext,
  CLOUD_CONTEXT_REQUEST,
  type CloudContextParams,
  type CloudContextResult,
  offsetOf,
  type JobDocument,
} from '../../core/src/index';

export function registerCloudContext(connection: Connection, jobFor: (uri: string) => JobDocument | undefined): void {
  connection.onRequest(CLOUD_CONTEXT_REQUEST, (params: CloudContextParams): CloudContextResult => {
    const job = jobFor(params.textDocument.uri);
    return job ? (cloudCompletionContext(job, offsetOf(job, params.position)) ?? null) : null;
  });
}
