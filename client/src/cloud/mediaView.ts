/**
 * The media facts of each open job's source and music URIs, as the last cloud check found them, at the ranges
 * of the text it checked. The hover and the inlay hints read them; they follow edits like the cloud diagnostics
 * (a URI whose value an edit touched loses its facts until the next check), and an event says when they change.
 */
import * as vscode from 'vscode';
import { shiftRangeThrough, type CloudAnswers, type CloudResources, type MediaAnswer, type ObjectAnswer } from '../../../core/src/index';

export interface MediaEntry {
  readonly range: vscode.Range;
  /** `oss://bucket/key` as written. */
  readonly uri: string;
  readonly field: 'source' | 'music';
  readonly media: MediaAnswer;
  /** The HEAD's answer: size and storage class. */
  readonly object: ObjectAnswer | undefined;
}

export class MediaFactsView implements vscode.Disposable {
  private readonly byDocument = new Map<string, readonly MediaEntry[]>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  /** The facts of a check of `document`'s current text. */
  set(document: vscode.TextDocument, resources: CloudResources | undefined, answers: CloudAnswers | undefined): void {
    const entries: MediaEntry[] = [];
    for (const uri of resources?.uris ?? []) {
      if (uri.field !== 'source' && uri.field !== 'music') continue;
      const media = answers?.media?.get(uri.uri);
      if (!media) continue;
      const { start, end } = uri.range;
      entries.push({
        range: new vscode.Range(start.line, start.character, end.line, end.character),
        uri: uri.uri,
        field: uri.field,
        media,
        object: answers?.objects.get(uri.uri),
      });
    }
    const key = document.uri.toString();
    if (entries.length === 0 && !this.byDocument.has(key)) return;
    if (entries.length) this.byDocument.set(key, entries);
    else this.byDocument.delete(key);
    this.changed.fire();
  }

  entries(document: vscode.TextDocument): readonly MediaEntry[] {
    return this.byDocument.get(document.uri.toString()) ?? [];
  }

  at(document: vscode.TextDocument, position: vscode.Position): MediaEntry | undefined {
    return this.entries(document).find((entry) => entry.range.contains(position));
  }

  followEdits(event: vscode.TextDocumentChangeEvent): void {
    const key = event.document.uri.toString();
    const shown = this.byDocument.get(key);
    if (!shown || event.contentChanges.length === 0) return;
    const moved: MediaEntry[] = [];
    for (const entry of shown) {
      const range = shiftRangeThrough(entry.range, event.contentChanges);
      if (range === entry.range) moved.push(entry);
      else if (range) moved.push({ ...entry, range: new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character) });
    }
    if (moved.length) this.byDocument.set(key, moved);
    else this.byDocument.delete(key);
    // VS Code asks for the hints again after an edit; an entry dropped here must not come back from the old list.
  }

  forget(document: vscode.TextDocument): void {
    if (this.byDocument.delete(document.uri.toString())) this.changed.fire();
  }

  clearAll(): void {
    if (this.byDocument.size === 0) return;
    this.byDocument.clear();
    this.changed.fire();
  }

  dispose(): void {
    this.byDocument.clear();
    this.changed.dispose();
  }
}
