import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { ConfigurationParams, Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

/** One language server under measurement, driven over stdio as an editor drives it. */
export interface ServerSpec {
  readonly name: string;
  /** Script run with this process's node, so the spawned pid is the server's own process. */
  readonly script: string;
  readonly args: readonly string[];
  /** Options for node itself, e.g. --cpu-prof when profiling the server. */
  readonly nodeArgs?: readonly string[];
  /** The Node that runs the server; this process's own when absent. */
  readonly node?: string;
  /** Settings by section, answered to `workspace/configuration` and sent with `didChangeConfiguration`. */
  readonly settings?: Readonly<Record<string, unknown>>;
  readonly languageId: string;
}

interface DiagnosticsWaiter {
  readonly accept: (params: PublishDiagnosticsParams) => boolean;
  readonly resolve: (received: { params: PublishDiagnosticsParams; at: number }) => void;
}

export class LspPeer {
  readonly connection: MessageConnection;
  private waiters: DiagnosticsWaiter[] = [];
  private stderr = '';

  private constructor(
    readonly spec: ServerSpec,
    readonly child: ChildProcess,
    readonly spawnedAt: number,
  ) {
    this.connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      // Timestamped on arrival, before anything else the bench does with it.
      const at = performance.now();
      const still: DiagnosticsWaiter[] = [];
      for (const waiter of this.waiters) {
        if (waiter.accept(params)) waiter.resolve({ params, at });
        else still.push(waiter);
      }
      this.waiters = still;
    });
    this.connection.onRequest('workspace/configuration', (params: ConfigurationParams) =>
      params.items.map((item) => (item.section ? (this.spec.settings?.[item.section] ?? null) : null)),
    );
    // Servers register capabilities and progress tokens dynamically; an editor says yes to both.
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('client/unregisterCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.onNotification('telemetry/event', () => undefined);
    child.stderr?.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString()).slice(-4000);
    });
    this.connection.listen();
  }

  /** Spawns and initializes the server; the spawn time is taken just before the process is created. */
  static async start(spec: ServerSpec): Promise<LspPeer> {
    const spawnedAt = performance.now();
    const child = spawn(spec.node ?? process.execPath, [...(spec.nodeArgs ?? []), spec.script, ...spec.args], { stdio: ['pipe', 'pipe', 'pipe'] });
    const peer = new LspPeer(spec, child, spawnedAt);
    await peer.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: null,
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: {
          publishDiagnostics: { versionSupport: true },
          completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          synchronization: { dynamicRegistration: false },
        },
      },
      initializationOptions: {},
    });
    await peer.connection.sendNotification('initialized', {});
    if (spec.settings) await peer.connection.sendNotification('workspace/didChangeConfiguration', { settings: spec.settings });
    return peer;
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  /** Resolves with the first published diagnostics that `accept` takes, and when they arrived. */
  diagnostics(accept: (params: PublishDiagnosticsParams) => boolean, timeoutMs = 60_000): Promise<{ params: PublishDiagnosticsParams; at: number }> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`${this.spec.name}: no matching diagnostics within ${timeoutMs} ms. stderr: ${this.stderr}`));
      }, timeoutMs);
      const waiter: DiagnosticsWaiter = {
        accept,
        resolve: (received) => {
          clearTimeout(timer);
          resolve(received);
        },
      };
      this.waiters.push(waiter);
    });
  }

  async open(uri: string, text: string, version = 1): Promise<void> {
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: this.spec.languageId, version, text } });
  }

  /** Replaces `length` characters at a position, as an editor sends a keystroke or a paste (incremental sync). */
  async replace(uri: string, version: number, line: number, character: number, length: number, text: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character }, end: { line, character: character + length } }, text }],
    });
  }

  /** Peak resident set size of the server process so far, in bytes (Linux VmHWM). */
  peakRss(): number {
    try {
      const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${this.pid}/status`, 'utf8'));
      return match ? Number(match[1]) * 1024 : NaN;
    } catch {
      return NaN;
    }
  }

  /** CPU time (user + system) the server process has used so far, in ms; 10 ms resolution. Unlike wall time, it does not grow when other processes load the machine. */
  cpuTime(): number {
    try {
      // Fields after the parenthesised command name: utime and stime are the 12th and 13th.
      const stat = readFileSync(`/proc/${this.pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
    } catch {
      return NaN;
    }
  }

  async stop(): Promise<void> {
    const exited = new Promise<void>((resolve) => {
      if (this.child.exitCode !== null || this.child.signalCode !== null) resolve();
      else this.child.once('exit', () => resolve());
    });
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), delay(2000)]);
      await this.connection.sendNotification('exit');
    } catch {
      // A server that already went away needs no goodbye.
    }
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
    this.connection.dispose();
  }
}

/** USER_HZ: 100 on every Linux that Node supports. */
const CLOCK_TICKS_PER_SECOND = 100;

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** True when some diagnostic starts on `line`. */
export function hasDiagnosticOnLine(diagnostics: readonly Diagnostic[], line: number): boolean {
  return diagnostics.some((d) => d.range.start.line === line);
}
