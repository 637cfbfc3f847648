/**
 * The OSS connection the results features use: today's credentials (the same store as Submit), the
 * `immHighlight.ossEndpoint` override and the request timeout of the job file's scope.
 */
import * as vscode from 'vscode';
import { createOssConnection, type OssConnection } from '../../../api/src/oss/index';
import { readSubmitSettings } from '../submit/settings';
import type { CredentialStore } from '../submit/credentialStore';

export type ConnectionFactory = (scope: vscode.Uri | undefined) => Promise<OssConnection>;

export function connectionFactory(credentials: CredentialStore): ConnectionFactory {
  return async (scope) => {
    const endpoint = vscode.workspace.getConfiguration('immHighlight', scope).get<string>('ossEndpoint', '').trim();
    return createOssConnection({ credentials: await credentials.source(), timeoutMs: readSubmitSettings(scope).timeoutMs, ...(endpoint ? { endpoint } : {}) });
  };
}

/**
 * A controller that aborts after `ms`: background look-ups (the tree, the CodeLens) must end even when OSS never
 * answers, whatever the request timeout setting says. (No AbortSignal.any: VS Code 1.82 runs Node 18.)
 */
export function boundedController(ms: number): { controller: AbortController; timedOut: () => boolean; dispose: () => void } {
  const controller = new AbortController();
  let expired = false;
  const timer = setTimeout(() => {
    expired = true;
    controller.abort();
  }, ms);
  return { controller, timedOut: () => expired, dispose: () => clearTimeout(timer) };
}
