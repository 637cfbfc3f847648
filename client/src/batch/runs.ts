/**
 * Runs batches in the background: sends them paced, follows them with ListTasks until every task ended, and keeps
 * one status bar item for all running batches. After a window reload every batch with work left resumes from its
 * manifest (sends whose answer never came are matched first; nothing is sent twice).
 */
import * as vscode from 'vscode';
import { countItems, runBatch, type BatchImm, type BatchManifest } from '../../../api/src/batch/index';
import { describeImmError, ImmApiError } from '../../../api/src/errors';
import { TASKS_VIEW_ID } from '../constants';
import { notify } from '../notify';
import type { BatchStore } from './store';
import { batchRowLabel } from './view';

/** Makes the IMM client a batch is sent with (its region and endpoint, today's credentials). */
export type BatchClientFactory = (manifest: BatchManifest) => Promise<BatchImm>;

/** True while the batch still has something to send or to follow. */
export function hasWorkLeft(manifest: BatchManifest): boolean {
  const c = countItems(manifest);
  return c.running > 0 || c.unknown > 0 || (c.waiting > 0 && !manifest.cancelled);
}

export class BatchRuns implements vscode.Disposable {
  private readonly running = new Map<string, AbortController>();
  private readonly statusItem = vscode.window.createStatusBarItem('immHighlight.batch', vscode.StatusBarAlignment.Left, 9);
  private readonly listener: vscode.Disposable;

  constructor(
    private readonly store: BatchStore,
    private readonly clientFor: BatchClientFactory,
    private readonly log: (line: string) => void,
  ) {
    this.statusItem.name = vscode.l10n.t('IMM Highlight Batches');
    this.statusItem.command = `${TASKS_VIEW_ID}.focus`;
    this.listener = store.onDidChange(() => this.updateStatus());
  }

  isRunning(batchId: string): boolean {
    return this.running.has(batchId);
  }

  /** Every stored batch with work left, as after a reload. */
  resumeAll(): void {
    for (const manifest of this.store.list()) if (hasWorkLeft(manifest)) this.start(manifest);
  }

  /** Sends and follows the batch; does nothing when it runs already. */
  start(manifest: BatchManifest): void {
    if (this.running.has(manifest.batchId)) return;
    const controller = new AbortController();
    this.running.set(manifest.batchId, controller);
    this.updateStatus();
    void this.run(manifest, controller.signal).finally(() => {
      this.running.delete(manifest.batchId);
      this.updateStatus();
    });
  }

  /** Stops sending: what was sent keeps running in IMM and is still followed. */
  async cancel(manifest: BatchManifest): Promise<void> {
    manifest.cancelled = true;
    await this.store.save(manifest);
  }

  private async run(manifest: BatchManifest, signal: AbortSignal): Promise<void> {
    try {
      const imm = await this.clientFor(manifest);
      this.log(`Batch ${manifest.batchId}: ${countItems(manifest).waiting} to send, at most ${manifest.concurrency} running.`);
      await runBatch(imm, manifest, {
        save: (m) => this.store.save(m),
        wait: true,
        signal,
        onEvent: (event) => {
          if (event.kind === 'answered')
            this.log(`Batch ${manifest.batchId}: ${event.item.source} ${event.item.state} ${event.item.taskId ?? event.item.code ?? ''}`);
          if (event.kind === 'matched') this.log(`Batch ${manifest.batchId}: ${event.item.source}: the send with no answer is ${event.item.taskId ?? ''}`);
          if (event.kind === 'pollFailed') this.log(`Batch ${manifest.batchId}: ListTasks failed: ${describeImmError(event.error)}`);
        },
      });
      const c = countItems(manifest);
      const text = batchRowLabel(manifest);
      if (c.failed || c.refused || c.unknown) void notify.warning(vscode.l10n.t('IMM Highlight: {0}', text));
      else void notify.info(vscode.l10n.t('IMM Highlight: {0}', text));
    } catch (error) {
      if (signal.aborted) return;
      const message = error instanceof ImmApiError ? describeImmError(error) : error instanceof Error ? error.message : String(error);
      this.log(`Batch ${manifest.batchId} stopped: ${message}`);
      void notify.error(vscode.l10n.t('IMM Highlight: batch {0} stopped: {1}', manifest.name, message));
    }
  }

  private updateStatus(): void {
    const running = this.store.list().filter((m) => this.running.has(m.batchId));
    if (running.length === 0) return this.statusItem.hide();
    const first = running[0]!;
    this.statusItem.text = `$(sync~spin) ${batchRowLabel(first)}${running.length > 1 ? ` (+${running.length - 1})` : ''}`;
    this.statusItem.tooltip = `${running.map(batchRowLabel).join('\n')}\n\n${vscode.l10n.t('Click to show the Highlight Tasks view.')}`;
    this.statusItem.show();
  }

  dispose(): void {
    for (const controller of this.running.values()) controller.abort();
    this.running.clear();
    this.listener.dispose();
    this.statusItem.dispose();
  }
}
