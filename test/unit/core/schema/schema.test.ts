import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import schemaJson from '../../../../schemas/highlight-task.schema.json';
import { SCHEMA_ANNOTATIONS, type SchemaNode } from '../../../../core/src/schema/schema';

/**
 * Pins the request schema to the field tables of the API reference page and the SDK models
 * (test/fixtures/schema-facts/request-fields.md) and to the API page's examples
 * (test/fixtures/schema-facts/api-page-examples.md). The tables are parsed, not copied into code, so a change
 * on either side fails here. Both live in the project: a test never reads outside the repository.
 */

const schema = schemaJson as unknown as SchemaNode;
const ANNOTATIONS = [...SCHEMA_ANNOTATIONS];
const FACTS_DIR = path.resolve(__dirname, '../../../fixtures/schema-facts');
const REFERENCE_PATH = path.join(FACTS_DIR, 'request-fields.md');
const API_PAGE_EXAMPLES_PATH = path.join(FACTS_DIR, 'api-page-examples.md');

// ---------------------------------------------------------------------------------------------------------
// Schema navigation

function deref(node: SchemaNode): SchemaNode {
  if (!node.$ref) return node;
  const name = /^#\/definitions\/(.+)$/.exec(node.$ref)?.[1];
  const target = name === undefined ? undefined : schema.definitions?.[name];
  assert.ok(target, `unresolvable $ref ${node.$ref}`);
  return deref(target);
}

/** A path segment is a property name, or '[]' for the items of an array. */
type Segment = string;

function splitPath(text: string): Segment[] {
  const segments: Segment[] = [];
  for (const part of text.split('.').filter(Boolean)) {
    const name = part.replace(/\[\]$/, '');
    if (name) segments.push(name);
    if (part.endsWith('[]')) segments.push('[]');
  }
  return segments;
}

const joinPath = (segments: readonly Segment[]): string => segments.join('.').replace(/\.\[\]/g, '[]');

/** The schema node that declares a path (with its own description, before following $ref). */
function nodeAt(segments: readonly Segment[]): SchemaNode | undefined {
  let node: SchemaNode | undefined = schema;
  for (const segment of segments) {
    if (!node) return undefined;
    const resolved: SchemaNode = deref(node);
    node = segment === '[]' ? resolved.items : resolved.properties?.[segment];
  }
  return node;
}

/** Every property path below a node, following $ref: `visit(path, declaring node)`. */
function walkProperties(node: SchemaNode, at: Segment[], visit: (segments: Segment[], declared: SchemaNode) => void): void {
  const resolved = deref(node);
  for (const [name, child] of Object.entries(resolved.properties ?? {})) {
    const segments = [...at, name];
    visit(segments, child);
    walkProperties(child, segments, visit);
  }
  if (resolved.items) walkProperties(resolved.items, [...at, '[]'], visit);
}

/** Every schema node of the document (definitions included), with where it is, for keyword-level checks. */
function walkNodes(node: SchemaNode, where: string, visit: (node: SchemaNode, where: string) => void): void {
  visit(node, where);
  for (const [name, child] of Object.entries(node.properties ?? {})) walkNodes(child, `${where}/properties/${name}`, visit);
  for (const [name, child] of Object.entries(node.definitions ?? {})) walkNodes(child, `${where}/definitions/${name}`, visit);
  if (node.items) walkNodes(node.items, `${where}/items`, visit);
  if (typeof node.additionalProperties === 'object') walkNodes(node.additionalProperties, `${where}/additionalProperties`, visit);
}

// ---------------------------------------------------------------------------------------------------------
// Reference parsing

interface FieldRow {
  readonly section: string;
  readonly segments: Segment[];
  readonly type: string;
  /** undefined when the table has no "req." column. */
  readonly required: string | undefined;
  /** The values/limits/defaults cell, or the notes cell of tables that have no such column. */
  readonly facts: string;
}

interface FieldList {
  readonly segments: Segment[];
  readonly text: string;
}

interface Reference {
  readonly rows: FieldRow[];
  /** Prose lists such as "Watermarks[] fields: `Type` (…); …", with the array they describe. */
  readonly lists: FieldList[];
}

