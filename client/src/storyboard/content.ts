/**
 * What the panel draws, made from the job's text by the language core's storyboard layout: the view the page
 * receives and, per element, the range of its entry in the job (for click-to-reveal and the cursor's highlight).
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { MediaFacts } from '../../../core/src/index';
import type { StoryboardView } from './protocol';

/** A range in the job, zero-based like LSP's and VS Code's. */
export interface EntryRange {
  readonly start: { readonly line: number; readonly character: number };
  readonly end: { readonly line: number; readonly character: number };
}

export interface StoryboardInput {
  readonly text: string;
  readonly fileName: string;
  /** The diagnostics of the job (the language server's and the cloud checks'), as LSP diagnostics. */
  readonly problems: readonly Diagnostic[];
  /** The media facts the cloud checks already read, by `oss://bucket/key`; undefined when not read (or on the web). */
  readonly mediaFacts: (ossUri: string) => MediaFacts | undefined;
  /** A clip's first frame (thumbnails on), by `oss://bucket/key` and its start in seconds; undefined otherwise. */
  readonly imageOf: (ossUri: string, startSeconds: number) => string | undefined;
}

export interface StoryboardContent {
  readonly view: StoryboardView;
  /** The entry of each element, by element id. */
  readonly ranges: ReadonlyMap<string, EntryRange>;
}
