/**
 * The built web server (dist/web/server.js) in a real dedicated Worker in Chromium, over every job fixture:
 * it must publish exactly what the Node server (dist/server.js --stdio) publishes, and answer the other
 * requests the same. Catches what only a browser shows: Node globals (setImmediate, process, require), a
 * Node build of a library swapped in silently, a validator that needs `new Function`.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, relative } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { CompletionItemKind, type Diagnostic } from 'vscode-languageserver-protocol';
import { LspSession, VSCODE_CAPABILITIES } from '../support/lspClient';
import { launchChromium, type Chromium } from './chromium';

const ROOT = join(__dirname, '../..');
const FIXTURES = join(ROOT, 'test/fixtures');

function jobFixtures(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return jobFixtures(path);
    return /\.highlight\.ya?ml$/.test(entry.name) ? [path] : [];
  });
}

// Served from a loopback origin: Chromium does not start workers from file:// pages.
const PAGE = `<!doctype html><meta charset="utf-8"><title>web server test</title><script>
  window.startServer = () => {
    const worker = new Worker('/server.js');
    worker.onmessage = (event) => window.fromServer(event.data);
    worker.onerror = (event) => window.fromServer({ workerError: event.message || 'error' });
    window.toServer = (message) => worker.postMessage(message);
  };
</script>`;

function serve(): Promise<Server> {
  const server = createServer((request, response) => {
    if (request.url === '/') response.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
    else if (request.url === '/server.js') response.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(join(ROOT, 'dist/web/server.js')));
    else response.writeHead(404).end();
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

interface Incoming {
  readonly id?: number;
  readonly method?: string;
  readonly params?: { readonly uri: string; readonly diagnostics: Diagnostic[]; readonly type?: number; readonly message?: string };
  readonly result?: unknown;
  readonly error?: unknown;
  readonly workerError?: string;
}

/** An LSP client on the page's worker: requests by id, diagnostics by URI. */
class WorkerSession {
  private nextId = 1;
  private readonly replies = new Map<number, (message: Incoming) => void>();
  private readonly diagnosticWaiters = new Map<string, (diagnostics: Diagnostic[]) => void>();
  /** Rejects every pending wait: an error that escaped the worker means no answer is coming. */
  private readonly failWaits = new Set<(error: Error) => void>();
  readonly workerErrors: string[] = [];

  constructor(private readonly page: Page) {}

  async start(): Promise<Record<string, unknown>> {
    await this.page.exposeFunction('fromServer', (message: Incoming) => this.receive(message));
    await this.page.evaluate(() => (globalThis as unknown as { startServer(): void }).startServer());
    const result = (await this.request('initialize', {
      processId: null,
      rootUri: null,
      capabilities: VSCODE_CAPABILITIES,
    })) as { capabilities: Record<string, unknown> };
    await this.notify('initialized', {});
    return result.capabilities;
  }

  private receive(message: Incoming): void {
    // An error that escaped the worker, or one the server logged (jsonrpc catches what its handlers throw).
    const failure = message.workerError ?? (message.method === 'window/logMessage' && message.params?.type === 1 ? message.params.message : undefined);
    if (failure) {
      this.workerErrors.push(failure);
      for (const fail of this.failWaits) fail(new Error(`the server worker failed: ${failure}`));
    }
    if (message.id !== undefined && !message.method) this.replies.get(message.id)?.(message);
    if (message.method === 'textDocument/publishDiagnostics' && message.params) {
      const waiter = this.diagnosticWaiters.get(message.params.uri);
      this.diagnosticWaiters.delete(message.params.uri);
      waiter?.(message.params.diagnostics);
    }
  }

  /** Waits for `answer`, failing at once on a worker error and after 30 s without an answer. */
  private wait<T>(what: string, answer: Promise<T>): Promise<T> {
    let fail: (error: Error) => void = () => undefined;
    const failed = new Promise<never>((_, reject) => (fail = reject));
    this.failWaits.add(fail);
    const timer = setTimeout(() => fail(new Error(`no ${what} from the server worker within 30 s`)), 30_000);
    return Promise.race([answer, failed]).finally(() => {
      clearTimeout(timer);
      this.failWaits.delete(fail);
    });
  }

  private post(message: object): Promise<void> {
    return this.page.evaluate((m) => (globalThis as unknown as { toServer(message: unknown): void }).toServer(m), { jsonrpc: '2.0', ...message });
  }

  async request(method: string, params: unknown): Promise<unknown> {
    const id = this.nextId++;
    const reply = new Promise<Incoming>((resolve) => this.replies.set(id, resolve));
    await this.post({ id, method, params });
    const message = await this.wait(`answer to ${method}`, reply);
    if (message.error) throw new Error(`${method}: ${JSON.stringify(message.error)}`);
    return message.result;
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.post({ method, params });
  }

  async open(uri: string, text: string): Promise<Diagnostic[]> {
    const published = new Promise<Diagnostic[]>((resolve) => this.diagnosticWaiters.set(uri, resolve));
    await this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'imm-highlight', version: 1, text } });
    return this.wait(`diagnostics for ${uri}`, published);
  }
}

