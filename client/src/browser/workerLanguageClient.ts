import { BaseLanguageClient, type LanguageClientOptions, type MessageTransports } from 'vscode-languageclient/browser';
import { WorkerMessageReader, WorkerMessageWriter, type ServerWorker } from './workerTransport';

/**
 * vscode-languageclient/browser's LanguageClient talks to one Worker for its whole life, so it cannot be
 * restarted. This one starts a fresh worker for every start (Restart Language Server, a restart after a
 * crash) and ends the old one, as the Node client does with its server process.
 */
export class WorkerLanguageClient extends BaseLanguageClient {
  private worker: ServerWorker | undefined;

  constructor(
    id: string,
    name: string,
    clientOptions: LanguageClientOptions,
    private readonly createWorker: () => ServerWorker,
    private readonly log: (line: string) => void,
  ) {
    super(id, name, clientOptions);
  }

  protected createMessageTransports(): Promise<MessageTransports> {
    this.terminateWorker();
    const worker = this.createWorker();
    this.worker = worker;
    const reader = new WorkerMessageReader(worker, (reason) => {
      this.log(`The language server worker failed: ${reason}`);
      if (this.worker === worker) this.terminateWorker();
    });
    return Promise.resolve({ reader, writer: new WorkerMessageWriter(worker) });
  }

  override async stop(timeout?: number): Promise<void> {
    try {
      await super.stop(timeout);
    } finally {
      this.terminateWorker();
    }
  }

  private terminateWorker(): void {
    this.worker?.terminate();
    this.worker = undefined;
  }
}
