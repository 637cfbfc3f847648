import { documentedNamesMarkdown, documentedNamesOf } from '../validate/documentedNames';
import { t } from '../shared/l10n';
import { resolveSchema, type SchemaNode } from '../schema/schema';

/**
 * Markdown about a field, written from the schema alone: shared by hover and completion so both say the
 * same thing. Everything here is computed once per schema node and cached.
 */

/** `string`, `integer`, `object`, `list of objects`, `list of integers`, … */
export function typeName(schema: SchemaNode): string {
  if (schema.type === 'array') {
    const items = schema.items ? resolveSchema(schema.items) : undefined;
    const itemType = items?.type;
    if (!itemType) return t('list');
    return t('list of {0}', pluralTypeWord(itemType));
  }
  if (schema.type) return typeWord(schema.type);
  if (schema.enum) return typeof schema.enum[0] === 'number' ? typeWord('number') : typeWord('string');
  return t('value');
}

/** A JSON Schema type as the documentation names it. */
function typeWord(type: NonNullable<SchemaNode['type']>): string {
  switch (type) {
    case 'object':
      return t('object');
    case 'array':
      return t('list');
    case 'string':
      return t('string');
    case 'number':
      return t('number');
    case 'integer':
      return t('integer');
    case 'boolean':
      return t('boolean');
  }
}

function pluralTypeWord(type: NonNullable<SchemaNode['type']>): string {
  switch (type) {
    case 'object':
      return t('objects');
    case 'array':
      return t('lists');
    case 'string':
      return t('strings');
    case 'number':
      return t('numbers');
    case 'integer':
      return t('integers');
    case 'boolean':
      return t('booleans');
  }
}

/** An enum description without the value it repeats: "Scene: scene and frame recognition." → "scene and frame recognition." */
export function meaningOf(schema: SchemaNode, index: number): string | undefined {
  const description = schema.enumDescriptions?.[index];
  if (description === undefined) return undefined;
  const value = String(schema.enum?.[index]);
  const prefix = `${value}: `;
  const defaultPrefix = `${value} (default): `;
  if (description.startsWith(defaultPrefix)) return description.slice(defaultPrefix.length);
  if (description.startsWith(prefix)) return description.slice(prefix.length);
  return description;
}

function code(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const fence = text.includes('`') ? '``' : '`';
  return `${fence}${text}${fence}`;
}

/** Ranges and limits in words: `0 ≤ value ≤ 10`, `at most 10 items`, `1–100 characters`. */
export function limitsOf(schema: SchemaNode): string[] {
  const limits: string[] = [];
  const low = schema.exclusiveMinimum !== undefined ? `${schema.exclusiveMinimum} <` : schema.minimum !== undefined ? `${schema.minimum} ≤` : '';
  const high = schema.exclusiveMaximum !== undefined ? `< ${schema.exclusiveMaximum}` : schema.maximum !== undefined ? `≤ ${schema.maximum}` : '';
  if (low || high) limits.push(`${low ? `${low} ` : ''}${t('value')}${high ? ` ${high}` : ''}`);
  if (schema.type === 'integer') limits.push(t('whole numbers only'));
  if (schema.minItems !== undefined && schema.maxItems !== undefined) limits.push(t('{0}–{1} items', schema.minItems, schema.maxItems));
  else if (schema.maxItems !== undefined) limits.push(schema.maxItems === 1 ? t('at most 1 item') : t('at most {0} items', schema.maxItems));
  else if (schema.minItems !== undefined) limits.push(schema.minItems === 1 ? t('at least 1 item') : t('at least {0} items', schema.minItems));
  if (schema.maxLength !== undefined) limits.push(t('at most {0} characters', schema.maxLength));
  else if (schema.minLength !== undefined && schema.minLength > 0) limits.push(t('not empty'));
  if (schema['x-patternMessage']) limits.push(t('must be {0}', schema['x-patternMessage']));
  return limits;
}

export interface FieldFacts {
  /** Heading, e.g. `Sources[0].URI`; omitted in completion documentation, where the label says it. */
  readonly title?: string;
  readonly required: boolean;
  /** The value written in the file, for hover: listed first among the valid values and marked. */
  readonly current?: unknown;
  readonly hasCurrent?: boolean;
}

/** The full description of a field as markdown. */
export function fieldMarkdown(schema: SchemaNode, facts: FieldFacts): string {
  const parts: string[] = [];
  const kind = facts.required ? t('{0}, required', typeName(schema)) : t('{0}, optional', typeName(schema));
  parts.push(facts.title ? `**${facts.title}** — ${kind}` : `*${kind}*`);
  const description = descriptionBesideValues(schema);
  if (description) parts.push(description);
  const values = valuesMarkdown(schema, facts);
  if (values) parts.push(values);
  const properties = propertiesMarkdown(schema);
  if (properties) parts.push(properties);
  const facts2 = defaultAndLimits(schema);
  // Suggested values already show what to write; an example beside them (`character`) only confuses.
  if (!schema.enum && !schema['x-suggestions'] && schema.examples?.length && schema.type !== 'object') facts2.push(t('Example: {0}', code(schema.examples[0])));
  if (facts2.length) parts.push(facts2.join('  \n'));
  return parts.join('\n\n');
}

