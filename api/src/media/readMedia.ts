/**
 * The facts of one object from a few ranged reads: the first 4 KiB say the container (by its magic bytes, never
 * the name), then the container's own reader asks for what it needs, within the budget. A container that cannot
 * be read (unknown, corrupt, or not within the budget) is `unreadable` with the reason, never guessed; a request
 * that fails (denied, network) is thrown for the caller to report as a failed check.
 */
import { t, type MediaAnswer } from '../../../core/src/index';
import { BoundedReader, DEFAULT_MEDIA_READ_BUDGET, MediaBudgetExceeded, MediaShortRead, type MediaReadBudget, type RangeFetch } from './budget';
import { readWithMediabunny } from './bunny';
import { flvFacts } from './flv';
import { readIsobmff, UnreadableMedia } from './isobmff';
import { SNIFF_BYTES, sniffContainer } from './sniff';

export type MediaReadResult = Extract<MediaAnswer, { state: 'read' | 'unreadable' }>;

export async function readMediaFacts(size: number, fetch: RangeFetch, budget: MediaReadBudget = DEFAULT_MEDIA_READ_BUDGET): Promise<MediaReadResult> {
  const reader = new BoundedReader(size, fetch, budget);
  const unreadable = (reason: string): MediaReadResult => ({ state: 'unreadable', reason, read: reader.cost });
  if (size <= 0) return unreadable(t('The object is empty.'));
  try {
    const head = await reader.read(0, SNIFF_BYTES);
    const family = sniffContainer(head);
    if (!family) return unreadable(t('The container is not one that can be read (mp4, mov, mkv, webm, MPEG-TS, flv, mp3, wav, flac, ogg, aac).'));
    const facts = family === 'isobmff' ? await readIsobmff(reader) : family === 'flv' ? flvFacts(head) : await readWithMediabunny(reader, family, head);
    if (!facts) return unreadable(t('The FLV file has no onMetaData tag at its start.'));
    return { state: 'read', facts, read: reader.cost };
  } catch (error) {
    if (reader.fetchError !== undefined) throw reader.fetchError;
    if (reader.exceeded) return unreadable(new MediaBudgetExceeded(budget).message);
    if (error instanceof MediaShortRead) return unreadable(error.message);
    if (error instanceof UnreadableMedia) return unreadable(t('The file cannot be read as media: {0}', error.message));
    const detail = error instanceof Error ? error.message : String(error);
    return unreadable(t('The file cannot be read as media: {0}', detail));
  }
}
