/**
 * Inputs for the fuzz tests: jobs generated from the request schema, real jobs from demo/, edits that break
 * them the way typing, pasting and merging do, and plain garbage.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { Document, isCollection, visit } from 'yaml';
import { REQUEST_SCHEMA, resolveSchema, type SchemaNode } from '../../core/src/schema/schema';

const ROOT = path.resolve(__dirname, '../..');

/** The jobs in demo/: real files with comments, quoting and deliberate mistakes. */
export const SEED_JOBS: readonly string[] = readdirSync(path.join(ROOT, 'demo'))
  .filter((name) => name.endsWith('.yaml'))
  .sort()
  .map((name) => readFileSync(path.join(ROOT, 'demo', name), 'utf8'));

/** A small deterministic generator, so one fast-check seed gives one job. */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

const WORDS = [
  'oss://test-bucket/a.mp4',
  'oss://Bad_Bucket/x',
  'https://x.oss-cn-hangzhou.aliyuncs.com/a.mp4',
  '',
  ' ',
  'immtest',
  '{"a": 1}',
  'null',
  'true',
  '0x1F',
  '1e3',
  '中文',
  'émoji 😀',
  'a: b',
  '- x',
  '#',
  '*a',
  '&a',
];

/** A value for a schema node: mostly what the schema asks for, sometimes the wrong type, an unknown key or an out-of-range number. */
function valueFor(node: SchemaNode, next: () => number, depth: number): unknown {
  const schema = resolveSchema(node);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const roll = next();
  if (roll < 0.06) return pick<unknown>([null, 42, -1, 1.5, 'text', true, [], {}, WORDS[Math.floor(next() * WORDS.length)]]);
  if (schema.enum) return next() < 0.85 ? pick(schema.enum) : `${String(pick(schema.enum))}x`;
  switch (schema.type) {
    case 'object': {
      if (depth > 6) return {};
      const result: Record<string, unknown> = {};
      const properties = Object.entries(schema.properties ?? {});
      for (const [key, child] of properties) if (next() < (schema.required?.includes(key) ? 0.9 : 0.35)) result[key] = valueFor(child, next, depth + 1);
      if (typeof schema.additionalProperties === 'object' || properties.length === 0) {
        for (let i = Math.floor(next() * 3); i > 0; i--) result[`tag${i}`] = pick(WORDS);
      }
      if (next() < 0.1) result[pick(['Contianer', 'uri', 'Extra', 'Sources'])] = pick(WORDS);
      return result;
    }
    case 'array': {
      const count = next() < 0.1 ? 11 + Math.floor(next() * 5) : Math.floor(next() * 4);
      return Array.from({ length: count }, () => valueFor(schema.items ?? {}, next, depth + 1));
    }
    case 'integer':
      return next() < 0.8 ? Math.floor(next() * 200) - 10 : next() * 100;
    case 'number':
      return next() < 0.5 ? Math.round(next() * 1000) / 10 : Math.floor(next() * 2e6) - 1;
    case 'boolean':
      return next() < 0.5;
    case 'string': {
      const examples = (schema.examples ?? []).filter((e): e is string => typeof e === 'string');
      const suggestions = (schema['x-suggestions'] ?? []).map((s) => s.value);
      const options = [...examples, ...suggestions];
      return options.length && next() < 0.7 ? pick(options) : pick(WORDS);
    }
    default:
      return pick(WORDS);
  }
}

/** A job built from the schema and written as YAML: block style, flow style or a mix, with or without comments. */
export const schemaJob: fc.Arbitrary<string> = fc
  .tuple(fc.nat(), fc.constantFrom(0, 0.3, 1), fc.boolean(), fc.constantFrom(2, 4))
  .map(([seed, flowShare, comment, indent]) => {
    const next = random(seed);
    const document = new Document(valueFor(REQUEST_SCHEMA, next, 0));
    visit(document, (_key, node) => {
      if (isCollection(node)) node.flow = next() < flowShare;
    });
    const text = document.toString({ indent });
    return comment ? `# generated job ${seed}\n${text}` : text;
  });

