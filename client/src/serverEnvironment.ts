/**
 * The language server only reads job files; it never signs requests. It must not even see the
 * credentials that the extension host may hold in its environment (the Alibaba Cloud SDKs read
 * ALIBABA_CLOUD_ACCESS_KEY_ID and friends from there), so a crash dump, a trace or a bug in the
 * server cannot leak them.
 */
const CREDENTIAL_NAME = /^(ALIBABA_CLOUD|ALICLOUD|ALIYUN)_|ACCESS_?KEY|SECRET|SECURITY_?TOKEN|PASSWORD/i;

/**
 * Overrides for the server's environment. vscode-languageclient merges `options.env` over the
 * extension host's whole `process.env`, so a variable is removed by overriding it with `undefined`
 * (child_process skips undefined values).
 */
export function credentialFreeEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const overrides: NodeJS.ProcessEnv = {};
  for (const name of Object.keys(env)) {
    if (CREDENTIAL_NAME.test(name)) overrides[name] = undefined;
  }
  return overrides;
}
