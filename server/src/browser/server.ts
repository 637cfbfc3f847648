/**
 * The language server in a web worker (vscode.dev, github.dev): the same service as the Node server, with
 * messages posted between the worker and the web extension host. No process, no file system, no network.
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { serveJobFiles } from '../languageServer';

// Started as `new Worker(url)`: a dedicated worker, whose global scope is the message port to the client.
const port = self as unknown as DedicatedWorkerGlobalScope;
serveJobFiles(createConnection(ProposedFeatures.all, new BrowserMessageReader(port), new BrowserMessageWriter(port)));
