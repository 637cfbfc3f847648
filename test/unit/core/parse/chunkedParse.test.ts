import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { chunkedParseSettings, isStitched } from '../../../../core/src/parse/chunkedParse';
import { parseJob, parseWholeJob, type JobDocument } from '../../../../core/src/parse/document';
import { sourcesJob } from '../../../../bench/documents';
import { assertSameParse } from '../../../support/sameParse';

// A fixed seed, so a failure here is the same failure on every machine (INCREMENTAL_PARSE_SEED explores others).
const SEED = Number(process.env.INCREMENTAL_PARSE_SEED ?? 20261125);

/** Runs `body` with chunking enabled from `minLength` characters on, so small generated jobs are chunked too. */
function withMinLength<T>(minLength: number, body: () => T): T {
  const saved = chunkedParseSettings.minLength;
  chunkedParseSettings.minLength = minLength;
  try {
    return body();
  } finally {
    chunkedParseSettings.minLength = saved;
  }
}

// ---- Generated jobs: the shapes of real ones, and the mistakes and YAML corners people write. ----

const word = fc.constantFrom('a', 'clip', 'b-2', 'x_y', 'mp4', 'Zz9');
const plainUri = word.map((w) => `oss://test-bucket/videos/${w}.mp4`);
const scalar = fc.oneof(
  { weight: 4, arbitrary: plainUri },
  { weight: 2, arbitrary: plainUri.map((u) => `"${u}"`) },
  { weight: 1, arbitrary: plainUri.map((u) => `'${u}'`) },
  { weight: 4, arbitrary: fc.integer({ min: -5, max: 100 }).map(String) },
  { weight: 4, arbitrary: fc.constantFrom('true', 'null', '~', '1.5', '.nan', '0x1F', '"a # not a comment"', "'it''s'", 'x #c', '"two\\nlines"', '') },
  // A syntax error, rare: the whole text is parsed in one piece while it lasts. Edits add more.
  { weight: 1, arbitrary: fc.constantFrom('a: b', 'x', 'y', 'z') },
);
const comment = fc.constantFrom('# note', '#', '# - URI: commented: out', '# "quote');

interface Shape {
  /** Indentation of the Sources items: 0, 2 or 4. */
  readonly itemIndent: number;
  readonly crlf: boolean;
}

/** One Sources item as lines, at `indent`. */
function item(indent: number): fc.Arbitrary<string[]> {
  const pad = ' '.repeat(indent);
  const inner = ' '.repeat(indent + 2);
  const field = fc.oneof(
    { weight: 6, arbitrary: fc.tuple(fc.constantFrom('StartTime', 'Duration', 'URI', 'Unknown', 'startTime'), scalar).map(([k, v]) => [`${inner}${k}: ${v}`]) },
    { weight: 1, arbitrary: comment.map((c) => [`${inner}${c}`]) },
    { weight: 1, arbitrary: comment.map((c) => [`${pad}${c}`]) },
    { weight: 1, arbitrary: comment.map((c) => [c]) },
    { weight: 1, arbitrary: fc.constant(['']) },
    { weight: 1, arbitrary: fc.constantFrom('|', '>', '|-', '>+').map((h) => [`${inner}Note: ${h}`, `${inner}  first line`, '', `${inner}    more`]) },
    { weight: 1, arbitrary: fc.constant([`${inner}Tags: [a, b,`, `${inner}  c]`]) },
    { weight: 1, arbitrary: fc.constant([`${inner}Map: {x: 1,`, `${inner}  y: "z"}`]) },
    { weight: 1, arbitrary: fc.constant([`${inner}Quoted: "first`, `${inner}  second"`]) },
    { weight: 1, arbitrary: fc.constant([`${inner}Nested:`, `${inner}  A: 1`, `${inner}  # c`]) },
    { weight: 1, arbitrary: fc.constant([`${inner}Plain: one`, `${inner}  two`]) },
    { weight: 1, arbitrary: fc.constantFrom(['\t'], [' \t '], [`${inner}Trailing: spaces   `]) },
  );
  const withFields = plainUri.map((u) => [`${pad}- URI: ${u}`]);
  const alone = fc.constantFrom<string[]>(
    [`${pad}- {URI: oss://b/flow.mp4, StartTime: 1}`],
    [`${pad}- {URI: oss://b/flow.mp4,`, `${pad}   StartTime: 1}`],
    [`${pad}- oss://b/scalar-item.mp4`],
    [`${pad}-`],
    [`${pad}- - nested`, `${pad}  - list`],
  );
  return fc.oneof(
    { weight: 8, arbitrary: fc.tuple(withFields, fc.array(field, { maxLength: 4 })).map(([head, fields]) => [...head, ...fields.flat()]) },
    { weight: 1, arbitrary: alone },
  );
}

