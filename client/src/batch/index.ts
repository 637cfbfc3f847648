/** Batches in the editor: the store, the runs, Submit for Each Video… and the batch commands. Wiring only. */
import * as vscode from 'vscode';
import { ImmClient } from '../../../api/src/client';
import { DEFAULT_REGION } from '../../../api/src/endpoint';
import type { CredentialStore } from '../access/credentialStore';
import type { EndpointTrust } from '../access/endpointTrust';
import { readSubmitSettings } from '../access/settings';
import { Commands } from '../commandIds';
import { resultsConnections } from '../results/connection';
import { submitForEachVideo } from './command';
import { registerBatchCommands } from './commands';
import { BatchRuns } from './runs';
import { BatchStore } from './store';

export interface BatchFeature extends vscode.Disposable {
  readonly store: BatchStore;
}

export function registerBatchFeature(
  context: vscode.ExtensionContext,
  deps: { credentials: CredentialStore; endpointTrust: EndpointTrust; log: (line: string) => void; extensionVersion: string },
): BatchFeature {
  const store = BatchStore.forContext(context);
  const runs = new BatchRuns(
    store,
    async (manifest) => {
      const scope = manifest.jobUri ? vscode.Uri.parse(manifest.jobUri, true) : undefined;
      return new ImmClient({
        region: manifest.region ?? DEFAULT_REGION,
        ...(manifest.endpoint ? { endpoint: manifest.endpoint } : {}),
        credentials: await deps.credentials.source(),
        timeoutMs: readSubmitSettings(scope).timeoutMs,
        userAgent: `imm-highlight-vscode/${deps.extensionVersion} vscode/${vscode.version}`,
      });
    },
    deps.log,
  );
  // After a reload: every batch with work left goes on from its manifest.
  void store.load().then(() => runs.resumeAll());
  const disposable = vscode.Disposable.from(
    runs,
    store,
    registerBatchCommands(store, runs, resultsConnections(deps.credentials, deps.endpointTrust)),
    vscode.commands.registerCommand(Commands.submitForEachVideo, (arg?: unknown) =>
      submitForEachVideo({ credentials: deps.credentials, endpointTrust: deps.endpointTrust, store, runs, extensionVersion: deps.extensionVersion }, arg),
    ),
  );
  return { store, dispose: () => disposable.dispose() };
}
