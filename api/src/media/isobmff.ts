/**
 * mp4, mov and m4a: the facts live in the `moov` box, which may sit after gigabytes of `mdat`. The top-level boxes
 * are walked with 16-byte header reads (skipping `mdat` by its size), then `ftyp` and `moov` alone are read and
 * handed to mp4box: a 4 GiB file with its moov at the end costs a few KiB.
 */
import { t, type MediaFacts } from '../../../core/src/index';
import type { BoundedReader } from './budget';
import { codecOfIsobmff } from './codecNames';
import { loadMediaParsers } from './parsers';

interface BoxAt {
  readonly type: string;
  readonly start: number;
  readonly size: number;
}

/** Why the file cannot be read as ISO BMFF; thrown, and reported as unreadable with this sentence. */
export class UnreadableMedia extends Error {
  override readonly name = 'UnreadableMedia';
}

const HEADER = 16;

/** The top-level boxes up to and including `moov`. */
async function topLevelBoxes(reader: BoundedReader): Promise<BoxAt[]> {
  const boxes: BoxAt[] = [];
  let at = 0;
  while (at + 8 <= reader.size) {
    const header = await reader.read(at, at + HEADER);
    let size = header.readUInt32BE(0);
    const type = header.toString('latin1', 4, 8);
    if (size === 1) {
      if (header.length < 16) throw new UnreadableMedia(t('The {0} box at byte {1} is cut off.', type, at));
      size = Number(header.readBigUInt64BE(8));
    } else if (size === 0) size = reader.size - at;
    if (size < 8 || !/^[\x20-\x7e]{4}$/.test(type)) throw new UnreadableMedia(t('The file has no valid box at byte {0}: it is corrupt or not an MP4.', at));
    boxes.push({ type, start: at, size });
    if (type === 'moov') return boxes;
    at += size;
  }
  return boxes;
}

export async function readIsobmff(reader: BoundedReader): Promise<MediaFacts> {
  const boxes = await topLevelBoxes(reader);
  const moov = boxes.find((b) => b.type === 'moov');
  if (!moov) throw new UnreadableMedia(t('The file has no moov box: it is corrupt, cut off or still being uploaded.'));
  const ftyp = boxes.find((b) => b.type === 'ftyp');
  const parts = [...(ftyp ? [await reader.read(ftyp.start, ftyp.start + ftyp.size)] : []), await reader.read(moov.start, moov.start + moov.size)];
  const bytes = Buffer.concat(parts);
  const { createFile, MP4BoxBuffer } = loadMediaParsers();
  const file = createFile();
  let error: string | undefined;
  file.onError = (_module, message) => {
    error = message;
  };
  const buffer = MP4BoxBuffer.fromArrayBuffer(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength), 0);
  file.appendBuffer(buffer);
  file.flush();
  const info = file.getInfo();
  if (!info.hasMoov || error) throw new UnreadableMedia(error ? t('The moov box cannot be parsed ({0}).', error) : t('The moov box cannot be parsed.'));
  const tracks = info.tracks.map((track) => ({ track, box: file.getTrackById(track.id) as unknown as TrakBox | undefined }));
  const video = tracks.find((t) => t.box?.mdia?.hdlr?.handler === 'vide' || (!t.box && t.track.type === 'video'));
  const audio = tracks.find((t) => t.box?.mdia?.hdlr?.handler === 'soun' || (!t.box && t.track.type === 'audio'));
  const brand = info.brands[0] ?? 'qt  ';
  const durations = [video, audio].flatMap((t) => (t ? [trackSeconds(t.track)] : [])).filter((d): d is number => d !== null);
  const movie = info.timescale > 0 && info.duration > 0 ? info.duration / info.timescale : null;
  return {
    container: ftyp && brand !== 'qt  ' ? 'mp4' : 'mov',
    durationSeconds: durations.length ? Math.max(...durations) : movie,
    durationEstimated: false,
    video: video
      ? {
          codec: codecOfIsobmff(video.track.codec),
          width: video.track.video?.width ?? video.track.track_width,
          height: video.track.video?.height ?? video.track.track_height,
          frameRate: frameRate(video.track),
        }
      : null,
    audio: audio ? { codec: codecOfIsobmff(audio.track.codec), ...audioFormat(audio.track, audio.box) } : null,
  };
}