/** A top-level key and its lines. */
type TopLevel = readonly [string, readonly string[]];

function topLevel(shape: Shape): fc.Arbitrary<TopLevel> {
  return fc.oneof(
    {
      weight: 3,
      arbitrary: fc.tuple(fc.constantFrom('ProjectName', 'Type', 'UserData', 'Unknown', 'type'), scalar).map(([k, v]) => [k, [`${k}: ${v}`]] as TopLevel),
    },
    { weight: 1, arbitrary: fc.constant(['Output', ['Output:', '  URI: oss://test-bucket/out.mp4', '  Container: mp5', '  # end of Output']] as TopLevel) },
    { weight: 1, arbitrary: fc.constant(['Tags', ['Tags:', '  trip: summer']] as TopLevel) },
    { weight: 1, arbitrary: fc.tuple(fc.nat(), comment).map(([n, c]) => [`#${n}`, [c, '']] as TopLevel) },
    { weight: 1, arbitrary: fc.array(item(shape.itemIndent), { maxLength: 3 }).map((items) => ['Extra', ['Extra:', ...items.flat()]] as TopLevel) },
    { weight: 1, arbitrary: fc.constant(['Empty', ['Empty:']] as TopLevel) },
  );
}

/** Top-level keys, each once, split around Sources (a key given twice makes the whole text parse in one piece, so it is rare). */
function topLevels(shape: Shape): fc.Arbitrary<readonly [string[], string[]]> {
  return fc
    .tuple(fc.uniqueArray(topLevel(shape), { maxLength: 8, selector: ([name]) => name }), fc.nat(8), fc.integer({ min: 0, max: 19 }))
    .map(([keys, cut, dice]) => {
      const lines = keys.map(([, keyLines]) => [...keyLines]);
      if (dice === 0) lines.push(['Type: twice', 'Type: again']);
      return [lines.slice(0, cut).flat(), lines.slice(cut).flat()] as const;
    });
}

/** A job of a few hundred Sources (some items repeated verbatim), with other keys before and after. */
const largeJob: fc.Arbitrary<string> = fc.record({ itemIndent: fc.constantFrom(0, 2, 2, 4), crlf: fc.boolean() }).chain((shape) =>
  fc
    .tuple(
      topLevels(shape),
      fc.array(item(shape.itemIndent), { minLength: 1, maxLength: 12 }),
      fc.integer({ min: 20, max: 120 }),
      fc.constantFrom('', '\n', '# trailing comment\n', '\n\n'),
    )
    .map(([[before, after], items, count, tail]) => {
      const sources: string[] = [];
      for (let i = 0; i < count; i++) {
        const template = items[i % items.length]!;
        // Most items differ (their own URI); some stay identical, as copied items do.
        sources.push(...(i % 7 === 3 ? template : template.map((line) => line.replace('.mp4', `-${i}.mp4`))));
      }
      const header = count % 3 === 0 ? 'Sources: # the clips' : 'Sources:';
      const text = [...before, header, ...sources, ...after].join('\n') + '\n' + tail;
      return shape.crlf ? text.replace(/\n/g, '\r\n') : text;
    }),
);

// ---- Edits, including ones that break the YAML. ----