/** "### Source (item of Sources)" -> Sources[]; "### TargetVideo (Output.Video)" -> Output.Video; "### Top level" -> root. */
function sectionBase(heading: string): Segment[] {
  const inParens = /\(([^)]*)\)/.exec(heading)?.[1];
  if (inParens) {
    const item = /^item of (\S+)$/.exec(inParens);
    return splitPath(item ? `${item[1]}[]` : inParens);
  }
  if (/^top level$/i.test(heading.trim())) return [];
  return splitPath(heading.trim());
}

const cells = (line: string): string[] =>
  line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((c) => c.trim());
const unquote = (text: string): string => text.replace(/^`|`$/g, '');

function parseReference(markdown: string): Reference {
  const rows: FieldRow[] = [];
  const lists: FieldList[] = [];
  for (const block of markdown.split(/\n### /).slice(1)) {
    const lines = block.split('\n');
    const heading = lines[0]!;
    const base = sectionBase(heading);
    let header: string[] | undefined;
    const sectionRows: FieldRow[] = [];
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i]!;
      if (line.trim().startsWith('|')) {
        const row = cells(line);
        if (!header) {
          header = row.map((c) => c.toLowerCase());
          i++; // the |---| separator
          continue;
        }
        const column = (name: string): string | undefined => {
          const index = header!.findIndex((h) => h.startsWith(name));
          return index === -1 ? undefined : row[index];
        };
        const facts = column('values') ?? column('notes') ?? '';
        sectionRows.push({
          section: heading,
          segments: [...base, ...splitPath(unquote(row[0]!))],
          type: column('type') ?? '',
          required: column('req'),
          facts,
        });
        continue;
      }
      header = undefined;
      const list = /^(\w+)\[\] fields: (.*)$/.exec(line);
      if (list) {
        // The list continues over the following lines of the paragraph.
        let text = list[2]!;
        while (i + 1 < lines.length && lines[i + 1]!.trim() !== '') text += ` ${lines[++i]!.trim()}`;
        const owner = sectionRows.find((r) => r.segments[r.segments.length - 1] === list[1]);
        assert.ok(owner, `the reference lists ${list[1]}[] fields but has no ${list[1]} row in "${heading}"`);
        lists.push({ segments: [...owner.segments, '[]'], text });
      }
    }
    rows.push(...sectionRows);
  }
  return { rows, lists };
}

/** Removes (remarks), innermost first, so "`0` (default, off), `1` (…; …)" reads "`0`, `1`". */
function withoutRemarks(text: string): string {
  let previous: string;
  let current = text;
  do {
    previous = current;
    current = current.replace(/\s*\([^()]*\)/g, '');
  } while (current !== previous);
  return current;
}

/**
 * The values a cell enumerates: "`a` (…), `b` or `c`; …" (backticked, possibly with "default" after one), or
 * bare numbers "16 or 24", "one of 8000, 12000, …". undefined when the cell describes rather than lists.
 */
function listedValues(text: string): string[] | undefined {
  const clause = withoutRemarks(text)
    .split(';')[0]!
    .trim()
    .replace(/^one of /, '');
  const pieces = clause.split(/\s*,\s*|\s+or\s+/).filter(Boolean);
  if (pieces.length === 0) return undefined;
  const quoted = pieces.map((p) => /^`([^`]+)`(?: default)?$/.exec(p)?.[1]);
  if (quoted.every((q) => q !== undefined)) return quoted as string[];
  if (pieces.length >= 2 && pieces.every((p) => /^-?\d+(?:\.\d+)?$/.test(p))) return pieces;
  return undefined;
}

function statedDefault(text: string): string | undefined {
  const marked = /`([^`]+)` \(?default\b/.exec(text);
  if (marked) return marked[1];
  const written = /\bdefault:? (`[^`]+`|-?\d+(?:\.\d+)?|true|false)(?![\w.`])/.exec(text);
  return written ? unquote(written[1]!) : undefined;
}

function typed(value: string, type: string | undefined): unknown {
  if (type === 'integer' || type === 'number') return Number(value);
  if (type === 'boolean') return value === 'true';
  return value;
}

