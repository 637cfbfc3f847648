// Bundles every entry point into dist/ with esbuild: one self-contained file each.
import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';
import { webBundleGuard } from './web-bundle-guard.mjs';

// The request schema compiled by ajv at build time (standalone code), so the server need not compile it at start-up.
let requestValidatorSource;
const requestValidator = {
  name: 'request-validator',
  setup(b) {
    // core/src/schema/requestAjv.ts compiles the schema with ajv when run from source; bundles get the compiled code instead,
    // so ajv's compiler (a fifth of the bundle, parsed at every start) is not in them at all.
    b.onResolve({ filter: /^\.\/requestAjv$/ }, (args) =>
      args.importer.endsWith('schemaValidator.ts') ? { path: 'compiled', namespace: 'request-validator' } : undefined,
    );
    b.onResolve({ filter: /^imm-highlight:request-validator$/ }, () => ({ path: 'standalone', namespace: 'request-validator' }));
    b.onLoad({ filter: /^compiled$/, namespace: 'request-validator' }, () => ({
      contents: "import validate from 'imm-highlight:request-validator';\nexport function compileRequestValidator() { return validate; }\n",
      loader: 'js',
      resolveDir: process.cwd(),
    }));
    b.onLoad({ filter: /^standalone$/, namespace: 'request-validator' }, () => {
      requestValidatorSource ??= execFileSync(process.execPath, ['--import', 'tsx', 'scripts/request-validator-source.ts'], {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
      return { contents: requestValidatorSource, loader: 'js', resolveDir: process.cwd() };
    });
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
// vscode.dev and github.dev: the extension in the web extension host (a CommonJS module like on the desktop),
// the server as a classic worker script.
const web = { ...common, platform: 'browser', target: 'es2022', plugins: [requestValidator, webBundleGuard] };

await Promise.all([
  build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', banner: shebang }),
  build({ ...common, entryPoints: ['cli/src/cli.ts'], outfile: 'dist/cli.js', banner: shebang }),
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  build({ ...web, entryPoints: ['server/src/browser/server.ts'], outfile: 'dist/web/server.js', format: 'iife' }),
  build({ ...web, entryPoints: ['client/src/browser/extension.ts'], outfile: 'dist/web/extension.js', external: ['vscode'] }),
  // ali-oss on its own, required on the first cloud call (api/src/oss/sdk.ts); urllib's optional proxy-agent stays out.
  build({ ...common, entryPoints: ['api/src/oss/sdkBundle.ts'], outfile: 'dist/oss-sdk.js', external: ['proxy-agent'], minify: true, sourcemap: false }),
  // mp4box and mediabunny on their own, required on the first media read (api/src/media/parsers.ts).
  build({ ...common, entryPoints: ['api/src/media/parsersBundle.ts'], outfile: 'dist/media-parsers.js', minify: true, sourcemap: false }),
]);
