import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { WorkerMessageReader, WorkerMessageWriter, type ServerWorker } from '../../../../client/src/browser/workerTransport';

/** A Worker as the transport sees one: events in, posted messages out. */
class FakeWorker implements ServerWorker {
  readonly posted: unknown[] = [];
  terminated = false;
  private readonly listeners = new Map<string, ((event: never) => void)[]>();
  postMessage(message: unknown): void {
    if (this.terminated) throw new Error('terminated');
    this.posted.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  addEventListener(type: string, listener: (event: never) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  private dispatch(type: string, event: object): void {
    for (const listener of this.listeners.get(type) ?? []) listener(event as never);
  }
  receive(data: unknown): void {
    this.dispatch('message', { data });
  }
  fail(message: string): { defaultPrevented: boolean } {
    const event = { message, defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
    this.dispatch('error', event);
    return event;
  }
}

describe('web worker transport', () => {
  test('passes messages from the worker to the client', () => {
    const worker = new FakeWorker();
    const reader = new WorkerMessageReader(worker, () => assert.fail('no crash'));
    const received: unknown[] = [];
    reader.listen((message) => received.push(message));
    worker.receive({ jsonrpc: '2.0', method: 'window/logMessage', params: {} });
    assert.deepEqual(received, [{ jsonrpc: '2.0', method: 'window/logMessage', params: {} }]);
  });

  test('an error that escapes the worker closes the connection once, so the client restarts the server', () => {
    const worker = new FakeWorker();
    const crashes: string[] = [];
    const reader = new WorkerMessageReader(worker, (reason) => crashes.push(reason));
    let closed = 0;
    reader.onClose(() => closed++);
    const received: unknown[] = [];
    reader.listen((message) => received.push(message));
    const event = worker.fail('Uncaught RangeError: Maximum call stack size exceeded');
    worker.fail('a second error');
    worker.receive({ jsonrpc: '2.0', method: 'late' });
    assert.equal(closed, 1);
    assert.deepEqual(crashes, ['Uncaught RangeError: Maximum call stack size exceeded']);
    assert.ok(event.defaultPrevented, 'handled, not reported as an uncaught error of the extension host');
    assert.deepEqual(received, [], 'nothing from a worker that failed');
  });

  test('posts messages to the worker and reports a failed post', async () => {
    const worker = new FakeWorker();
    const writer = new WorkerMessageWriter(worker);
    const errors: unknown[] = [];
    writer.onError(([error]) => errors.push(error));
    await writer.write({ jsonrpc: '2.0', method: 'initialized' } as never);
    assert.deepEqual(worker.posted, [{ jsonrpc: '2.0', method: 'initialized' }]);
    worker.terminate();
    await assert.rejects(writer.write({ jsonrpc: '2.0', method: 'exit' } as never), /terminated/);
    assert.equal(errors.length, 1);
  });
});
