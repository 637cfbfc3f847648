import {
  CompletionItemKind,
  InsertTextFormat,
  InsertTextMode,
  MarkupKind,
  type CompletionItem,
  type MarkupContent,
  type Position,
  type Range,
} from 'vscode-languageserver-types';
import { YamlCode } from '../shared/codes';
import { cursorContext, indentUnit, type KeyContext, type ValueContext } from '../parse/cursor';
import type { JobDocument } from '../parse/document';
import { offsetOf, rangeOf } from '../parse/positions';
import { DOCUMENTED_NAME_TEXT, documentedNamesOf } from '../validate/documentedNames';
import { enumValueDocumentation, keyDocumentation, meaningOf, typeName, yamlScalar } from './fieldDocs';
import { t } from '../shared/l10n';
import { resolveSchema, schemaAtPath, type SchemaNode } from '../schema/schema';
import { noEffectReason } from './keyEffect';
import { documentationFor } from './plainText';
import { snippetItems } from './snippetCompletion';

/**
 * Completion at a position: the keys that the mapping under the cursor still lacks (required first), or the
 * values of the field whose value is being typed. Everything comes from the schema; the items for a schema
 * node are built once and only their ranges change per call.
 */
/**
 * What the editor can take. Absent fields mean what VS Code takes; the language server sets them from each
 * client's capabilities (server/src/clientAbilities.ts).
 */
export interface CompletionOptions {
  /**
   * The editor completes some values live (VS Code: ProjectName from ListProjects): a key completion for such a
   * field then opens the value's suggestions at once (VS Code's `editor.action.triggerSuggest`), as Type's choices do.
   */
  readonly liveValues?: boolean;
  /**
   * The editor expands snippets (default true). Without, every item inserts plain text on one line: the key and its
   * colon, or the value. No tab stops, and no line break (Neovim 0.7 inserts a line break of a completion as a NUL).
   */
  readonly snippets?: boolean;
  /** The editor renders markdown in completion documentation (default true); without, the documentation is plain text. */
  readonly markdown?: boolean;
}

const TRIGGER_SUGGEST = { title: 'Suggest', command: 'editor.action.triggerSuggest' } as const;

export function complete(doc: JobDocument, position: Position, options: CompletionOptions = {}): CompletionItem[] {
  // A file too large (or nested too deep) to parse gets no completion: reading its 10 MB lines took up to a second.
  if (doc.yamlDiagnostics.some((d) => d.code === YamlCode.TooLarge || d.code === YamlCode.TooDeep)) return [];
  const offset = offsetOf(doc, position);
  const context = cursorContext(doc, offset);
  if (!context) return [];
  const range = rangeOf(doc, context.replaceStart, context.replaceEnd);
  if (context.kind === 'value')
    return valueItems(context.path.length ? schemaAtPath(context.path) : undefined, context, range, options, doc.text.slice(context.replaceStart, offset));
  // A snippet item writes several lines: an editor without snippets gets the keys alone.
  const snippets = options.snippets === false ? [] : snippetItems(doc, context, range, options.markdown !== false);
  return [...keyCompletions(doc, context, range, options), ...snippets];
}

function keyCompletions(doc: JobDocument, context: KeyContext, range: Range, options: CompletionOptions): CompletionItem[] {
  const container = schemaAtPath(context.path);
  if (!container) return [];
  if (context.itemStart && !isObject(container)) {
    // `- |` in a list of scalars: the item is a value.
    return valueItems(container, { ...context, kind: 'value', quote: undefined }, range, options);
  }
  if (container.type === 'array' && !context.itemStart && !context.hasColon) {
    // At the column of a list's dashes: each key starts a new item.
    const items = container.items ? resolveSchema(container.items) : undefined;
    return items && isObject(items) ? keyItems(doc, items, { ...context, presentKeys: new Set() }, range, options, '- ') : [];
  }
  return keyItems(doc, container, context, range, options);
}

function isObject(schema: SchemaNode): boolean {
  return schema.type === 'object' || schema.properties !== undefined;
}

// ---------------------------------------------------------------------------------------------- keys

interface KeyTemplate {
  readonly key: string;
  readonly schema: SchemaNode;
  readonly required: boolean;
  readonly sortText: string;
  readonly detail: string;
  readonly documentation: MarkupContent;
}

const keyTemplates = new WeakMap<SchemaNode, readonly KeyTemplate[]>();

