import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { ClientCapabilities, Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

export const SERVER_PATH = path.resolve(__dirname, '../../dist/server.js');

/**
 * What VS Code's client (vscode-languageclient 9, lib/common/completion.js, hover.js, codeAction.js) declares of
 * what the server reads: snippets, markdown, code action literals. The default of these tests, as of our editor.
 */
export const VSCODE_CAPABILITIES: ClientCapabilities = {
  workspace: { applyEdit: true },
  textDocument: {
    publishDiagnostics: { versionSupport: true },
    completion: {
      completionItem: {
        snippetSupport: true,
        documentationFormat: ['markdown', 'plaintext'],
        insertReplaceSupport: true,
        labelDetailsSupport: true,
        resolveSupport: { properties: ['documentation', 'detail', 'additionalTextEdits'] },
      },
    },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    codeAction: {
      resolveSupport: { properties: ['edit'] },
      codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source'] } },
    },
  },
};

/** The built server spawned as an editor would (`node dist/server.js --stdio`), with a JSON-RPC connection to it. */
export class LspSession {
  readonly connection: MessageConnection;
  private readonly diagnosticWaiters: ((params: PublishDiagnosticsParams) => void)[] = [];
  readonly published: PublishDiagnosticsParams[] = [];
  /** What the server answered to `initialize`. */
  capabilities: Record<string, unknown> = {};

  private constructor(readonly child: ChildProcess) {
    this.connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.published.push(params);
      for (const waiter of this.diagnosticWaiters.splice(0)) waiter(params);
    });
    this.connection.listen();
  }

  /**
   * `launch` sets what an editor other than ours would: extra arguments, the environment, the LSP `locale`, the
   * client's capabilities (VS Code's by default).
   */
  static async start(
    initializationOptions: unknown = {},
    launch: {
      readonly args?: readonly string[];
      readonly env?: NodeJS.ProcessEnv;
      readonly locale?: string;
      readonly capabilities?: ClientCapabilities;
    } = {},
  ): Promise<LspSession> {
    const child = spawn(process.execPath, [SERVER_PATH, '--stdio', ...(launch.args ?? [])], {
      stdio: ['pipe', 'pipe', 'inherit'],
      env: launch.env ?? process.env,
    });
    const session = new LspSession(child);
    const result = await session.connection.sendRequest<{ capabilities: Record<string, unknown> }>('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: launch.capabilities ?? VSCODE_CAPABILITIES,
      initializationOptions,
      ...(launch.locale === undefined ? {} : { locale: launch.locale }),
    });
    session.capabilities = result.capabilities;
    await session.connection.sendNotification('initialized', {});
    return session;
  }

  /** Resolves with the next diagnostics published for `uri` (optionally for a given document version). */
  nextDiagnostics(uri: string, version?: number): Promise<Diagnostic[]> {
    return new Promise((resolve) => {
      const wait = (params: PublishDiagnosticsParams): void => {
        if (params.uri === uri && (version === undefined || params.version === version)) resolve(params.diagnostics);
        else this.diagnosticWaiters.push(wait);
      };
      this.diagnosticWaiters.push(wait);
    });
  }

  async open(uri: string, text: string, languageId = 'imm-highlight', version = 1): Promise<void> {
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  async stop(): Promise<void> {
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    await new Promise<void>((resolve) => {
      if (this.child.exitCode !== null) resolve();
      else this.child.once('exit', () => resolve());
    });
    this.connection.dispose();
  }
}