/** Bits of YAML and of jobs that edits insert: indicators, indentation, line ends, anchors, tags, keys and values. */
const FRAGMENTS = [
  ':',
  ': ',
  '- ',
  '  ',
  '    ',
  '\t',
  '\n',
  '\r\n',
  '\r',
  '"',
  "'",
  '{',
  '}',
  '[',
  ']',
  ',',
  '&a ',
  '*a',
  '!!str ',
  '!!binary ',
  '!custom ',
  '# c',
  '|',
  '>-',
  '---\n',
  '...\n',
  '? ',
  '%YAML 1.2\n',
  '\\',
  '\u0000',
  '\uFEFF',
  '\u2028',
  '😀',
  'é',
  '中',
  '\ud800',
  'Sources:',
  'Type: ',
  'Concat',
  'Compose',
  'URI: ',
  'oss://',
  'Output:\n  ',
  'Edit:',
  '<<: *a',
  '- URI: oss://b/x.mp4\n',
  'Volume: 11',
  'Container: ',
  'null',
  '~',
  '1e400',
  '-0',
  '0o17',
  '.inf',
  'y',
  'Speed: ',
  '&',
  '*',
  '!',
  '@',
  '`',
];

export type Mutation =
  | { readonly kind: 'insert'; readonly at: number; readonly text: string }
  | { readonly kind: 'delete'; readonly at: number; readonly length: number }
  | { readonly kind: 'duplicate'; readonly at: number; readonly length: number }
  | { readonly kind: 'indent'; readonly line: number; readonly by: number };

/** Positions are fractions of the text length, so a mutation stays meaningful whatever text it is applied to. */
const where = fc.double({ min: 0, max: 1, noNaN: true });
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .record({ kind: fc.constant('insert' as const), at: where, text: fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 6, unit: 'binary' })) })
      .map((m) => ({ ...m, at: m.at })),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: where, length: fc.integer({ min: 1, max: 40 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('duplicate' as const), at: where, length: fc.integer({ min: 1, max: 80 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('indent' as const), line: where, by: fc.integer({ min: -4, max: 4 }) }) },
) as fc.Arbitrary<Mutation>;

export function applyMutation(text: string, m: Mutation): string {
  switch (m.kind) {
    case 'insert': {
      const at = Math.floor(m.at * text.length);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'delete': {
      const at = Math.floor(m.at * text.length);
      return text.slice(0, at) + text.slice(at + m.length);
    }
    case 'duplicate': {
      const at = Math.floor(m.at * text.length);
      return text.slice(0, at + m.length) + text.slice(at, at + m.length) + text.slice(at + m.length);
    }
    case 'indent': {
      const lines = text.split('\n');
      const index = Math.min(lines.length - 1, Math.floor(m.line * lines.length));
      const line = lines[index]!;
      lines[index] = m.by >= 0 ? ' '.repeat(m.by) + line : line.replace(new RegExp(`^ {0,${-m.by}}`), '');
      return lines.join('\n');
    }
  }
}

/** A real or generated job after a few edits. */
export const mutatedJob: fc.Arbitrary<string> = fc
  .tuple(fc.oneof(fc.constantFrom(...SEED_JOBS), schemaJob), fc.array(mutation, { maxLength: 8 }))
  .map(([text, mutations]) => mutations.reduce(applyMutation, text));

/** Text that was never YAML: random bytes read as Latin-1, random Unicode, random YAML-ish tokens. */
export const garbage: fc.Arbitrary<string> = fc.oneof(
  fc.uint8Array({ maxLength: 400 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
  fc.string({ maxLength: 300, unit: 'binary' }),
  fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 60 }).map((parts) => parts.join('')),
);

/** One construct repeated hundreds of times: the input that makes a recursive parser run out of stack. */
export const deepNesting: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('[', '{', '{a: ', '- ', '? ', 'a: ', '&a [', '!!seq [', '- [', '"', '\n', '  '),
    fc.integer({ min: 50, max: 3000 }),
    fc.constantFrom('', '1', ']', '}', '\n'),
  )
  .map(([unit, count, tail]) => unit.repeat(count) + tail);

/** Everything the fuzz tests feed the language service. */
export const anyJobText: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: schemaJob },
  { weight: 5, arbitrary: mutatedJob },
  { weight: 2, arbitrary: garbage },
  { weight: 1, arbitrary: deepNesting },
);
