/**
 * The hover on a source or music URI: what a few ranged reads of the object told (container, duration, streams),
 * with its size and storage class. Every value comes from OSS or the file, so every value is escaped.
 */
import * as vscode from 'vscode';
import { mediaFactRows } from '../../../core/src/index';
import { markdownText } from '../plainText';
import { backgroundLookupsBlocker } from './backgroundLookups';
import type { MediaFactsView } from './mediaView';

export class MediaHoverProvider implements vscode.HoverProvider {
  constructor(private readonly view: MediaFactsView) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    if (backgroundLookupsBlocker(document.uri)) return undefined;
    const entry = this.view.at(document, position);
    if (!entry) return undefined;
    const markdown = new vscode.MarkdownString(`**${markdownText(vscode.l10n.t('Media facts'))}**\n\n`);
    for (const row of mediaFactRows(entry.media, entry.object)) markdown.appendMarkdown(`${markdownText(row.label)}: ${markdownText(row.value)}  \n`);
    return new vscode.Hover(markdown, entry.range);
  }
}
