/**
 * The server's entry (`node dist/server.js --stdio`): turns on the runtime's compile cache, then loads the server
 * proper (dist/server-main.js). From the second start on, V8 reads the bundle's compiled code from the cache
 * instead of compiling it again, which was most of the time from spawn to the first diagnostics. Node ≥ 22.1 has
 * the cache (VS Code's and code-server's runtimes do); on an older Node this is a plain require. The cache lives
 * in the system's temporary folder (or NODE_COMPILE_CACHE), keyed by the file's contents, so an update never
 * runs stale code.
 */
import * as nodeModule from 'node:module';
import * as path from 'node:path';

const runtime = nodeModule as typeof nodeModule & { enableCompileCache?: () => unknown };
try {
  runtime.enableCompileCache?.();
} catch {
  // A temporary folder that cannot be written: start without the cache, as on an older Node.
}
// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded after the cache is on, which an import would not be
require(path.join(__dirname, 'server-main.js'));
