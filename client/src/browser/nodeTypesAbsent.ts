// Fails the web type check (tsconfig.web.json) if Node.js types reach it through some import: the check
// that web code uses no Node.js global would then pass without checking anything.
// @ts-expect-error `process` is a Node.js global, not declared in a browser.
export const nodeProcess: unknown = typeof process;
