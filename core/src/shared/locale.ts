import * as l10n from '@vscode/l10n';
import zhCnBundle from '../../../l10n/bundle.l10n.zh-cn.json';
import { localizeSnippetTexts } from '../schema/snippets';
import { localizeSchemaTexts } from '../schema/texts';

/** The languages we ship: English (the keys themselves) and Simplified Chinese. */
export type Locale = 'en' | 'zh-cn';

export type MessageBundle = Readonly<Record<string, string | { message: string; comment: string[] }>>;

/**
 * The language a locale tag asks for: `zh-cn`, `zh-CN`, `zh_CN.UTF-8`, `zh-Hans` → zh-cn; any other language,
 * `C` and `POSIX` → en (we have no bundle for it); empty → undefined, so the caller looks further.
 */
export function localeOf(tag: string | undefined): Locale | undefined {
  const normal = tag
    ?.trim()
    .toLowerCase()
    .replace(/_/g, '-')
    .replace(/[.@].*$/, '');
  if (!normal) return undefined;
  if (/^zh(?:-hans)?(?:-(?:cn|sg|my))?$/.test(normal) || normal.startsWith('zh-hans-')) return 'zh-cn';
  return 'en';
}

/** The language of a POSIX environment: LC_ALL, then LC_MESSAGES, then LANG, as gettext reads them. */
export function localeFromEnvironment(env: Readonly<Record<string, string | undefined>>): Locale | undefined {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const) {
    const locale = localeOf(env[name]);
    if (locale) return locale;
  }
  return undefined;
}

const BUNDLES: Readonly<Record<Locale, MessageBundle>> = { en: {}, 'zh-cn': zhCnBundle };

/**
 * Switches messages, schema descriptions and snippet texts to a language, once at start-up before any message is made (results
 * such as completion documents are cached). `bundle` is one handed over by the editor; without it the bundle
 * shipped with the core is used.
 */
export function useLocale(locale: Locale, bundle?: MessageBundle): void {
  l10n.config({ contents: { ...(bundle ?? BUNDLES[locale]) } });
  localizeSchemaTexts(locale);
  localizeSnippetTexts(locale);
}
