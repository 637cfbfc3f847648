// Bundles every entry point into dist/ with esbuild: one self-contained file each.
import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';

// The request schema compiled by ajv at build time (standalone code), so the server need not compile it at start-up.
let requestValidatorSource;
const requestValidator = {
  name: 'request-validator',
  setup(b) {
    b.onResolve({ filter: /^imm-highlight:request-validator$/ }, (args) => ({ path: args.path, namespace: 'request-validator' }));
    b.onLoad({ filter: /.*/, namespace: 'request-validator' }, () => {
      requestValidatorSource ??= execFileSync(process.execPath, ['--import', 'tsx', 'scripts/request-validator-source.ts'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      return { contents: requestValidatorSource, loader: 'js', resolveDir: process.cwd() };
    });
    // With the schema precompiled, ajv's compiler (a fifth of the bundle, parsed at every start) is never called.
    b.onResolve({ filter: /^ajv$/ }, (args) => (args.importer.endsWith('schemaValidator.ts') ? { path: 'ajv', external: true } : undefined));
  },
};

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  plugins: [requestValidator],
  legalComments: 'none',
};
const shebang = { js: '#!/usr/bin/env node' };

await Promise.all([
  build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', banner: shebang }),
  build({ ...common, entryPoints: ['cli/src/cli.ts'], outfile: 'dist/cli.js', banner: shebang }),
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  // ali-oss on its own, required on the first cloud call (api/src/oss/sdk.ts); urllib's optional proxy-agent stays out.
  build({ ...common, entryPoints: ['api/src/oss/sdkBundle.ts'], outfile: 'dist/oss-sdk.js', external: ['proxy-agent'], minify: true, sourcemap: false }),
]);
