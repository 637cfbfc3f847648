import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { TextEdit } from 'vscode-languageserver-types';
import type { JobDocument, JsonPath } from '../parse/document';
import { locate } from '../parse/locate';
import {
  afterColon,
  columnOf,
  contentEnd,
  documentStyle,
  lineStartOf,
  nextLineStart,
  pairEnd,
  quoteStyleOf,
  replaceEdit,
  scalarText,
  startsLine,
} from '../parse/yamlText';
import type { FixHint } from './hint';
import { resolveSchema, schemaAtPath, type SchemaNode } from '../schema/schema';
import { blockSkeleton, flowSkeleton } from '../schema/skeleton';
import { SNIPPETS, expandDefaults } from '../schema/snippets';

type YamlPair = Pair<Node, Node | null>;

/**
 * The text edits that carry out one fix on the current text, or undefined when the fix no longer fits it
 * (diagnostics come back from the editor and may be older than the text).
 */
export function fixEdits(doc: JobDocument, fix: FixHint): TextEdit[] | undefined {
  switch (fix.kind) {
    case 'replace-value':
      return replaceValue(doc, fix.path, fix.value);
    case 'rename-key':
      return renameKey(doc, fix.path, fix.key);
    case 'add-properties':
      return addProperties(doc, fix.path, fix.properties);
    case 'remove-property':
      return removeProperty(doc, fix.path);
    case 'to-json-string':
      return toJsonString(doc, fix.path);
    case 'convert-value':
    case 'clamp-value':
      return replaceScalar(doc, fix.path, fix.value);
    case 'set-value':
      return setValue(doc, fix.path, fix.value, fix.before);
    case 'insert-job':
      return insertJob(doc, fix.type);
  }
}

function replaceValue(doc: JobDocument, path: JsonPath, value: string | number): TextEdit[] | undefined {
  const node = locate(doc, path)?.node;
  if (!isScalar(node) || !node.range || node.value === value) return undefined;
  // A block scalar's range runs to the next line; only its header and text are replaced.
  return [replaceEdit(doc, node.range[0], contentEnd(doc.text, node), scalarText(value, quoteStyleOf(node)))];
}

function renameKey(doc: JobDocument, path: JsonPath, key: string): TextEdit[] | undefined {
  const location = locate(doc, path);
  const keyNode = location?.pair?.key;
  if (!isScalar(keyNode) || !keyNode.range || !isMap(location?.parent)) return undefined;
  // Renaming onto a key that is already there would trade this problem for a duplicate key.
  if (location.parent.items.some((pair) => isScalar(pair.key) && String(pair.key.value) === key)) return undefined;
  return [replaceEdit(doc, keyNode.range[0], keyNode.range[1], scalarText(key, quoteStyleOf(keyNode)))];
}

function addProperties(doc: JobDocument, path: JsonPath, properties: readonly string[]): TextEdit[] | undefined {
  const target = locate(doc, path)?.node;
  if (!isMap(target) || !target.range) return undefined;
  const objectSchema = resolveSchema(schemaAtPath(path) ?? {});
  const missing = properties.filter((key) => !target.items.some((pair) => isScalar(pair.key) && String(pair.key.value) === key));
  if (missing.length === 0) return undefined;
  if (target.flow) {
    // An unclosed `{` has nowhere to put the keys; the syntax error comes first.
    if (doc.text[target.range[1] - 1] !== '}') return undefined;
    const entries = missing.map((key) => flowSkeleton(key, objectSchema.properties?.[key]));
    return [insertIntoFlowMap(doc, target as YAMLMap<Node, Node | null>, entries)];
  }
  return insertIntoBlockMap(doc, target as YAMLMap<Node, Node | null>, missing, objectSchema.properties ?? {});
}

/** Inserts after the last entry, or inside the braces of `{}`; the caller made sure the mapping is closed. */
function insertIntoFlowMap(doc: JobDocument, map: YAMLMap<Node, Node | null>, entries: readonly string[]): TextEdit {
  const last = map.items[map.items.length - 1];
  if (last) {
    const end = pairEnd(doc.text, last);
    return replaceEdit(doc, end, end, `, ${entries.join(', ')}`);
  }
  const closing = map.range![1] - 1;
  return replaceEdit(doc, closing, closing, entries.join(', '));
}

/**
 * Each missing key goes where the schema orders it: before the first present key that the schema lists
 * after it, else after the last key, at the column of the object's keys.
 */