/** The keys an object schema allows, required ones first, each in schema order. */
function templatesOf(objectSchema: SchemaNode): readonly KeyTemplate[] {
  let templates = keyTemplates.get(objectSchema);
  if (templates) return templates;
  const properties = objectSchema.properties ?? {};
  const required = new Set(objectSchema.required ?? []);
  const list: KeyTemplate[] = [];
  Object.keys(properties).forEach((key, index) => {
    const schema = resolveSchema(properties[key]!);
    // A `$ref` with a description beside it: the description of the use wins over the definition's.
    const described: SchemaNode = properties[key]!.description ? { ...schema, description: properties[key]!.description } : schema;
    const isRequired = required.has(key);
    list.push({
      key,
      schema: described,
      required: isRequired,
      sortText: `${isRequired ? 0 : 1}${String(index).padStart(3, '0')}`,
      detail: isRequired ? t('{0} (required)', typeName(described)) : typeName(described),
      documentation: { kind: MarkupKind.Markdown, value: keyDocumentation(described, isRequired) },
    });
  });
  templates = list;
  keyTemplates.set(objectSchema, templates);
  return templates;
}

function keyItems(doc: JobDocument, container: SchemaNode, context: KeyContext, range: Range, options: CompletionOptions, dash = ''): CompletionItem[] {
  const items: CompletionItem[] = [];
  const unit = context.hasColon ? 2 : indentUnit(doc);
  const lead = (context.needsSpace ? ' ' : '') + dash;
  const column = context.column + lead.length;
  for (const template of templatesOf(container)) {
    if (context.presentKeys.has(template.key)) continue;
    // A key that would have no effect in this job goes last, saying why.
    const noEffect = dash ? undefined : noEffectReason(doc.value, doc.text.length, context.path, template.key, template.schema);
    const item: CompletionItem = {
      label: template.key,
      kind: CompletionItemKind.Property,
      detail: noEffect ?? template.detail,
      documentation: documentationFor(template.documentation, options.markdown !== false),
      sortText: noEffect ? `9${template.sortText}` : template.sortText,
      filterText: template.key,
    };
    if (context.hasColon) {
      item.textEdit = { range, newText: lead + template.key };
    } else {
      if (options.snippets === false) {
        item.textEdit = { range, newText: lead + plainKey(template.key, template.schema) };
      } else {
        item.textEdit = { range, newText: lead + keySnippet(template.key, template.schema, column, unit) };
        item.insertTextFormat = InsertTextFormat.Snippet;
        // The snippet carries absolute indentation: `- Key` puts the key right of the line's own indentation.
        item.insertTextMode = InsertTextMode.asIs;
      }
      if (options.liveValues && template.schema['x-format'] === 'imm-project-name') item.command = TRIGGER_SUGGEST;
    }
    items.push(item);
  }
  return items;
}

function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}

function escapeChoice(text: string): string {
  return text.replace(/[$}\\,|]/g, '\\$&');
}

/** `${1|A,B|}` for a field with a fixed set of values, `$1` otherwise. */
function valuePlaceholder(schema: SchemaNode, tabStop: number): string {
  const choices = schema.enum ?? (schema.type === 'boolean' ? [true, false] : undefined);
  if (!choices) return `$${tabStop}`;
  return `\${${tabStop}|${choices.map((choice) => escapeChoice(yamlScalar(choice))).join(',')}|}`;
}

/** What a key completion inserts for an editor without snippets: `Key: ` for a value, `Key:` before a nested block. */
function plainKey(key: string, schema: SchemaNode): string {
  const nested = schema.type === 'object' || schema.type === 'array' || schema.properties !== undefined;
  return `${yamlScalar(key)}:${nested ? '' : ' '}`;
}

/**
 * What a key completion inserts: `Key: $1`, `Key: ${1|A,B|}`, a nested mapping on the next line, or a list
 * whose first item already holds its first required key (`- URI: $1`).
 */
function keySnippet(key: string, schema: SchemaNode, column: number, unit: number): string {
  const name = escapeSnippet(yamlScalar(key));
  const child = ' '.repeat(column + unit);
  if (schema.type === 'object' || schema.properties) return `${name}:\n${child}$1`;
  if (schema.type === 'array') {
    const items = schema.items ? resolveSchema(schema.items) : undefined;
    const first = items?.required?.[0];
    const firstSchema = first !== undefined ? items?.properties?.[first] : undefined;
    if (first !== undefined && firstSchema) {
      return `${name}:\n${child}- ${escapeSnippet(yamlScalar(first))}: ${valuePlaceholder(resolveSchema(firstSchema), 1)}`;
    }
    return `${name}:\n${child}- $1`;
  }
  return `${name}: ${valuePlaceholder(schema, 1)}`;
}

// -------------------------------------------------------------------------------------------- values