const inserted = fc.oneof(
  fc.constantFrom(
    '\n',
    '\r\n',
    ' ',
    '  ',
    '\t',
    '-',
    '- ',
    ': ',
    '#',
    '"',
    "'",
    '[',
    ']',
    '{',
    '}',
    '|',
    '>',
    '&a ',
    '*a',
    '!tag ',
    '---\n',
    '...\n',
    '%YAML 1.2\n',
    '?',
    '\nType: Concat\n',
    '\nSources:\n',
    '\n  - URI: oss://b/new.mp4\n',
    '\n  - URI: oss://b/new.mp4\n    StartTime: 3\n',
    '\n- x\n',
    'x',
    '0',
    'Sources',
    '\nProjectName: again\n',
    '\n# c\n',
  ),
  fc.string({ maxLength: 6 }),
);

interface Edit {
  readonly at: number;
  readonly remove: number;
  readonly insert: string;
}

/** Typing: a character or a word inserted or deleted, which mostly keeps the YAML valid. */
const typing: fc.Arbitrary<Edit> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.integer({ min: 0, max: 1 }),
  insert: fc.constantFrom('', 'a', '1', 'x-y', '.mp4'),
});

const edit: fc.Arbitrary<Edit> = fc.oneof(
  typing,
  fc.record({
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    remove: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 200 })),
    insert: fc.oneof(fc.constant(''), inserted),
  }),
);

function applyEdit(text: string, e: Edit): string {
  const at = Math.floor(e.at * text.length);
  return text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
}

/**
 * The whole parse, or undefined where yaml itself nears the end of the stack: when an edit leaves a large text
 * with every later line nested one level deeper (`- URI:x …`, a text that starts inside an item), yaml throws
 * RangeError or builds a tree cut at a depth that depends on how deep the caller's stack already is. That is
 * a problem of the whole parse, before chunking as after, and not what this test is about.
 */
