/**
 * A large library kept out of the entry bundles and required on first use: its own bundle in dist/ (built by
 * scripts/build.mjs) when there is one beside the running bundle, else `sourceId` (the package or module, from the
 * sources under tsx). The id is a variable, not a literal, so esbuild leaves this require alone.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export function requireBundle<T>(bundleFile: string, sourceId: string): T {
  const bundled = join(__dirname, bundleFile);
  const id = existsSync(bundled) ? bundled : sourceId;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a run-time require on purpose (above)
  return require(id) as T;
}
