import zhCnSchemaTexts from '../../../schemas/highlight-task.schema.zh-cn.json';
import { REQUEST_SCHEMA } from './schema';

/**
 * The human texts of the request schema in another language. The schema file stays English (other tools read it:
 * `yamlValidation` hands it to the Red Hat YAML extension); the translations live beside it, keyed by the JSON
 * pointer of the text they replace: `/properties/Type/description`, `/properties/Type/enumDescriptions/0`,
 * `/definitions/…/x-suggestions/2/description`.
 */
export interface SchemaTextTable {
  readonly texts: Readonly<Record<string, string>>;
}

/** The keywords whose strings are read by people: descriptions, value meanings and pattern explanations. */
export const TRANSLATED_KEYWORDS = ['description', 'enumDescriptions', 'x-suggestions', 'x-patternMessage'] as const;

/** The JSON pointers of every human text in a schema, with the text: what a translation table must cover. */
export function schemaTexts(schema: unknown): Map<string, string> {
  const texts = new Map<string, string>();
  const walk = (node: unknown, pointer: string): void => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, `${pointer}/${i}`));
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      const at = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if ((key === 'description' || key === 'x-patternMessage') && typeof value === 'string') texts.set(at, value);
      else if (key === 'enumDescriptions' && Array.isArray(value)) value.forEach((text, i) => texts.set(`${at}/${i}`, String(text)));
      else if (key === 'x-suggestions' && Array.isArray(value)) {
        value.forEach((suggestion: { description?: unknown }, i) => {
          if (typeof suggestion.description === 'string') texts.set(`${at}/${i}/description`, suggestion.description);
        });
      } else walk(value, at);
    }
  };
  walk(schema, '');
  return texts;
}

const TABLES: Readonly<Record<string, SchemaTextTable | undefined>> = { 'zh-cn': zhCnSchemaTexts };
let english: Map<string, string> | undefined;

/**
 * Puts the texts of a language into the request schema in place, so that hover, completion and messages (which
 * all read the schema) speak it. English restores the originals.
 */
export function localizeSchemaTexts(locale: string): void {
  const table = TABLES[locale];
  // The schema holds its English texts until a translation is put in: nothing to restore, and walking it cost
  // a few milliseconds of every server's start.
  if (!table && english === undefined) return;
  english ??= schemaTexts(REQUEST_SCHEMA);
  for (const [pointer, text] of english) setAt(REQUEST_SCHEMA, pointer, table?.texts[pointer] ?? text);
}

function setAt(root: unknown, pointer: string, text: string): void {
  const segments = pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node = root as Record<string, unknown> | unknown[];
  for (const segment of segments.slice(0, -1)) node = (node as Record<string, unknown>)[segment] as Record<string, unknown>;
  (node as Record<string, unknown>)[segments[segments.length - 1]!] = text;
}
