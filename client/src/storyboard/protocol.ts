/**
 * What the extension and the storyboard's webview (media/storyboard/storyboard.js) say to each other: the drawing
 * as plain data (positions in seconds, texts already translated), and what the page reports back. No imports: the
 * page is plain JavaScript and reads these shapes as documented here.
 */

/**
 * What an element stands for: a clip of a Concat job, a transition between two, background music; a source of a
 * Retrieval or Compose job and the reel it becomes (its MaxDuration).
 */
export type StoryboardElementKind = 'clip' | 'transition' | 'music' | 'source' | 'reel';

/** The rows of the drawing, top to bottom. */
export type StoryboardRow = 'clips' | 'transitions' | 'music' | 'sources' | 'reel';

export interface StoryboardElement {
  /** Stable across redraws while the entry keeps its place (`clip:0`, `transition:1`, `music:0`): focus and highlight follow it. */
  readonly id: string;
  readonly kind: StoryboardElementKind;
  readonly row: StoryboardRow;
  /** Where it starts on the ruler, in seconds. */
  readonly startSeconds: number;
  /** How long it is drawn, in seconds; `lengthKnown: false` draws it hatched at this nominal width. */
  readonly lengthSeconds: number;
  readonly lengthKnown: boolean;
  /** The first line: the file name, the transition's name. */
  readonly title: string;
  /** Further lines: in and out points, length, effects. */
  readonly details: readonly string[];
  /** What a screen reader says: every fact of the element in one sentence. */
  readonly accessibleName: string;
  /** IMM drops it (a transition longer than its clip allows): greyed, with the reason among the details. */
  readonly dropped: boolean;
  /** Starts at or after the output's cut line: faded. */
  readonly pastCut: boolean;
  /** The errors and warnings on its entry, each in words (`error: …`). */
  readonly problems: readonly string[];
  /** The worst of them, for the marking; absent when there are none. */
  readonly problem?: 'error' | 'warning';
  /** The clip's first frame (thumbnails on only): a presigned URL, put only into this message, never into the page's HTML. */
  readonly imageUrl?: string;
}

export interface StoryboardView {
  /** The job file's name. */
  readonly title: string;
  /** One line under the title: the output's estimated length, the cut, what is unknown. */
  readonly summary: string;
  /** What the drawing assumes (e.g. how transitions change the length). */
  readonly note: string;
  /** Why there is nothing to draw (not a job, no sources), instead of the rows. */
  readonly empty?: string;
  /** The ruler's extent, in seconds (at least the longest row). */
  readonly extentSeconds: number;
  /** The `Output.MaxDuration` cut line, in seconds; null when there is none. */
  readonly cutSeconds: number | null;
  /** The end of the output, in seconds; null when unknown. */
  readonly outputSeconds: number | null;
  readonly elements: readonly StoryboardElement[];
}

/** The page's fixed words, translated by the extension (the page has no l10n of its own). */
export interface StoryboardStrings {
  readonly zoomIn: string;
  readonly zoomOut: string;
  readonly zoomReset: string;
  readonly seconds: string;
  readonly cut: string;
  readonly output: string;
  readonly lengthUnknown: string;
  readonly rows: Readonly<Record<StoryboardRow, string>>;
  readonly keyboardHelp: string;
}

export type ToWebview =
  | { readonly type: 'view'; readonly view: StoryboardView; readonly strings: StoryboardStrings }
  /** The elements of the entry under the job editor's cursor (a transition may land on several joins); empty for none. */
  | { readonly type: 'highlight'; readonly ids: readonly string[] };

export type FromWebview =
  /** The page's script runs and waits for the view. */
  | { readonly type: 'ready' }
  /** A click or Enter on an element: reveal its entry in the job. */
  | { readonly type: 'reveal'; readonly id: string }
  /** What the page drew, for the tests (and the state command): the ids and titles in order, the ids with a frame. */
  | { readonly type: 'drawn'; readonly ids: readonly string[]; readonly titles: readonly string[]; readonly images: readonly string[] };

/** Reads a message of the page; anything else (an old page, a stray message) is undefined. */
export function fromWebview(message: unknown): FromWebview | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const m = message as Record<string, unknown>;
  const strings = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === 'string');
  switch (m.type) {
    case 'ready':
      return { type: 'ready' };
    case 'reveal':
      return typeof m.id === 'string' ? { type: 'reveal', id: m.id } : undefined;
    case 'drawn':
      return strings(m.ids) && strings(m.titles) ? { type: 'drawn', ids: m.ids, titles: m.titles, images: strings(m.images) ? m.images : [] } : undefined;
    default:
      return undefined;
  }
}
