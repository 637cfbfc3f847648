// Bundles the extension-host test suite (test/extension/*.ts) into out/test/extension/*.js:
// the extension host can only `require` JavaScript. index.js carries mocha; each *.test.js
// carries what it imports from client/src, so the suite needs no node_modules at run time.
import { readdirSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const dir = 'test/extension';
const entryPoints = readdirSync(dir)
  .filter((name) => name === 'index.ts' || name.endsWith('.test.ts'))
  .map((name) => `${dir}/${name}`);
rmSync('out/test/extension', { recursive: true, force: true });
await build({
  entryPoints,
  outdir: 'out/test/extension',
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  external: ['vscode'],
  sourcemap: 'linked',
  logLevel: 'warning',
  // Only mocha's parallel mode resolves those files, and the suite runs serially.
  logOverride: { 'require-resolve-not-external': 'silent' },
});
// The media parsers are their own lazily required bundle (api/src/media/parsers.ts looks beside the requiring bundle):
// a suite that reads media through client code it carries (the results lister) finds them here.
await build({
  entryPoints: ['api/src/media/parsersBundle.ts'],
  outfile: 'out/test/extension/media-parsers.js',
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  minify: true,
  logLevel: 'warning',
});
