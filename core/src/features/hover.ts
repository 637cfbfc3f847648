import { isMap, isPair, isScalar, isSeq, parse, type Node } from 'yaml';
import { MarkupKind, type Hover, type Position, type Range } from 'vscode-languageserver-types';
import { fieldAtCursor } from '../parse/cursor';
import type { JobDocument, JsonPath } from '../parse/document';
import { locate, pathAtOffset } from '../parse/locate';
import { offsetOf, rangeOf } from '../parse/positions';
import { fieldMarkdown } from './fieldDocs';
import { markdownAsPlainText } from './plainText';
import { displayPath, resolveSchema, schemaAtPath, type SchemaNode } from '../schema/schema';

/** What the editor can take; absent fields mean what VS Code takes. */
export interface HoverOptions {
  /** The editor renders markdown in a hover (default true); without, the hover is plain text. */
  readonly markdown?: boolean;
}

/**
 * Hover on a key or a scalar value of a known field: its path, description, type, valid values (the
 * current one first and marked), default and limits. Nothing on comments, unknown keys or empty space.
 */
export function hover(doc: JobDocument, position: Position, options: HoverOptions = {}): Hover | null {
  // A file too large to parse (a pasted log) gets no hover: re-parsing its lines took seconds per hover.
  if (doc.yaml === undefined) return null;
  const offset = offsetOf(doc, position);
  const target = fromLines(doc, offset) ?? fromTree(doc, offset);
  if (!target || target.path.length === 0) return null;
  const schema = schemaAtPath(target.path);
  if (!schema) return null;
  const markdown = fieldMarkdown(described(target.path, schema), {
    title: displayPath(target.path),
    required: isRequired(target.path),
    current: target.current,
    hasCurrent: target.hasCurrent,
  });
  const contents =
    options.markdown === false ? { kind: MarkupKind.PlainText, value: markdownAsPlainText(markdown) } : { kind: MarkupKind.Markdown, value: markdown };
  return { contents, range: target.range };
}

interface Target {
  readonly path: JsonPath;
  readonly range: Range;
  readonly current: unknown;
  readonly hasCurrent: boolean;
}

/**
 * The key or one-line value under the cursor, by indentation: what the line means does not depend on a
 * broken line elsewhere (`  Tr` above `  Container: mp4` makes the parser read a key "Tr Container").
 */
function fromLines(doc: JobDocument, offset: number): Target | undefined {
  const field = fieldAtCursor(doc, offset);
  if (!field) return undefined;
  let current: unknown;
  let hasCurrent = false;
  if (field.valueText !== undefined) {
    // The line's own text: with a duplicate key the tree holds the other occurrence.
    try {
      current = parse(field.valueText, { logLevel: 'silent' });
      hasCurrent = current === null || typeof current !== 'object';
    } catch {
      hasCurrent = false;
    }
  } else {
    const node = locate(doc, field.path)?.node;
    if (isScalar(node)) {
      current = node.value;
      hasCurrent = true;
    }
  }
  return { path: field.path, range: rangeOf(doc, field.start, field.end), current, hasCurrent };
}

/** Keys and scalars the lines do not describe alone: inside flow collections such as `Stream: [0, 1]`. */
function fromTree(doc: JobDocument, offset: number): Target | undefined {
  const at = pathAtOffset(doc, offset);
  if (!at || at.path.length === 0) return undefined;
  const node: Node | null = at.node;
  if (at.onKey) {
    const key = keyAt(doc, offset);
    if (!key?.range) return undefined;
    return {
      path: at.path,
      range: rangeOf(doc, key.range[0], key.range[1]),
      current: isScalar(node) ? node.value : undefined,
      hasCurrent: isScalar(node),
    };
  }
  const range = isScalar(node) ? node.range : undefined;
  if (!range || range[0] > offset || offset > range[1] || range[1] === range[0]) return undefined;
  return { path: at.path, range: rangeOf(doc, range[0], range[1]), current: (node as { value: unknown }).value, hasCurrent: true };
}

/** The innermost key node holding an offset, found by position (a duplicate key has the same name as another). */
function keyAt(doc: JobDocument, offset: number): Node | undefined {
  let node = doc.yaml?.contents as Node | null | undefined;
  while (node && (isMap(node) || isSeq(node))) {
    let next: Node | null | undefined;
    for (const item of node.items as unknown[]) {
      if (isPair(item)) {
        if (holds(item.key, offset)) return item.key as Node;
        if (holds(item.value, offset)) next = item.value as Node;
      } else if (holds(item, offset)) next = item as Node;
      if (next) break;
    }
    node = next;
  }
  return undefined;
}

function holds(node: unknown, offset: number): boolean {
  const range = (node as Node | null | undefined)?.range;
  return !!range && range[0] <= offset && offset <= range[1];
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
