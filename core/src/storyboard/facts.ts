import type { MediaAnswer } from '../cloud/answers';
import type { MediaFactsLookup } from './layout';

/**
 * The storyboard's facts from the cloud checks' media answers (CloudAnswers.media, keyed `oss://bucket/key`): only
 * what was read; an unreadable, archived or failed object has no facts, so its length is drawn unknown.
 */
export function mediaFactsLookup(media: ReadonlyMap<string, MediaAnswer> | undefined): MediaFactsLookup {
  return (uri) => {
    const answer = media?.get(uri);
    return answer?.state === 'read' ? answer.facts : undefined;
  };
}
