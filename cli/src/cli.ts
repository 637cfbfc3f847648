/** Entry of the `highlight-task` command (bundled to dist/cli.js). Logic lives in main.ts and the commands. */
import { main } from './main';

const interrupt = new AbortController();
// A terminal closed (SIGHUP) or a CI job stopped (SIGTERM) is an interruption like Ctrl-C: the same clean-up runs
// (no temporary .part file left behind). A second signal of the same kind ends the process at once.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, () => interrupt.abort(new Error('interrupted')));

// A reader that stops early (`highlight-task validate … | head`) closes the pipe: what is left unread is no error,
// so end quietly as other command-line tools do instead of crashing on EPIPE. Any other write error stays one.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  interrupt.abort(new Error('output closed'));
  process.exit(process.exitCode ?? 0);
});

main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  env: process.env,
  signal: interrupt.signal,
}).then((code) => {
  process.exitCode = code;
  // After Ctrl-C an abandoned transfer may still hold a socket open: end now, as the user asked.
  if (interrupt.signal.aborted) process.exit(code);
});
