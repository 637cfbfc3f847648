/**
 * Hook of `npm run demo` for services the demo needs beside VS Code. Submission is demonstrated
 * against a local IMM endpoint: start it here, and return the user settings that point the
 * extension at it (e.g. `{ 'immHighlight.endpoint': 'http://127.0.0.1:<port>' }`) and how to stop it.
 * They go into the demo profile's *user* settings, which untrusted-workspace restrictions do not touch.
 */
export interface DemoServices {
  /** Extra user settings for the demo profile. */
  readonly settings: Readonly<Record<string, unknown>>;
  /** Environment for code-server and so for the extension host (e.g. fake credentials for the local endpoint). */
  readonly env: NodeJS.ProcessEnv;
  /** Lines printed under the URL, e.g. where the local endpoint listens. */
  readonly notes: readonly string[];
  stop(): Promise<void>;
}

export async function startDemoServices(): Promise<DemoServices> {
  return { settings: {}, env: {}, notes: [], stop: async () => undefined };
}
