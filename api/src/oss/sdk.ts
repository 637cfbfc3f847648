/**
 * Loads ali-oss on first use. It is large (about 900 KB minified, half of it iconv-lite), so it is its own
 * bundle (dist/oss-sdk.js, built by scripts/build.mjs) required only when a cloud call is made: activation, the
 * CLI's static checks and the language server never pay for it. From the sources (tsx) it is the package.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type OSS from 'ali-oss';

export type OssSdk = typeof OSS;

/** The file name of the bundle next to the entry bundles in dist/. */
export const OSS_SDK_BUNDLE = 'oss-sdk.js';

let sdk: OssSdk | undefined;

export function loadOssSdk(): OssSdk {
  if (sdk) return sdk;
  const bundled = join(__dirname, OSS_SDK_BUNDLE);
  // A variable, not a literal: esbuild must leave this require alone rather than inline ali-oss.
  const id = existsSync(bundled) ? bundled : 'ali-oss';
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a run-time require on purpose (above)
  const loaded = require(id) as OssSdk | { default: OssSdk };
  sdk = 'default' in loaded && typeof loaded.default === 'function' ? loaded.default : (loaded as OssSdk);
  return sdk;
}
