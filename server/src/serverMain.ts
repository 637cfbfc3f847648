import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/node';
import { DIAGNOSTICS_PAGE_PATH } from '../../core/src/index';
import { serveJobFiles } from './languageServer';
import { serverEnvironment } from './environmentAllowList';

// yaml's parser reads process.env.LOG_TOKENS once per token, and process.env is a slow host object: with a plain
// copy, parse + validate of large jobs takes 15–20 % less CPU. The copy keeps only the allow-listed variables, so
// the server holds no token of the host's environment, whichever editor starts it.
process.env = serverEnvironment(process.env);

// createConnection picks the transport from the command line: --stdio, --node-ipc or --socket=N.
const connection: Connection = createConnection(ProposedFeatures.all);
// The display language: our client's initializationOptions, the LSP locale, then --locale and the environment.
// The docs page of the codes lies beside the bundle's folder (dist/server-main.js → docs/diagnostics.md), in the package too.
serveJobFiles(connection, { argv: process.argv, env: process.env, diagnosticsPage: pathToFileURL(resolve(__dirname, '..', DIAGNOSTICS_PAGE_PATH)).href });