type Track = ReturnType<ReturnType<ReturnType<typeof loadMediaParsers>['createFile']>['getInfo']>['tracks'][number];

/** The parts of mp4box's parsed `trak` box read here (its typings do not reach this deep). */
interface TrakBox {
  readonly mdia?: {
    readonly hdlr?: { readonly handler?: string };
    readonly minf?: { readonly stbl?: { readonly stsd?: { readonly entries?: readonly SampleEntryBox[] } } };
  };
}

interface SampleEntryBox {
  readonly channel_count?: number;
  readonly samplerate?: number;
  /** An entry mp4box does not parse (QuickTime `sowt`, `twos`, …): its bytes after the data reference index. */
  readonly data?: Uint8Array;
  readonly esds?: { readonly esd?: { readonly descs?: readonly { readonly descs?: readonly { readonly tag?: number; readonly data?: Uint8Array }[] }[] } };
}

const AAC_RATES = [96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350];

/**
 * Sample rate and channels as a decoder sees them: for AAC from its AudioSpecificConfig (the sample entry's channel
 * count is often a placeholder 2), for a QuickTime PCM entry from its sound description.
 */
function audioFormat(track: Track, box: TrakBox | undefined): { sampleRate: number; channels: number } {
  const entry = box?.mdia?.minf?.stbl?.stsd?.entries?.[0];
  const config = entry?.esds?.esd?.descs?.[0]?.descs?.find((d) => d.tag === 5)?.data;
  if (config && config.length >= 2) {
    const bits = (config[0]! << 8) | config[1]!;
    const rateIndex = (bits >> 7) & 0x0f;
    const channelConfig = (bits >> 3) & 0x0f;
    const rate = AAC_RATES[rateIndex];
    if (rate && channelConfig > 0 && channelConfig < 8) return { sampleRate: rate, channels: channelConfig === 7 ? 8 : channelConfig };
  }
  if (track.audio) return { sampleRate: track.audio.sample_rate, channels: track.audio.channel_count };
  const raw = entry?.data;
  if (raw && raw.length >= 20) {
    const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
    return { channels: view.getUint16(8), sampleRate: view.getUint32(16) / 65536 };
  }
  return { sampleRate: entry?.samplerate ?? 0, channels: entry?.channel_count ?? 0 };
}

/** The track's presented length: its edit list when it has one (what ffprobe reports), else its media duration. */
function trackSeconds(track: Track): number | null {
  const edits = track.edits?.filter((e) => e.media_time !== -1);
  if (edits?.length && track.movie_timescale > 0) return edits.reduce((sum, e) => sum + e.segment_duration, 0) / track.movie_timescale;
  return track.timescale > 0 && track.duration > 0 ? track.duration / track.timescale : null;
}

/** Samples over the media's own duration, snapped to a whole or NTSC rate when that close (ffprobe's r_frame_rate). */
function frameRate(track: Track): number | null {
  if (track.timescale <= 0 || track.duration <= 0 || track.nb_samples <= 0) return null;
  return snapFrameRate(track.nb_samples / (track.duration / track.timescale));
}

export function snapFrameRate(rate: number): number | null {
  if (!Number.isFinite(rate) || rate <= 0) return null;
  const whole = Math.round(rate);
  if (Math.abs(rate - whole) < 0.01 * whole) return whole;
  const ntsc = (Math.round((rate * 1001) / 1000) * 1000) / 1001;
  if (Math.abs(rate - ntsc) < 0.005 * ntsc) return Math.round(ntsc * 1000) / 1000;
  return Math.round(rate * 1000) / 1000;
}