const SCALAR_TYPES = new Set(['string', 'number', 'integer', 'boolean']);

// ---------------------------------------------------------------------------------------------------------
// Checks of one documented field

function checkType(row: FieldRow, declared: SchemaNode): void {
  const where = joinPath(row.segments);
  const actual = deref(declared);
  const array = /^array(?: of (\w+))?$/.exec(row.type);
  if (SCALAR_TYPES.has(row.type) || row.type === 'object') {
    assert.equal(actual.type, row.type, `${where}: type`);
  } else if (array) {
    assert.equal(actual.type, 'array', `${where}: type`);
    const itemType = array[1];
    if (itemType) {
      assert.ok(actual.items, `${where}: array without items`);
      if (SCALAR_TYPES.has(itemType)) assert.equal(deref(actual.items).type, itemType, `${where}: item type`);
      else assert.equal(deref(actual.items).type, 'object', `${where}: item type`);
    }
  } else if (/^[A-Z]\w*$/.test(row.type)) {
    // A named model ("TargetVideo"): an object defined once and referenced.
    assert.equal(declared.$ref, `#/definitions/${row.type}`, `${where}: should reference the ${row.type} model`);
    assert.equal(actual.type, 'object', `${where}: type`);
  } else {
    assert.fail(`${where}: the reference's type "${row.type}" is not understood by this test`);
  }
}

function checkRequired(row: FieldRow): void {
  const where = joinPath(row.segments);
  const parent = deref(nodeAt(row.segments.slice(0, -1))!);
  const name = row.segments[row.segments.length - 1]!;
  const expected = row.required !== undefined ? /^yes\b/i.test(row.required) : /^required\b/i.test(row.facts);
  assert.equal((parent.required ?? []).includes(name), expected, `${where}: required should be ${expected}`);
}

