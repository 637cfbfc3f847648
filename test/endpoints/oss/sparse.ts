/**
 * A body that is mostly zeros, for objects of gigabytes the local OSS endpoint serves without holding them: only
 * the parts that matter are in memory (an mp4's ftyp, its huge mdat header and its moov at the end).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SparseBody {
  readonly kind: 'sparse';
  readonly size: number;
  /** Bytes at their offsets; every other byte is 0. */
  readonly parts: readonly { readonly offset: number; readonly data: Buffer }[];
}

export function isSparse(body: Buffer | SparseBody): body is SparseBody {
  return !Buffer.isBuffer(body);
}

export function bodySize(body: Buffer | SparseBody): number {
  return isSparse(body) ? body.size : body.length;
}

/** Bytes `[start, end)` of a stored object's body (`sparse` when it has one); a sparse body's gaps are zeros. */
export function bodyBytes(object: { readonly body: Buffer; readonly sparse?: SparseBody }, start: number, end: number): Buffer {
  const body = object.sparse ?? object.body;
  if (!isSparse(body)) return body.subarray(start, end);
  const out = Buffer.alloc(Math.max(0, end - start));
  for (const part of body.parts) {
    const from = Math.max(start, part.offset);
    const to = Math.min(end, part.offset + part.data.length);
    if (from < to) part.data.copy(out, from - start, from - part.offset, to - part.offset);
  }
  return out;
}

/** The top-level boxes of a small mp4 file: type, start, size. */
function boxesOf(file: Buffer): { type: string; start: number; size: number }[] {
  const boxes: { type: string; start: number; size: number }[] = [];
  for (let at = 0; at + 8 <= file.length;) {
    const size = file.readUInt32BE(at);
    boxes.push({ type: file.toString('latin1', at + 4, at + 8), start: at, size });
    if (size < 8) break;
    at += size;
  }
  return boxes;
}

/**
 * An mp4 of `size` bytes with its moov at the end: the ftyp and moov of test/fixtures/media/probe/moov-last.mp4
 * around an mdat (64-bit size) that fills the rest. Its facts are those of moov-last.mp4; only a few KiB are real.
 */
export function virtualMoovLastMp4(size: number = 4 * 1024 ** 3): SparseBody {
  const file = readFileSync(join(__dirname, '..', '..', 'fixtures', 'media', 'probe', 'moov-last.mp4'));
  const boxes = boxesOf(file);
  const ftyp = boxes.find((b) => b.type === 'ftyp')!;
  const moov = boxes.find((b) => b.type === 'moov')!;
  const ftypBytes = file.subarray(ftyp.start, ftyp.start + ftyp.size);
  const moovBytes = file.subarray(moov.start, moov.start + moov.size);
  const mdatSize = size - ftypBytes.length - moovBytes.length;
  const mdatHeader = Buffer.alloc(16);
  mdatHeader.writeUInt32BE(1, 0);
  mdatHeader.write('mdat', 4, 'latin1');
  mdatHeader.writeBigUInt64BE(BigInt(mdatSize), 8);
  return {
    kind: 'sparse',
    size,
    parts: [
      { offset: 0, data: ftypBytes },
      { offset: ftypBytes.length, data: mdatHeader },
      { offset: ftypBytes.length + mdatSize, data: moovBytes },
    ],
  };
}
