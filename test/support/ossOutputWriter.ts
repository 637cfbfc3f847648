/**
 * The output writer the demo and the UI test give the local IMM endpoint: a succeeded task's result is written into
 * the local OSS endpoint at its Output.URI, so Open / Preview / Download of the demo's own tasks find a real,
 * playable object. Neither endpoint knows the other; this is the only place that joins them.
 *
 * What is written (the local stand-in cannot cut video): the first source's bytes; with `Output.Segment` (HLS), an
 * HLS playlist at Output.URI and its MPEG-TS segments beside it, under the prefix the extension lists
 * (api/src/results segmentPrefix: `out/reel.m3u8` -> `out/reel-0.ts`, a folder `out/reel/` -> `out/reel/segment-0.ts`).
 */
import { isPrefix, parseOssLocation, segmentPrefix } from '../../api/src/results/index';
import type { OutputWriter, SucceededTask } from '../endpoints/imm/tasks';
import type { OssState } from '../endpoints/oss/state';
import { demoMedia, type DemoMedia } from '../fixtures/media/index';

const CONTENT_TYPES: Readonly<Record<string, string>> = { mp4: 'video/mp4', mov: 'video/quicktime', m3u8: 'application/x-mpegURL', ts: 'video/MP2T' };

function contentTypeOf(key: string, fallback: string | undefined): string | undefined {
  return CONTENT_TYPES[/\.([a-z0-9]+)$/i.exec(key)?.[1]?.toLowerCase() ?? ''] ?? fallback;
}

export function ossOutputWriter(state: OssState, media: DemoMedia = demoMedia()): OutputWriter {
  return (task: SucceededTask): void => {
    const output = parseOssLocation(task.request.Output.URI);
    const segment = task.request.Output.Segment;
    if (segment !== undefined) {
      const format = typeof segment === 'object' && segment !== null && typeof segment.Format === 'string' ? segment.Format : 'hls';
      if (format !== 'hls') throw new Error(`the local IMM endpoint writes HLS segments only, not ${format}`);
      writeHls(state, output, media);
      return;
    }
    const first = parseOssLocation(task.request.Sources[0]!.URI);
    const source = state.buckets.get(first.bucket)?.objects.get(first.key);
    if (!source) throw new Error(`the source ${task.request.Sources[0]!.URI} does not exist`);
    if (!state.buckets.has(output.bucket)) throw new Error(`the output bucket ${output.bucket} does not exist`);
    state.putObject(output.bucket, { key: output.key, contentType: contentTypeOf(output.key, source.contentType), body: source.body });
  };
}

function writeHls(state: OssState, output: { readonly bucket: string; readonly key: string }, media: DemoMedia): void {
  if (!state.buckets.has(output.bucket)) throw new Error(`the output bucket ${output.bucket} does not exist`);
  const folder = isPrefix(output);
  const playlistKey = folder ? `${output.key}playlist.m3u8` : output.key;
  const prefix = segmentPrefix(output);
  const segmentKey = (index: number): string => (folder ? `${prefix}segment-${index}.ts` : `${prefix}-${index}.ts`);
  const playlistFolder = playlistKey.slice(0, playlistKey.lastIndexOf('/') + 1);
  let playlist = media.hls.playlist;
  media.hls.segments.forEach((segment, index) => {
    const key = segmentKey(index);
    state.putObject(output.bucket, { key, contentType: CONTENT_TYPES['ts'], body: segment.body });
    playlist = playlist.replace(segment.name, key.slice(playlistFolder.length));
  });
  state.putObject(output.bucket, { key: playlistKey, contentType: CONTENT_TYPES['m3u8'], body: playlist });
}
