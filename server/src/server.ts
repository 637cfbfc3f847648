import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { validateJob } from '../../core/src/validate';
import { DiagnosticsScheduler } from './diagnosticsScheduler';
import { isJobDocument, JobDocumentCache } from './jobDocuments';

// createConnection picks the transport from the command line: --stdio, --node-ipc or --socket=N.
const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const jobs = new JobDocumentCache();

const scheduler = new DiagnosticsScheduler((uri) => {
  const document = documents.get(uri);
  if (!document || !isJobDocument(document)) return;
  const diagnostics = validateJob(jobs.get(document));
  void connection.sendDiagnostics({ uri, version: document.version, diagnostics });
});

connection.onInitialize(() => ({
  capabilities: {
    textDocumentSync: TextDocumentSyncKind.Incremental,
  },
  serverInfo: { name: 'highlight-language-server', version: process.env.npm_package_version ?? '0.1.0' },
}));

documents.onDidChangeContent((event) => scheduler.schedule(event.document.uri));
documents.onDidClose((event) => {
  scheduler.cancel(event.document.uri);
  jobs.forget(event.document.uri);
  if (isJobDocument(event.document)) void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
});

documents.listen(connection);
connection.listen();
