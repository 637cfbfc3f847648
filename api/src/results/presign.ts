/**
 * Presigned V4 GET URLs for results. A presigned URL is a credential while it lives (it carries the STS token
 * when there is one): callers hand it to a browser, a webview or the clipboard, and never log or store it.
 */
import type { OssConnection, OssObjectHead } from '../oss/client';
import { OssError } from '../oss/errors';
import type { OssLocation } from './outputLocation';
import { t } from '../../../core/src/l10n';

export const DEFAULT_PRESIGN_SECONDS = 900;
/** OSS caps a V4 presigned URL at seven days. */
export const MAX_PRESIGN_SECONDS = 7 * 24 * 3600;

export interface PresignedUrl {
  readonly url: string;
  readonly expiresAt: Date;
  readonly expiresSeconds: number;
}

/** Throws RangeError for an expiry OSS would refuse. */
export function checkPresignSeconds(seconds: number): number {
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > MAX_PRESIGN_SECONDS) {
    throw new RangeError(t('A presigned URL lives 1 to {0} seconds (7 days), not {1}.', MAX_PRESIGN_SECONDS, seconds));
  }
  return seconds;
}

export async function presignObject(oss: OssConnection, location: OssLocation, region: string, seconds = DEFAULT_PRESIGN_SECONDS, now: () => Date = () => new Date()): Promise<PresignedUrl> {
  checkPresignSeconds(seconds);
  const signedAt = now();
  const url = await oss.presignGet(location.bucket, region, location.key, seconds);
  return { url, expiresAt: new Date(signedAt.getTime() + seconds * 1000), expiresSeconds: seconds };
}

/**
 * HeadObject in the region a bucket is read through: `region`, or, when OSS refuses the object there with a 403
 * (a bucket addressed through another region's endpoint; a HEAD has no body to say so), the bucket's own region.
 * Throws what the HEAD in that region throws (no-such-key and the like). Shared by the CLI and the editor so that
 * both follow a bucket found in another region the same way.
 */
export async function headInBucketRegion(oss: OssConnection, location: OssLocation, region: string, signal?: AbortSignal): Promise<{ region: string; head: OssObjectHead }> {
  const options = signal ? { signal } : {};
  try {
    return { region, head: await oss.headObject(location.bucket, region, location.key, options) };
  } catch (error) {
    if (!(error instanceof OssError) || (error.status !== 403 && error.kind !== 'wrong-region')) throw error;
    const own = await oss.getBucketRegion(location.bucket, region, options).catch(() => region);
    if (own === region) throw error;
    return { region: own, head: await oss.headObject(location.bucket, own, location.key, options) };
  }
}
