// Keeps Node code out of the web bundles (vscode.dev, github.dev). With platform 'browser' esbuild quietly
// swaps `vscode-language*/node` for the browser builds (their package.json `browser` field), so a wrong import
// bundles without error and fails only at run time in the browser; the SDKs would fail the same way.
import { builtinModules } from 'node:module';

const NODE_BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

/** Why an import must not reach a web bundle, or undefined when it may. */
export function forbiddenImport(specifier) {
  if (specifier.startsWith('node:') || NODE_BUILTINS.has(specifier) || NODE_BUILTINS.has(specifier.split('/')[0])) return 'a Node.js built-in module';
  if (/^vscode-language(server|client)(-protocol)?\/node(\.js)?$/.test(specifier) || /^vscode-jsonrpc\/node(\.js)?$/.test(specifier))
    return 'the Node.js build of the LSP libraries';
  if (specifier.startsWith('@alicloud/') || specifier === 'ali-oss' || specifier.startsWith('ali-oss/')) return 'a Node.js-only cloud SDK';
  if (/^(mp4box|mediabunny)(\/|$)/.test(specifier)) return 'a media parser (the web build reads no media)';
  return undefined;
}

/** Why a bundled file must not be in a web bundle (esbuild metafile input paths), or undefined. */
export function forbiddenInput(path) {
  const normalized = path.replace(/\\/g, '/');
  if (/(^|\/)node_modules\/vscode-[a-z-]+\/lib\/node\//.test(normalized)) return 'the Node.js build of the LSP libraries';
  if (/(^|\/)node_modules\/(@alicloud\/|ali-oss\/)/.test(normalized)) return 'a Node.js-only cloud SDK';
  if (/(^|\/)node_modules\/(mp4box|mediabunny)\//.test(normalized) || /(^|\/)api\/src\/media\//.test(normalized)) return 'media reading (Node only)';
  if (/^(node:|<define:process)/.test(normalized)) return 'a Node.js built-in';
  return undefined;
}

export const webBundleGuard = {
  name: 'web-bundle-guard',
  setup(build) {
    build.initialOptions.metafile = true;
    build.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      const reason = forbiddenImport(args.path);
      if (!reason) return undefined;
      return { errors: [{ text: `"${args.path}" is ${reason} and cannot run in a browser (imported by ${args.importer})` }] };
    });
    build.onEnd((result) => {
      if (!result.metafile) return;
      const found = Object.keys(result.metafile.inputs).flatMap((input) => {
        const reason = forbiddenInput(input);
        return reason ? [`${input} is ${reason}`] : [];
      });
      if (found.length > 0) throw new Error(`Node code in the web bundle ${build.initialOptions.outfile}:\n  ${found.join('\n  ')}`);
    });
  },
};
