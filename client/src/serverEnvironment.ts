/**
 * The language server only reads job files; it never signs requests. It must not even see the
 * credentials that the extension host may hold in its environment (the Alibaba Cloud SDKs read
 * ALIBABA_CLOUD_ACCESS_KEY_ID and friends from there; other tools keep GITHUB_TOKEN, OSS_STS_TOKEN, …),
 * so a crash dump, a trace or a bug in the server cannot leak them: it gets an allow-list.
 */
import { isAllowedInServer } from '../../server/src/environmentAllowList';

/**
 * Overrides for the server's environment. vscode-languageclient merges `options.env` over the
 * extension host's whole `process.env`, so a variable is removed by overriding it with `undefined`
 * (child_process skips undefined values): every variable not on the allow-list is.
 */
export function credentialFreeEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const overrides: NodeJS.ProcessEnv = {};
  for (const name of Object.keys(env)) {
    if (!isAllowedInServer(name)) overrides[name] = undefined;
  }
  return overrides;
}
