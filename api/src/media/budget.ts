/**
 * The one way the media readers get bytes: ranged reads of one object, counted and capped. OSS bills each GET and
 * the bytes it sends, so every reader goes through a BoundedReader that refuses the read that would pass the budget
 * (at most DEFAULT_MEDIA_READ_BUDGET requests and bytes per object) instead of sending it. Bytes already read are
 * served again from memory, so a parser that asks twice for the same header costs one request.
 */
import { t, type MediaReadCost } from '../../../core/src/index';

/** Bytes `start`..`end` (both inclusive) of one object, fetched with a `Range` header; never the whole object. */
export type RangeFetch = (start: number, end: number) => Promise<Buffer>;

export interface MediaReadBudget {
  readonly maxRequests: number;
  readonly maxBytes: number;
}

export const DEFAULT_MEDIA_READ_BUDGET: MediaReadBudget = { maxRequests: 10, maxBytes: 1024 * 1024 };

/** A read the budget does not allow: the object is "unreadable within budget", never read further. */
export class MediaBudgetExceeded extends Error {
  constructor(budget: MediaReadBudget) {
    super(t('The media could not be read within {0} ranged requests and {1} KiB.', budget.maxRequests, Math.round(budget.maxBytes / 1024)));
    this.name = 'MediaBudgetExceeded';
  }
}

/** The object answered fewer or more bytes than the range asked for (changed meanwhile, or a proxy ignored `Range`). */
export class MediaShortRead extends Error {
  constructor(expected: number, got: number) {
    super(t('A ranged read returned {0} bytes where {1} were asked for.', got, expected));
    this.name = 'MediaShortRead';
  }
}

interface Chunk {
  readonly start: number;
  readonly data: Buffer;
}

export class BoundedReader {
  private requests = 0;
  private bytes = 0;
  private readonly chunks: Chunk[] = [];
  /** The first error of a request (network, denied): what a read failed of, whatever the parser made of it. */
  fetchError: unknown;
  /** A read was refused by the budget: whatever the parser made of that, the object is unreadable within budget. */
  exceeded = false;

  constructor(
    /** The object's size in bytes, from its HEAD. */
    readonly size: number,
    private readonly fetch: RangeFetch,
    readonly budget: MediaReadBudget = DEFAULT_MEDIA_READ_BUDGET,
  ) {}

  get cost(): MediaReadCost {
    return { requests: this.requests, bytes: this.bytes };
  }

  /**
   * Bytes `[start, end)` clipped to the object (shorter at its end). What earlier reads hold is served from memory;
   * the rest is one ranged GET of at least `atLeast` bytes (fewer requests for parsers that read in small steps).
   * Throws MediaBudgetExceeded rather than send a request past the budget.
   */
  async read(start: number, end: number, atLeast = 0): Promise<Buffer> {
    const from = Math.max(0, start);
    const to = Math.min(this.size, end);
    if (from >= to) return Buffer.alloc(0);
    const heldTo = this.heldUntil(from);
    if (heldTo >= to) return this.assemble(from, to);
    if (this.requests + 1 > this.budget.maxRequests) {
      this.exceeded = true;
      throw new MediaBudgetExceeded(this.budget);
    }
    const room = this.budget.maxBytes - this.bytes;
    if (to - heldTo > room) {
      this.exceeded = true;
      throw new MediaBudgetExceeded(this.budget);
    }
    const last = Math.min(this.size, Math.max(to, heldTo + Math.min(atLeast, room))) - 1;
    this.requests += 1;
    let data: Buffer;
    try {
      data = await this.fetch(heldTo, last);
    } catch (error) {
      this.fetchError ??= error;
      throw error;
    }
    this.bytes += data.length;
    if (data.length !== last - heldTo + 1) throw new MediaShortRead(last - heldTo + 1, data.length);
    this.chunks.push({ start: heldTo, data });
    return this.assemble(from, to);
  }

  /** Where the bytes held from `from` on stop (`from` itself when none are held). */
  private heldUntil(from: number): number {
    let at = from;
    for (let grown = true; grown;) {
      grown = false;
      for (const chunk of this.chunks) {
        const chunkEnd = chunk.start + chunk.data.length;
        if (chunk.start <= at && chunkEnd > at) {
          at = chunkEnd;
          grown = true;
        }
      }
    }
    return at;
  }

  /** Bytes `[from, to)`, all held, from as many chunks as they span. */
  private assemble(from: number, to: number): Buffer {
    const parts: Buffer[] = [];
    for (let at = from; at < to;) {
      const chunk = this.chunks.find((c) => c.start <= at && c.start + c.data.length > at)!;
      const piece = chunk.data.subarray(at - chunk.start, Math.min(chunk.data.length, to - chunk.start));
      parts.push(piece);
      at += piece.length;
    }
    return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
  }
}
