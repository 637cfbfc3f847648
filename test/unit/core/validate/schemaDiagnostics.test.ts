import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver-types';
import { SchemaCode } from '../../../../core/src/shared/codes';
import { parseJob, type JsonPath } from '../../../../core/src/parse/document';
import type { FixHint } from '../../../../core/src/fixes/hint';
import { REQUEST_SCHEMA, resolveSchema, type SchemaNode } from '../../../../core/src/schema/schema';
import { validateJob } from '../../../../core/src/validate/validate';
import { positionIn, withRanges } from '../../../support/markers';

/*
 * Every constraint of the request schema, generated from the schema itself: a new enum, bound or required
 * property gets its cases without anyone editing this file. Each case writes a whole job with a small YAML
 * emitter of our own that records where it put each key and value, so the expected ranges do not come from
 * the code under test.
 */

const FIXTURES = join(__dirname, '../../../fixtures/jobs');

/** The rich Compose fixture: it uses nearly every object of the schema and has no diagnostics. */
const BASE = parseJob(readFileSync(join(FIXTURES, 'valid', 'compose.highlight.yaml'), 'utf8')).value as Record<string, unknown>;

// ---- a YAML emitter that knows where it wrote things ---------------------------------------------------

interface Spot {
  keyStart?: number;
  keyEnd?: number;
  /** For an array item: where its dash is. */
  dash?: number;
  valueStart?: number;
  valueEnd?: number;
  /** For a map: the key of its first entry. */
  firstKey?: JsonPath;
}

interface Emitted {
  readonly text: string;
  readonly spots: ReadonlyMap<string, Spot>;
}

const PLAIN = /^[A-Za-z][A-Za-z0-9_.-]*$/;
const YAML_WORDS = /^(?:true|false|null|yes|no|on|off|y|n|~)$/i;

function scalarText(value: unknown): string {
  if (typeof value === 'string') return PLAIN.test(value) && !YAML_WORDS.test(value) ? value : JSON.stringify(value);
  if (Array.isArray(value) && value.length === 0) return '[]';
  if (typeof value === 'object' && value !== null && Object.keys(value).length === 0) return '{}';
  return String(value);
}

function isBlock(value: unknown): value is Record<string, unknown> | unknown[] {
  return typeof value === 'object' && value !== null && (Array.isArray(value) ? value.length > 0 : Object.keys(value).length > 0);
}

function emit(root: Record<string, unknown>): Emitted {
  let out = '';
  const spots = new Map<string, Spot>();
  const spot = (path: JsonPath): Spot => {
    const key = JSON.stringify(path);
    let found = spots.get(key);
    if (!found) spots.set(key, (found = {}));
    return found;
  };
  const value = (v: unknown, path: JsonPath, indent: number): void => {
    if (!isBlock(v)) {
      out += ' ';
      spot(path).valueStart = out.length;
      out += scalarText(v);
      spot(path).valueEnd = out.length;
      out += '\n';
    } else if (Array.isArray(v)) {
      out += '\n';
      seq(v, path, indent + 2);
    } else {
      out += '\n';
      map(v, path, indent + 2, false);
    }
  };
  const map = (object: Record<string, unknown>, path: JsonPath, indent: number, inline: boolean): void => {
    Object.entries(object).forEach(([key, v], i) => {
      if (i === 0) spot(path).firstKey = [...path, key];
      if (i > 0 || !inline) out += ' '.repeat(indent);
      const s = spot([...path, key]);
      s.keyStart = out.length;
      out += key;
      s.keyEnd = out.length;
      out += ':';
      value(v, [...path, key], indent);
    });
  };
  const seq = (items: readonly unknown[], path: JsonPath, indent: number): void => {
    items.forEach((item, i) => {
      out += ' '.repeat(indent);
      const s = spot([...path, i]);
      s.dash = out.length;
      out += '-';
      if (isBlock(item) && !Array.isArray(item)) {
        out += ' ';
        map(item, [...path, i], indent + 2, true);
      } else if (isBlock(item)) {
        throw new Error('lists of lists do not occur in the request');
      } else {
        out += ' ';
        s.valueStart = out.length;
        out += scalarText(item);
        s.valueEnd = out.length;
        out += '\n';
      }
    });
  };
  map(root, [], 0, false);
  return { text: out, spots };
}

function toRange(text: string, start: number, end: number): Range {
  return { start: positionIn(text, start), end: positionIn(text, end) };
}

function expectedValueRange(emitted: Emitted, path: JsonPath): Range {
  const s = emitted.spots.get(JSON.stringify(path));
  assert.ok(s?.valueStart !== undefined && s.valueEnd !== undefined, `no scalar written at ${JSON.stringify(path)}`);
  return toRange(emitted.text, s.valueStart, s.valueEnd);
}