function wholeParse(text: string): JobDocument | undefined {
  try {
    const doc = parseWholeJob(text);
    return depthOf(doc.value) > 100 ? undefined : doc;
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}

function depthOf(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    deepest = Math.max(deepest, depth);
    if (typeof current === 'object' && current !== null) for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** Parses each version from the previous one and compares each with a parse of the whole text. */
function followEdits(original: string, edits: readonly Edit[]): { stitched: number } {
  const expected = wholeParse(original);
  if (!expected) return { stitched: 0 };
  let previous: JobDocument = parseJob(original);
  assertSameParse(previous, expected);
  let stitchedCount = isStitched(previous.yaml) ? 1 : 0;
  let text = original;
  for (const e of edits) {
    text = applyEdit(text, e);
    const whole = wholeParse(text);
    let next: JobDocument;
    try {
      next = parseJob(text, previous);
    } catch (error) {
      if (!whole && error instanceof RangeError) return { stitched: stitchedCount };
      throw error;
    }
    if (whole) assertSameParse(next, whole);
    if (isStitched(next.yaml)) stitchedCount++;
    previous = next;
  }
  return { stitched: stitchedCount };
}

/** Parses each text from the parse of the one before it and compares each with a parse of the whole text. */
function followVersions(texts: readonly string[]): void {
  let previous = parseJob(texts[0]!);
  for (const text of texts.slice(1)) {
    const next = parseJob(text, previous);
    assert.ok(isStitched(next.yaml), `not stitched from chunks: ${JSON.stringify(text)}`);
    assertSameParse(next, parseWholeJob(text));
    previous = next;
  }
}

describe('incremental parsing of large jobs by chunks', () => {
  test('after random edits, the parse from the previous version equals the parse of the whole text', () => {
    let stitchedTotal = 0;
    let versions = 0;
    withMinLength(0, () =>
      fc.assert(
        fc.property(largeJob, fc.array(edit, { minLength: 1, maxLength: 4 }), (original, edits) => {
          stitchedTotal += followEdits(original, edits).stitched;
          versions += edits.length;
        }),
        { seed: SEED, numRuns: 120 },
      ),
    );
    // The property says nothing if every version fell back to the whole parse.
    // (Broken YAML is parsed whole, as is the first version of each job, which is not counted.)
    assert.ok(stitchedTotal > versions / 5, `only ${stitchedTotal} of ${versions} edited versions were stitched from chunks`);
  });

  test('jobs over the real threshold (64 KB): chained edits from the previous version equal the whole parse', () => {
    const base = sourcesJob(850).text;
    assert.ok(base.length > chunkedParseSettings.minLength);
    fc.assert(
      // Not at the very start: a large text that starts inside an item makes yaml nest every later line one
      // level deeper, which exhausts its stack or not depending on the caller's (see wholeParse).
      fc.property(
        fc.array(
          edit.map((e) => ({ ...e, at: 0.02 + 0.98 * e.at })),
          { minLength: 1, maxLength: 3 },
        ),
        fc.boolean(),
        (edits, crlf) => {
          followEdits(crlf ? base.replace(/\n/g, '\r\n') : base, edits);
        },
      ),
      { seed: SEED, numRuns: 6 },
    );
  });

  test('the 10,000-Sources job is stitched from chunks, and an edit in the middle reuses the rest', () => {
    const job = sourcesJob(10_000);
    // The first version is parsed whole, and its tree becomes the chunks of the next.
    const original = parseJob(job.text);
    assert.ok(!isStitched(original.yaml));
    const lines = job.text.split('\n');
    lines[job.toggleLine] = lines[job.toggleLine]!.slice(0, job.toggleCharacter) + job.invalid + '0';
    const edited = lines.join('\n');
    const first = original.yaml!.contents;
    const next = parseJob(edited, original);
    assert.ok(isStitched(next.yaml));
    assertSameParse(next, parseWholeJob(edited));
    // The same node objects: the items away from the edit were reused, not reparsed.
    const sources = (doc: JobDocument): readonly unknown[] =>
      (doc.yaml!.contents as unknown as { items: { key: { value: unknown }; value: { items: unknown[] } }[] }).items.find(
        (pair) => pair.key.value === 'Sources',
      )!.value.items;
    assert.notEqual(first, next.yaml!.contents);
    assert.equal(sources(next)[0], sources(original)[0]);
    assert.equal(sources(next)[9_999], sources(original)[9_999]);
  });

  test('fixed edits at the end of a list: the last item deleted, an item becoming or ceasing to be last', () => {
    // Random edits rarely delete exactly one whole item: the item left last must not keep the end it had.
    const item = (indent: number, name: string): string => `${' '.repeat(indent)}- URI: oss://test-bucket/${name}.mp4\n`;
    let checked = 0;
    withMinLength(0, () => {
      for (const indent of [0, 2]) {
        for (const after of ['', '# trailing comment\n', '\nType: Concat\n', 'Output:\n  URI: oss://test-bucket/out.mp4\n']) {
          for (const eol of ['\n', '\r\n']) {
            const job = (...names: string[]): string =>
              `ProjectName: immtest\nSources:\n${names.map((name) => item(indent, name)).join('')}${after}`.replace(/\n/g, eol);
            const chains: readonly (readonly string[])[] = [
              [job('a', 'b'), job('a')], // the last of two items deleted
              [job('a', 'b', 'c'), job('a', 'b')], // the last of three
              [job('a', 'b', 'c'), job('a', 'c')], // the one before the last: the last stays last
              [job('a'), job('a', 'b')], // an item added after the last: the first stops being last
              [job('a', 'b'), job('a'), job('a', 'b'), job('a')], // back and forth, each parse from the one before
              [job('a', 'a'), job('a')], // identical items
              [job('a', 'b'), job('a', 'b').replace('b.mp4', 'bb.mp4'), job('a')], // an edit in the last item first
            ];
            for (const chain of chains) {
              followVersions(chain);
              checked++;
            }
          }
        }
      }
    });
    assert.equal(checked, 2 * 4 * 2 * 7);
  });

  test('small jobs keep the whole parse', () => {
    const doc = parseJob(sourcesJob(10).text);
    assert.equal(isStitched(doc.yaml), false);
  });

  test('a duplicate top-level key in another chunk is reported as the whole parse reports it', () => {
    withMinLength(0, () => {
      const text = 'ProjectName: a\nSources:\n  - URI: oss://b/a.mp4\nProjectName: b\n';
      const doc = parseJob(text, parseJob(text.replace('b\n', 'c\n')));
      assertSameParse(doc, parseWholeJob(text));
      assert.ok(doc.yamlDiagnostics.some((d) => d.code === 'yaml-duplicate-key'));
    });
  });
});
