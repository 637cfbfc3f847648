/**
 * The language service on an LSP connection: everything the server does, whatever carries its messages.
 * server.ts (Node: stdio, IPC, socket) and browser/server.ts (a web worker) only create the connection.
 */
import {
  CodeActionKind,
  CompletionTriggerKind,
  MessageType,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { version as SERVER_VERSION } from '../../package.json';
import {
  codeActions,
  type CodeActionSettings,
  complete,
  spaceCanStartCompletion,
  type CompletionOptions,
  type JobDocument,
  formatDocument,
  formattingRefusal,
  hover,
  documentSymbols,
  validateJob,
  useLocale,
} from '../../core/src/index';
import { clientAbilitiesOf, type ClientAbilities } from './clientAbilities';
import { DiagnosticsScheduler } from './diagnosticsScheduler';
import { APPLY_FIX_COMMAND, asFixCommands, registerFixCommand } from './fixCommands';
import { withParserDetails } from './parserDetails';
import { registerCloudContext } from './cloudContext';
import { isJobTextDocument, JobDocumentCache } from './jobDocuments';
import { serverLocale } from './serverLocale';

/** Where a server started by hand learns its language when the client does not say it (Node only). */
export interface ServerStartup {
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** `{ immHighlight: { region } }` from workspace/didChangeConfiguration; anything else is no setting. */
export function settingsFrom(sent: unknown): CodeActionSettings {
  const section = (sent as { immHighlight?: { region?: unknown } } | null | undefined)?.immHighlight;
  const region = typeof section?.region === 'string' ? section.region.trim() : '';
  return /^[a-z0-9-]{1,40}$/.test(region) ? { region } : {};
}

/** `{ liveCompletion: true }` in initializationOptions: the client completes some values from the cloud itself. */
export function liveCompletionFrom(options: unknown): CompletionOptions {
  return (options as { liveCompletion?: unknown } | null | undefined)?.liveCompletion === true ? { liveValues: true } : {};
}

export function serveJobFiles(connection: Connection, startup: ServerStartup = { argv: [], env: {} }): void {
  const documents = new TextDocuments(TextDocument);
  let settings: CodeActionSettings = {};
  let completionOptions: CompletionOptions = {};
  let abilities: ClientAbilities = clientAbilitiesOf({});
  const jobs = new JobDocumentCache();

  /** The parsed job for a request's document, or undefined for documents that are not job files. */
  function jobFor(uri: string): JobDocument | undefined {
    const document = documents.get(uri);
    return document && isJobTextDocument(document) ? jobs.get(document) : undefined;
  }

  const scheduler = new DiagnosticsScheduler((uri) => {
    const document = documents.get(uri);
    if (!document || !isJobTextDocument(document)) return;
    try {
      const diagnostics = withParserDetails(validateJob(jobs.get(document)), uri);
      void connection.sendDiagnostics({ uri, version: document.version, diagnostics });
    } catch (error) {
      // Runs outside any request, so nothing would catch a throw: a bug must cost one update, not the server.
      jobs.forget(uri);
      connection.console.error(`Could not check ${uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  });

  connection.onInitialize((params) => {
    const { locale, bundle } = serverLocale(params, startup.argv, startup.env);
    abilities = clientAbilitiesOf(params.capabilities);
    completionOptions = { ...liveCompletionFrom(params.initializationOptions), ...abilities.completion };
    useLocale(locale, bundle);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: [':', ' ', '-'] },
        hoverProvider: true,
        // CodeActionOptions only for a client that takes CodeAction literals (the spec's rule).
        codeActionProvider: abilities.quickFixes === 'literals' ? { codeActionKinds: [CodeActionKind.QuickFix] } : true,
        documentSymbolProvider: true,
        documentFormattingProvider: true,
        ...(abilities.quickFixes === 'commands' ? { executeCommandProvider: { commands: [APPLY_FIX_COMMAND] } } : {}),
      },
      serverInfo: { name: 'highlight-language-server', version: SERVER_VERSION },
    };
  });

  connection.onCompletion(({ textDocument, position, context }) => {
    // Every space typed asks: answered from the line alone, before any parse, where a space starts nothing.
    if (context?.triggerKind === CompletionTriggerKind.TriggerCharacter && context.triggerCharacter === ' ') {
      const line = documents.get(textDocument.uri)?.getText({ start: { line: position.line, character: 0 }, end: position });
      if (line !== undefined && !spaceCanStartCompletion(line)) return [];
    }
    const job = jobFor(textDocument.uri);
    return job ? complete(job, position, completionOptions) : [];
  });
  connection.onHover(({ textDocument, position }) => {
    const job = jobFor(textDocument.uri);
    return job ? hover(job, position, abilities.hover) : null;
  });
  connection.onCodeAction(({ textDocument, range, context }) => {
    const job = abilities.quickFixes === 'none' ? undefined : jobFor(textDocument.uri);
    if (!job) return [];
    const actions = codeActions(job, textDocument.uri, range, context.diagnostics, settings);
    return abilities.quickFixes === 'literals' ? actions : asFixCommands(actions);
  });
  registerFixCommand(connection);
  // The client sends `immHighlight.region` (and nothing secret); any LSP client may send the same shape.
  connection.onDidChangeConfiguration(({ settings: sent }) => {
    settings = settingsFrom(sent);
  });
  connection.onDocumentSymbol(({ textDocument }) => {
    const job = jobFor(textDocument.uri);
    return job ? documentSymbols(job) : [];
  });
  connection.onDocumentFormatting(({ textDocument, options }) => {
    const job = jobFor(textDocument.uri);
    if (!job) return [];
    const edits = formatDocument(job, options);
    // Formatting can only answer with edits: without a word, "nothing happened" looks like a broken command.
    const refusal = edits.length === 0 ? formattingRefusal(job) : undefined;
    // A notification, not showWarningMessage: that is a request, and a client that does not answer it must not matter.
    if (refusal) void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: refusal });
    return edits;
  });

  // What a position means for live completion; the extension does the cloud calls (the server never does).
  registerCloudContext(connection, jobFor);

  documents.onDidChangeContent((event) => scheduler.schedule(event.document.uri));
  documents.onDidClose((event) => {
    scheduler.cancel(event.document.uri);
    jobs.forget(event.document.uri);
    if (isJobTextDocument(event.document)) void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  documents.listen(connection);
  connection.listen();
}
