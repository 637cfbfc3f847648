/**
 * Runs validation for a document as soon as the event loop is free, once per burst of changes.
 * No fixed debounce: a typical job is validated within a millisecond, so waiting would only add latency,
 * while a burst of queued edits (fast typing, a paste) still costs one validation of the latest text.
 */
export class DiagnosticsScheduler {
  private readonly pending = new Map<string, () => void>();

  constructor(
    private readonly run: (uri: string) => void,
    private readonly defer: (task: () => void) => () => void = soonAfterPendingMessages,
  ) {}

  schedule(uri: string): void {
    if (this.pending.has(uri)) return;
    this.pending.set(
      uri,
      this.defer(() => {
        this.pending.delete(uri);
        this.run(uri);
      }),
    );
  }

  cancel(uri: string): void {
    this.pending.get(uri)?.();
    this.pending.delete(uri);
  }
}

interface Timers {
  setImmediate?: (task: () => void) => unknown;
  clearImmediate?: (handle: unknown) => void;
  setTimeout(task: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/**
 * Node's setImmediate runs after the I/O already queued (the rest of a burst of edits). A web worker has
 * none; there a zero timeout is the macrotask that lets queued messages in first. Returns the cancel.
 */
export function soonAfterPendingMessages(task: () => void): () => void {
  const timers = globalThis as unknown as Timers;
  if (timers.setImmediate && timers.clearImmediate) {
    const handle = timers.setImmediate(task);
    const clear = timers.clearImmediate;
    return () => clear(handle);
  }
  const handle = timers.setTimeout(task, 0);
  return () => timers.clearTimeout(handle);
}