interface ValueTemplate {
  readonly label: string;
  /** The value as YAML text, quoted when needed; `raw` is used inside quotes the user already typed. */
  readonly text: string;
  readonly raw: string;
  readonly kind: CompletionItemKind;
  readonly detail: string;
  readonly documentation?: MarkupContent;
  readonly sortText: string;
  /** An example of the API reference: it shows the format, and names no real resource. */
  readonly example?: boolean;
}

const valueTemplates = new WeakMap<SchemaNode, readonly ValueTemplate[]>();

/** The values to offer for a field: its enum, true/false, its suggestions, then its default and examples. */
function valueTemplatesOf(schema: SchemaNode): readonly ValueTemplate[] {
  let templates = valueTemplates.get(schema);
  if (templates) return templates;
  const list: ValueTemplate[] = [];
  const seen = new Set<string>();
  const add = (value: unknown, kind: CompletionItemKind, detail: string, doc: string | undefined, example = false): void => {
    const raw = typeof value === 'string' ? value : JSON.stringify(value);
    if (seen.has(raw) || (typeof value === 'object' && value !== null)) return;
    seen.add(raw);
    const isDefault = schema.default !== undefined && value === schema.default;
    list.push({
      label: raw,
      text: yamlScalar(value),
      raw,
      kind,
      detail: isDefault ? detail + t(' (default)') : detail,
      documentation: doc ? { kind: MarkupKind.Markdown, value: doc } : undefined,
      // Examples last, after the editor's live projects, buckets and objects (sort texts `0-…` to `5-…`).
      sortText: (example ? '9' : '') + String(list.length).padStart(3, '0'),
      ...(example ? { example } : {}),
    });
  };
  const type = typeName(schema);
  if (schema.enum) {
    // The detail, shown beside the label, says what the value means; the documentation says the rest.
    const documentation = enumValueDocumentation(schema);
    schema.enum.forEach((value, i) => add(value, CompletionItemKind.EnumMember, meaningOf(schema, i) ?? type, documentation));
  } else if (schema.type === 'boolean') {
    add(true, CompletionItemKind.Value, type, undefined);
    add(false, CompletionItemKind.Value, type, undefined);
  } else {
    for (const suggestion of schema['x-suggestions'] ?? []) {
      const meaning = suggestion.description.startsWith(`${suggestion.value}: `)
        ? suggestion.description.slice(suggestion.value.length + 2)
        : suggestion.description;
      add(suggestion.value, CompletionItemKind.Value, meaning, t('A suggested {0} value; other text is accepted.', type));
    }
    const documented = documentedNamesOf(schema);
    for (const name of documented?.names ?? []) {
      add(name, CompletionItemKind.EnumMember, DOCUMENTED_NAME_TEXT.completionDetail(), DOCUMENTED_NAME_TEXT.completionDocumentation(documented!));
    }
    if (schema.default !== undefined) add(schema.default, CompletionItemKind.Value, type, t('The default value.'));
    // Examples show a format (an OSS URI, a resolution, a number); a sample project name would only mislead.
    const formatted = schema.type !== 'string' || (schema.pattern !== undefined && schema['x-format'] !== 'imm-project-name');
    if (formatted && !schema['x-suggestions']) {
      for (const example of schema.examples ?? [])
        add(example, CompletionItemKind.Value, t('example {0}', type), t('An example from the API reference.'), true);
    }
  }
  templates = list;
  valueTemplates.set(schema, templates);
  return templates;
}

/**
 * `typed`: the value's text before the cursor. Once it names a bucket (`oss://my-videos/`), the example URI of a
 * made-up bucket is no value anyone means: it is left out, so it cannot come first and be taken with Enter.
 */
function valueItems(schema: SchemaNode | undefined, context: ValueContext, range: Range, options: CompletionOptions, typed = ''): CompletionItem[] {
  if (!schema || schema.type === 'object' || schema.type === 'array' || schema.properties) return [];
  const space = context.needsSpace ? ' ' : '';
  const namesBucket = schema['x-format'] === 'oss-uri' && !'oss://'.startsWith(typed.trim().toLowerCase());
  const templates = valueTemplatesOf(schema);
  return (namesBucket ? templates.filter((template) => !template.example) : templates).map((template) => {
    const item: CompletionItem = {
      label: template.label,
      kind: template.kind,
      detail: template.detail,
      sortText: template.sortText,
      filterText: template.raw,
      textEdit: { range, newText: space + (context.quote ? template.raw : template.text) },
    };
    if (template.documentation) item.documentation = documentationFor(template.documentation, options.markdown !== false);
    return item;
  });
}
