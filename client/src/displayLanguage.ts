import * as vscode from 'vscode';
import { localeOf, useLocale, type MessageBundle } from '../../core/src/index';
import type { L10nInitializationOptions } from '../../server/src/serverLocale';

/**
 * The extension speaks VS Code's display language. Modules that use the vscode API translate with
 * `vscode.l10n.t`; the pure modules (core, submit helpers tested outside VS Code) use core's `t`, which reads the
 * same bundle (l10n/bundle.l10n.<locale>.json, the `l10n` field of package.json) once it is configured here.
 */
export function useDisplayLanguage(): void {
  const locale = localeOf(vscode.env.language) ?? 'en';
  useLocale(locale, locale === 'en' ? undefined : bundle());
}

/** What the language server needs to speak the same language: it has no vscode API to ask. */
export function serverL10nOptions(): L10nInitializationOptions {
  const current = bundle();
  return current ? { locale: vscode.env.language, l10nBundle: current } : { locale: vscode.env.language };
}

function bundle(): MessageBundle | undefined {
  const contents = vscode.l10n.bundle as MessageBundle | undefined;
  return contents && Object.keys(contents).length > 0 ? contents : undefined;
}