/** The key of a property; for a list item, the dash up to the end of its first key (or its whole scalar). */
function expectedKeyRange(emitted: Emitted, path: JsonPath): Range {
  const s = emitted.spots.get(JSON.stringify(path));
  if (path.length === 0 || typeof path[path.length - 1] === 'number') {
    const firstKey = s?.firstKey ? emitted.spots.get(JSON.stringify(s.firstKey)) : undefined;
    if (path.length === 0) return toRange(emitted.text, firstKey!.keyStart!, firstKey!.keyEnd!);
    assert.ok(s?.dash !== undefined);
    return toRange(emitted.text, s.dash, firstKey?.keyEnd ?? s.valueEnd!);
  }
  assert.ok(s?.keyStart !== undefined && s.keyEnd !== undefined, `no key written at ${JSON.stringify(path)}`);
  return toRange(emitted.text, s.keyStart, s.keyEnd);
}

// ---- building jobs from the schema ---------------------------------------------------------------------

const OSS_URI = 'oss://test-bucket/x/y.mp4';

/** A small value that the schema accepts. */
function minimal(node: SchemaNode): unknown {
  const schema = resolveSchema(node);
  if (schema.enum) return schema.enum[0];
  switch (schema.type) {
    case 'object': {
      const result: Record<string, unknown> = {};
      for (const key of schema.required ?? []) result[key] = minimal(schema.properties![key]!);
      return result;
    }
    case 'array':
      return [minimal(schema.items!)];
    case 'string':
      if (schema['x-format'] === 'oss-uri') return OSS_URI;
      if (schema.examples?.[0] !== undefined) return schema.examples[0];
      return schema.pattern ? 'red' : 'x';
    case 'number':
    case 'integer':
      return schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 1);
    case 'boolean':
      return false;
    default:
      throw new Error(`no minimal value for ${JSON.stringify(schema)}`);
  }
}

function clone<T>(value: T): T {
  return structuredClone(value);
}

/** The schema of the container at each step of a path, so missing containers can be made. */
function childSchema(schema: SchemaNode, segment: string | number): SchemaNode {
  const resolved = resolveSchema(schema);
  if (typeof segment === 'number') return resolveSchema(resolved.items!);
  const property = resolved.properties?.[segment];
  if (property) return resolveSchema(property);
  assert.ok(typeof resolved.additionalProperties === 'object');
  return resolveSchema(resolved.additionalProperties);
}

/** The base job with `edit` applied to the container of `path` (made if missing), and the key written last. */
function jobWith(path: JsonPath, edit: (container: Record<string, unknown> | unknown[], last: string | number) => void): Record<string, unknown> {
  const job = clone(BASE);
  let container: Record<string, unknown> | unknown[] = job;
  let schema: SchemaNode = REQUEST_SCHEMA;
  for (const segment of path.slice(0, -1)) {
    schema = childSchema(schema, segment);
    const current = (container as Record<string | number, unknown>)[segment];
    if (typeof current !== 'object' || current === null) (container as Record<string | number, unknown>)[segment] = minimal(schema);
    container = (container as Record<string | number, unknown>)[segment] as Record<string, unknown> | unknown[];
  }
  edit(container, path[path.length - 1]!);
  return job;
}

function setAt(path: JsonPath, value: unknown): Record<string, unknown> {
  return jobWith(path, (container, last) => {
    (container as Record<string | number, unknown>)[last] = value;
  });
}

/** Every property of the schema with its path (list items as index 0) and its resolved schema. */
function* properties(schema: SchemaNode = REQUEST_SCHEMA, path: JsonPath = []): Generator<{ path: JsonPath; schema: SchemaNode }> {
  const resolved = resolveSchema(schema);
  if (path.length > 12) throw new Error('the schema nests deeper than a request can');
  for (const [key, child] of Object.entries(resolved.properties ?? {})) {
    const childPath = [...path, key];
    const childResolved = resolveSchema(child);
    yield { path: childPath, schema: childResolved };
    if (childResolved.type === 'object') yield* properties(childResolved, childPath);
    if (childResolved.type === 'array' && childResolved.items) {
      const items = resolveSchema(childResolved.items);
      yield { path: [...childPath, 0], schema: items };
      if (items.type === 'object') yield* properties(items, [...childPath, 0]);
    }
  }
  if (typeof resolved.additionalProperties === 'object') {
    yield { path: [...path, 'anyTag'], schema: resolveSchema(resolved.additionalProperties) };
  }
}

/** Every object schema with its path, the root included. */
function* objects(): Generator<{ path: JsonPath; schema: SchemaNode }> {
  yield { path: [], schema: resolveSchema(REQUEST_SCHEMA) };
  for (const entry of properties()) if (entry.schema.type === 'object') yield entry;
}

