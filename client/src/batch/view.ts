/** How a batch and its items read in the Highlight Tasks view and the status bar. */
import * as vscode from 'vscode';
import { countItems, type BatchItem, type BatchManifest } from '../../../api/src/batch/state';

/** `Batch reels · 23/40 succeeded · 1 failed · 5 running` (zero counts left out). */
export function batchRowLabel(manifest: BatchManifest): string {
  const c = countItems(manifest);
  const parts = [vscode.l10n.t('Batch {0}', manifest.name), vscode.l10n.t('{0}/{1} succeeded', c.succeeded, c.total)];
  if (c.failed) parts.push(vscode.l10n.t('{0} failed', c.failed));
  if (c.running) parts.push(vscode.l10n.t('{0} running', c.running));
  if (c.waiting) parts.push(manifest.cancelled ? vscode.l10n.t('{0} not sent (cancelled)', c.waiting) : vscode.l10n.t('{0} waiting', c.waiting));
  if (c.refused) parts.push(vscode.l10n.t('{0} refused', c.refused));
  if (c.unknown) parts.push(vscode.l10n.t('{0} outcome unknown', c.unknown));
  return parts.join(' · ');
}

export function itemStateText(item: BatchItem): string {
  switch (item.state) {
    case 'waiting':
      return vscode.l10n.t('Waiting');
    case 'sending':
      return vscode.l10n.t('Sending');
    case 'sent':
      return item.progress ? vscode.l10n.t('Running {0}%', item.progress) : vscode.l10n.t('Running');
    case 'outcome-unknown':
      return vscode.l10n.t('Outcome unknown');
    case 'refused':
      return vscode.l10n.t('Refused');
    case 'succeeded':
      return vscode.l10n.t('Succeeded');
    case 'failed':
      return vscode.l10n.t('Failed');
  }
}

export function itemIcon(item: BatchItem): vscode.ThemeIcon {
  if (item.state === 'succeeded') return new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
  if (item.state === 'failed' || item.state === 'refused') return new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed'));
  if (item.state === 'outcome-unknown' || item.state === 'sending') return new vscode.ThemeIcon('question');
  if (item.state === 'sent') return new vscode.ThemeIcon('sync~spin');
  return new vscode.ThemeIcon('clock');
}

/** The file name of an `oss://` URI. */
export function fileNameOf(uri: string): string {
  return uri.slice(uri.lastIndexOf('/') + 1) || uri;
}
