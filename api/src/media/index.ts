/**
 * Media facts from ranged reads of OSS objects (issue 23): the container, duration and first video and audio
 * stream, read within a budget of requests and bytes. Node only: the web build has none of it.
 */
export { BoundedReader, DEFAULT_MEDIA_READ_BUDGET, MediaBudgetExceeded, type MediaReadBudget, type RangeFetch } from './budget';
export { readMediaFacts, type MediaReadResult } from './readMedia';
export { coldStorageClassOf, isRestoreFinished, parseRestoreHeader, readObjectMedia, type ObjectMediaHead } from './objectMedia';
export { MEDIA_PARSERS_BUNDLE } from './parsers';
