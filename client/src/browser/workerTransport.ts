/**
 * Messages to and from the language server in a web worker. Unlike the library's BrowserMessageReader, an error
 * that escapes the worker counts as the end of the connection: a worker never exits, so without this a broken
 * server would never reach the error handler's `closed` and would never be restarted.
 */
// From vscode-jsonrpc itself (what vscode-languageclient/browser re-exports), so the transport loads without `vscode`.
import { AbstractMessageReader, AbstractMessageWriter, Emitter, type DataCallback, type Disposable, type Message } from 'vscode-jsonrpc';

/** What the transport uses of a Worker; tests pass a stand-in. */
export interface ServerWorker {
  postMessage(message: unknown): void;
  terminate(): void;
  addEventListener(type: 'message', listener: (event: { readonly data: unknown }) => void): void;
  addEventListener(type: 'error', listener: (event: { readonly message?: string; preventDefault(): void }) => void): void;
}

export class WorkerMessageReader extends AbstractMessageReader {
  private readonly messages = new Emitter<Message>();
  private closed = false;

  constructor(worker: ServerWorker, onCrash: (reason: string) => void) {
    super();
    worker.addEventListener('message', (event) => {
      if (!this.closed) this.messages.fire(event.data as Message);
    });
    worker.addEventListener('error', (event) => {
      // Handled here: the browser would otherwise log it as an uncaught error of the extension host.
      event.preventDefault();
      if (this.closed) return;
      this.closed = true;
      onCrash(event.message || 'the language server worker failed');
      this.fireClose();
    });
  }

  listen(callback: DataCallback): Disposable {
    return this.messages.event(callback);
  }
}

export class WorkerMessageWriter extends AbstractMessageWriter {
  private errorCount = 0;

  constructor(private readonly worker: ServerWorker) {
    super();
  }

  async write(message: Message): Promise<void> {
    try {
      this.worker.postMessage(message);
    } catch (error) {
      this.fireError(error, message, ++this.errorCount);
      throw error;
    }
  }

  end(): void {}
}