function display(path: JsonPath): string {
  let text = '';
  for (const segment of path) text += typeof segment === 'number' ? `[${segment}]` : text ? `.${segment}` : segment;
  return text;
}

// ---- checking a case -----------------------------------------------------------------------------------

const RAW_AJV = [
  'must be equal to one of the allowed values',
  'must NOT have additional properties',
  'must match pattern',
  'must have required property',
  'must NOT have more than',
  'must NOT have fewer than',
  'must NOT be longer than',
  'must NOT be shorter than',
  'must be integer',
  'must be <=',
  'must be >=',
  'must be <',
  'must be >',
  'matches multiple schemas',
  'must match exactly one schema',
  'must match a schema in anyOf',
  'allowedValues',
  'instancePath',
  '#/definitions',
];

/** Descriptions of the schema: a message that quotes one is echoing the schema rather than the user's problem. */
const DESCRIPTIONS = [
  ...[...properties()].map((p) => p.schema.description).filter((d): d is string => !!d && d.length > 30),
  ...[...properties()].map((p) => (p.schema as { title?: string }).title).filter((t): t is string => !!t),
];

function assertPlainWords(message: string): void {
  for (const raw of RAW_AJV) assert.ok(!message.includes(raw), `raw validator wording ${JSON.stringify(raw)} in: ${message}`);
  for (const description of DESCRIPTIONS) assert.ok(!message.includes(description), `schema description in: ${message}`);
}

/** The one error a job has; warnings of the API rules are not what these cases are about. */
function onlyError(job: Record<string, unknown>): { diagnostic: Diagnostic; emitted: Emitted } {
  const emitted = emit(job);
  const errors = validateJob(parseJob(emitted.text)).filter((d) => d.severity === DiagnosticSeverity.Error);
  assert.equal(errors.length, 1, `expected one error, got ${JSON.stringify(errors.map((e) => e.message))} in\n${emitted.text}`);
  assertPlainWords(errors[0]!.message);
  return { diagnostic: errors[0]!, emitted };
}

function fixesOf(diagnostic: Diagnostic): readonly FixHint[] {
  return (diagnostic.data as { fixes?: FixHint[] } | undefined)?.fixes ?? [];
}

// ---- the cases -----------------------------------------------------------------------------------------

test('the base job and every valid fixture have no diagnostics', () => {
  assert.deepEqual(validateJob(parseJob(emit(BASE).text)), []);
  for (const file of readdirSync(join(FIXTURES, 'valid'))) {
    const diagnostics = validateJob(parseJob(readFileSync(join(FIXTURES, 'valid', file), 'utf8')));
    assert.deepEqual(diagnostics, [], file);
  }
});

test('the schema uses only keywords whose errors have a message of their own', () => {
  const handled = new Set([
    '$schema',
    '$ref',
    'description',
    'type',
    'properties',
    'required',
    'additionalProperties',
    'items',
    'enum',
    'enumDescriptions',
    'default',
    'examples',
    'minimum',
    'maximum',
    'exclusiveMinimum',
    'exclusiveMaximum',
    'minLength',
    'maxLength',
    'minItems',
    'maxItems',
    'pattern',
    'definitions',
    'x-suggestions',
    'x-format',
    'x-patternMessage',
    'x-documentedNames',
    'x-neutral',
    // Annotations only; a message must not quote a title (checked with the descriptions).
    'title',
    '$comment',
  ]);
  const visit = (node: unknown, inside: string): void => {
    if (typeof node !== 'object' || node === null || Array.isArray(node)) return;
    for (const [key, child] of Object.entries(node)) {
      assert.ok(handled.has(key), `${inside}: keyword ${key} has no message in schemaDiagnostics`);
      if (key === 'properties' || key === 'definitions') for (const [k, v] of Object.entries(child as object)) visit(v, `${inside}/${k}`);
      else if (key === 'items' || key === 'additionalProperties') visit(child, `${inside}/${key}`);
    }
  };
  visit(REQUEST_SCHEMA, '#');
});

describe('wrong types are reported at the value', () => {
  const wrongValue = (schema: SchemaNode): { value: unknown; shown: RegExp } => {
    switch (schema.type) {
      case 'integer':
        return { value: 1.5, shown: /must be a whole number; it is the number 1\.5\./ };
      case 'number':
        return { value: 'abc', shown: /must be a number; it is the text "abc"\./ };
      case 'boolean':
        return { value: 'sure', shown: /must be true or false; it is the text "sure"\./ };
      case 'string':
        return { value: 12, shown: /must be text \(a string\); it is the number 12\./ };
      case 'object':
        return { value: 'abc', shown: /must be a mapping of keys to values; it is the text "abc"\./ };
      case 'array':
        return { value: 'abc', shown: /must be a list; it is the text "abc"\./ };
      default:
        throw new Error(`unexpected type ${schema.type}`);
    }
  };
  for (const { path, schema } of properties()) {
    const { value, shown } = wrongValue(schema);
    test(`${display(path)} given ${JSON.stringify(value)}`, () => {
      const { diagnostic, emitted } = onlyError(setAt(path, value));
      assert.equal(diagnostic.code, SchemaCode.Type);
      assert.deepEqual(diagnostic.range, expectedValueRange(emitted, path));
      assert.ok(diagnostic.message.startsWith(`${display(path)} must be`), diagnostic.message);
      assert.match(diagnostic.message, shown);
    });
  }
});

