import { isMap, isScalar, type Node, type Pair, type YAMLMap } from 'yaml';
import type { TextEdit } from 'vscode-languageserver-types';
import type { JobDocument, JsonPath } from '../parse/document';
import { locate } from '../parse/locate';
import { columnOf, contentEnd, documentStyle, lineStartOf, nextLineStart, pairEnd, quoteStyleOf, replaceEdit, scalarText, startsLine } from '../parse/yamlText';
import type { FixHint } from './hint';
import { SNIPPETS, expandDefaults } from '../schema/snippets';

type YamlPair = Pair<Node, Node | null>;

/** The edits of the fix kinds of core/src/fixes, or undefined when the fix no longer fits the text. */
export function newFixEdits(doc: JobDocument, fix: FixHint): TextEdit[] | undefined {
  switch (fix.kind) {
    case 'convert-value':
    case 'clamp-value':
      return replaceScalar(doc, fix.path, fix.value);
    case 'set-value':
      return setValue(doc, fix.path, fix.value, fix.before);
    case 'insert-job':
      return insertJob(doc, fix.type);
    default:
      return undefined;
  }
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
