import type { Plugin } from 'esbuild';

export function forbiddenImport(specifier: string): string | undefined;
export function forbiddenInput(path: string): string | undefined;
export const webBundleGuard: Plugin;
