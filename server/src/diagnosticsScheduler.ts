/**
 * Runs validation for a document as soon as the event loop is free, once per burst of changes.
 * No fixed debounce: a typical job is validated within a millisecond, so waiting would only add latency,
 * while a burst of queued edits (fast typing, a paste) still costs one validation of the latest text.
 */
export class DiagnosticsScheduler {
  private readonly pending = new Map<string, NodeJS.Immediate>();

  constructor(private readonly run: (uri: string) => void) {}

  schedule(uri: string): void {
    if (this.pending.has(uri)) return;
    this.pending.set(
      uri,
      setImmediate(() => {
        this.pending.delete(uri);
        this.run(uri);
      }),
    );
  }

  cancel(uri: string): void {
    const handle = this.pending.get(uri);
    if (handle) clearImmediate(handle);
    this.pending.delete(uri);
  }
}
