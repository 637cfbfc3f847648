/** Which container an object is, from its first bytes (never from its name or Content-Type). */

export type ContainerFamily = 'isobmff' | 'matroska' | 'mpegts' | 'flv' | 'mp3' | 'wav' | 'flac' | 'ogg' | 'adts';

/** Enough bytes for every signature below, including an MPEG-TS sync byte three packets in. */
export const SNIFF_BYTES = 4096;

const TOP_LEVEL_ISOBMFF = new Set(['ftyp', 'moov', 'mdat', 'free', 'skip', 'wide', 'pnot', 'styp', 'uuid']);

export function sniffContainer(head: Buffer): ContainerFamily | undefined {
  const ascii = (start: number, length: number): string => head.toString('latin1', start, start + length);
  if (head.length >= 8 && TOP_LEVEL_ISOBMFF.has(ascii(4, 4))) return 'isobmff';
  if (head.length >= 4 && head.readUInt32BE(0) === 0x1a45dfa3) return 'matroska';
  if (ascii(0, 3) === 'FLV' && head[3] === 1) return 'flv';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 4) === 'WAVE') return 'wav';
  if (ascii(0, 4) === 'fLaC') return 'flac';
  if (ascii(0, 4) === 'OggS') return 'ogg';
  if (head.length >= 188 * 3 && head[0] === 0x47 && head[188] === 0x47 && head[376] === 0x47) return 'mpegts';
  if (ascii(0, 3) === 'ID3') return isAdts(head, id3End(head)) ? 'adts' : 'mp3';
  if (isAdts(head, 0)) return 'adts';
  if (isMpegAudioFrame(head, 0)) return 'mp3';
  return undefined;
}

/** Where the audio starts after an ID3v2 tag (its size is a synchsafe integer); 0 when there is none. */
export function id3End(head: Buffer): number {
  if (head.length < 10 || head.toString('latin1', 0, 3) !== 'ID3') return 0;
  return 10 + (((head[6]! & 0x7f) << 21) | ((head[7]! & 0x7f) << 14) | ((head[8]! & 0x7f) << 7) | (head[9]! & 0x7f));
}

/** An ADTS header: 12-bit sync 0xFFF, layer 00. */
export function isAdts(head: Buffer, at: number): boolean {
  return head.length >= at + 7 && head[at] === 0xff && (head[at + 1]! & 0xf6) === 0xf0;
}

/** An MPEG audio frame header: 11-bit sync, a layer, a bitrate and sample rate that are not reserved. */
function isMpegAudioFrame(head: Buffer, at: number): boolean {
  if (head.length < at + 4 || head[at] !== 0xff || (head[at + 1]! & 0xe0) !== 0xe0) return false;
  const layer = (head[at + 1]! >> 1) & 3;
  const bitrate = head[at + 2]! >> 4;
  const rate = (head[at + 2]! >> 2) & 3;
  return layer !== 0 && bitrate !== 0 && bitrate !== 15 && rate !== 3;
}
