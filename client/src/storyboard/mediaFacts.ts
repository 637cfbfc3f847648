/**
 * The media facts the storyboard draws clip and music lengths from: only what the cloud checks already read for the
 * job (CloudAnswers.media, issue 23), never a request of its own. On the web, and with cloud checks off, there are
 * none: lengths the job does not declare stay unknown (hatched).
 */
import type * as vscode from 'vscode';
import type { MediaAnswer, MediaFacts } from '../../../core/src/index';

export interface MediaFactsSource {
  /** The facts of `oss://bucket/key` as the last check of `document` read them; undefined when not read (or unreadable). */
  factsOf(document: vscode.TextDocument, ossUri: string): MediaFacts | undefined;
  readonly onDidChange: (listener: () => void) => { dispose(): void };
}

/** No facts at all: the web, where nothing is read. */
export const NO_MEDIA_FACTS: MediaFactsSource = { factsOf: () => undefined, onDidChange: () => ({ dispose: () => undefined }) };

/**
 * What the cloud checks keep of each open job's media answers (the media view of issue 23: each source and music
 * URI with its answer, dropped when an edit touches it, an event when they change).
 */
export interface CheckedMedia {
  entries(document: vscode.TextDocument): readonly { readonly uri: string; readonly media: MediaAnswer }[];
  readonly onDidChange: (listener: () => void) => { dispose(): void };
}

/** The storyboard's facts from the checks' media answers: a read answer's facts; unreadable, archived or failed ones have none. */
export function checkedMediaFacts(checked: CheckedMedia): MediaFactsSource {
  return {
    factsOf: (document, ossUri) => {
      const answer = checked.entries(document).find((entry) => entry.uri === ossUri)?.media;
      return answer?.state === 'read' ? answer.facts : undefined;
    },
    onDidChange: (listener) => checked.onDidChange(listener),
  };
}