function checkValues(where: string, node: SchemaNode, facts: string): void {
  const listed = listedValues(facts);
  if (node.pattern) {
    // A formatted string lists its shapes ("`WIDTHxHEIGHT`", "`oss://bucket/object`"), not values: each must fit.
    const pattern = new RegExp(node.pattern, 'u');
    for (const shape of listed ?? []) {
      const sample = shape.replace(/WIDTH/g, '1280').replace(/HEIGHT/g, '720');
      assert.match(sample, pattern, `${where}: the documented form ${shape} should match the pattern`);
    }
    assert.equal(node.enum, undefined, `${where}: a formatted string has no enum`);
  } else if (listed) {
    assert.ok(node.enum, `${where}: the reference lists values ${listed.join(', ')} but the schema has no enum`);
    const expected = [...new Set(listed.map((v) => typed(v, node.type)))];
    assert.deepEqual([...node.enum].sort(), [...expected].sort() as (string | number)[], `${where}: enum values`);
  } else {
    assert.equal(node.enum, undefined, `${where}: the reference lists no values, so the schema must not restrict them`);
  }

  const suggested = new Set([...(node['x-suggestions'] ?? []).map((s) => s.value), ...(node.examples ?? []).map(String)]);
  for (const match of facts.matchAll(/e\.g\. `([^`]+)`/g)) {
    assert.ok(suggested.has(match[1]!), `${where}: the example ${match[1]} should be a suggestion or an example`);
  }
  const documented = /documented values: ([^;|]+)/.exec(facts)?.[1];
  for (const value of documented?.split(',').map((v) => v.trim()) ?? []) {
    assert.ok(
      (node['x-suggestions'] ?? []).some((s) => s.value === value),
      `${where}: the documented value ${value} should be offered in x-suggestions`,
    );
  }
}

function checkLimits(row: FieldRow, node: SchemaNode): void {
  const where = joinPath(row.segments);
  const plain = withoutRemarks(row.facts);
  const stated = statedDefault(row.facts);
  if (SCALAR_TYPES.has(node.type ?? '')) {
    if (stated === undefined) assert.equal(node.default, undefined, `${where}: the reference states no default`);
    else assert.deepEqual(node.default, typed(stated, node.type), `${where}: default`);
  }

  if (node.type === 'number' || node.type === 'integer') {
    const range = /(-?\d+(?:\.\d+)?)\s*–\s*(-?\d+(?:\.\d+)?)/.exec(plain);
    if (range) {
      assert.equal(node.minimum, Number(range[1]), `${where}: minimum (closed interval)`);
      assert.equal(node.maximum, Number(range[2]), `${where}: maximum (closed interval)`);
    }
    const atLeast = /≥\s*(-?\d+(?:\.\d+)?)/.exec(plain);
    if (atLeast) assert.equal(node.minimum, Number(atLeast[1]), `${where}: minimum`);
  }
  if (node.type === 'string') {
    const longest = /at most (\d+) characters/.exec(plain);
    assert.equal(node.maxLength, longest ? Number(longest[1]) : undefined, `${where}: maxLength`);
  }
  if (node.type === 'array') {
    const between = /(\d+)–(\d+) items/.exec(plain);
    const atMost = /at most (\d+) items?/.exec(plain);
    assert.equal(node.minItems, between ? Number(between[1]) : undefined, `${where}: minItems`);
    assert.equal(node.maxItems, between ? Number(between[2]) : atMost ? Number(atMost[1]) : undefined, `${where}: maxItems`);
  }
}

/** Paths in the subtree of `segments` whose last name is `name`. */
function pathsNamed(segments: Segment[], name: string): string[] {
  const found: string[] = [];
  walkProperties(nodeAt(segments)!, segments, (at) => {
    if (at[at.length - 1] === name) found.push(joinPath(at));
  });
  return found;
}

/**
 * Fields named inside a cell or a prose list: "`Role` (string), `RoleType` (`user` or `service`)",
 * "`FontSize` (integer, 4 < size < 120, default 16)". Checks they exist and, where stated, type, values and
 * default. Returns the schema paths they name.
 */
function checkNamedFields(owner: Segment[], text: string): string[] {
  const where = joinPath(owner);
  const named: string[] = [];
  for (const match of text.matchAll(/`([A-Z][A-Za-z]*)`/g)) {
    const paths = pathsNamed(owner, match[1]!);
    assert.ok(paths.length > 0, `${where}: the reference names ${match[1]} but the schema has no such field under it`);
    named.push(...paths);
  }
  for (const match of text.matchAll(/`([A-Z][A-Za-z]*)` \(([^()]*)\)/g)) {
    const [, name, remark] = match as unknown as [string, string, string];
    const paths = pathsNamed(owner, name);
    for (const p of paths) {
      const node = deref(nodeAt(splitPath(p))!);
      const typeWord = /^(string|number|integer|boolean)\b/.exec(remark)?.[1];
      if (typeWord) assert.equal(node.type, typeWord, `${p}: type`);
      const listed = listedValues(remark);
      if (listed && !node.pattern) {
        assert.deepEqual([...(node.enum ?? [])].sort(), listed.map((v) => typed(v, node.type)).sort(), `${p}: enum values`);
      }
      const stated = statedDefault(remark);
      if (stated !== undefined) assert.deepEqual(node.default, typed(stated, node.type), `${p}: default`);
      const range = /(-?\d+(?:\.\d+)?)\s*–\s*(-?\d+(?:\.\d+)?)/.exec(remark);
      if (range && (node.type === 'number' || node.type === 'integer')) {
        assert.equal(node.minimum, Number(range[1]), `${p}: minimum`);
        assert.equal(node.maximum, Number(range[2]), `${p}: maximum`);
      }
    }
  }
  return named;
}

// ---------------------------------------------------------------------------------------------------------
// Tests

const reference = parseReference(readFileSync(REFERENCE_PATH, 'utf8'));

test('the reference tables are found and parsed', () => {
  // Guards the parser itself: a reformatted reference must not silently turn every check below into nothing.
  assert.ok(reference.rows.length >= 80, `only ${reference.rows.length} rows parsed`);
  assert.ok(reference.rows.some((r) => joinPath(r.segments) === 'Output.Video.TranscodeVideo.Codec'));
  assert.ok(reference.rows.some((r) => joinPath(r.segments) === 'Edit.BackgroundMusics[].URI'));
  assert.deepEqual(
    reference.lists.map((l) => joinPath(l.segments)),
    ['Output.Video.FilterVideo.Watermarks[]'],
  );
  assert.deepEqual(listedValues('`0` (default, off), `1` (narrowband HD; h264/h265, yuv420p, 8-bit only)'), ['0', '1']);
  assert.equal(listedValues('an effect name, e.g. `fade`'), undefined);
  assert.equal(statedDefault('0–10, default 0.2; 1 = original volume'), '0.2');
  assert.equal(statedDefault('indexes of source video streams; default: the first'), undefined);
});

for (const row of reference.rows) {
  const where = joinPath(row.segments);
  test(`${where} matches the reference (${row.section})`, () => {
    const declared = nodeAt(row.segments);
    assert.ok(declared, `${where} is documented but missing from the schema`);
    checkType(row, declared);
    checkRequired(row);
    const node = deref(declared);
    if (SCALAR_TYPES.has(node.type ?? '')) checkValues(where, node, row.facts);
    checkLimits(row, node);
    if (node.type === 'object' || node.type === 'array') checkNamedFields(row.segments, row.facts);
  });
}

for (const list of reference.lists) {
  test(`${joinPath(list.segments)} fields match the reference`, () => {
    const owner = deref(nodeAt(list.segments)!);
    const names = [...list.text.matchAll(/`([A-Z][A-Za-z]*)`/g)].map((m) => m[1]!);
    for (const name of names) assert.ok(owner.properties?.[name], `${joinPath(list.segments)}.${name} is documented but missing`);
    checkNamedFields(list.segments, list.text);
  });
}

test('every field of the schema is documented in the reference', () => {
  const documented = new Set<string>();
  // A row "FilterAudio.Mixing" documents FilterAudio as well.
  for (const row of reference.rows) {
    for (let n = 1; n <= row.segments.length; n++) documented.add(joinPath(row.segments.slice(0, n)));
  }
  for (const row of reference.rows) {
    if (row.type === 'object' || row.type.startsWith('array')) {
      for (const p of checkNamedFields(row.segments, row.facts)) documented.add(p);
    }
  }
  for (const list of reference.lists) for (const p of checkNamedFields(list.segments, list.text)) documented.add(p);
  const undocumented: string[] = [];
  walkProperties(schema, [], (segments) => {
    if (!documented.has(joinPath(segments))) undocumented.push(joinPath(segments));
  });
  assert.deepEqual(undocumented, []);
});

test('every property has a description and every enum its value descriptions', () => {
  walkNodes(schema, '#', (node, where) => {
    for (const [name, child] of Object.entries(node.properties ?? {})) {
      assert.ok(child.description && child.description.trim().length > 0, `${where}/properties/${name} has no description`);
    }
    if (node.enum) {
      assert.ok(node.enumDescriptions, `${where}: enum without enumDescriptions`);
      assert.equal(node.enumDescriptions.length, node.enum.length, `${where}: one description per enum value`);
      node.enumDescriptions.forEach((d, i) => assert.ok(d.startsWith(String(node.enum![i])), `${where}: description ${i} should start with its value`));
    } else {
      assert.equal(node.enumDescriptions, undefined, `${where}: enumDescriptions without enum`);
    }
    for (const suggestion of node['x-suggestions'] ?? []) {
      assert.ok(suggestion.value && suggestion.description, `${where}: a suggestion needs a value and a description`);
    }
  });
});

test('the schema follows the project conventions', () => {
  const forbidden = ['title', 'oneOf', 'anyOf', 'allOf', 'if', 'then', 'else', 'not'];
  walkNodes(schema, '#', (node, where) => {
    for (const keyword of forbidden) assert.ok(!(keyword in node), `${where} uses ${keyword}`);
    if (node.type === 'object') {
      if (where === '#/properties/Tags') {
        assert.deepEqual(node.additionalProperties, { type: 'string' });
      } else {
        assert.equal(node.additionalProperties, false, `${where}: additionalProperties must be false`);
        assert.ok(Array.isArray(node.required), `${where}: required list missing`);
        for (const name of node.required ?? []) assert.ok(node.properties?.[name], `${where}: required ${name} is not a property`);
      }
    }
    if (node.pattern) assert.ok(node['x-patternMessage'], `${where}: a pattern needs x-patternMessage`);
    if (node.required) {
      for (const name of node.required) {
        const child = deref(node.properties![name]!);
        if (child.type === 'string' && !child.enum) assert.equal(child.minLength, 1, `${where}/properties/${name}: a required string needs minLength 1`);
      }
    }
  });
  for (const name of [
    'Source',
    'Highlight',
    'Edit',
    'BackgroundMusic',
    'Transition',
    'VfxEffect',
    'Output',
    'Segment',
    'TargetVideo',
    'TranscodeVideo',
    'FilterVideo',
    'Watermark',
    'Delogo',
    'Desensitization',
    'TargetAudio',
    'TranscodeAudio',
    'FilterAudio',
    'CredentialConfig',
    'CredentialChainItem',
    'Notification',
    'MNS',
    'RocketMQ',
  ]) {
    assert.equal(schema.definitions?.[name]?.type, 'object', `definitions.${name}`);
  }
  // The API page's open intervals and its spelling, which the tables only state in prose.
  const watermark = schema.definitions!.Watermark!.properties!;
  assert.deepEqual([watermark.FontSize!.exclusiveMinimum, watermark.FontSize!.exclusiveMaximum], [4, 120]);
  assert.deepEqual([watermark.FontApha!.exclusiveMinimum, watermark.FontApha!.maximum], [0, 1]);
  assert.equal(schema.definitions!.Edit!.properties!.Mode!.enum!.length, 1);
});

test('every OSS URI field has the oss-uri format and pattern', () => {
  const ossFields = [
    'Sources[].URI',
    'Edit.BackgroundMusics[].URI',
    'Output.URI',
    'Output.Video.FilterVideo.Watermarks[].URI',
    'Notification.ExtendedMessageURI',
  ];
  const formatted: string[] = [];
  walkProperties(schema, [], (segments, declared) => {
    if (declared['x-format'] === 'oss-uri') formatted.push(joinPath(segments));
  });
  assert.deepEqual(formatted.sort(), [...ossFields].sort());
  for (const field of ossFields) {
    const pattern = new RegExp(nodeAt(splitPath(field))!.pattern!, 'u');
    for (const good of ['oss://test-bucket/test-object', 'oss://abc/a', `oss://${'a'.repeat(63)}/x/y.mp4`, 'oss://1-2/中文.mp4']) {
      assert.match(good, pattern, `${field} should accept ${good}`);
    }
    for (const bad of [
      'oss://ab/x',
      `oss://${'a'.repeat(64)}/x`,
      'oss://-abc/x',
      'oss://abc-/x',
      'oss://Abc/x',
      'oss://a_b/x',
      'oss://abc/',
      'oss://abc',
      'https://abc/x',
      ' oss://abc/x',
    ]) {
      assert.doesNotMatch(bad, pattern, `${field} should reject ${bad}`);
    }
  }
});

