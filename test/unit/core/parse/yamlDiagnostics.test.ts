import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver-types';
import { YamlCode, SchemaCode } from '../../../../core/src/shared/codes';
import { MAX_DOCUMENT_LENGTH, parseJob } from '../../../../core/src/parse/document';
import { validateJob } from '../../../../core/src/validate/validate';
import { withRanges } from '../../../support/markers';
import { MINIMAL_JOB } from '../../../support/minimalJobs';

/** A job that is valid in every respect, so that any diagnostic a test sees comes from what it adds. */

function diagnose(text: string): Diagnostic[] {
  return validateJob(parseJob(text));
}

function withCode(diagnostics: readonly Diagnostic[], code: string): Diagnostic[] {
  return diagnostics.filter((d) => d.code === code);
}

/** Asserts that exactly the marked ranges carry `code`, in order. */
function assertAt(marked: string, code: string): Diagnostic[] {
  const { text, ranges } = withRanges(marked);
  const found = withCode(diagnose(text), code);
  assert.deepEqual(
    found.map((d) => d.range),
    ranges,
    `ranges of ${code}: ${JSON.stringify(found.map((d) => d.message))}`,
  );
  return found;
}

describe('YAML syntax errors', () => {
  test('reports an unclosed quote at the opening quote, not at the end of the file', () => {
    const [d] = assertAt(`ProjectName: [["immtest]]\nType: Retrieval\n`, YamlCode.Syntax);
    assert.match(d!.message, /^The double quote opened on line 1 .* is never closed/);
    assert.deepEqual(d!.data, { parserMessages: ['Missing closing "quote'] });
    assert.equal(d!.severity, DiagnosticSeverity.Error);
  });

  test('reports an unclosed [ or { on its own line, from the bracket', () => {
    const [list] = assertAt(`${MINIMAL_JOB}Tags: [[{a: x, b: y]]\nMode: Scene\n`, YamlCode.Syntax);
    assert.match(list!.message, /end with a \}/);
    // \u005b is [: a literal one next to the [[ marker would be read as part of it.
    assertAt(`${MINIMAL_JOB}Stream: [[\u005b1, 2]]\nMode: Scene\n`, YamlCode.Syntax);
  });

  test('reports a tab used as indentation at the tab', () => {
    const [d] = assertAt(`ProjectName: immtest\nOutput:\n[[\t]]URI: oss://test-bucket/out.mp4\n`, YamlCode.Syntax);
    assert.match(d!.message, /^Line 3 is indented with a tab/);
    assert.deepEqual(d!.data, { parserMessages: ['Tabs are not allowed as indentation'] });
  });

  test('accepts a tab between a key and its value', () => {
    assert.deepEqual(withCode(diagnose(MINIMAL_JOB.replace('ProjectName: immtest', 'ProjectName:\timmtest')), YamlCode.Syntax), []);
  });

  test('reports an unresolved tag as a warning at the tag', () => {
    const [d] = assertAt(MINIMAL_JOB.replace('ProjectName: immtest', 'ProjectName: [[!foo]] immtest'), YamlCode.Syntax);
    assert.equal(d!.severity, DiagnosticSeverity.Warning);
  });

  test('messages carry no line/column suffix of the parser and only their first line', () => {
    for (const text of ['ProjectName: "abc\n', 'Output:\n  URI: a\n Container: mp4\n', 'Sources: [a, b\nType: x\n']) {
      for (const d of withCode(diagnose(text), YamlCode.Syntax)) {
        assert.doesNotMatch(d.message, /at line \d+, column \d+|\n/, d.message);
      }
    }
  });

  test('keeps validating the rest of the file when one line has a syntax error', () => {
    const { text, ranges } = withRanges(MINIMAL_JOB.replace('ProjectName: immtest\nType: Retrieval', 'ProjectName: "immtest" [[x]]\nType: [[retrieval]]'));
    assert.deepEqual(
      diagnose(text).map((d) => [d.code, d.range]),
      [
        [YamlCode.Syntax, ranges[0]],
        [SchemaCode.Enum, ranges[1]],
      ],
    );
  });
});

