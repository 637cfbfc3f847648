import type { InitializeParams } from 'vscode-languageserver';
import { localeFromEnvironment, localeOf, type Locale, type MessageBundle } from '../../core/src/index';

/** What our VS Code client hands over at initialization: the display language and its bundle (vscode.l10n.bundle). */
export interface L10nInitializationOptions {
  readonly locale?: string;
  readonly l10nBundle?: MessageBundle;
}

/**
 * The language the server speaks. Our client says it in initializationOptions (with the bundle VS Code loaded);
 * another editor says it in the LSP `locale` parameter; a server started by hand reads `--locale` and then the
 * environment (LC_ALL, LC_MESSAGES, LANG). English when nothing says otherwise.
 */
export function serverLocale(
  params: Pick<InitializeParams, 'locale' | 'initializationOptions'>,
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): { locale: Locale; bundle?: MessageBundle } {
  const options = (params.initializationOptions ?? {}) as L10nInitializationOptions;
  const fromClient = localeOf(options.locale);
  if (fromClient) {
    const bundle = options.l10nBundle && typeof options.l10nBundle === 'object' && fromClient !== 'en' ? options.l10nBundle : undefined;
    return bundle ? { locale: fromClient, bundle } : { locale: fromClient };
  }
  const locale = localeOf(params.locale) ?? localeOf(flagValue(argv, '--locale')) ?? localeFromEnvironment(env) ?? 'en';
  return { locale };
}

/** `--locale zh-cn` or `--locale=zh-cn`. */
function flagValue(argv: readonly string[], flag: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === flag) return argv[i + 1];
    if (arg.startsWith(`${flag}=`)) return arg.slice(flag.length + 1);
  }
  return undefined;
}
