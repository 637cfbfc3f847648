/**
 * The OSS connection the results features use: today's credentials (the same store as Submit), the
 * `immHighlight.ossEndpoint` override and the request timeout of the job file's scope.
 */
import * as vscode from 'vscode';
import { notify } from '../notify';
import { createOssConnection, type OssConnection } from '../../../api/src/oss/index';
import { readSubmitSettings } from '../access/settings';
import type { CredentialStore } from '../access/credentialStore';
import { ENDPOINT_TRUST_TEXT } from '../access/endpointConsent';
import type { EndpointTrust } from '../access/endpointTrust';

/** Background work's connection (the tree, the CodeLens): it never asks, and throws while the OSS endpoint waits for consent. */
export type ConnectionFactory = (scope: vscode.Uri | undefined) => Promise<OssConnection>;

export interface ResultsConnections {
  readonly background: ConnectionFactory;
  /** What the user started: asks about a pending workspace OSS endpoint first; undefined, after saying so, when refused. */
  forCommand(scope: vscode.Uri | undefined): Promise<OssConnection | undefined>;
}

export function resultsConnections(credentials: CredentialStore, trust: EndpointTrust): ResultsConnections {
  const connect = async (scope: vscode.Uri | undefined): Promise<OssConnection> => {
    const endpoint = vscode.workspace.getConfiguration('immHighlight', scope).get<string>('ossEndpoint', '').trim();
    return createOssConnection({ credentials: await credentials.source(), timeoutMs: readSubmitSettings(scope).timeoutMs, ...(endpoint ? { endpoint } : {}) });
  };
  return {
    async background(scope) {
      const [pending] = trust.pending(scope, ['ossEndpoint']);
      if (pending)
        throw new Error(vscode.l10n.t("this workspace's OSS endpoint {0} is not accepted yet; run IMM Highlight: Review Workspace Endpoints.", pending.url));
      return connect(scope);
    },
    async forCommand(scope) {
      const refused = await trust.confirm(scope, ['ossEndpoint']);
      if (refused) {
        void notify.warning(ENDPOINT_TRUST_TEXT.refusedCloud(refused.url, 'ossEndpoint'));
        return undefined;
      }
      return connect(scope);
    },
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
