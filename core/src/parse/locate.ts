import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import type { Range } from 'vscode-languageserver-types';
import type { JobDocument, JsonPath } from './document';
import { lineEnd, rangeOf } from './positions';

/** Navigation of the parsed tree: from a path to its nodes and ranges, and from an offset to its path. */

/** Where a path lives in the YAML: its value node and, when its parent is a map, the pair holding its key. */
export interface NodeLocation {
  readonly node: Node | null;
  readonly pair?: Pair<Node, Node | null>;
  readonly parent?: Node;
}

/** Follows a path through the YAML tree. Keys compare as the user wrote them (YAML keys are case sensitive). */
export function locate(doc: JobDocument, path: JsonPath): NodeLocation | undefined {
  let current: NodeLocation = { node: (doc.yaml?.contents as Node | null | undefined) ?? null };
  for (const segment of path) {
    const parent = current.node;
    if (typeof segment === 'number') {
      if (!isSeq(parent)) return undefined;
      const item = parent.items[segment];
      if (item === undefined) return undefined;
      current = { node: item as Node, parent };
    } else {
      if (!isMap(parent)) return undefined;
      const pair = findPair(parent.items as Pair<Node, Node | null>[], segment);
      if (!pair) return undefined;
      current = { node: pair.value, pair, parent };
    }
  }
  return current;
}

function findPair(pairs: readonly Pair<Node, Node | null>[], key: string): Pair<Node, Node | null> | undefined {
  for (const pair of pairs) {
    // toJS names a missing or null key "" (as in `: value`), so the path does too.
    if (isScalar(pair.key) && (pair.key.value === null ? '' : String(pair.key.value)) === key) return pair;
  }
  return undefined;
}

/** The range of a value, or of its key when the value is empty (`Type:` with nothing after it). */
export function valueRange(doc: JobDocument, path: JsonPath): Range | undefined {
  const location = locate(doc, path);
  if (!location) return undefined;
  const node = location.node;
  // A block mapping or list spans many lines; its key says which value is meant without painting them all.
  const blockCollection = (isMap(node) || isSeq(node)) && !node.flow;
  const range = node?.range;
  if (range && range[1] > range[0] && !blockCollection) return rangeOf(doc, range[0], range[1]);
  return keyRange(doc, path);
}

/**
 * The range that names a path: its key in a map; for an array item, from the dash to the end of the item's
 * first key (or the whole item when it is a scalar); for the root, its first key.
 */
export function keyRange(doc: JobDocument, path: JsonPath): Range | undefined {
  const location = locate(doc, path);
  if (!location) return undefined;
  const keyNodeRange = location.pair?.key?.range;
  // A missing key (`: value`) has an empty range; the colon then stands for it, so the squiggle can be seen.
  if (keyNodeRange) return rangeOf(doc, keyNodeRange[0], keyNodeRange[1] > keyNodeRange[0] ? keyNodeRange[1] : keyNodeRange[0] + 1);
  const node = location.node;
  if (path.length === 0) {
    if (isMap(node) && node.items.length > 0) {
      const first = (node.items[0] as Pair<Node, Node | null>).key?.range;
      if (first) return rangeOf(doc, first[0], first[1]);
    }
    // A root that is not a mapping (a list, a number): its first line, so the squiggle is visible.
    if (node?.range) return rangeOf(doc, node.range[0], Math.min(node.range[1], lineEnd(doc.text, node.range[0])));
    return rangeOf(doc, 0, 0);
  }
  const nodeRange = node?.range;
  if (!nodeRange) return undefined;
  const start = dashBefore(doc.text, nodeRange[0]);
  // A flow item (`{StartTime: 1}`) is short and one thing: cutting it after its first key would end mid-item.
  if (isMap(node) && node.flow) return rangeOf(doc, start, nodeRange[1]);
  if (isMap(node) && node.items.length > 0) {
    const firstKey = (node.items[0] as Pair<Node, Node | null>).key?.range;
    if (firstKey) return rangeOf(doc, start, firstKey[1]);
  }
  return rangeOf(doc, start, nodeRange[1]);
}

function dashBefore(text: string, offset: number): number {
  let i = offset - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  return i >= 0 && text[i] === '-' ? i : offset;
}

/** What the cursor is on: the path of the innermost key or value at an offset. */
export interface PathAtOffset {
  readonly path: JsonPath;
  /** True when the offset is on a key rather than on its value. */
  readonly onKey: boolean;
  readonly node: Node | null;
}

export function pathAtOffset(doc: JobDocument, offset: number): PathAtOffset | undefined {
  const root = doc.yaml?.contents as Node | null | undefined;
  if (!root) return undefined;
  const path: (string | number)[] = [];
  let node: Node | null = root;
  for (;;) {
    if (isMap(node)) {
      const pair: Pair<Node, Node | null> | undefined = (node.items as Pair<Node, Node | null>[]).find(
        (p) => contains(p.key, offset) || contains(p.value, offset),
      );
      if (!pair || !isScalar(pair.key)) return path.length ? { path, onKey: false, node } : undefined;
      path.push(String(pair.key.value));
      if (contains(pair.key, offset)) return { path, onKey: true, node: pair.value };
      node = pair.value;
    } else if (isSeq(node)) {
      const index = node.items.findIndex((item) => contains(item as Node, offset));
      if (index === -1) return { path, onKey: false, node };
      path.push(index);
      node = node.items[index] as Node;
    } else {
      return { path, onKey: false, node };
    }
  }
}

function contains(node: unknown, offset: number): boolean {
  const range = (node as Node | null | undefined)?.range;
  return !!range && range[0] <= offset && offset <= range[1];
}
