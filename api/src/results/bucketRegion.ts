/**
 * A bucket found in another region is followed there, the same way by every reader (downloads, the CLI's
 * `output`, the editor's results commands and task view).
 */
import type { OssConnection } from '../oss/client';
import { OssError } from '../oss/errors';

/**
 * Runs `call` in `region`; when OSS says the bucket lives elsewhere (a `wrong-region` answer, or a 403, which is
 * all a HEAD's empty body can say), once more in the bucket's own region from GetBucketLocation.
 */
export async function inBucketRegion<T>(
  oss: OssConnection,
  bucket: string,
  region: string,
  signal: AbortSignal | undefined,
  call: (region: string) => Promise<T>,
): Promise<T> {
  try {
    return await call(region);
  } catch (error) {
    if (!(error instanceof OssError) || (error.kind !== 'wrong-region' && error.status !== 403)) throw error;
    const own = await oss.getBucketRegion(bucket, region, signal ? { signal } : {}).catch(() => region);
    if (own === region) throw error;
    return call(own);
  }
}
