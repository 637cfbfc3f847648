/**
 * Batches in the Highlight Tasks view: one row per batch (`Batch reels · 23/40 succeeded · 1 failed · 5 running`),
 * its items as children. A succeeded item carries a task record as the results commands read it (Open, Preview,
 * Download Output, Copy URI…), so the usual results actions work on it.
 */
import * as vscode from 'vscode';
import { isSegmentedOutput, type BatchItem, type BatchManifest } from '../../../api/src/batch/state';
import { Commands } from '../commandIds';
import { batchRowLabel, fileNameOf, itemIcon, itemStateText } from './view';

export interface BatchNode {
  readonly kind: 'batch';
  readonly batchId: string;
}

/** What the results commands and Copy Task ID read from a view node's `record`. */
export interface BatchItemRecord {
  readonly taskId: string;
  readonly status: string;
  readonly outputUri: string;
  readonly outputSegmented: boolean;
  readonly region: string | undefined;
  readonly fileUri: string | undefined;
}

export interface BatchItemNode {
  readonly kind: 'batchItem';
  readonly batchId: string;
  readonly index: number;
  readonly record: BatchItemRecord;
}

export interface BatchSource {
  list(): BatchManifest[];
  get(batchId: string): BatchManifest | undefined;
  readonly onDidChange: vscode.Event<void>;
}

/** `contextValue`s used by package.json `view/item/context` menus. */
export const BATCH_CONTEXT = { batch: 'immHighlightBatch', item: 'immHighlightBatchItem', succeededItem: 'immHighlightBatchItem.succeeded' } as const;

export function batchNodes(source: BatchSource): BatchNode[] {
  return source.list().map((m) => ({ kind: 'batch', batchId: m.batchId }));
}

function recordOf(manifest: BatchManifest, item: BatchItem): BatchItemRecord {
  return {
    taskId: item.taskId ?? '',
    status: item.state === 'succeeded' ? 'Succeeded' : (item.status ?? item.state),
    outputUri: item.output,
    outputSegmented: isSegmentedOutput(item.output),
    region: manifest.region,
    fileUri: manifest.jobUri,
  };
}

export function batchItemNodes(source: BatchSource, node: BatchNode): BatchItemNode[] {
  const manifest = source.get(node.batchId);
  return (manifest?.items ?? []).map((item) => ({ kind: 'batchItem', batchId: node.batchId, index: item.index, record: recordOf(manifest!, item) }));
}

export function batchTreeItem(source: BatchSource, node: BatchNode): vscode.TreeItem {
  const manifest = source.get(node.batchId);
  const item = new vscode.TreeItem(manifest ? batchRowLabel(manifest) : node.batchId, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = `batch/${node.batchId}`;
  item.iconPath = new vscode.ThemeIcon('layers');
  item.contextValue = BATCH_CONTEXT.batch;
  if (manifest) {
    item.description = manifest.each;
    item.tooltip = [
      batchRowLabel(manifest),
      vscode.l10n.t('Job: {0}', manifest.jobFile),
      vscode.l10n.t('Videos: {0}{1}', manifest.each, manifest.match ? ` (${manifest.match})` : ''),
      vscode.l10n.t('Outputs: {0}', manifest.outputTemplate),
      vscode.l10n.t('Tag: HighlightBatch={0}', manifest.batchId),
      manifest.cancelled ? vscode.l10n.t('Cancelled: nothing more is sent; tasks already sent keep running in IMM.') : '',
      manifest.skipped.length ? vscode.l10n.t('{0} videos left out (errors)', manifest.skipped.length) : '',
    ]
      .filter(Boolean)
      .join('\n');
  }
  return item;
}

export function batchItemTreeItem(source: BatchSource, node: BatchItemNode): vscode.TreeItem {
  const manifest = source.get(node.batchId);
  const batchItem = manifest?.items.find((i) => i.index === node.index);
  const item = new vscode.TreeItem(batchItem ? fileNameOf(batchItem.source) : String(node.index), vscode.TreeItemCollapsibleState.None);
  item.id = `batch/${node.batchId}/${node.index}`;
  if (!batchItem) return item;
  item.description = [itemStateText(batchItem), batchItem.code ?? ''].filter(Boolean).join(' · ');
  item.tooltip = [
    `${batchItem.source} → ${batchItem.output}`,
    batchItem.taskId ? `TaskId ${batchItem.taskId}` : '',
    batchItem.code ? `${batchItem.code}: ${batchItem.message ?? ''}` : (batchItem.message ?? ''),
  ]
    .filter(Boolean)
    .join('\n');
  item.iconPath = itemIcon(batchItem);
  item.contextValue = batchItem.state === 'succeeded' ? BATCH_CONTEXT.succeededItem : BATCH_CONTEXT.item;
  // As a click on a task of the history: its details (made from the manifest when it has no task).
  item.command = { title: 'Show Task Details', command: Commands.showTaskDetails, arguments: [node] };
  item.accessibilityInformation = { label: vscode.l10n.t('Batch item {0}: {1}', batchItem.source, itemStateText(batchItem)) };
  return item;
}
