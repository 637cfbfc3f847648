import * as vscode from 'vscode';
import type { StoryboardStrings } from './protocol';

/** The page's fixed words in the display language: the webview has no l10n of its own. */
export function storyboardStrings(): StoryboardStrings {
  return {
    zoomIn: vscode.l10n.t('Zoom in'),
    zoomOut: vscode.l10n.t('Zoom out'),
    zoomReset: vscode.l10n.t('Fit to width'),
    seconds: vscode.l10n.t('Seconds'),
    cut: vscode.l10n.t('MaxDuration cut'),
    output: vscode.l10n.t('Output ends'),
    lengthUnknown: vscode.l10n.t('length unknown'),
    rows: {
      clips: vscode.l10n.t('Clips'),
      transitions: vscode.l10n.t('Transitions'),
      music: vscode.l10n.t('Music'),
      sources: vscode.l10n.t('Sources'),
      reel: vscode.l10n.t('Reel'),
    },
    keyboardHelp: vscode.l10n.t('Click or press Enter on an element to select it in the job; arrow keys move between elements; Ctrl+wheel zooms.'),
  };
}