describe('duplicate keys', () => {
  test('reports the whole second key, not the first', () => {
    const [d] = assertAt(`${MINIMAL_JOB}[[ProjectName]]: other\n`, YamlCode.DuplicateKey);
    assert.equal(d!.message, 'Duplicate key "ProjectName": each key may appear once in an object.');
    assert.equal(d!.severity, DiagnosticSeverity.Error);
  });

  test('covers a quoted key with its quotes and names it without them', () => {
    const [d] = assertAt(`Tags:\n  "team": a\n  [["team"]]: b\n`, YamlCode.DuplicateKey);
    assert.equal(d!.message, 'Duplicate key "team": each key may appear once in an object.');
  });

  test('covers a key that contains a colon', () => {
    const [d] = assertAt(`Tags:\n  "a:b": x\n  [["a:b"]]: y\n`, YamlCode.DuplicateKey);
    assert.match(d!.message, /^Duplicate key "a:b"/);
  });

  test('finds duplicates in nested and flow mappings', () => {
    assertAt(`Output:\n  URI: oss://test-bucket/a.mp4\n  [[URI]]: oss://test-bucket/b.mp4\n`, YamlCode.DuplicateKey);
    assertAt(`Tags: {a: x, [[a]]: y}\n`, YamlCode.DuplicateKey);
  });

  test('reports every repetition after the first', () => {
    assertAt(`Tags:\n  a: 1\n  [[a]]: 2\n  [[a]]: 3\n`, YamlCode.DuplicateKey);
  });

  test('measures the key in UTF-16 code units', () => {
    assertAt(`Tags: {😀宠: x, [[😀宠]]: y}\n`, YamlCode.DuplicateKey);
  });
});

describe('more than one YAML document', () => {
  test('reports the marker line of the second document', () => {
    const [d] = assertAt(`${MINIMAL_JOB}[[---]]\nType: Concat\n`, YamlCode.MultipleDocuments);
    assert.match(d!.message, /one request/);
    assert.equal(d!.severity, DiagnosticSeverity.Error);
  });

  test('covers a comment on the marker line too', () => {
    assertAt(`${MINIMAL_JOB}[[--- # the next job]]\nType: Concat\n`, YamlCode.MultipleDocuments);
  });

  test('reports once however many documents follow, and validates only the first', () => {
    const diagnostics = diagnose(`${MINIMAL_JOB}---\nType: nonsense\n---\nType: more\n`);
    assert.equal(withCode(diagnostics, YamlCode.MultipleDocuments).length, 1);
    assert.deepEqual(withCode(diagnostics, SchemaCode.Enum), []);
  });

  test('a leading --- and a %YAML directive start the only document', () => {
    assert.deepEqual(diagnose(`---\n${MINIMAL_JOB}`), []);
    assert.deepEqual(diagnose(`%YAML 1.2\n---\n${MINIMAL_JOB}`), []);
  });
});

describe('aliases', () => {
  const bomb = (levels: number): string => {
    let text = 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i < levels; i++)
      text += `a${i}: &a${i} [${Array(10)
        .fill(`*a${i - 1}`)
        .join(', ')}]\n`;
    return text;
  };

  test('stops a billion-laughs file at the alias limit with a clear message at the first alias', () => {
    // Stopped, not finished: no value is built, and the limit is what the diagnostic reports.
    assert.equal(parseJob(bomb(9)).value, undefined);
    const diagnostics = diagnose(bomb(9));
    // Line 1 is `a1: &a1 [*a0, …`: the first alias is at 9–12. (`[[` markers would clash with the flow list.)
    const firstAlias: Range = { start: { line: 1, character: 9 }, end: { line: 1, character: 12 } };
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range]),
      [[YamlCode.AliasLimit, firstAlias]],
      'no schema noise about an empty request',
    );
    assert.match(diagnostics[0]!.message, /Aliases expand to too many nodes.*Write the values out/);
  });

  test('accepts a few aliases of a small value', () => {
    const text = `${MINIMAL_JOB.replace('Sources:\n  - URI: oss://test-bucket/a.mp4', 'Sources:\n  - &src {URI: oss://test-bucket/a.mp4}\n  - *src\n  - *src')}`;
    assert.deepEqual(diagnose(text), []);
    assert.equal((parseJob(text).value as { Sources: unknown[] }).Sources.length, 3);
  });

  test('reports an alias without an anchor as a mistake at the alias, not as an attack', () => {
    const [d] = assertAt(`${MINIMAL_JOB}Tags:\n  a: x\n  b: [[*nowhere]]\n`, YamlCode.Syntax);
    assert.equal(d!.message, 'The alias *nowhere has no anchor &nowhere before it.');
  });
});

