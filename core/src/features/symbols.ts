import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type { JobDocument, JsonPath } from '../parse/document';
import { rangeOf } from '../parse/positions';
import { contentEnd, pairEnd } from '../parse/yamlText';
import { schemaAtPath, type SchemaNode } from '../schema/schema';
import { truncate } from '../shared/words';

/** Long values (a JSON UserData) would crowd the outline; the hover shows them whole. */
const MAX_DETAIL_LENGTH = 80;

/**
 * The outline of a job: every key, nested keys as children, list items as `Sources[0]` children. Kinds come
 * from the schema where it knows the field, so an enum reads as an enum member even while it is misspelt.
 */
export function documentSymbols(doc: JobDocument): DocumentSymbol[] {
  const root = doc.yaml?.contents as Node | null | undefined;
  if (isMap(root)) return pairSymbols(doc, root.items as Pair<Node, Node | null>[], []);
  if (isSeq(root)) return itemSymbols(doc, root.items as (Node | null)[], [], '');
  return [];
}

function pairSymbols(doc: JobDocument, pairs: readonly Pair<Node, Node | null>[], path: JsonPath): DocumentSymbol[] {
  const symbols: DocumentSymbol[] = [];
  for (const pair of pairs) {
    const key = pair.key;
    if (!isScalar(key) || !key.range) continue;
    const name = String(key.value);
    const childPath = [...path, name];
    const value = pair.value;
    const symbol: DocumentSymbol = {
      name: name === '' ? '""' : name,
      kind: kindOf(schemaAtPath(childPath), value),
      range: rangeOf(doc, key.range[0], pairEnd(doc.text, pair)),
      selectionRange: rangeOf(doc, key.range[0], key.range[1]),
    };
    const detail = detailOf(value);
    if (detail) symbol.detail = detail;
    const children = childSymbols(doc, value, childPath, name);
    if (children.length > 0) symbol.children = children;
    symbols.push(symbol);
  }
  return symbols;
}

function childSymbols(doc: JobDocument, value: Node | null, path: JsonPath, name: string): DocumentSymbol[] {
  if (isMap(value)) return pairSymbols(doc, value.items as Pair<Node, Node | null>[], path);
  if (isSeq(value)) return itemSymbols(doc, value.items as (Node | null)[], path, name);
  return [];
}

function itemSymbols(doc: JobDocument, items: readonly (Node | null)[], path: JsonPath, listName: string): DocumentSymbol[] {
  const symbols: DocumentSymbol[] = [];
  items.forEach((item, index) => {
    if (!item?.range) return;
    const itemPath = [...path, index];
    const name = `${listName}[${index}]`;
    const { start, selectionEnd } = itemBounds(doc.text, item);
    // At least to the selection's end: VS Code drops the whole outline when one selection lies outside its range.
    const end = Math.max(contentEnd(doc.text, item), selectionEnd);
    const symbol: DocumentSymbol = {
      name,
      kind: kindOf(schemaAtPath(itemPath), item),
      range: rangeOf(doc, start, end),
      selectionRange: rangeOf(doc, start, selectionEnd),
    };
    const detail = isMap(item) ? detailOf(namingValue(item.items as Pair<Node, Node | null>[])) : detailOf(item);
    if (detail) symbol.detail = detail;
    const children = childSymbols(doc, item, itemPath, name);
    if (children.length > 0) symbol.children = children;
    symbols.push(symbol);
  });
  return symbols;
}

/**
 * Where a list item starts (at its `- ` in a block list) and what names it: up to the end of its first key
 * for a mapping, else the whole item.
 */
function itemBounds(text: string, item: Node): { start: number; selectionEnd: number } {
  const nodeStart = item.range![0];
  let dash = nodeStart - 1;
  while (dash >= 0 && (text[dash] === ' ' || text[dash] === '\t')) dash--;
  const start = dash >= 0 && text[dash] === '-' ? dash : nodeStart;
  const firstKeyEnd = isMap(item) && !item.flow ? (item.items[0] as Pair<Node, Node | null> | undefined)?.key?.range?.[1] : undefined;
  return { start, selectionEnd: firstKeyEnd ?? contentEnd(text, item) };
}

/** What tells list items apart: the URI of a source or music, else the first text or number (`Transition: fade`). */
function namingValue(pairs: readonly Pair<Node, Node | null>[]): Node | null {
  const uri = pairs.find((pair) => isScalar(pair.key) && pair.key.value === 'URI');
  if (uri) return uri.value;
  return pairs.find((pair) => isScalar(pair.value) && pair.value.value !== null)?.value ?? null;
}

function kindOf(schema: SchemaNode | undefined, value: Node | null): SymbolKind {
  if (schema?.enum) return SymbolKind.EnumMember;
  switch (schema?.type) {
    case 'object':
      return SymbolKind.Object;
    case 'array':
      return SymbolKind.Array;
    case 'string':
      return SymbolKind.String;
    case 'number':
    case 'integer':
      return SymbolKind.Number;
    case 'boolean':
      return SymbolKind.Boolean;
  }
  // A key the schema does not know: say what was written.
  if (isMap(value)) return SymbolKind.Object;
  if (isSeq(value)) return SymbolKind.Array;
  if (isScalar(value)) {
    if (typeof value.value === 'number') return SymbolKind.Number;
    if (typeof value.value === 'boolean') return SymbolKind.Boolean;
    if (value.value === null) return SymbolKind.Null;
  }
  return SymbolKind.String;
}

function detailOf(value: Node | null): string | undefined {
  if (isSeq(value)) return `${value.items.length} item${value.items.length === 1 ? '' : 's'}`;
  if (isScalar(value) && value.value !== null && value.value !== undefined) {
    // As written: `Speed: 1.0` reads `1.0` in the outline, not the parsed `1`; quoted text shows its text.
    const written = typeof value.value === 'string' || typeof value.source !== 'string' ? String(value.value) : value.source;
    return truncate(written.replace(/\s+/g, ' '), MAX_DETAIL_LENGTH);
  }
  return undefined;
}
