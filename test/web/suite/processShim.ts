// What the `assert` package and its `util` read of Node's `process` when they build a failure message; a web
// extension host has no `process`. Injected into the web suite bundle only (build.ts).
export const process = {
  env: {} as Record<string, string | undefined>,
  platform: 'browser',
  stdout: { isTTY: false },
  stderr: { isTTY: false },
  cwd: (): string => '/',
  emitWarning: (): void => undefined,
  nextTick: (task: (...args: unknown[]) => void, ...args: unknown[]): void => queueMicrotask(() => task(...args)),
};
