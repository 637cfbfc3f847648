/**
 * The media facts of one OSS object whose HEAD is known: not read at all when it is in cold storage without a
 * finished restore (IMM cannot read it either, and a GET fails with InvalidObjectState), otherwise read with ranged
 * GETs within the budget. Request failures (denied, network, cancelled) are thrown as the OssError they are.
 */
import type { ColdStorageClass, MediaAnswer, ObjectRestore } from '../../../core/src/index';
import type { OssCallOptions, OssConnection } from '../oss/client';
import { DEFAULT_MEDIA_READ_BUDGET, type MediaReadBudget } from './budget';
import { readMediaFacts } from './readMedia';

export interface ObjectMediaHead {
  readonly size: number | undefined;
  readonly storageClass?: string | undefined;
  readonly restore?: ObjectRestore | undefined;
}

const COLD: readonly ColdStorageClass[] = ['Archive', 'ColdArchive', 'DeepColdArchive'];

export function coldStorageClassOf(storageClass: string | undefined): ColdStorageClass | undefined {
  return COLD.find((c) => c === storageClass);
}

/** `ongoing-request="false", expiry-date="Sun, 16 Apr 2017 08:12:33 GMT"` -> its parts; undefined for no header. */
export function parseRestoreHeader(header: string | undefined): ObjectRestore | undefined {
  if (!header) return undefined;
  const ongoing = /ongoing-request\s*=\s*"?(true|false)"?/i.exec(header)?.[1]?.toLowerCase() === 'true';
  const expiry = /expiry-date\s*=\s*"([^"]*)"/i.exec(header)?.[1];
  return { ongoing, ...(expiry ? { expiryDate: expiry } : {}) };
}

/** A restored copy that is readable now: the restore has finished and its copy has not expired. */
export function isRestoreFinished(restore: ObjectRestore | undefined, now: number = Date.now()): boolean {
  if (!restore || restore.ongoing) return false;
  const expires = restore.expiryDate ? Date.parse(restore.expiryDate) : NaN;
  return Number.isNaN(expires) || expires > now;
}

export async function readObjectMedia(
  oss: Pick<OssConnection, 'getObjectRange'>,
  bucket: string,
  region: string,
  key: string,
  head: ObjectMediaHead,
  options: OssCallOptions & { budget?: MediaReadBudget } = {},
): Promise<MediaAnswer> {
  const cold = coldStorageClassOf(head.storageClass);
  if (cold && !isRestoreFinished(head.restore)) return { state: 'archived', storageClass: cold };
  const call = options.signal ? { signal: options.signal } : {};
  return readMediaFacts(
    head.size ?? 0,
    async (start, end) => (await oss.getObjectRange(bucket, region, key, start, end, call)).content,
    options.budget ?? DEFAULT_MEDIA_READ_BUDGET,
  );
}