describe('values outside an enum are reported at the value with did-you-mean and the valid list', () => {
  const transposed = (value: string): string | undefined => {
    // The first two letters swapped: in the middle, yuva420p → yuv4a20p would be as near to yuv420p.
    if (value.length < 4) return undefined;
    const swapped = value[1]! + value[0]! + value.slice(2);
    return swapped === value ? undefined : swapped;
  };
  for (const { path, schema } of properties()) {
    if (!schema.enum) continue;
    const allowed = schema.enum.map(String);
    const validList = `Valid: ${allowed.join(', ')}.`;
    for (const correct of schema.enum) {
      const slips: unknown[] = [];
      if (typeof correct === 'string') {
        slips.push(correct === correct.toLowerCase() ? correct.toUpperCase() : correct.toLowerCase());
        const swapped = transposed(correct);
        if (swapped && !allowed.includes(swapped)) slips.push(swapped);
      }
      for (const slip of slips) {
        test(`${display(path)}: ${JSON.stringify(slip)} for ${JSON.stringify(correct)}`, () => {
          const { diagnostic, emitted } = onlyError(setAt(path, slip));
          assert.equal(diagnostic.code, SchemaCode.Enum);
          assert.deepEqual(diagnostic.range, expectedValueRange(emitted, path));
          assert.equal(diagnostic.message, `\`${String(slip)}\` is not a valid ${display(path)}. Did you mean \`${correct}\`? ${validList}`);
          assert.deepEqual(fixesOf(diagnostic), [{ kind: 'replace-value', path, value: correct }]);
        });
      }
    }
    if (typeof schema.enum[0] === 'number') {
      const outside = Math.max(...(schema.enum as number[])) * 10 + 7;
      test(`${display(path)}: ${outside} is not one of the numbers`, () => {
        const { diagnostic, emitted } = onlyError(setAt(path, outside));
        assert.equal(diagnostic.code, SchemaCode.Enum);
        assert.deepEqual(diagnostic.range, expectedValueRange(emitted, path));
        assert.equal(diagnostic.message, `\`${outside}\` is not a valid ${display(path)}. ${validList}`);
      });
    } else {
      test(`${display(path)}: an unrelated word gets the list without a guess`, () => {
        const { diagnostic } = onlyError(setAt(path, 'Zyzzyva'));
        assert.equal(diagnostic.code, SchemaCode.Enum);
        assert.equal(diagnostic.message, `\`Zyzzyva\` is not a valid ${display(path)}. ${validList}`);
        assert.deepEqual(fixesOf(diagnostic), []);
      });
    }
  }

  test('a number close to a numeric enum value is guessed', () => {
    const path = ['Output', 'Audio', 'TranscodeAudio', 'SampleRate'];
    const { diagnostic } = onlyError(setAt(path, 44000));
    assert.match(diagnostic.message, /Did you mean `44100`\?/);
    assert.deepEqual(fixesOf(diagnostic), [{ kind: 'replace-value', path, value: 44100 }]);
    assert.match(onlyError(setAt(['Output', 'Video', 'TranscodeVideo', 'Rotation'], 91)).diagnostic.message, /Did you mean `90`\?/);
    assert.doesNotMatch(onlyError(setAt(['Output', 'Video', 'TranscodeVideo', 'Rotation'], 45)).diagnostic.message, /Did you mean/);
  });
});

