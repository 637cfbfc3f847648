/**
 * "Storyboard · about 74 s" above a job's `Sources`: opens the storyboard, and says how long a Concat job's output
 * will be (the layout's estimate, from the job and the media facts the checks read). Computed from the text only.
 */
import * as vscode from 'vscode';
import { keyRange, parseJob, secondsText, storyboardLayout, type StoryboardLayout } from '../../../core/src/index';
import { Commands } from '../commandIds';
import type { MediaFactsSource } from './mediaFacts';

/** The lens's words for a layout: the planned length of a Concat output when it is known. */
export function storyboardLensTitle(layout: Pick<StoryboardLayout, 'type' | 'outputSeconds' | 'outputEstimated'>): string {
  if (layout.type !== 'Concat' || layout.outputSeconds === null) return vscode.l10n.t('Storyboard');
  return layout.outputEstimated
    ? vscode.l10n.t('Storyboard · about {0}', secondsText(layout.outputSeconds))
    : vscode.l10n.t('Storyboard · {0}', secondsText(layout.outputSeconds));
}

export class StoryboardCodeLens implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly listener: { dispose(): void };
  /** The lens of each document version: VS Code asks again on scrolls and focus changes, not only on edits. */
  private readonly made = new Map<string, { version: number; lens: vscode.CodeLens[] }>();

  constructor(private readonly media: MediaFactsSource) {
    this.listener = media.onDidChange(() => {
      this.made.clear();
      this.changed.fire();
    });
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const key = document.uri.toString();
    const made = this.made.get(key);
    if (made?.version === document.version) return made.lens;
    const lens = this.make(document);
    // A few open jobs at a time; the oldest goes first.
    if (this.made.size >= 20) this.made.delete(this.made.keys().next().value as string);
    this.made.set(key, { version: document.version, lens });
    return lens;
  }

  private make(document: vscode.TextDocument): vscode.CodeLens[] {
    const doc = parseJob(document.getText());
    const sources = keyRange(doc, ['Sources']);
    if (!sources) return [];
    const layout = storyboardLayout(doc, (uri) => this.media.factsOf(document, uri));
    const range = new vscode.Range(sources.start.line, sources.start.character, sources.end.line, sources.end.character);
    return [
      new vscode.CodeLens(range, {
        title: storyboardLensTitle(layout),
        tooltip: vscode.l10n.t('Show the storyboard of this job beside it'),
        command: Commands.showStoryboard,
        arguments: [document.uri],
      }),
    ];
  }

  dispose(): void {
    this.made.clear();
    this.listener.dispose();
    this.changed.dispose();
  }
}
