import { isScalar, type Node } from 'yaml';
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import { offsetOf, pathAtOffset, rangeOf, type JobDocument, type JsonPath } from './document';
import { fieldMarkdown } from './fieldDocs';
import { displayPath, resolveSchema, schemaAtPath, type SchemaNode } from './schema';

/**
 * Hover on a key or a scalar value of a known field: its path, description, type, valid values (the
 * current one first and marked), default and limits. Nothing on comments, unknown keys or empty space.
 */
export function hover(doc: JobDocument, position: Position): Hover | null {
  const offset = offsetOf(doc, position);
  const at = pathAtOffset(doc, offset);
  if (!at || at.path.length === 0) return null;
  const range = hoveredRange(at.onKey, at.node, at.path, doc, offset);
  if (!range) return null;
  const schema = schemaAtPath(at.path);
  if (!schema) return null;
  const { current, hasCurrent } = currentValue(at.node);
  const markdown = fieldMarkdown(described(at.path, schema), {
    title: displayPath(at.path),
    required: isRequired(at.path),
    current,
    hasCurrent,
  });
  return { contents: { kind: MarkupKind.Markdown, value: markdown }, range };
}

function hoveredRange(onKey: boolean, node: Node | null, path: JsonPath, doc: JobDocument, offset: number) {
  if (onKey) {
    // pathAtOffset gives the value node for a key; the key's own range is found from the parent pair.
    const keyNode = keyNodeAt(doc, path, offset);
    return keyNode?.range ? rangeOf(doc, keyNode.range[0], keyNode.range[1]) : undefined;
  }
  if (isScalar(node) && node.range && node.range[0] <= offset && offset <= node.range[1] && node.range[1] > node.range[0]) {
    return rangeOf(doc, node.range[0], node.range[1]);
  }
  return undefined;
}

/** The scalar key of the pair at `path` whose range holds the offset. */
function keyNodeAt(doc: JobDocument, path: JsonPath, offset: number): Node | undefined {
  let node = doc.yaml?.contents as unknown;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    const collection = node as { items?: unknown[] } | null;
    if (!collection?.items) return undefined;
    if (typeof segment === 'number') {
      node = collection.items[segment];
      continue;
    }
    const pair = collection.items.find(
      (item) => isScalar((item as { key?: unknown }).key) && String(((item as { key: { value: unknown } }).key).value) === segment,
    ) as { key: Node; value: unknown } | undefined;
    if (!pair) return undefined;
    if (i === path.length - 1) {
      const range = pair.key.range;
      return range && range[0] <= offset && offset <= range[1] ? pair.key : undefined;
    }
    node = pair.value;
  }
  return undefined;
}

function currentValue(node: Node | null): { current: unknown; hasCurrent: boolean } {
  if (isScalar(node)) return { current: node.value, hasCurrent: true };
  return { current: undefined, hasCurrent: false };
}

/** Whether the last key of a path is required by the object that holds it. */
function isRequired(path: JsonPath): boolean {
  const key = path[path.length - 1];
  if (typeof key !== 'string') return false;
  const parent = schemaAtPath(path.slice(0, -1));
  return parent ? (resolveSchema(parent).required ?? []).includes(key) : false;
}

/** A property that is a `$ref` with a description beside it reads its description from the use, not the definition. */
function described(path: JsonPath, schema: SchemaNode): SchemaNode {
  const key = path[path.length - 1];
  if (typeof key !== 'string') return schema;
  const parent = schemaAtPath(path.slice(0, -1));
  const use = parent ? resolveSchema(parent).properties?.[key] : undefined;
  if (use?.$ref && use.description && use.description !== schema.description) return { ...schema, description: use.description };
  return schema;
}
