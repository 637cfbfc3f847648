/**
 * Presigned V4 GET URLs for results. A presigned URL is a credential while it lives (it carries the STS token
 * when there is one): callers hand it to a browser, a webview or the clipboard, and never log or store it.
 */
import type { OssConnection } from '../oss/client';
import type { OssLocation } from './outputLocation';
import { t } from '../../../core/src/index';

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

export async function presignObject(
  oss: OssConnection,
  location: OssLocation,
  region: string,
  seconds = DEFAULT_PRESIGN_SECONDS,
  now: () => Date = () => new Date(),
): Promise<PresignedUrl> {
  checkPresignSeconds(seconds);
  const signedAt = now();
  const url = await oss.presignGet(location.bucket, region, location.key, seconds);
  return { url, expiresAt: new Date(signedAt.getTime() + seconds * 1000), expiresSeconds: seconds };
}
