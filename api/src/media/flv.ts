/**
 * FLV has no maintained reader: its facts are in the `onMetaData` script tag at the start of the file (AMF0), which
 * this reads from the first few KiB. A live-recorded FLV may say a duration of 0: then the duration is unknown.
 */
import { t, type MediaFacts } from '../../../core/src/index';
import { codecOfFlvAudio, codecOfFlvVideo } from './codecNames';

/** The first tag starts here in practice; its script data fits in the first 4 KiB. */
export const FLV_HEAD_BYTES = 4096;

type AmfValue = number | boolean | string | null | undefined | Date | AmfValue[] | { [key: string]: AmfValue };

class AmfReader {
  constructor(
    private readonly data: Buffer,
    public at: number,
  ) {}

  private need(n: number): void {
    if (this.at + n > this.data.length) throw new RangeError(t('The FLV metadata runs past the bytes read.'));
  }

  private u8(): number {
    this.need(1);
    return this.data[this.at++]!;
  }

  private u16(): number {
    this.need(2);
    const v = this.data.readUInt16BE(this.at);
    this.at += 2;
    return v;
  }

  private u32(): number {
    this.need(4);
    const v = this.data.readUInt32BE(this.at);
    this.at += 4;
    return v;
  }

  private utf8(length: number): string {
    this.need(length);
    const s = this.data.toString('utf8', this.at, this.at + length);
    this.at += length;
    return s;
  }

  /** Key/value pairs up to the object end marker (an empty key then 0x09). */
  private properties(): { [key: string]: AmfValue } {
    const out: { [key: string]: AmfValue } = {};
    for (;;) {
      const key = this.utf8(this.u16());
      if (key === '' && this.data[this.at] === 0x09) {
        this.at += 1;
        return out;
      }
      out[key] = this.value();
    }
  }

  value(): AmfValue {
    const type = this.u8();
    switch (type) {
      case 0x00: {
        this.need(8);
        const v = this.data.readDoubleBE(this.at);
        this.at += 8;
        return v;
      }
      case 0x01:
        return this.u8() !== 0;
      case 0x02:
        return this.utf8(this.u16());
      case 0x03:
        return this.properties();
      case 0x05:
        return null;
      case 0x06:
        return undefined;
      case 0x08:
        this.u32(); // the count is a hint; the end marker ends the array
        return this.properties();
      case 0x0a: {
        const items: AmfValue[] = [];
        for (let n = this.u32(); n > 0; n--) items.push(this.value());
        return items;
      }
      case 0x0b: {
        this.need(10);
        const ms = this.data.readDoubleBE(this.at);
        this.at += 10;
        return new Date(ms);
      }
      case 0x0c:
        return this.utf8(this.u32());
      default:
        throw new RangeError(t('The FLV metadata has a value of AMF0 type {0}, which is not supported.', type));
    }
  }
}

/** The `onMetaData` properties of an FLV's first script tag, or undefined when the head has none. */
export function flvMetadata(head: Buffer): { [key: string]: AmfValue } | undefined {
  if (head.length < 13 || head.toString('latin1', 0, 3) !== 'FLV') return undefined;
  let at = head.readUInt32BE(5) + 4; // the header, then PreviousTagSize0
  // Script data is usually the first tag; skip at most a few audio/video tags before it.
  for (let tags = 0; tags < 4 && at + 11 <= head.length; tags++) {
    const type = head[at]! & 0x1f;
    const size = head.readUIntBE(at + 1, 3);
    if (type === 18) {
      const reader = new AmfReader(head.subarray(0, Math.min(head.length, at + 11 + size)), at + 11);
      try {
        if (reader.value() !== 'onMetaData') return undefined;
        const meta = reader.value();
        return meta && typeof meta === 'object' && !Array.isArray(meta) && !(meta instanceof Date) ? meta : undefined;
      } catch {
        return undefined;
      }
    }
    at += 11 + size + 4;
  }
  return undefined;
}

const num = (value: AmfValue): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

/** The facts `onMetaData` gives; undefined when there is no such tag (the file is then unreadable, never guessed). */
export function flvFacts(head: Buffer): MediaFacts | undefined {
  const meta = flvMetadata(head);
  if (!meta) return undefined;
  const flags = head[4]!;
  const videoId = num(meta['videocodecid']);
  const audioId = num(meta['audiocodecid']);
  const width = num(meta['width']);
  const height = num(meta['height']);
  const hasVideo = videoId !== undefined || (flags & 0x01 && width !== undefined);
  const hasAudio = audioId !== undefined || (flags & 0x04 && num(meta['audiosamplerate']) !== undefined);
  const duration = num(meta['duration']);
  const rate = num(meta['framerate']) ?? num(meta['videoframerate']);
  return {
    container: 'flv',
    durationSeconds: duration && duration > 0 ? duration : null,
    durationEstimated: false,
    video: hasVideo
      ? {
          codec: videoId === undefined ? 'unknown' : codecOfFlvVideo(videoId),
          width: width ?? 0,
          height: height ?? 0,
          frameRate: rate && rate > 0 ? rate : null,
        }
      : null,
    audio: hasAudio
      ? {
          codec: audioId === undefined ? 'unknown' : codecOfFlvAudio(audioId),
          sampleRate: num(meta['audiosamplerate']) ?? 0,
          channels: meta['stereo'] === true ? 2 : 1,
        }
      : null,
  };
}