describe('missing required properties are reported at the key of the object that lacks them', () => {
  for (const { path, schema } of objects()) {
    for (const missing of schema.required ?? []) {
      test(`${display(path) || 'the request'} without ${missing}`, () => {
        const job = jobWith([...path, missing], (container, last) => {
          delete (container as Record<string, unknown>)[last as string];
        });
        const { diagnostic, emitted } = onlyError(job);
        assert.equal(diagnostic.code, SchemaCode.Required);
        assert.deepEqual(diagnostic.range, expectedKeyRange(emitted, path));
        const where = path.length === 0 ? 'The request' : display(path);
        assert.equal(diagnostic.message, `${where} is missing the required property \`${missing}\`.`);
        assert.deepEqual(fixesOf(diagnostic), [{ kind: 'add-properties', path, properties: [missing] }]);
      });
    }
  }

  test('a flow-style list item that lacks a property is marked whole', () => {
    for (const marked of [
      // A space after the list's [ so that the [[ marker is not read into it.
      'Sources: [ [[{StartTime: 1}]], {URI: oss://test-bucket/a.mp4}]',
      'Sources:\n  [[- {StartTime: 1}]]\n  - {URI: oss://test-bucket/a.mp4}',
      'Sources: [ [[{}]] ]',
    ]) {
      const { text, ranges } = withRanges(`ProjectName: p\nType: Concat\n${marked}\nOutput: {URI: oss://test-bucket/o.mp4, Container: mp4}\n`);
      const found = validateJob(parseJob(text));
      assert.deepEqual(
        found.map((d) => [d.code, d.range]),
        [[SchemaCode.Required, ranges[0]]],
        marked,
      );
    }
  });

  test('several missing properties of one object make one diagnostic that names them all', () => {
    const { text, ranges } = withRanges('[[Type]]: Concat\n');
    const diagnostics = validateJob(parseJob(text));
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range, d.message]),
      [[SchemaCode.Required, ranges[0], 'The request is missing the required properties `ProjectName`, `Sources` and `Output`.']],
    );
  });
});

describe('numbers outside their range are reported at the value', () => {
  for (const { path, schema } of properties()) {
    if (schema.type !== 'number' && schema.type !== 'integer') continue;
    const step = schema.type === 'integer' ? 1 : 0.5;
    const bounds: { value: number; words: string }[] = [];
    if (schema.minimum !== undefined) bounds.push({ value: schema.minimum - step, words: `at least ${schema.minimum}` });
    if (schema.maximum !== undefined) bounds.push({ value: schema.maximum + step, words: `at most ${schema.maximum}` });
    if (schema.exclusiveMinimum !== undefined) bounds.push({ value: schema.exclusiveMinimum, words: `greater than ${schema.exclusiveMinimum}` });
    if (schema.exclusiveMaximum !== undefined) bounds.push({ value: schema.exclusiveMaximum, words: `less than ${schema.exclusiveMaximum}` });
    for (const { value, words } of bounds) {
      test(`${display(path)} = ${value} (must be ${words})`, () => {
        const { diagnostic, emitted } = onlyError(setAt(path, value));
        assert.equal(diagnostic.code, SchemaCode.Range);
        assert.deepEqual(diagnostic.range, expectedValueRange(emitted, path));
        assert.ok(diagnostic.message.startsWith(`${display(path)} is ${value}; it must be `), diagnostic.message);
        assert.ok(diagnostic.message.includes(words), diagnostic.message);
      });
    }
    const edges = [schema.minimum, schema.maximum].filter((v): v is number => v !== undefined);
    if (schema.exclusiveMinimum !== undefined) edges.push(schema.exclusiveMinimum + step);
    if (schema.exclusiveMaximum !== undefined) edges.push(schema.exclusiveMaximum - step);
    for (const edge of edges) {
      test(`${display(path)} = ${edge} is inside the range`, () => {
        const errors = validateJob(parseJob(emit(setAt(path, edge)).text)).filter((d) => d.severity === DiagnosticSeverity.Error);
        assert.deepEqual(errors, []);
      });
    }
  }
});

describe('text length', () => {
  for (const { path, schema } of properties()) {
    if (schema.maxLength !== undefined) {
      test(`${display(path)} of ${schema.maxLength + 1} characters is too long, at the value`, () => {
        const { diagnostic, emitted } = onlyError(setAt(path, 'x'.repeat(schema.maxLength! + 1)));
        assert.equal(diagnostic.code, SchemaCode.TooLong);
        assert.deepEqual(diagnostic.range, expectedValueRange(emitted, path));
        assert.equal(diagnostic.message, `${display(path)} has ${schema.maxLength! + 1} characters; at most ${schema.maxLength} are allowed.`);
      });
      test(`${display(path)} of ${schema.maxLength} characters is accepted`, () => {
        assert.deepEqual(validateJob(parseJob(emit(setAt(path, 'x'.repeat(schema.maxLength!))).text)), []);
      });
    }
    if (schema.minLength === 1 && schema['x-format'] !== 'oss-uri') {
      test(`${display(path)} empty is reported at the value`, () => {
        const { diagnostic, emitted } = onlyError(setAt(path, ''));
        assert.equal(diagnostic.code, SchemaCode.TooShort);
        assert.deepEqual(diagnostic.range, expectedValueRange(emitted, path));
        assert.equal(diagnostic.message, `${display(path)} must not be empty.`);
      });
    }
  }
});

