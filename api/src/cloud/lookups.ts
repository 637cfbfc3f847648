/**
 * Look-ups shared by every open document and every cloud feature of the editor: one request in flight per
 * resource (concurrent identical look-ups wait on the same one), answers kept for a short time, failures kept
 * for a shorter time so that a denied or unreachable resource is not asked again on every keystroke or every
 * file opened. A cancellation is never kept: it says nothing about the resource.
 */

export interface LookupPolicy {
  /** How long an answer (found, missing) is reused. */
  readonly answerTtlMs: number;
  /** How long a failure (denied, unreachable, timed out) is reused before the resource is asked again. */
  readonly failureTtlMs: number;
}

export const DEFAULT_LOOKUP_POLICY: LookupPolicy = { answerTtlMs: 30_000, failureTtlMs: 30_000 };

type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

/** How long an outcome is kept: pure, for the policy's test. `undefined`: not kept at all. */
export function keepFor<T>(
  outcome: Outcome<T>,
  policy: LookupPolicy,
  isFailure: (value: T) => boolean,
  isCancellation: (error: unknown) => boolean,
): number | undefined {
  if (!outcome.ok) return isCancellation(outcome.error) ? undefined : policy.failureTtlMs;
  return isFailure(outcome.value) ? policy.failureTtlMs : policy.answerTtlMs;
}

export interface LookupOptions<T> {
  /** An answer that is a failure in disguise (a `{ state: 'failed' }` answer): kept for the failure time only. */
  readonly isFailure?: (value: T) => boolean;
}

export class SharedLookups {
  private readonly done = new Map<string, { outcome: Outcome<unknown>; expires: number }>();
  private readonly inFlight = new Map<string, Promise<unknown>>();
  private generation = 0;
  private stale = new AbortController();

  constructor(
    readonly policy: LookupPolicy = DEFAULT_LOOKUP_POLICY,
    private readonly now: () => number = Date.now,
    private readonly isCancellation: (error: unknown) => boolean = () => false,
    private readonly maxEntries = 2000,
  ) {}

  /**
   * The answer for `key`: kept, in flight, or loaded now. `load` must not depend on one caller's cancellation:
   * other callers may be waiting on it (callers stop waiting with `abandonable`).
   */
  run<T>(key: string, load: () => Promise<T>, options: LookupOptions<T> = {}): Promise<T> {
    const kept = this.done.get(key);
    if (kept && kept.expires > this.now()) return kept.outcome.ok ? Promise.resolve(kept.outcome.value as T) : Promise.reject(kept.outcome.error);
    if (kept) this.done.delete(key);
    const pending = this.inFlight.get(key);
    if (pending) return pending as Promise<T>;
    const generation = this.generation;
    const settle = (outcome: Outcome<T>): void => {
      this.inFlight.delete(key);
      // A clear() meanwhile (credentials or settings changed): this answer belongs to the world before.
      if (generation !== this.generation) return;
      const ttl = keepFor(outcome, this.policy, options.isFailure ?? (() => false), this.isCancellation);
      if (ttl === undefined) return;
      if (this.done.size >= this.maxEntries) this.done.delete(this.done.keys().next().value as string);
      this.done.set(key, { outcome, expires: this.now() + ttl });
    };
    const promise = Promise.resolve()
      .then(load)
      .then(
        (value) => {
          settle({ ok: true, value });
          return value;
        },
        (error: unknown) => {
          settle({ ok: false, error });
          throw error;
        },
      );
    this.inFlight.set(key, promise);
    return promise;
  }

  /**
   * Aborts when clear() is called: the loads of this generation pass it to their requests, so that a look-up started
   * under settings, credentials or a trust that changed since stops instead of sending its next request.
   */
  get signal(): AbortSignal {
    return this.stale.signal;
  }

  /** Whether `key` has an answer or a request in flight (for tests and the status). */
  has(key: string): boolean {
    const kept = this.done.get(key);
    return this.inFlight.has(key) || (kept !== undefined && kept.expires > this.now());
  }

  delete(key: string): void {
    this.done.delete(key);
  }

  clear(): void {
    this.stale.abort();
    this.stale = new AbortController();
    this.generation++;
    this.done.clear();
    this.inFlight.clear();
  }
}