describe('empty files', () => {
  for (const [name, text] of [
    ['an empty file', ''],
    ['a file of blank lines', '\n\n  \n'],
    ['a file of comments only', '# a highlight job\n# to be written\n'],
    ['a document marker only', '---\n'],
  ] as const) {
    test(`${name} reports the four required properties at the start`, () => {
      const diagnostics = diagnose(text);
      assert.equal(diagnostics.length, 1);
      const [d] = diagnostics;
      assert.equal(d!.code, SchemaCode.Required);
      assert.deepEqual(d!.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
      assert.equal(d!.message, 'The job is empty: a request needs `ProjectName`, `Type`, `Sources` and `Output`.');
      assert.deepEqual(d!.data, {
        fixes: [
          ...['Retrieval', 'Concat', 'Compose'].map((type) => ({ kind: 'insert-job', path: [], type })),
          { kind: 'add-properties', path: [], properties: ['ProjectName', 'Type', 'Sources', 'Output'] },
        ],
      });
    });
  }
});

describe('line ends, BOM and non-ASCII text', () => {
  const BROKEN = `ProjectName: immtest\nType: retrieval\nSources:\n  - URI: oss://test-bucket/a.mp4\nOutput:\n  URI: oss://test-bucket/out.mp4\n  Speed: 3\nTags:\n  a: 1\n  a: 2\n`;

  test('CRLF line ends give the same ranges as LF ones', () => {
    const lf = diagnose(BROKEN);
    const crlf = diagnose(BROKEN.replace(/\n/g, '\r\n'));
    assert.equal(lf.length, 4);
    assert.deepEqual(
      crlf.map((d) => [d.code, d.range]),
      lf.map((d) => [d.code, d.range]),
    );
  });

  test('ranges that run to the end of a CRLF line stop before the \\r', () => {
    const cases = [`${MINIMAL_JOB}[[---]]\nType: Concat\n`, `ProjectName: [["immtest]]\nType: Retrieval\n`, `[[- ProjectName: immtest]]\n- Type: Retrieval\n`];
    for (const marked of cases) {
      const { text, ranges } = withRanges(marked);
      const crlf = diagnose(text.replace(/\n/g, '\r\n')).filter((d) => d.code !== SchemaCode.Required);
      assert.deepEqual(
        crlf.map((d) => d.range),
        ranges,
        marked,
      );
    }
  });

  test('a valid CRLF job has no diagnostics', () => {
    assert.deepEqual(diagnose(MINIMAL_JOB.replace(/\n/g, '\r\n')), []);
  });

  test('a BOM is not a problem, and counts as one code unit of the first line', () => {
    assert.deepEqual(diagnose(`\uFEFF${MINIMAL_JOB}`), []);
    const { text, ranges } = withRanges(
      `\uFEFFProjectName: [[12]]\nType: [[retrieval]]\nSources: [{URI: oss://test-bucket/a.mp4}]\nOutput: {URI: oss://test-bucket/o.mp4}\n`,
    );
    assert.deepEqual(
      diagnose(text).map((d) => d.range),
      ranges,
    );
    assert.equal(ranges[0]!.start.character, 14);
  });

  test('ranges after non-ASCII text on the same line are in UTF-16 code units', () => {
    const { text, ranges } = withRanges(`${MINIMAL_JOB}Highlight: {Content: 宠物🐱, [[Contnt]]: x}\nUserData: "😀" \nTags: {"🐱": [[1]]}\n`);
    const found = diagnose(text);
    assert.deepEqual(
      found.map((d) => d.range),
      ranges,
      JSON.stringify(found.map((d) => d.message)),
    );
    // 🐱 is two code units: a count of code points would put the squiggle one column early.
    assert.equal(ranges[0]!.start.character, 27);
  });

  test('counts characters, not code units, against maxLength; the range still spans the code units', () => {
    const at100 = `${MINIMAL_JOB}Highlight:\n  Content: ${'🐱'.repeat(100)}\n`;
    assert.deepEqual(diagnose(at100), []);
    const [d] = assertAt(`${MINIMAL_JOB}Highlight:\n  Content: [[${'🐱'.repeat(101)}]]\n`, SchemaCode.TooLong);
    assert.match(d!.message, /has 101 characters; at most 100/);
  });
});

describe('file size limit', () => {
  test('a file over the limit is not parsed and says why', () => {
    const text = `${MINIMAL_JOB}# ${'x'.repeat(MAX_DOCUMENT_LENGTH)}\n`;
    const doc = parseJob(text);
    const diagnostics = validateJob(doc);
    // Refused before parsing: no YAML tree, no value.
    assert.equal(doc.yaml, undefined);
    assert.equal(doc.value, undefined);
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      [YamlCode.TooLarge],
    );
    const range: Range = diagnostics[0]!.range;
    assert.deepEqual(range.start, { line: 0, character: 0 });
    assert.match(diagnostics[0]!.message, new RegExp(`${text.length.toLocaleString('en-US')} characters.*${MAX_DOCUMENT_LENGTH.toLocaleString('en-US')}`));
  });

  test('a file of exactly the limit is still checked', () => {
    const padding = MAX_DOCUMENT_LENGTH - MINIMAL_JOB.length - 3;
    const text = `${MINIMAL_JOB}# ${'x'.repeat(padding)}\n`;
    assert.equal(text.length, MAX_DOCUMENT_LENGTH);
    assert.deepEqual(diagnose(text), []);
  });
});