/** A field's description where its valid values are listed too: its own "Valid values: …" sentence would say it twice. */
function descriptionBesideValues(schema: SchemaNode): string | undefined {
  if (!schema.enum) return schema.description;
  return (
    schema.description
      ?.replace(/\s*Valid values: [^.]*\.(?=\s|$)/, '')
      .replace(/取值：[^。]*。/, '')
      .trim() || undefined
  );
}

function defaultAndLimits(schema: SchemaNode): string[] {
  const facts: string[] = [];
  if (schema.default !== undefined) facts.push(t('Default: {0}', code(schema.default)));
  const limits = limitsOf(schema);
  if (limits.length) facts.push(t('Limits: {0}', limits.join(t('; '))));
  return facts;
}

/**
 * The documentation of an enum value's completion item. Its detail, beside the label, already says what the
 * value means; this says the rest: the type, what the field is for, its default and limits.
 */
export function enumValueDocumentation(schema: SchemaNode): string {
  const parts = [`*${typeName(schema)}*`];
  const description = descriptionBesideValues(schema);
  if (description) parts.push(description);
  const facts = defaultAndLimits(schema);
  if (facts.length) parts.push(facts.join('  \n'));
  return parts.join('\n\n');
}

function valuesMarkdown(schema: SchemaNode, facts: FieldFacts): string | undefined {
  const documented = documentedNamesOf(schema);
  if (documented) return documentedNamesMarkdown(documented, facts.current, facts.hasCurrent);
  const entries: { value: unknown; meaning: string | undefined }[] = [];
  let heading: string;
  if (schema.enum) {
    heading = t('Valid values:');
    schema.enum.forEach((value, i) => entries.push({ value, meaning: meaningOf(schema, i) }));
  } else if (schema.type === 'boolean') {
    heading = t('Valid values:');
    entries.push({ value: true, meaning: undefined }, { value: false, meaning: undefined });
  } else if (schema['x-suggestions']) {
    heading = t('Suggested values (other text is accepted):');
    for (const suggestion of schema['x-suggestions']) {
      const meaning = suggestion.description.startsWith(`${suggestion.value}: `)
        ? suggestion.description.slice(suggestion.value.length + 2)
        : suggestion.description;
      entries.push({ value: suggestion.value, meaning });
    }
  } else {
    return undefined;
  }
  const line = (entry: { value: unknown; meaning: string | undefined }, mark: string): string => {
    const isDefault = schema.default !== undefined && entry.value === schema.default ? t(' (default)') : '';
    return `- ${mark ? `**${code(entry.value)}** ${mark}` : code(entry.value)}${isDefault}${entry.meaning ? ` — ${entry.meaning}` : ''}`;
  };
  const lines: string[] = [];
  if (facts.hasCurrent) {
    const currentIndex = entries.findIndex((entry) => entry.value === facts.current);
    if (currentIndex !== -1) {
      lines.push(line(entries[currentIndex]!, t('← current')));
      entries.splice(currentIndex, 1);
    } else if (facts.current !== null && facts.current !== undefined && typeof facts.current !== 'object' && schema.enum) {
      lines.push(`- **${code(facts.current)}** ${t('← current: not a valid value')}`);
    }
  }
  for (const entry of entries) lines.push(line(entry, ''));
  return `${heading}\n${lines.join('\n')}`;
}

function propertiesMarkdown(schema: SchemaNode): string | undefined {
  const object = schema.type === 'array' && schema.items ? resolveSchema(schema.items) : schema;
  const properties = object.properties ? Object.keys(object.properties) : [];
  if (properties.length === 0) return undefined;
  const required = new Set(object.required ?? []);
  const names = properties.map((name) => (required.has(name) ? t('{0} (required)', `\`${name}\``) : `\`${name}\``));
  return schema.type === 'array' ? t('Each item has: {0}', names.join(', ')) : t('Fields: {0}', names.join(', '));
}

const completionDocs = new WeakMap<SchemaNode, { required?: string; optional?: string }>();

/** The documentation of a key completion, cached per schema node. */
export function keyDocumentation(schema: SchemaNode, required: boolean): string {
  let entry = completionDocs.get(schema);
  if (!entry) {
    entry = {};
    completionDocs.set(schema, entry);
  }
  const slot = required ? 'required' : 'optional';
  return (entry[slot] ??= fieldMarkdown(schema, { required }));
}

/**
 * A value as YAML text: plain when YAML reads it back as the same string, quoted otherwise
 * (`'123'`, `'true'`, JSON text).
 */
export function yamlScalar(value: unknown): string {
  if (typeof value !== 'string') return JSON.stringify(value);
  const plainIsString =
    value !== '' &&
    !/^[\s\-?:,[\]{}#&*!|>'"%@`]/.test(value) &&
    !/[\s]$/.test(value) &&
    !/:(\s|$)|\s#/.test(value) &&
    !/^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?(?:\.inf|\.Inf|\.INF)|\.nan|\.NaN|\.NAN)$/.test(value) &&
    !/^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/.test(value) &&
    !/^0x[0-9a-fA-F]+$|^0o[0-7]+$/.test(value);
  if (plainIsString) return value;
  if (!value.includes("'") && !/[\n\\]/.test(value)) return `'${value}'`;
  return JSON.stringify(value);
}
