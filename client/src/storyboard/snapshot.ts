/**
 * OSS's video snapshot, as the storyboard's thumbnails ask for it: `x-oss-process=video/snapshot,t_<ms>,f_jpg,w_<px>`
 * on a presigned GET. OSS bills each snapshot and takes them from H.264 and H.265 videos only; past the end of the
 * video it returns the last frame.
 */

/** Wide enough for a clip drawn at the storyboard's largest zoom, small enough to load fast. */
export const SNAPSHOT_WIDTH = 320;

/** The `x-oss-process` value for the frame at `startSeconds`. */
export function snapshotProcess(startSeconds: number, width = SNAPSHOT_WIDTH): string {
  const ms = Math.max(0, Math.round(startSeconds * 1000));
  return `video/snapshot,t_${ms},f_jpg,w_${Math.max(1, Math.round(width))}`;
}
