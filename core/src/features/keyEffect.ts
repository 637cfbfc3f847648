import { t } from '../shared/l10n';
import type { JsonPath } from '../parse/document';
import { API_RULES } from '../validate/rules';
import type { SchemaNode } from '../schema/schema';

/** Message texts of this feature, kept together for translation. */
export const KEY_EFFECT_MESSAGES = {
  noEffect: (reason: string): string => t('no effect here: {0}', reason),
};

/** Past this size the rules are not run per key: completion must stay instant on generated jobs. */
const MAX_TEXT_LENGTH = 50_000;

/**
 * Why a key would have no effect if added to the mapping at `path`, read off the rules table: the key is added
 * to a copy of the request (of the objects along `path`) with a sample value, and a rule that calls it ineffective (a warning at the key
 * whose fix removes it, such as StartTime outside Concat) gives the reason. Undefined when it would take effect.
 */
export function noEffectReason(request: unknown, textLength: number, path: JsonPath, key: string, schema: SchemaNode): string | undefined {
  if (textLength > MAX_TEXT_LENGTH || typeof request !== 'object' || request === null || Array.isArray(request)) return undefined;
  // The rules only read the request: only the objects along `path` are copied, the rest is shared.
  const copy: Record<string, unknown> = { ...request };
  let target: Record<string | number, unknown> = copy;
  for (const segment of path) {
    const child = target[segment];
    if (typeof child !== 'object' || child === null) return undefined;
    const copied = (Array.isArray(child) ? [...(child as unknown[])] : { ...(child as Record<string, unknown>) }) as Record<string | number, unknown>;
    target[segment] = copied;
    target = copied;
  }
  if (Array.isArray(target)) return undefined;
  target[key] = sampleOf(schema);
  const keyPath = JSON.stringify([...path, key]);
  let reason: string | undefined;
  for (const rule of API_RULES) {
    if (rule.severity !== 'warning') continue;
    rule.check(copy, (finding) => {
      if (
        reason === undefined &&
        finding.at === 'key' &&
        JSON.stringify(finding.path) === keyPath &&
        finding.fixes?.some((fix) => fix.kind === 'remove-property')
      ) {
        reason = finding.message;
      }
    });
    if (reason !== undefined) return KEY_EFFECT_MESSAGES.noEffect(reason);
  }
  return undefined;
}

function sampleOf(schema: SchemaNode): unknown {
  if (schema.default !== undefined) return schema.default;
  if (schema.enum?.length) return schema.enum[0];
  switch (schema.type) {
    case 'number':
    case 'integer':
      return 1;
    case 'boolean':
      return true;
    case 'array':
      return [{}];
    case 'object':
      return {};
    default:
      return 'x';
  }
}
