import { localeFromEnvironment, localeOf, type Locale } from '../../core/src/index';

/** The languages `--lang` accepts. */
export const LANGUAGES = ['en', 'zh-cn'] as const;

export interface LanguageChoice {
  readonly locale: Locale;
  /** The arguments without `--lang`, which is a global option and may stand anywhere. */
  readonly args: readonly string[];
  /** Why `--lang` could not be read; the command then fails with a usage error, in `locale`. */
  readonly problem?: { readonly value: string | undefined };
}

/**
 * The language of messages: `--lang en|zh-cn`, else the environment as gettext reads it (LC_ALL, LC_MESSAGES,
 * LANG: zh_CN.UTF-8 → Chinese), else English. Codes, JSON and SARIF field names never change with it.
 */
export function chooseLanguage(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): LanguageChoice {
  const args: string[] = [];
  let flag: string | undefined;
  let given = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      args.push(...argv.slice(i));
      break;
    }
    if (arg === '--lang') {
      given = true;
      flag = argv[++i];
    } else if (arg.startsWith('--lang=')) {
      given = true;
      flag = arg.slice('--lang='.length);
    } else args.push(arg);
  }
  const fallback = localeFromEnvironment(env) ?? 'en';
  if (!given) return { locale: fallback, args };
  const normal = flag?.toLowerCase().replace(/_/g, '-');
  if (normal === undefined || !(LANGUAGES as readonly string[]).includes(normal)) return { locale: fallback, args, problem: { value: flag } };
  return { locale: localeOf(normal) ?? fallback, args };
}