function insertIntoBlockMap(
  doc: JobDocument,
  map: YAMLMap<Node, Node | null>,
  missing: readonly string[],
  properties: Readonly<Record<string, SchemaNode>>,
): TextEdit[] | undefined {
  const text = doc.text;
  const pairs = map.items;
  const firstKeyStart = pairs[0]?.key?.range?.[0];
  if (firstKeyStart === undefined) return undefined;
  const column = columnOf(text, firstKeyStart);
  const { indent, indentSeq, eol } = documentStyle(doc);
  const order = Object.keys(properties);
  const rank = (key: string): number => order.indexOf(key);
  const pad = ' '.repeat(column);

  const before = new Map<YamlPair, string[][]>();
  const after: string[][] = [];
  for (const key of missing) {
    const lines = blockSkeleton(key, properties[key], { indent, indentSeq });
    const next = pairs.find((pair) => isScalar(pair.key) && rank(String(pair.key.value)) > rank(key) && rank(key) !== -1);
    if (next) before.set(next, [...(before.get(next) ?? []), lines]);
    else after.push(lines);
  }

  const edits: TextEdit[] = [];
  for (const [pair, blocks] of before) {
    const keyStart = pair.key!.range![0];
    const lines = blocks.flat();
    if (startsLine(text, keyStart)) {
      const at = aboveLeadingComments(text, lineStartOf(text, keyStart));
      edits.push(replaceEdit(doc, at, at, lines.map((line) => pad + line + eol).join('')));
    } else {
      // The key shares its line with a `- `: the new key takes that place and the old key moves down.
      edits.push(replaceEdit(doc, keyStart, keyStart, lines.map((line, i) => (i === 0 ? line : pad + line)).join(eol) + eol + pad));
    }
  }
  if (after.length > 0) {
    const at = nextLineStart(text, pairEnd(text, pairs[pairs.length - 1]!));
    const lead = at === text.length && !text.endsWith('\n') ? eol : '';
    edits.push(
      replaceEdit(
        doc,
        at,
        at,
        lead +
          after
            .flat()
            .map((line) => pad + line + eol)
            .join(''),
      ),
    );
  }
  return edits.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/** Comment lines right above a key belong to it: a new key goes above them, not between. */
function aboveLeadingComments(text: string, lineStart: number): number {
  let at = lineStart;
  while (at > 0) {
    const previous = lineStartOf(text, at - 1);
    if (!text.slice(previous, at).trimStart().startsWith('#')) break;
    at = previous;
  }
  return at;
}

function removeProperty(doc: JobDocument, path: JsonPath): TextEdit[] | undefined {
  const location = locate(doc, path);
  const pair = location?.pair;
  const map = location?.parent;
  const keyStart = pair?.key?.range?.[0];
  if (!pair || !isMap(map) || keyStart === undefined) return undefined;
  const text = doc.text;
  const pairs = map.items as YamlPair[];
  const index = pairs.indexOf(pair);

  if (map.flow) return [removeFromFlowMap(doc, pairs, index)];

  if (pairs.length > 1) {
    if (startsLine(text, keyStart)) {
      return [replaceEdit(doc, lineStartOf(text, keyStart), nextLineStart(text, pairEnd(text, pair)), '')];
    }
    // The first key of a list item shares the line with its `- `: the next key moves up into its place.
    const nextKeyStart = pairs[index + 1]?.key?.range?.[0];
    return nextKeyStart === undefined ? undefined : [replaceEdit(doc, keyStart, nextKeyStart, '')];
  }

  // The only key: drop the whole list item when the list keeps others, else leave an empty mapping.
  const container = locate(doc, path.slice(0, -2));
  const mapOwner = locate(doc, path.slice(0, -1));
  if (isSeq(container?.node) && typeof path[path.length - 2] === 'number') {
    const seq = container.node as YAMLSeq<Node>;
    const dash = map.range ? text.lastIndexOf('-', map.range[0]) : -1;
    if (seq.items.length > 1 && !seq.flow && dash !== -1 && startsLine(text, dash)) {
      return [replaceEdit(doc, lineStartOf(text, dash), nextLineStart(text, pairEnd(text, pair)), '')];
    }
  }
  // `Segment:` over an emptied block would be null, which the schema rejects; `Segment: {}` is an empty object.
  // A comment between the owner's colon and the key stays, and the `{}` takes the key's place below it.
  const ownerKeyEnd = mapOwner?.pair?.key?.range?.[1];
  const between = ownerKeyEnd === undefined ? '' : text.slice(afterColon(text, ownerKeyEnd), keyStart);
  if (ownerKeyEnd !== undefined && between.includes('\n') && !between.includes('#')) {
    return [replaceEdit(doc, afterColon(text, ownerKeyEnd), pairEnd(text, pair), ' {}')];
  }
  return [replaceEdit(doc, keyStart, pairEnd(text, pair), '{}')];
}

function removeFromFlowMap(doc: JobDocument, pairs: readonly YamlPair[], index: number): TextEdit {
  const text = doc.text;
  const pair = pairs[index]!;
  const start = pair.key!.range![0];
  const next = pairs[index + 1]?.key?.range?.[0];
  if (next !== undefined) return replaceEdit(doc, start, next, '');
  const previous = pairs[index - 1];
  if (previous) return replaceEdit(doc, pairEnd(text, previous), pairEnd(text, pair), '');
  return replaceEdit(doc, start, pairEnd(text, pair), '');
}

function toJsonString(doc: JobDocument, path: JsonPath): TextEdit[] | undefined {
  const location = locate(doc, path);
  const node = location?.node;
  if (!(isMap(node) || isSeq(node)) || !node.range) return undefined;
  const value = valueAt(doc.value, path);
  if (typeof value !== 'object' || value === null) return undefined;
  const quoted = scalarText(JSON.stringify(value), 'QUOTE_SINGLE');
  const end = contentEnd(doc.text, node);
  const keyEnd = location?.pair?.key?.range?.[1];
  // A block mapping starts on the line below its key; the string takes its place on the key's line.
  if (!node.flow && keyEnd !== undefined) return [replaceEdit(doc, afterColon(doc.text, keyEnd), end, ` ${quoted}`)];
  return [replaceEdit(doc, node.range[0], end, quoted)];
}

function valueAt(root: unknown, path: JsonPath): unknown {
  let current = root;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

function replaceScalar(doc: JobDocument, path: JsonPath, value: string | number): TextEdit[] | undefined {
  const node = locate(doc, path)?.node;
  if (!isScalar(node) || !node.range || node.value === value) return undefined;
  // `"12"` becomes 12: a number is written plain whatever the quotes were.
  return [replaceEdit(doc, node.range[0], contentEnd(doc.text, node), scalarText(value, typeof value === 'number' ? 'PLAIN' : quoteStyleOf(node)))];
}

function setValue(doc: JobDocument, path: JsonPath, value: string | number, before: string | undefined): TextEdit[] | undefined {
  const location = locate(doc, path);
  if (location?.pair) return isScalar(location.node) || location.node === null ? replaceOrFill(doc, location.pair, value) : undefined;
  const parent = locate(doc, path.slice(0, -1))?.node;
  const key = path[path.length - 1];
  if (!isMap(parent) || typeof key !== 'string' || !parent.range) return undefined;
  const map = parent as YAMLMap<Node, Node | null>;
  const entry = `${scalarText(key, 'PLAIN')}: ${scalarText(value, 'PLAIN')}`;
  if (map.flow) {
    const last = map.items[map.items.length - 1];
    if (doc.text[map.range![1] - 1] !== '}') return undefined;
    if (!last) return [replaceEdit(doc, map.range![1] - 1, map.range![1] - 1, entry)];
    const end = pairEnd(doc.text, last);
    return [replaceEdit(doc, end, end, `, ${entry}`)];
  }
  const text = doc.text;
  const firstKeyStart = map.items[0]?.key?.range?.[0];
  if (firstKeyStart === undefined) return undefined;
  const { eol } = documentStyle(doc);
  const pad = ' '.repeat(columnOf(text, firstKeyStart));
  const next = before === undefined ? undefined : map.items.find((pair) => isScalar(pair.key) && pair.key.value === before);
  const nextStart = next?.key?.range?.[0];
  if (nextStart !== undefined && startsLine(text, nextStart)) {
    const at = lineStartOf(text, nextStart);
    return [replaceEdit(doc, at, at, `${pad}${entry}${eol}`)];
  }
  const at = nextLineStart(text, pairEnd(text, map.items[map.items.length - 1] as YamlPair));
  const lead = at === text.length && !text.endsWith('\n') ? eol : '';
  return [replaceEdit(doc, at, at, `${lead}${pad}${entry}${eol}`)];
}

/** `Mode: Closed` → `Mode: Sequential`; `Mode:` with nothing after it gets the value after its colon. */
function replaceOrFill(doc: JobDocument, pair: YamlPair, value: string | number): TextEdit[] | undefined {
  const node = pair.value;
  if (isScalar(node) && node.range && node.range[1] > node.range[0]) {
    if (node.value === value) return undefined;
    return [replaceEdit(doc, node.range[0], contentEnd(doc.text, node), scalarText(value, typeof value === 'number' ? 'PLAIN' : quoteStyleOf(node)))];
  }
  const keyEnd = pair.key?.range?.[1];
  if (keyEnd === undefined) return undefined;
  const colon = doc.text.indexOf(':', keyEnd);
  if (colon === -1) return undefined;
  return [replaceEdit(doc, colon + 1, colon + 1, ` ${scalarText(value, 'PLAIN')}`)];
}

/** The snippet's job, with its defaults, after whatever comments the empty file holds. */
function insertJob(doc: JobDocument, type: string): TextEdit[] | undefined {
  const snippet = SNIPPETS.find((candidate) => candidate.place.kind === 'job' && candidate.type === type);
  if (!snippet || (doc.value !== null && doc.value !== undefined)) return undefined;
  const { eol } = documentStyle(doc);
  const job = expandDefaults(snippet.body).replace(/\n$/, '').replace(/\n/g, eol) + eol;
  const end = doc.text.length;
  const lead = end > 0 && !doc.text.endsWith('\n') ? eol : '';
  return [replaceEdit(doc, end, end, lead + job)];
}
