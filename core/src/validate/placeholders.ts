import { t } from '../shared/l10n';
import type { JsonPath } from '../parse/document';
import { apiRule, type ApiRule } from './rules';
import type { DiagnosticCode } from '../shared/codes';
import { quote, truncate } from '../shared/words';

/**
 * Values the snippets write for the user to replace. A job still holding one would be sent to a bucket that
 * is not the user's, so it is an error (Submit refuses errors). test/unit/core/schema/snippets.test.ts checks that every
 * default a snippet writes is either caught here or is a real value, so a new snippet cannot add an uncaught one.
 */
export interface Placeholder {
  /** What the snippets write; a value containing it (at any place in the text) is still the placeholder. */
  readonly text: string;
  /** What the user should write instead. */
  readonly replaceWith: () => string;
}

export const PLACEHOLDERS: readonly Placeholder[] = [{ text: 'oss://your-bucket/', replaceWith: () => t('the OSS URI of your own bucket and object') }];

export const PLACEHOLDER_CODE = 'placeholder-value' satisfies DiagnosticCode;

/** Message texts of this feature, kept together for translation. */
export const PLACEHOLDER_MESSAGES = {
  stillPlaceholder: (value: string, replaceWith: string): string =>
    t("{0} is still the snippet's placeholder: replace it with {1}.", quote(truncate(value, 80)), replaceWith),
};

/** The placeholder a value still holds, if any. */
export function placeholderIn(value: string): Placeholder | undefined {
  for (const placeholder of PLACEHOLDERS) if (value.includes(placeholder.text)) return placeholder;
  return undefined;
}

/**
 * Every string of the request that still holds a placeholder, with its path. A job has tens of strings, a
 * generated one tens of thousands: the path is copied only for a hit, so a miss costs one `includes`.
 */
function forEachPlaceholder(value: unknown, path: (string | number)[], visit: (text: string, placeholder: Placeholder, path: JsonPath) => void): void {
  if (typeof value === 'string') {
    const placeholder = placeholderIn(value);
    if (placeholder) visit(value, placeholder, [...path]);
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      forEachPlaceholder(value[i], path, visit);
      path.pop();
    }
  } else if (typeof value === 'object' && value !== null) {
    for (const key in value) {
      path.push(key);
      forEachPlaceholder((value as Record<string, unknown>)[key], path, visit);
      path.pop();
    }
  }
}

export const PLACEHOLDER_RULE: ApiRule = apiRule({
  code: PLACEHOLDER_CODE,
  source: 'The snippets write example values (oss://your-bucket/…) that name no real resource of the user.',
  check(request, report) {
    forEachPlaceholder(request, [], (text, placeholder, path) => {
      report({ path, at: 'value', message: PLACEHOLDER_MESSAGES.stillPlaceholder(text, placeholder.replaceWith()) });
    });
  },
});
