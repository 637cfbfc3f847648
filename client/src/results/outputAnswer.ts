/**
 * What the Highlight Tasks view shows under a succeeded task: its output object(s) as OSS listed them, or why
 * they could not be listed, in plain words. Types only (a type import is erased): the tree (shared with the web
 * entry's types) reads them without loading the OSS client.
 */
import type { MediaAnswer } from '../../../core/src/index';

export interface OutputObject {
  readonly key: string;
  readonly size: number | undefined;
  /** The media facts of a single-video output, read with a few ranged GETs; absent when not read or the read failed. */
  readonly media?: MediaAnswer;
}

export type OutputAnswer =
  | { readonly state: 'loading' }
  | {
      readonly state: 'listed';
      readonly bucket: string;
      /** The folder the keys are shown relative to (`out/`). */
      readonly folder: string;
      readonly objects: readonly OutputObject[];
      /** More objects than the view lists. */
      readonly truncated: boolean;
      /** A playlist and segments (Output.Segment, a prefix, `.m3u8`/`.mpd`): parts, not one playable video. */
      readonly segmented: boolean;
    }
  | { readonly state: 'failed'; readonly message: string };

/** The record fields the answer depends on. */
export interface OutputOwner {
  readonly taskId: string;
  readonly status: string;
  readonly outputUri?: string;
  readonly outputSegmented?: boolean;
  readonly region: string;
  readonly fileUri: string;
}

/** The tree's view of the lister: a cached answer per task, a look-up started when there is none. */
export interface OutputSource {
  answer(owner: OutputOwner): OutputAnswer;
  /** The cached answer, without starting a look-up (a tooltip must not send requests). */
  peek(owner: OutputOwner): OutputAnswer | undefined;
  /** The answer once the look-up (bounded in time) has ended; one started when there is none. */
  settled(owner: OutputOwner): Promise<OutputAnswer>;
  /** Drops the cached answer of one task (Refresh), or of all. */
  forget(taskId?: string): void;
  /** The task whose answer changed, or undefined when all of them may have. */
  readonly onDidChange: (listener: (taskId: string | undefined) => void) => { dispose(): void };
}