test('formatted strings accept what the reference describes and nothing else', () => {
  const resolution = new RegExp(nodeAt(splitPath('Output.Video.TranscodeVideo.Resolution'))!.pattern!, 'u');
  for (const good of ['1280x720', '1280x', 'x720', '4096x4096', '1x1']) assert.match(good, resolution);
  for (const bad of ['0x720', '4097x720', 'x', '1280*720', '1280X720', '1280x720 ', '01280x720', '-1x2']) assert.doesNotMatch(bad, resolution);
  const colour = new RegExp(nodeAt(splitPath('Output.Video.FilterVideo.Watermarks[].FontColor'))!.pattern!, 'u');
  for (const good of ['#000000', '#ffAA00', 'red', 'White']) assert.match(good, colour);
  for (const bad of ['#000', '#GGGGGG', '000000', 'light blue', '']) assert.doesNotMatch(bad, colour);
});

// ---------------------------------------------------------------------------------------------------------
// ajv and the API page's examples

function compiler(): Ajv {
  const ajv = new Ajv({ strict: true, allErrors: true });
  ajv.addVocabulary(ANNOTATIONS);
  ajv.addSchema(schemaJson, 'request');
  return ajv;
}

/** A request made of the example values of the API page, as the page writes them. */
const PAGE_EXAMPLE = {
  ProjectName: 'immtest',
  Sources: [{ URI: 'oss://test-bucket/test-object', StartTime: 0, Duration: 0 }],
  Mode: 'Average',
  Type: 'Retrieval',
  Highlight: { Content: 'character' },
  Edit: {
    Mode: 'Sequential',
    BackgroundMusicMode: 'Closed',
    BackgroundMusics: [{ URI: 'oss://test-bucket/test-object/test.mp3', Volume: 0.2 }],
    TransitionMode: 'Closed',
    Transitions: [{ Transition: 'fade', Duration: 0, Weight: 50 }],
    VfxEffectMode: 'Closed',
    VfxEffects: [{ VfxEffect: 'letterboxed', Weight: 50 }],
  },
  Output: {
    URI: 'oss://test-bucket/test-target-object.mp4',
    Container: 'mp4',
    Speed: 1.0,
    Segment: { Format: 'hls', Duration: 1, StartNumber: 0 },
    MaxDuration: 10.0,
  },
  UserData: '{"ID": "testuid","Name": "test-user","Avatar": "http://test.com/testuid"}',
  Tags: { test: 'val1' },
};