describe('list lengths are reported at the key of the list, never the whole list', () => {
  for (const { path, schema } of properties()) {
    if (schema.type !== 'array') continue;
    const item = minimal(schema.items!);
    if (schema.maxItems !== undefined) {
      const count = schema.maxItems + 1;
      test(`${display(path)} with ${count} items`, () => {
        const { diagnostic, emitted } = onlyError(
          setAt(
            path,
            Array.from({ length: count }, () => clone(item)),
          ),
        );
        assert.equal(diagnostic.code, SchemaCode.TooManyItems);
        assert.deepEqual(diagnostic.range, expectedKeyRange(emitted, path));
        assert.equal(diagnostic.range.start.line, diagnostic.range.end.line);
        assert.equal(diagnostic.message, `${display(path)} has ${count} items; at most ${schema.maxItems} ${schema.maxItems === 1 ? 'is' : 'are'} allowed.`);
      });
      test(`${display(path)} with ${schema.maxItems} items is accepted`, () => {
        const job = setAt(
          path,
          Array.from({ length: schema.maxItems! }, () => clone(item)),
        );
        const errors = validateJob(parseJob(emit(job).text)).filter((d) => d.severity === DiagnosticSeverity.Error);
        assert.deepEqual(errors, []);
      });
    }
    if (schema.minItems !== undefined) {
      test(`${display(path)}: [] has too few items`, () => {
        const { diagnostic, emitted } = onlyError(setAt(path, []));
        assert.equal(diagnostic.code, SchemaCode.TooFewItems);
        assert.deepEqual(diagnostic.range, expectedKeyRange(emitted, path));
        assert.equal(diagnostic.message, `${display(path)} needs at least ${schema.minItems} item${schema.minItems === 1 ? '' : 's'}.`);
      });
    }
  }

  test('the ranges the brief names: Sources 11, BackgroundMusics 2, Transitions 11, VfxEffects 11', () => {
    const { text, ranges } = withRanges(`ProjectName: p
Type: Compose
[[Sources]]: [${Array(11).fill('{URI: oss://test-bucket/a.mp4}').join(', ')}]
Edit:
  Mode: Sequential
  BackgroundMusicMode: Random
  [[BackgroundMusics]]:
    - URI: oss://test-bucket/a.mp3
    - URI: oss://test-bucket/b.mp3
  TransitionMode: Random
  [[Transitions]]: [${Array(11).fill('{Transition: fade}').join(', ')}]
  VfxEffectMode: Random
  [[VfxEffects]]:
${'    - VfxEffect: letterboxed\n'.repeat(11)}Output: {URI: oss://test-bucket/o.mp4, Container: mp4}
`);
    const diagnostics = validateJob(parseJob(text));
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range]),
      ranges.map((r) => [SchemaCode.TooManyItems, r]),
    );
  });
});

describe('unknown properties are reported at the key', () => {
  const misspelt = (key: string): string => (key.length > 3 ? key.slice(0, -2) + key[key.length - 1] + key[key.length - 2] : `${key}x`);
  for (const { path, schema } of objects()) {
    if (schema.additionalProperties !== false) continue;
    const known = Object.keys(schema.properties ?? {});
    const target = known[0]!;
    const typo = misspelt(target);
    if (known.includes(typo)) continue;
    test(`${display(path) || 'the request'}: ${typo} for ${target}`, () => {
      const job = jobWith([...path, typo], (container, last) => {
        (container as Record<string, unknown>)[last as string] = (container as Record<string, unknown>)[target] ?? 'x';
        delete (container as Record<string, unknown>)[target];
      });
      const emitted = emit(job);
      const diagnostics = validateJob(parseJob(emitted.text)).filter((d) => d.code === SchemaCode.Unknown);
      assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
      const [diagnostic] = diagnostics;
      assertPlainWords(diagnostic!.message);
      assert.deepEqual(diagnostic!.range, expectedKeyRange(emitted, [...path, typo]));
      const where = path.length === 0 ? 'the request' : display(path);
      // A required key renamed away is missing too: the one diagnostic says that the rename fixes both.
      const required = (schema.required ?? []).includes(target) ? ` \`${target}\` is required here, so the rename also fixes that.` : '';
      assert.equal(diagnostic!.message, `Unknown property \`${typo}\` in ${where}. Did you mean \`${target}\`? Valid: ${known.join(', ')}.${required}`);
      assert.deepEqual(fixesOf(diagnostic!), [
        { kind: 'rename-key', path: [...path, typo], key: target },
        { kind: 'remove-property', path: [...path, typo] },
      ]);
    });
    test(`${display(path) || 'the request'}: an unrelated key gets the valid list and a removal only`, () => {
      const { diagnostic, emitted } = onlyError(setAt([...path, 'Qwertyuiop'], 1));
      assert.equal(diagnostic.code, SchemaCode.Unknown);
      assert.deepEqual(diagnostic.range, expectedKeyRange(emitted, [...path, 'Qwertyuiop']));
      assert.ok(!diagnostic.message.includes('Did you mean'), diagnostic.message);
      assert.deepEqual(fixesOf(diagnostic), [{ kind: 'remove-property', path: [...path, 'Qwertyuiop'] }]);
    });
  }

  test('a misspelt required key is reported once, as unknown, not also as missing', () => {
    const { text, ranges } = withRanges(`${emit(BASE).text.replace('  Content: People', '  [[Contnet]]: People')}`);
    const errors = validateJob(parseJob(text)).filter((d) => d.severity === DiagnosticSeverity.Error);
    assert.deepEqual(
      errors.map((d) => [d.code, d.range]),
      [[SchemaCode.Unknown, ranges[0]]],
    );
  });

  test('a misspelt key that guesses another property leaves the missing one reported', () => {
    const { text, ranges } = withRanges('ProjectName: p\nType: Retrieval\nSources: [{URI: oss://test-bucket/a.mp4}]\n[[Output]]:\n  [[Containr]]: mp4\n');
    const errors = validateJob(parseJob(text)).filter((d) => d.severity === DiagnosticSeverity.Error);
    assert.deepEqual(
      errors.map((d) => [d.code, d.range, d.message]),
      [
        [SchemaCode.Required, ranges[0], 'Output is missing the required property `URI`.'],
        [
          SchemaCode.Unknown,
          ranges[1],
          'Unknown property `Containr` in Output. Did you mean `Container`? Valid: URI, Container, Speed, MaxDuration, Segment, Video, Audio.',
        ],
      ],
    );
  });

  test('keys are case sensitive: projectname is unknown, with a guess', () => {
    const { text, ranges } = withRanges(emit(BASE).text.replace('ProjectName:', '[[projectname]]:'));
    const diagnostics = validateJob(parseJob(text)).filter((d) => d.code === SchemaCode.Unknown);
    assert.deepEqual(
      diagnostics.map((d) => d.range),
      ranges,
    );
    assert.match(diagnostics[0]!.message, /Did you mean `ProjectName`\?/);
  });
});

