import requestSchema from '../../../schemas/highlight-task.schema.json';
import type { JsonPath } from '../parse/document';
import { t } from '../shared/l10n';

/** A suggested value for a free string: offered by completion, never enforced. */
export interface Suggestion {
  readonly value: string;
  readonly description: string;
}

/** The parts of JSON Schema (draft-07) and our own annotations that the request schema uses. */
export interface SchemaNode {
  readonly $ref?: string;
  readonly type?: 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean';
  readonly description?: string;
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean | SchemaNode;
  readonly items?: SchemaNode;
  readonly enum?: readonly (string | number)[];
  readonly enumDescriptions?: readonly string[];
  readonly default?: unknown;
  readonly examples?: readonly unknown[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly pattern?: string;
  readonly definitions?: Readonly<Record<string, SchemaNode>>;
  readonly 'x-suggestions'?: readonly Suggestion[];
  readonly 'x-format'?: 'oss-uri' | 'imm-project-name';
  readonly 'x-patternMessage'?: string;
  readonly 'x-documentedNames'?: DocumentedNames;
  /** The value that leaves things as they are (Volume 1: the original volume), offered first when a value is out of range. */
  readonly 'x-neutral'?: { readonly value: number; readonly description: string };
}

/**
 * The names a page of the IMM developer reference lists for a free string (Transition, VfxEffect). Other names
 * are accepted (the lists grow) but warned about; `shortNames` maps names users write from elsewhere (ffmpeg's
 * xfade) to the spelling the page uses.
 */
export interface DocumentedNames {
  readonly title: string;
  readonly page: string;
  readonly names: readonly string[];
  readonly shortNames?: Readonly<Record<string, string>>;
}

/** The annotation keywords we add to JSON Schema; ajv is told about exactly these. */
export const SCHEMA_ANNOTATIONS = ['enumDescriptions', 'x-suggestions', 'x-format', 'x-patternMessage', 'x-documentedNames', 'x-neutral'] as const;

export const REQUEST_SCHEMA = requestSchema as SchemaNode;

/** Follows `$ref`s (only local `#/definitions/…` ones exist in our schema). */
export function resolveSchema(node: SchemaNode): SchemaNode {
  let current = node;
  for (let hops = 0; current.$ref && hops < 16; hops++) {
    const name = current.$ref.replace(/^#\/definitions\//, '');
    const target = REQUEST_SCHEMA.definitions?.[name];
    if (!target) break;
    current = target;
  }
  return current;
}

/** The schema of a property of an object schema, if the object allows it. */
export function propertySchema(objectSchema: SchemaNode, key: string): SchemaNode | undefined {
  const resolved = resolveSchema(objectSchema);
  const property = resolved.properties?.[key];
  if (property) return resolveSchema(property);
  return typeof resolved.additionalProperties === 'object' ? resolveSchema(resolved.additionalProperties) : undefined;
}

const schemaAtPathCache = new Map<string, SchemaNode | undefined>();

/** The schema that describes the value at a path of the request (array indexes are ignored). */
export function schemaAtPath(path: JsonPath): SchemaNode | undefined {
  const cacheKey = path.map((segment) => (typeof segment === 'number' ? '[]' : segment)).join('\u0000');
  if (schemaAtPathCache.has(cacheKey)) return schemaAtPathCache.get(cacheKey);
  let current: SchemaNode | undefined = resolveSchema(REQUEST_SCHEMA);
  for (const segment of path) {
    if (!current) break;
    current = typeof segment === 'number' ? (current.items ? resolveSchema(current.items) : undefined) : propertySchema(current, segment);
  }
  schemaAtPathCache.set(cacheKey, current);
  return current;
}

/** A path as users read it in messages: `Sources[0].URI`; the root is "the request". */
export function displayPath(path: JsonPath): string {
  if (path.length === 0) return t('the request');
  let text = '';
  for (const segment of path) text += typeof segment === 'number' ? `[${segment}]` : text ? `.${segment}` : segment;
  return text;
}

/** The last property name on a path, for short messages ("Type", "URI"). */
export function fieldName(path: JsonPath): string {
  for (let i = path.length - 1; i >= 0; i--) {
    const segment = path[i];
    if (typeof segment === 'string') return segment;
  }
  return t('the request');
}
