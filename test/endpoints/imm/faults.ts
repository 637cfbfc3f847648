/** Failures the local endpoint can be told to produce, for the error paths of clients. */

export type Fault =
  /** Answers with an IMM error body. */
  | { readonly kind: 'error'; readonly status: number; readonly code: string; readonly message: string }
  /** Reads the whole request, then never answers (a client sees a timeout after sending). */
  | { readonly kind: 'hang' }
  /** Reads the whole request, then drops the connection (a client sees a reset after sending). */
  | { readonly kind: 'reset' }
  /** Answers as usual, but only after `ms` (a slow service: what a user sees while a call is on the wire). */
  | { readonly kind: 'delay'; readonly ms: number }
  /**
   * Answers as usual, but only when the test calls `control.releaseHeld()`: a call on the wire for exactly as long
   * as the test needs, with no clock to race (a loaded machine can outrun any `delay`).
   */
  | { readonly kind: 'held' }
  /**
   * Acts on the request (a CreateHighlightTask creates its task), then drops the connection instead of answering:
   * the client cannot know the outcome, and the task exists.
   */
  | { readonly kind: 'dropAfterAccept' };

export type Action = 'CreateHighlightTask' | 'GetTask' | 'ListTasks' | 'GetProject' | 'ListProjects';

export interface QueuedFault {
  readonly fault: Fault;
  /** Only requests of this action consume the fault; any action when absent. */
  readonly action?: Action;
  remaining: number;
}

/** The usual cases, with the status and code the service uses. */
export const faults = {
  /** The caller lacks the RAM permission. */
  noPermission: (): Fault => ({
    kind: 'error',
    status: 403,
    code: 'NoPermission',
    message: 'You are not authorized to perform this operation: imm:CreateHighlightTask.',
  }),
  invalidArgument: (parameter: string, why = 'the value is not accepted.'): Fault => ({
    kind: 'error',
    status: 400,
    code: 'InvalidArgument',
    message: `The parameter "${parameter}" is invalid: ${why}`,
  }),
  internalError: (status = 500): Fault => ({
    kind: 'error',
    status,
    code: 'InternalError',
    message: 'The request processing has failed due to some unknown error.',
  }),
  throttling: (): Fault => ({ kind: 'error', status: 429, code: 'Throttling.User', message: 'Request was denied due to user flow control.' }),
  projectNotFound: (project: string): Fault => ({
    kind: 'error',
    status: 404,
    code: 'ResourceNotFound',
    message: `The specified resource project "${project}" is not found.`,
  }),
  hang: (): Fault => ({ kind: 'hang' }),
  reset: (): Fault => ({ kind: 'reset' }),
  delay: (ms: number): Fault => ({ kind: 'delay', ms }),
  held: (): Fault => ({ kind: 'held' }),
  dropAfterAccept: (): Fault => ({ kind: 'dropAfterAccept' }),
} as const;
