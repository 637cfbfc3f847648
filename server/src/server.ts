import {
  CodeActionKind,
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { version as SERVER_VERSION } from '../../package.json';
import { codeActions } from '../../core/src/codeActions';
import { complete } from '../../core/src/complete';
import type { JobDocument } from '../../core/src/document';
import { formatDocument } from '../../core/src/formatting';
import { hover } from '../../core/src/hover';
import { documentSymbols } from '../../core/src/symbols';
import { validateJob } from '../../core/src/validate';
import { registerCloudContext } from './cloudContext';
import { DiagnosticsScheduler } from './diagnosticsScheduler';
import { isJobDocument, JobDocumentCache } from './jobDocuments';

// yaml's parser reads process.env.LOG_TOKENS once per token, and process.env is a slow host object: with a plain
// copy, parse + validate of large jobs takes 15–20 % less CPU. The server never changes its own environment.
process.env = { ...process.env };

// createConnection picks the transport from the command line: --stdio, --node-ipc or --socket=N.
const connection: Connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const jobs = new JobDocumentCache();

/** The parsed job for a request's document, or undefined for documents that are not job files. */
function jobFor(uri: string): JobDocument | undefined {
  const document = documents.get(uri);
  return document && isJobDocument(document) ? jobs.get(document) : undefined;
}

const scheduler = new DiagnosticsScheduler((uri) => {
  const document = documents.get(uri);
  if (!document || !isJobDocument(document)) return;
  try {
    const diagnostics = validateJob(jobs.get(document));
    void connection.sendDiagnostics({ uri, version: document.version, diagnostics });
  } catch (error) {
    // Runs outside any request, so nothing would catch a throw: a bug must cost one update, not the server.
    jobs.forget(uri);
    connection.console.error(`Could not check ${uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
});

connection.onInitialize(() => ({
  capabilities: {
    textDocumentSync: TextDocumentSyncKind.Incremental,
    completionProvider: { triggerCharacters: [':', ' ', '-'] },
    hoverProvider: true,
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
    documentSymbolProvider: true,
    documentFormattingProvider: true,
  },
  serverInfo: { name: 'highlight-language-server', version: SERVER_VERSION },
}));

connection.onCompletion(({ textDocument, position }) => {
  const job = jobFor(textDocument.uri);
  return job ? complete(job, position) : [];
});
connection.onHover(({ textDocument, position }) => {
  const job = jobFor(textDocument.uri);
  return job ? hover(job, position) : null;
});
connection.onCodeAction(({ textDocument, range, context }) => {
  const job = jobFor(textDocument.uri);
  return job ? codeActions(job, textDocument.uri, range, context.diagnostics) : [];
});
connection.onDocumentSymbol(({ textDocument }) => {
  const job = jobFor(textDocument.uri);
  return job ? documentSymbols(job) : [];
});
connection.onDocumentFormatting(({ textDocument, options }) => {
  const job = jobFor(textDocument.uri);
  return job ? formatDocument(job, options) : [];
});

registerCloudContext(connection, jobFor);

documents.onDidChangeContent((event) => scheduler.schedule(event.document.uri));
documents.onDidClose((event) => {
  scheduler.cancel(event.document.uri);
  jobs.forget(event.document.uri);
  if (isJobDocument(event.document)) void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
});

documents.listen(connection);
connection.listen();
