/**
 * ADTS `.aac` has no duration anywhere short of reading every frame: the duration is estimated from the average
 * frame size of the head and the object's size, and said to be an estimate.
 */
import { isAdts } from './sniff';

const SAMPLE_RATES = [96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350];

/** Estimated seconds of an ADTS stream of `size` bytes whose first bytes (from `start`) are `head`; null when no frame is whole. */
export function adtsSecondsEstimate(head: Buffer, start: number, size: number): number | null {
  let at = start;
  let frames = 0;
  let samples = 0;
  let rate = 0;
  while (isAdts(head, at)) {
    const length = ((head[at + 3]! & 0x03) << 11) | (head[at + 4]! << 3) | (head[at + 5]! >> 5);
    if (length < 7 || at + length > head.length) break;
    rate = SAMPLE_RATES[(head[at + 2]! >> 2) & 0x0f] ?? 0;
    samples += ((head[at + 6]! & 0x03) + 1) * 1024;
    frames += 1;
    at += length;
  }
  if (frames === 0 || rate === 0) return null;
  const bytesPerSample = (at - start) / samples;
  return (size - start) / bytesPerSample / rate;
}
