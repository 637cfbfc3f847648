/**
 * The media facts the storyboard draws clip and music lengths from: only what the cloud checks already read
 * (`CloudAnswers.media`), kept until the identity, the settings or the trust change. The storyboard itself never
 * asks the cloud: on the web and with cloud checks off, lengths the job does not declare stay unknown.
 */
import * as vscode from 'vscode';
import type { CloudAnswers, MediaFacts } from '../../../core/src/index';

export interface MediaFactsSource {
  /** The facts of `oss://bucket/key`, or undefined when they were not read (or could not be). */
  factsOf(ossUri: string): MediaFacts | undefined;
  readonly onDidChange: vscode.Event<void>;
}

/** No facts at all: the web, where nothing is read. */
export const NO_MEDIA_FACTS: MediaFactsSource = { factsOf: () => undefined, onDidChange: () => new vscode.Disposable(() => undefined) };

export class RememberedMediaFacts implements MediaFactsSource, vscode.Disposable {
  private readonly facts = new Map<string, MediaFacts>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly listeners: vscode.Disposable[];

  /** `answers`: each finished check's answers; `reset`: the world they were read in changed (identity, settings, trust). */
  constructor(answers: vscode.Event<CloudAnswers>, reset: vscode.Event<void>) {
    this.listeners = [answers((a) => this.remember(a)), reset(() => this.clear())];
  }

  factsOf(ossUri: string): MediaFacts | undefined {
    return this.facts.get(ossUri);
  }

  remember(answers: Pick<CloudAnswers, 'media'>): void {
    let changed = false;
    for (const [uri, answer] of answers.media ?? []) {
      if (answer.state === 'read') {
        if (this.facts.get(uri) !== answer.facts) changed = true;
        this.facts.set(uri, answer.facts);
      } else if (answer.state !== 'failed' && this.facts.delete(uri)) {
        // Unreadable or archived now: its old length no longer holds. A failed read says nothing new.
        changed = true;
      }
    }
    if (changed) this.changed.fire();
  }

  clear(): void {
    if (this.facts.size === 0) return;
    this.facts.clear();
    this.changed.fire();
  }

  dispose(): void {
    for (const listener of this.listeners) listener.dispose();
    this.changed.dispose();
  }
}
