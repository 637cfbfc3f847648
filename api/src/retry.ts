/**
 * Our retry loop. openapi-core's own retry is switched off (see client.ts) because it cannot tell a POST
 * that never left from one whose outcome is unknown; ImmApiError.retryable carries that decision.
 */
import type { ImmApiError } from './errors';

export interface RetryPolicy {
  /** Tries in all, the first included. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 1000, maxDelayMs: 10_000 };

/** Exponential with "equal jitter": half fixed, half random, so many clients do not retry in step. */
export function retryDelay(policy: RetryPolicy, retry: number, retryAfterMs?: number): number {
  if (retryAfterMs !== undefined && retryAfterMs >= 0) return Math.min(retryAfterMs, policy.maxDelayMs);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export async function withRetry<T>(attempt: () => Promise<T>, toError: (error: unknown) => ImmApiError, policy: RetryPolicy, signal?: AbortSignal): Promise<T> {
  for (let tried = 1; ; tried++) {
    signal?.throwIfAborted();
    try {
      return await attempt();
    } catch (raw) {
      const error = toError(raw);
      error.attempts = tried;
      if (!error.retryable || tried >= policy.maxAttempts) throw error;
      await sleep(retryDelay(policy, tried, retryAfterOf(raw)), signal);
    }
  }
}

/** openapi-core's ThrottlingError carries the service's x-acs-retry-after (milliseconds). */
function retryAfterOf(raw: unknown): number | undefined {
  const value = (raw as { retryAfter?: unknown } | null)?.retryAfter;
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
