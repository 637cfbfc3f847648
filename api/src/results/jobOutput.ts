/**
 * A job's Output as the results features need it: its URI and whether Output.Segment makes it a playlist with
 * segments (HLS/DASH) rather than one video. Pure, no vscode import: the extension's Submit records it, its CodeLens
 * reads it, and the CLI's `submit --download` decides from it what to fetch.
 */
export interface JobOutput {
  readonly uri: string;
  readonly segmented: boolean;
}

export function jobOutputOf(value: unknown): JobOutput | undefined {
  const output = (value as { Output?: { URI?: unknown; Segment?: unknown } } | null)?.Output;
  if (typeof output?.URI !== 'string' || !output.URI.startsWith('oss://')) return undefined;
  const segment = output.Segment;
  // Segment is an object of settings; null, a string or a list is not a segmentation IMM would apply.
  return { uri: output.URI, segmented: typeof segment === 'object' && segment !== null && !Array.isArray(segment) };
}

/** A prefix (`out/reel/`) or a playlist (`.m3u8`, `.mpd`): parts rather than one video, whatever Output.Segment says. */
export function isPlaylistOrPrefix(uriOrKey: string): boolean {
  return uriOrKey.endsWith('/') || /\.(m3u8|mpd)$/i.test(uriOrKey);
}

/**
 * Parts rather than one video: Output.Segment, a prefix (`out/reel/`) or a playlist (`.m3u8`, `.mpd`), none of
 * which a VS Code webview plays.
 */
export function isSegmentedOutput(owner: { readonly outputUri?: string | undefined; readonly outputSegmented?: boolean | undefined }): boolean {
  if (!owner.outputUri) return false;
  return !!owner.outputSegmented || isPlaylistOrPrefix(owner.outputUri);
}
