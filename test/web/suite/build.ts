import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, type Plugin } from 'esbuild';

const ROOT = join(__dirname, '../../..');

/**
 * mocha's browser build is UMD, and esbuild bundles it as plain code: its `module.exports = factory()` would then
 * replace the exports of the whole suite (the `run` the host calls) with mocha. Without `module`, `exports` and
 * `define` it takes its global branch and only sets `globalThis.mocha`.
 */
const mochaAsGlobal: Plugin = {
  name: 'mocha-as-global',
  setup(b) {
    b.onLoad({ filter: /[\\/]mocha[\\/]mocha\.js$/ }, (args) => ({
      contents: `(function (module, exports, define) {\n${readFileSync(args.path, 'utf8')}\n})(undefined, undefined, undefined);`,
      loader: 'js',
    }));
  },
};

/** Bundles the web suite into `<outdir>/index.js`: a CommonJS module for the web extension host's `require`. */
export async function buildWebSuite(outdir: string): Promise<string> {
  await build({
    entryPoints: [join(ROOT, 'test/web/suite/index.ts')],
    outfile: join(outdir, 'index.js'),
    bundle: true,
    platform: 'browser',
    target: 'es2022',
    format: 'cjs',
    external: ['vscode'],
    alias: { 'node:assert/strict': join(ROOT, 'test/web/suite/assert.ts') },
    inject: [join(ROOT, 'test/web/suite/processShim.ts')],
    plugins: [mochaAsGlobal],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return join(outdir, 'index.js');
}