describe('patterns', () => {
  for (const { path, schema } of properties()) {
    if (!schema.pattern) continue;
    if (schema['x-format'] === 'oss-uri') {
      test(`${display(path)}: a web address is reported once, by the OSS URI rule, at the value`, () => {
        const { diagnostic, emitted } = onlyError(setAt(path, 'https://example.com/a.mp4'));
        assert.equal(diagnostic.code, 'invalid-oss-uri');
        assert.deepEqual(diagnostic.range, expectedValueRange(emitted, path));
      });
      test(`${display(path)}: empty is reported once, by the OSS URI rule`, () => {
        const { diagnostic } = onlyError(setAt(path, ''));
        assert.equal(diagnostic.code, 'invalid-oss-uri');
      });
      continue;
    }
    test(`${display(path)}: a value not matching the pattern is described, not shown as a regex`, () => {
      const { diagnostic, emitted } = onlyError(setAt(path, 'not valid!'));
      assert.equal(diagnostic.code, SchemaCode.Pattern);
      assert.deepEqual(diagnostic.range, expectedValueRange(emitted, path));
      assert.ok(schema['x-patternMessage'], `${display(path)} needs an x-patternMessage`);
      assert.equal(diagnostic.message, `\`not valid!\` is not valid for ${display(path)}: expected ${schema['x-patternMessage']}.`);
      assert.ok(!diagnostic.message.includes(schema.pattern!));
    });
  }

  test('Resolution accepts its three forms and rejects sides outside 1–4096', () => {
    const path = ['Output', 'Video', 'TranscodeVideo', 'Resolution'];
    for (const ok of ['1280x720', '1280x', 'x720', '4096x4096', '1x1']) {
      assert.deepEqual(validateJob(parseJob(emit(setAt(path, ok)).text)), [], ok);
    }
    for (const bad of ['4097x720', '0x720', 'x', '1280X720', '1280 x 720', '-1x5']) {
      assert.equal(onlyError(setAt(path, bad)).diagnostic.code, SchemaCode.Pattern, bad);
    }
  });
});

describe('numbers YAML has and JSON has not', () => {
  for (const [text, words] of [
    ['.nan', 'not a number (.nan)'],
    ['.inf', 'infinite'],
    ['-.inf', 'infinite'],
  ] as const) {
    test(`${text} is a wrong type, described in words`, () => {
      const { text: job, ranges } = withRanges(emit(BASE).text.replace(/^ {2}Speed: .*$/m, `  Speed: [[${text}]]`));
      const errors = validateJob(parseJob(job)).filter((d) => d.severity === DiagnosticSeverity.Error);
      assert.deepEqual(
        errors.map((d) => [d.code, d.range, d.message]),
        [[SchemaCode.Type, ranges[0], `Output.Speed must be a number; it is ${words}.`]],
      );
    });
  }
});

