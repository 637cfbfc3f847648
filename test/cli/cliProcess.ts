/**
 * The `highlight-task` command as its users get it, run as a child process by the CLI tests: bundled like
 * scripts/build.mjs does (into a temporary folder, so dist/ is left alone), beside the OSS bundle it loads on its
 * first cloud call and the media parsers' bundle it loads on its first media read. HIGHLIGHT_CLI=dist/cli.js tests a given build; HIGHLIGHT_CLI=tsx the sources.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { TEST_ACCESS_KEY } from '../endpoints/imm/server';
import { emptyCredentialEnv } from '../api/helpers';

const ROOT = resolve(__dirname, '../..');

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The words before the CLI's own arguments: `[node options…, script]`. */
export async function prepareCli(): Promise<string[]> {
  const given = process.env['HIGHLIGHT_CLI'];
  // tsx by file URL: the child runs in a temporary folder, where the bare name would not resolve.
  if (given === 'tsx') return ['--import', pathToFileURL(require.resolve('tsx')).href, join(ROOT, 'cli/src/cli.ts')];
  if (given) return [resolve(given)];
  const outDir = mkdtempSync(join(tmpdir(), 'highlight-cli-build-'));
  const common = { bundle: true, platform: 'node', target: 'node18', format: 'cjs', logLevel: 'warning' } as const;
  await Promise.all([
    build({ ...common, entryPoints: [join(ROOT, 'cli/src/cli.ts')], outfile: join(outDir, 'cli.js') }),
    build({ ...common, entryPoints: [join(ROOT, 'api/src/oss/sdkBundle.ts')], outfile: join(outDir, 'oss-sdk.js'), external: ['proxy-agent'], minify: true }),
    build({ ...common, entryPoints: [join(ROOT, 'api/src/media/parsersBundle.ts')], outfile: join(outDir, 'media-parsers.js'), minify: true }),
  ]);
  return [join(outDir, 'cli.js')];
}

/** The test key of the local endpoints, from the environment as the default credential chain reads it. */
export const WITH_TEST_KEY = { ALIBABA_CLOUD_ACCESS_KEY_ID: TEST_ACCESS_KEY.id, ALIBABA_CLOUD_ACCESS_KEY_SECRET: TEST_ACCESS_KEY.secret } as const;

export interface CliRunOptions {
  readonly cwd: string;
  /** Set or (undefined) removed, over an environment in which the credential chain finds nothing. */
  readonly env?: Record<string, string | undefined>;
  /** Interrupts the command (SIGINT, a user's Ctrl+C) once its stderr matches. */
  readonly interruptOnStderr?: RegExp;
  /** The signal interruptOnStderr sends; default SIGINT. */
  readonly interruptSignal?: NodeJS.Signals;
}

/** Asynchronous on purpose: the local endpoints answering the child live in the test's process. */
export function runCli(cli: readonly string[], args: readonly string[], options: CliRunOptions): Promise<CliRun> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...emptyCredentialEnv(), NODE_OPTIONS: '' };
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [...cli, ...args], { cwd: options.cwd, env });
    let stdout = '';
    let stderr = '';
    let interrupted = false;
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (!interrupted && options.interruptOnStderr?.test(stderr)) {
        interrupted = true;
        child.kill(options.interruptSignal ?? 'SIGINT');
      }
    });
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}