/** The leaves of a value with their paths; objects without a schema of their own (Tags) count as leaves. */
function leaves(value: unknown, segments: Segment[], out: [Segment[], unknown][]): [Segment[], unknown][] {
  const node = segments.length ? deref(nodeAt(segments)!) : schema;
  if (Array.isArray(value)) value.forEach((item) => leaves(item, [...segments, '[]'], out));
  else if (value !== null && typeof value === 'object' && node.properties) {
    for (const [key, child] of Object.entries(value)) leaves(child, [...segments, key], out);
  } else out.push([segments, value]);
  return out;
}

test('the schema compiles with ajv in strict mode', () => {
  const validate = compiler().getSchema('request');
  assert.ok(validate, 'schema did not compile');
});

/** "| Edit.Mode | `Sequential` |" rows: the page's example text for each parameter path. */
function parsePageExamples(markdown: string): Map<string, string> {
  const examples = new Map<string, string>();
  for (const line of markdown.split('\n')) {
    const row = /^\| ([A-Z][\w.[\]]*) \| `(.*)` \|$/.exec(line.trim());
    if (!row) continue;
    assert.ok(!examples.has(row[1]!), `${row[1]} has two examples`);
    examples.set(row[1]!, row[2]!);
  }
  return examples;
}

test('the sample request is made of the API page example values', () => {
  const pageExamples = parsePageExamples(readFileSync(API_PAGE_EXAMPLES_PATH, 'utf8'));
  assert.ok(pageExamples.size >= 25, `only ${pageExamples.size} page examples parsed`);
  const used = new Set<string>();
  for (const [segments, value] of leaves(PAGE_EXAMPLE, [], [])) {
    const where = joinPath(segments);
    const forms = typeof value === 'number' ? [String(value), value.toFixed(1)] : [typeof value === 'string' ? value : JSON.stringify(value)];
    const onPage = pageExamples.get(where);
    assert.ok(onPage !== undefined, `${where}: the API page gives no example for it`);
    assert.ok(forms.includes(onPage), `${where}: ${forms[0]} is not the API page's example ${onPage}`);
    used.add(where);
  }
  assert.deepEqual(
    [...pageExamples.keys()].filter((where) => !used.has(where)),
    [],
    'page examples missing from the sample request',
  );
});

