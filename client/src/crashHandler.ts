import { CloseAction, ErrorAction, type CloseHandlerResult, type ErrorHandler, type ErrorHandlerResult, type Message } from 'vscode-languageclient';
import { t } from '../../core/src/index';

/** What the user is told about; each at most once until they restart the server themselves. */
export type CrashEvent = 'restarted' | 'gaveUp';

/** Like vscode-languageclient's default: give up after the 5th crash within 3 minutes. */
const MAX_RESTARTS = 4;
const WINDOW_MS = 3 * 60 * 1000;
/** Node's codes for a write to a process whose end of the pipe is closed. */
const PIPE_GONE = new Set(['EPIPE', 'ECONNRESET', 'ERR_STREAM_DESTROYED', 'ERR_STREAM_WRITE_AFTER_END']);

/**
 * Restarts a crashed server and tells the user once, instead of the library default of one
 * notification per crash (a crash loop would bury the editor in identical toasts).
 */
export class CrashHandler implements ErrorHandler {
  private readonly crashes: number[] = [];
  private readonly told = new Set<CrashEvent>();

  constructor(
    private readonly tell: (event: CrashEvent) => void,
    private readonly now: () => number = Date.now,
  ) {}

  error(error: Error, _message: Message | undefined, count: number | undefined): ErrorHandlerResult {
    // Writes to a server that has just died (a burst while the user types): its exit follows, and closed() decides
    // about the restart. Shutting down here would stop the client and leave the user without a server.
    if (PIPE_GONE.has(String((error as { code?: unknown }).code))) return { action: ErrorAction.Continue, handled: true };
    // A few broken messages are survivable; a stream of them means the connection is gone.
    const action = count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown;
    return { action, handled: true };
  }

  closed(): CloseHandlerResult {
    const now = this.now();
    this.crashes.push(now);
    while (this.crashes.length > 0 && now - this.crashes[0]! > WINDOW_MS) this.crashes.shift();
    if (this.crashes.length > MAX_RESTARTS) {
      this.tellOnce('gaveUp');
      return {
        action: CloseAction.DoNotRestart,
        handled: true,
        message: t(
          'The language server crashed {0} times in 3 minutes and will not be restarted until you run "IMM Highlight: Restart Language Server".',
          this.crashes.length,
        ),
      };
    }
    this.tellOnce('restarted');
    return { action: CloseAction.Restart, handled: true, message: t('The language server stopped unexpectedly; restarting it.') };
  }

  /** After a restart by hand the user has acted on what they were told: a later crash is news again. */
  reset(): void {
    this.crashes.length = 0;
    this.told.clear();
  }

  private tellOnce(event: CrashEvent): void {
    if (this.told.has(event)) return;
    this.told.add(event);
    this.tell(event);
  }
}
