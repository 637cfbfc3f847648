// Bundles every entry point into dist/ with esbuild: one self-contained file each.
import { build } from 'esbuild';

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
};
const shebang = { js: '#!/usr/bin/env node' };

await Promise.all([
  build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', banner: shebang }),
  build({ ...common, entryPoints: ['cli/src/cli.ts'], outfile: 'dist/cli.js', banner: shebang }),
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
]);
