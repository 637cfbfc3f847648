/**
 * MPEG-TS has no header that says its duration, and its timestamps rarely start at 0 (1.4 s is common): the
 * duration is the last presentation timestamp of the tail minus the first of the head, each found in one read.
 */
import type { BoundedReader } from './budget';

const PACKET = 188;
/** How much of the head and of the tail is scanned for timestamps. */
export const TS_SCAN_BYTES = 64 * 1024;
const PTS_WRAP = 2 ** 33;

/** The presentation timestamps (90 kHz) of the PES packets that start in `data`, in order, with their stream id. */
export function presentationTimestamps(data: Buffer): { stream: number; pts: number }[] {
  let at = 0;
  // A tail read starts mid-packet: find three sync bytes a packet apart.
  while (at + 2 * PACKET < data.length && !(data[at] === 0x47 && data[at + PACKET] === 0x47 && data[at + 2 * PACKET] === 0x47)) at++;
  const found: { stream: number; pts: number }[] = [];
  for (; at + PACKET <= data.length; at += PACKET) {
    if (data[at] !== 0x47) break;
    const unitStart = (data[at + 1]! & 0x40) !== 0;
    const control = (data[at + 3]! >> 4) & 3;
    if (!unitStart || !(control & 1)) continue;
    const payload = at + 4 + (control & 2 ? 1 + data[at + 4]! : 0);
    if (payload + 14 > at + PACKET) continue;
    if (data[payload] !== 0 || data[payload + 1] !== 0 || data[payload + 2] !== 1) continue;
    const streamId = data[payload + 3]!;
    const isMedia = (streamId >= 0xc0 && streamId <= 0xef) || streamId === 0xbd;
    if (!isMedia || !(data[payload + 7]! & 0x80)) continue;
    const p = payload + 9;
    const pts = (data[p]! >> 1) & 0x07;
    found.push({ stream: streamId, pts: pts * 2 ** 30 + ((data[p + 1]! << 7) | (data[p + 2]! >> 1)) * 2 ** 15 + ((data[p + 3]! << 7) | (data[p + 4]! >> 1)) });
  }
  return found;
}

/**
 * Seconds from the first timestamp of the head to the end of the last video frame of the tail (its timestamp plus
 * the step from the frame before, as ffprobe counts; an audio PES holds several frames, so its step says nothing
 * of its last one); null when either has no timestamp.
 */
export async function transportStreamSeconds(reader: BoundedReader): Promise<number | null> {
  const head = presentationTimestamps(await reader.read(0, TS_SCAN_BYTES, TS_SCAN_BYTES));
  const tail = presentationTimestamps(await reader.read(reader.size - TS_SCAN_BYTES, reader.size));
  if (head.length === 0 || tail.length === 0) return null;
  const first = Math.min(...head.map((h) => h.pts));
  const unwrap = (pts: number): number => (pts < first ? pts + PTS_WRAP : pts);
  let end = 0;
  const previous = new Map<number, number>();
  for (const { stream, pts } of tail) {
    const at = unwrap(pts);
    const before = previous.get(stream);
    const isVideo = stream >= 0xe0 && stream <= 0xef;
    end = Math.max(end, at + (isVideo && before !== undefined && at > before ? at - before : 0));
    previous.set(stream, at);
  }
  return (end - first) / 90_000;
}
