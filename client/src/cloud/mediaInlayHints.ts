/**
 * The inlay hint after each source and music URI whose media facts are known (`40.1 s · 96×54 · h264`), under
 * `immHighlight.media.inlayHints`. Asked again when new facts arrive or the setting changes.
 */
import * as vscode from 'vscode';
import { mediaHintLabel } from '../../../core/src/index';
import { backgroundLookupsBlocker } from './backgroundLookups';
import type { MediaFactsView } from './mediaView';

export const MEDIA_INLAY_HINTS_SETTING = 'media.inlayHints';

export class MediaInlayHintsProvider implements vscode.InlayHintsProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeInlayHints = this.changed.event;
  private readonly listeners: vscode.Disposable[];

  constructor(private readonly view: MediaFactsView) {
    this.listeners = [
      view.onDidChange(() => this.changed.fire()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(`immHighlight.${MEDIA_INLAY_HINTS_SETTING}`)) this.changed.fire();
      }),
    ];
  }

  provideInlayHints(document: vscode.TextDocument, range: vscode.Range): vscode.InlayHint[] {
    if (backgroundLookupsBlocker(document.uri)) return [];
    if (!vscode.workspace.getConfiguration('immHighlight', document.uri).get<boolean>(MEDIA_INLAY_HINTS_SETTING, true)) return [];
    const hints: vscode.InlayHint[] = [];
    for (const entry of this.view.entries(document)) {
      if (!range.contains(entry.range.end)) continue;
      const label = mediaHintLabel(entry.media);
      if (!label) continue;
      // A label is plain text (InlayHint renders no markup), so a key's characters cannot form a link here.
      const hint = new vscode.InlayHint(entry.range.end, label);
      hint.paddingLeft = true;
      hints.push(hint);
    }
    return hints;
  }

  dispose(): void {
    for (const listener of this.listeners) listener.dispose();
    this.changed.dispose();
  }
}