describe('web language server in a Chromium Worker', { timeout: 180_000 }, () => {
  let chromium: Chromium;
  let http: Server;
  let web: WorkerSession;
  let node: LspSession;
  let webCapabilities: Record<string, unknown>;
  const fixtures = jobFixtures(FIXTURES);
  // vscode-vfs:// as on github.dev: the server must not care where a file lives.
  const uriOf = (path: string) => `vscode-vfs://github/imm/jobs/${relative(FIXTURES, path)}`;

  before(async () => {
    http = await serve();
    chromium = await launchChromium();
    const page = await chromium.context.newPage();
    await page.goto(`http://127.0.0.1:${(http.address() as AddressInfo).port}/`);
    web = new WorkerSession(page);
    webCapabilities = await web.start();
    node = await LspSession.start();
  });
  after(async () => {
    await node?.stop();
    await chromium?.close();
    http?.close();
  });

  test('the fixtures include valid and broken jobs', () => {
    assert.ok(fixtures.some((f) => f.includes('/valid/')) && fixtures.some((f) => f.includes('/broken/')), fixtures.join(', '));
  });

  test('declares the same capabilities as the Node server', () => {
    assert.deepEqual(webCapabilities, node.capabilities);
  });

  test('publishes the same diagnostics as the Node server for every fixture', async () => {
    let withDiagnostics = 0;
    for (const path of fixtures) {
      const text = readFileSync(path, 'utf8');
      const uri = uriOf(path);
      const fromNode = node.nextDiagnostics(uri, 1);
      await node.open(uri, text);
      const expected = await fromNode;
      const actual = await web.open(uri, text);
      assert.deepEqual(actual, expected, relative(ROOT, path));
      if (expected.length > 0) withDiagnostics++;
    }
    assert.ok(withDiagnostics >= 5, `only ${withDiagnostics} fixtures had diagnostics`);
    assert.deepEqual(web.workerErrors, []);
  });

  test('a misspelt Type is reported at its value', async () => {
    const uri = 'vscode-vfs://github/imm/jobs/misspelt.highlight.yaml';
    const diagnostics = await web.open(
      uri,
      'ProjectName: immtest\nType: retrieval\nSources:\n  - URI: oss://test-bucket/input.mp4\nOutput:\n  URI: oss://test-bucket/output.mp4\n',
    );
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.character]),
      [['invalid-value', 1, 6, 15]],
    );
  });

  test('offers in an empty job the whole-job snippets of snippets/imm-highlight.json, bundled into the worker', async () => {
    const file = JSON.parse(readFileSync(join(ROOT, 'snippets/imm-highlight.json'), 'utf8')) as Record<string, { prefix: string; 'x-place': string }>;
    const uri = 'vscode-vfs://github/imm/jobs/empty.highlight.yaml';
    await web.open(uri, '');
    const result = (await web.request('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 0 } })) as {
      label: string;
      kind?: number;
    }[];
    const snippets = result.filter((item) => item.kind === CompletionItemKind.Snippet).map((item) => item.label);
    const jobs = Object.values(file)
      .filter((snippet) => snippet['x-place'] === 'job')
      .map((snippet) => snippet.prefix);
    assert.ok(jobs.length > 0);
    assert.deepEqual(snippets.sort(), jobs.sort());
  });

  test('answers completion, hover, code actions, symbols and formatting as the Node server does', async () => {
    const path = fixtures.find((f) => f.endsWith('broken/compose-typos.highlight.yaml')) ?? fixtures[0]!;
    const uri = uriOf(path);
    const text = readFileSync(path, 'utf8');
    const lines = text.split('\n');
    const typeLine = Math.max(
      0,
      lines.findIndex((line) => /^Type:/.test(line)),
    );
    const position = { line: typeLine, character: lines[typeLine]!.length };
    // Opened in both servers by the fixtures test; its diagnostics ask for the quick fixes.
    const diagnostics = node.published.find((p) => p.uri === uri)?.diagnostics ?? [];
    assert.ok(diagnostics.length > 0, 'the fixture has diagnostics');
    const requests: [string, unknown][] = [
      ['textDocument/completion', { textDocument: { uri }, position }],
      ['textDocument/hover', { textDocument: { uri }, position: { line: typeLine, character: 1 } }],
      [
        'textDocument/codeAction',
        { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } }, context: { diagnostics } },
      ],
      ['textDocument/documentSymbol', { textDocument: { uri } }],
      ['textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } }],
    ];
    for (const [method, params] of requests) {
      const fromNode = await node.connection.sendRequest(method, params);
      const fromWeb = await web.request(method, params);
      assert.deepEqual(fromWeb, fromNode, method);
      if (method !== 'textDocument/formatting') assert.ok(fromWeb !== null && (!Array.isArray(fromWeb) || fromWeb.length > 0), `${method} answered nothing`);
    }
  });
});
