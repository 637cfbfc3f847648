/** The batch commands of the Highlight Tasks view: Retry Failed, Cancel, Download All Outputs…, Export Summary…. */
import * as vscode from 'vscode';
import { countItems, retryFailed, type BatchManifest } from '../../../api/src/batch/index';
import { DEFAULT_REGION } from '../../../api/src/endpoint';
import { Commands } from '../commandIds';
import { confirmGuarded } from '../guardedModal';
import { notify, withProgress } from '../notify';
import type { ResultsConnections } from '../results/connection';
import { downloadBatchOutputs, existingTargets, planBatchDownloads, writeSummary } from './outputs';
import type { BatchRuns } from './runs';
import type { BatchStore } from './store';
import type { BatchNode } from './treeItems';

/** The batch a command was run on: a view row, a batch id, or one picked from the list. */
async function batchOf(store: BatchStore, arg: unknown): Promise<BatchManifest | undefined> {
  const node = arg as Partial<BatchNode> | undefined;
  const id = typeof arg === 'string' ? arg : node?.kind === 'batch' ? node.batchId : undefined;
  if (id) return store.get(id);
  const pick = await vscode.window.showQuickPick(
    store.list().map((m) => ({ label: m.name, description: m.batchId, manifest: m })),
    { placeHolder: vscode.l10n.t('Pick a batch') },
  );
  return pick?.manifest;
}

export function registerBatchCommands(store: BatchStore, runs: BatchRuns, connections: ResultsConnections): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.batchRetryFailed, async (arg?: unknown): Promise<number> => {
      const manifest = await batchOf(store, arg);
      if (!manifest) return 0;
      const failed = countItems(manifest).failed;
      if (failed === 0) {
        void notify.info(vscode.l10n.t('Batch {0} has no failed items.', manifest.name));
        return 0;
      }
      const confirmed = await confirmGuarded({
        message: vscode.l10n.t('Send the {0} failed items of batch {1} again?', failed, manifest.name),
        detail: vscode.l10n.t('Each is a new paid task. Succeeded, running and unknown items are not sent.'),
        action: vscode.l10n.t('Retry {0} Failed', failed),
        keep: vscode.l10n.t('Cancel'),
      });
      if (!confirmed) return 0;
      const count = retryFailed(manifest);
      await store.save(manifest);
      runs.start(manifest);
      return count;
    }),
    vscode.commands.registerCommand(Commands.batchCancel, async (arg?: unknown) => {
      const manifest = await batchOf(store, arg);
      if (!manifest) return;
      await runs.cancel(manifest);
      void notify.info(
        vscode.l10n.t(
          'Batch {0}: nothing more will be sent. The {1} tasks already sent keep running in IMM (and are still followed here).',
          manifest.name,
          countItems(manifest).running,
        ),
      );
    }),
    vscode.commands.registerCommand(Commands.batchExportSummary, async (arg?: unknown): Promise<string | undefined> => {
      const manifest = await batchOf(store, arg);
      if (!manifest) return undefined;
      const target = await vscode.window.showSaveDialog({
        title: vscode.l10n.t('Save the summary of batch {0}', manifest.name),
        defaultUri: vscode.Uri.joinPath(vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(process.cwd()), `${manifest.name}-summary.csv`),
        filters: { CSV: ['csv'], JSON: ['json'] },
      });
      if (!target) return undefined;
      await writeSummary(manifest, target.fsPath);
      return target.fsPath;
    }),
    vscode.commands.registerCommand(Commands.batchDownloadOutputs, async (arg?: unknown, destination?: vscode.Uri): Promise<number | undefined> => {
      const manifest = await batchOf(store, arg);
      if (!manifest) return undefined;
      if (countItems(manifest).succeeded === 0) {
        void notify.info(vscode.l10n.t('Batch {0} has no succeeded items yet.', manifest.name));
        return undefined;
      }
      const folder =
        destination ??
        (
          await vscode.window.showOpenDialog({
            canSelectFolders: true,
            canSelectFiles: false,
            title: vscode.l10n.t('Download the outputs of batch {0} to…', manifest.name),
            openLabel: vscode.l10n.t('Download Here'),
          })
        )?.[0];
      if (!folder) return undefined;
      const plan = planBatchDownloads(manifest, folder.fsPath);
      const existing = await existingTargets(plan);
      let overwrite = false;
      if (existing.length) {
        // Skip Existing is the focused button (and Escape): the files that are there are kept.
        overwrite = await confirmGuarded({
          message: vscode.l10n.t('{0} of the {1} files are already in {2}.', existing.length, plan.length, folder.fsPath),
          action: vscode.l10n.t('Replace'),
          keep: vscode.l10n.t('Skip Existing'),
        });
      }
      const scope = manifest.jobUri ? vscode.Uri.parse(manifest.jobUri, true) : undefined;
      const oss = await connections.forCommand(scope);
      if (!oss) return undefined;
      const result = await withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Downloading the outputs of batch {0}', manifest.name), cancellable: true },
        async (progress, token) => {
          const controller = new AbortController();
          token.onCancellationRequested(() => controller.abort());
          return downloadBatchOutputs(oss, manifest.region ?? DEFAULT_REGION, plan, {
            overwrite,
            skip: new Set(overwrite ? [] : existing),
            signal: controller.signal,
            onFile: (done, total) => progress.report({ message: `${done}/${total}`, increment: 100 / Math.max(1, total) }),
          });
        },
      );
      if (result.failed.length)
        void notify.warning(
          vscode.l10n.t(
            '{0} outputs downloaded; {1} failed: {2}',
            result.written,
            result.failed.length,
            result.failed.map((f) => `${f.uri}: ${f.message}`).join('; '),
          ),
        );
      else void notify.info(vscode.l10n.t('{0} outputs downloaded to {1}.', result.written, folder.fsPath));
      return result.written;
    }),
  );
}
