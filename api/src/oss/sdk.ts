/**
 * Loads ali-oss on first use. It is large (about 900 KB minified, half of it iconv-lite), so it is its own
 * bundle (dist/oss-sdk.js, built by scripts/build.mjs) required only when a cloud call is made: activation, the
 * CLI's static checks and the language server never pay for it. From the sources (tsx) it is the package.
 */
import type OSS from 'ali-oss';
import { requireBundle } from '../lazyBundle';

export type OssSdk = typeof OSS;

/** The file name of the bundle next to the entry bundles in dist/. */
export const OSS_SDK_BUNDLE = 'oss-sdk.js';

let sdk: OssSdk | undefined;

export function loadOssSdk(): OssSdk {
  if (sdk) return sdk;
  const loaded = requireBundle<OssSdk | { default: OssSdk }>(OSS_SDK_BUNDLE, 'ali-oss');
  sdk = 'default' in loaded && typeof loaded.default === 'function' ? loaded.default : (loaded as OssSdk);
  return sdk;
}