describe('UserData written as YAML', () => {
  test('a mapping gets the JSON-text fix at the key of the block mapping', () => {
    const { text, ranges } = withRanges(`${emit(BASE).text.replace(/^UserData:.*$/m, '[[UserData]]:\n  ID: testuid\n  Name: test-user')}`);
    const [d] = validateJob(parseJob(text)).filter((x) => x.severity === DiagnosticSeverity.Error);
    assert.deepEqual(d!.range, ranges[0]);
    assert.equal(d!.code, SchemaCode.Type);
    assert.match(d!.message, /^UserData must be a string: .*turns this mapping into that JSON text\.$/);
    assert.deepEqual(fixesOf(d!), [{ kind: 'to-json-string', path: ['UserData'] }]);
  });

  test('a flow list gets the fix at the list and calls it a list', () => {
    const { text, ranges } = withRanges(`${emit(BASE).text.replace(/^UserData:.*$/m, 'UserData: [[[1, 2]]]')}`);
    const [d] = validateJob(parseJob(text)).filter((x) => x.severity === DiagnosticSeverity.Error);
    assert.deepEqual(d!.range, { start: ranges[0]!.start, end: { line: ranges[0]!.end.line, character: ranges[0]!.end.character + 1 } });
    assert.match(d!.message, /turns this list into that JSON text/);
  });

  test('Type given a mapping is a type error without the JSON-text fix', () => {
    const { diagnostic } = onlyError(setAt(['Type'], { Retrieval: true }));
    assert.equal(diagnostic.message, 'Type must be text (a string); it is a mapping.');
    assert.deepEqual(fixesOf(diagnostic), []);
  });
});

describe('the root of the file', () => {
  test('a list instead of a mapping is reported on its first line', () => {
    const { text, ranges } = withRanges('[[- ProjectName: p]]\n- Type: Concat\n');
    const diagnostics = validateJob(parseJob(text));
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range, d.message]),
      [[SchemaCode.Type, ranges[0], 'The request must be a mapping of keys to values; it is a list of 2 items.']],
    );
  });

  test('a plain word is reported at the word', () => {
    const { text, ranges } = withRanges('[[hello]]\n');
    assert.deepEqual(
      validateJob(parseJob(text)).map((d) => d.range),
      ranges,
    );
  });
});

describe('job fixtures', () => {
  /**
   * `# expect: <code> at L:C-L:C` lines at the top of a broken fixture: 1-based line and column as an editor
   * shows them, the end column being the first character after the range.
   */
  const EXPECT = /^# expect: (\S+) at (\d+):(\d+)-(\d+):(\d+)$/;
  const files = readdirSync(join(FIXTURES, 'broken')).filter((f) => f.endsWith('.yaml'));

  test('there are broken fixtures, and each one states what it expects', () => {
    assert.ok(files.length >= 4);
  });

  for (const file of files) {
    test(`${file} has exactly the diagnostics its header lists`, () => {
      const text = readFileSync(join(FIXTURES, 'broken', file), 'utf8');
      const expected = text
        .split('\n')
        .map((line) => EXPECT.exec(line))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => ({
          code: m[1],
          range: { start: { line: Number(m[2]) - 1, character: Number(m[3]) - 1 }, end: { line: Number(m[4]) - 1, character: Number(m[5]) - 1 } },
        }));
      assert.ok(expected.length > 0, `${file} has no # expect: lines`);
      const actual = validateJob(parseJob(text)).map((d) => ({ code: d.code, range: d.range }));
      assert.deepEqual(actual, expected);
    });
  }
});

describe('empty enum values', () => {
  test('names the valid values when an enum field is left empty, at its key', () => {
    const { text, ranges } = withRanges(
      'ProjectName: immtest\n[[Type]]:\nSources:\n  - URI: oss://test-bucket/a.mp4\nOutput:\n  URI: oss://test-bucket/o.mp4\n',
    );
    const diagnostics = validateJob(parseJob(text));
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.message, d.range]),
      [[SchemaCode.Type, 'Type is empty. Valid: Retrieval, Concat, Compose.', ranges[0]]],
    );
  });
});

describe('a value without a key', () => {
  test('is reported at its colon, saying the key is missing', () => {
    const { text, ranges } = withRanges(
      'ProjectName: immtest\n[[:]] oops\nType: Retrieval\nSources:\n  - URI: oss://test-bucket/a.mp4\nOutput:\n  URI: oss://test-bucket/o.mp4\n',
    );
    const [diagnostic, ...rest] = validateJob(parseJob(text));
    assert.deepEqual(rest, []);
    assert.equal(diagnostic?.code, SchemaCode.Unknown);
    assert.deepEqual(diagnostic?.range, ranges[0]);
    assert.match(diagnostic?.message ?? '', /^A value without a key in the request: write the key before the colon\./);
  });
});