test('the API page example request validates, and its values are the schema examples', () => {
  const ajv = compiler();
  const validate = ajv.getSchema('request')!;
  assert.equal(validate(PAGE_EXAMPLE), true, JSON.stringify(validate.errors));
  for (const [segments, value] of leaves(PAGE_EXAMPLE, [], [])) {
    const examples = nodeAt(segments)!.examples ?? [];
    assert.ok(
      examples.some((e) => JSON.stringify(e) === JSON.stringify(value)),
      `${joinPath(segments)}: the page's example ${JSON.stringify(value)} should be among the schema's examples`,
    );
  }
});

test('every example and default in the schema is valid for its own field', () => {
  const ajv = compiler();
  walkNodes(schema, '#', (node, where) => {
    if (node.examples === undefined && node.default === undefined) return;
    const validate = ajv.getSchema(`request${where}`);
    assert.ok(validate, `no subschema at ${where}`);
    for (const example of node.examples ?? []) assert.equal(validate(example), true, `${where}: example ${JSON.stringify(example)}`);
    if (node.default !== undefined) assert.equal(validate(node.default), true, `${where}: default ${JSON.stringify(node.default)}`);
  });
});

test('the schema rejects what the reference rules out', () => {
  const validate = compiler().getSchema('request')!;
  const source = { URI: 'oss://test-bucket/in.mp4' };
  const base = { ProjectName: 'immtest', Type: 'Retrieval', Sources: [source], Output: { URI: 'oss://test-bucket/out.mp4' } };
  assert.equal(validate(base), true, JSON.stringify(validate.errors));
  const invalid: [string, unknown][] = [
    ['11 sources', { ...base, Sources: Array.from({ length: 11 }, () => source) }],
    ['no sources', { ...base, Sources: [] }],
    ['an unknown Type', { ...base, Type: 'Extract' }],
    ['an unknown top-level key', { ...base, Priority: 1 }],
    ['Highlight.Content of 101 characters', { ...base, Highlight: { Content: 'x'.repeat(101) } }],
    ['Edit.Mode Auto', { ...base, Edit: { Mode: 'Auto' } }],
    ['BackgroundMusicMode Auto', { ...base, Edit: { Mode: 'Sequential', BackgroundMusicMode: 'Auto' } }],
    ['two background musics', { ...base, Edit: { Mode: 'Sequential', BackgroundMusics: [{ URI: 'oss://b-1/a.mp3' }, { URI: 'oss://b-1/b.mp3' }] } }],
    ['a fractional Weight', { ...base, Edit: { Mode: 'Sequential', Transitions: [{ Transition: 'fade', Weight: 1.5 }] } }],
    ['an empty Transition', { ...base, Edit: { Mode: 'Sequential', Transitions: [{ Transition: '' }] } }],
    ['Volume 11', { ...base, Edit: { Mode: 'Sequential', BackgroundMusics: [{ URI: 'oss://b-1/a.mp3', Volume: 11 }] } }],
    ['FontSize 4', { ...base, Output: { ...base.Output, Video: { FilterVideo: { Watermarks: [{ FontSize: 4 }] } } } }],
    ['FontApha 0', { ...base, Output: { ...base.Output, Video: { FilterVideo: { Watermarks: [{ FontApha: 0 }] } } } }],
    ['Rotation 45', { ...base, Output: { ...base.Output, Video: { TranscodeVideo: { Rotation: 45 } } } }],
    ['SampleRate 44000', { ...base, Output: { ...base.Output, Audio: { TranscodeAudio: { SampleRate: 44000 } } } }],
    ['a numeric Tags value', { ...base, Tags: { a: 1 } }],
    ['UserData as an object', { ...base, UserData: { ID: 'x' } }],
    ['MNS without TopicName', { ...base, Notification: { MNS: {} } }],
  ];
  for (const [what, request] of invalid) assert.equal(validate(request), false, `${what} should be rejected`);
  const accepted: [string, unknown][] = [
    ['any Highlight.Content text', { ...base, Highlight: { Content: '猫和狗' } }],
    ['an unknown transition name', { ...base, Edit: { Mode: 'Sequential', Transitions: [{ Transition: 'wipe-left' }] } }],
    ['FontApha 1 and FontSize 119', { ...base, Output: { ...base.Output, Video: { FilterVideo: { Watermarks: [{ FontApha: 1, FontSize: 119 }] } } } }],
  ];
  for (const [what, request] of accepted) assert.equal(validate(request), true, `${what} should be accepted: ${JSON.stringify(validate.errors)}`);
});
