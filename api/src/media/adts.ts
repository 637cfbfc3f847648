/**
 * ADTS `.aac` has no duration anywhere short of reading every frame: unless the head holds them all, the duration
 * is estimated from the average frame size of the head and the object's size, and said to be an estimate.
 */
import { isAdts } from './sniff';

const SAMPLE_RATES = [96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350];

/** The encoder's first frames (priming, a fade-in) are smaller than the rest: left out of the average when there are enough. */
const WARM_UP_FRAMES = 16;

/**
 * Seconds of an ADTS stream of `size` bytes whose first bytes (from `start`) are `head`: exact when the head holds
 * every frame, else estimated from the average frame size; null when no frame is whole.
 */
export function adtsSeconds(head: Buffer, start: number, size: number): { seconds: number; estimated: boolean } | null {
  let at = start;
  let rate = 0;
  const frames: { bytes: number; samples: number }[] = [];
  while (isAdts(head, at)) {
    const length = ((head[at + 3]! & 0x03) << 11) | (head[at + 4]! << 3) | (head[at + 5]! >> 5);
    if (length < 7 || at + length > head.length) break;
    rate = SAMPLE_RATES[(head[at + 2]! >> 2) & 0x0f] ?? 0;
    frames.push({ bytes: length, samples: ((head[at + 6]! & 0x03) + 1) * 1024 });
    at += length;
  }
  if (frames.length === 0 || rate === 0) return null;
  const total = (list: typeof frames, key: 'bytes' | 'samples'): number => list.reduce((sum, f) => sum + f[key], 0);
  if (at >= size) return { seconds: total(frames, 'samples') / rate, estimated: false };
  const steady = frames.length > 2 * WARM_UP_FRAMES ? frames.slice(WARM_UP_FRAMES) : frames;
  const bytesPerSample = total(steady, 'bytes') / total(steady, 'samples');
  return { seconds: (size - start) / bytesPerSample / rate, estimated: true };
}
