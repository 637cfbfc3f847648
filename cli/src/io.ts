/** What a command may touch, passed in so tests can run commands in-process and read what they print. */
export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  /** process.platform unless a test says otherwise: picks the default quoting of `--dry-run`. */
  readonly platform?: string;
  /** Aborted on Ctrl-C. */
  readonly signal?: AbortSignal;
}

/** Exit codes, stable for scripts. */
export const Exit = {
  Ok: 0,
  /** Problems in a job, a failed task, or a call IMM refused. */
  Failure: 1,
  /** Bad flags, missing or unreadable files. */
  Usage: 2,
  /** CreateHighlightTask may or may not have created a task. */
  OutcomeUnknown: 3,
  Interrupted: 130,
} as const;

/** A mistake in how the command was called: reported with a hint to run --help, exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
