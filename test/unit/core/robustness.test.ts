import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-types';
import { MAX_DOCUMENT_LENGTH, MAX_FLOW_DEPTH, parseJob } from '../../../core/src/parse/document';
import { validateJob } from '../../../core/src/validate/validate';
import { exerciseLanguageService } from '../../fuzz/languageService';
import { loadRegressions } from '../../fuzz/regressions';

const VALID_JOB = `# Concat two clips
ProjectName: immtest
Type: Concat
Sources:
  - URI: oss://test-bucket/videos/a.mp4
    StartTime: 0
  - URI: oss://test-bucket/videos/b.mp4
Output:
  URI: oss://test-bucket/highlights/out.mp4
  Container: mp4
`;

/** Runs every feature on the text, asserts nothing broke, and returns the diagnostics for further checks. */
function sound(text: string): Diagnostic[] {
  const { problems, diagnostics } = exerciseLanguageService(text);
  assert.deepEqual(problems, []);
  return diagnostics;
}

const codes = (diagnostics: readonly Diagnostic[]): unknown[] => diagnostics.map((d) => d.code);
const brief = (diagnostics: readonly Diagnostic[]): unknown[] =>
  diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character]);

describe('hostile and unusual input', () => {
  test('a 10 MB file gets one clear diagnostic and no parse, and every feature still answers', () => {
    const text = `ProjectName: immtest\nUserData: "${'a'.repeat(10 * 1024 * 1024)}"\n`;
    assert.ok(text.length > MAX_DOCUMENT_LENGTH);
    assert.equal(parseJob(text).yaml, undefined, 'refused before parsing');
    const diagnostics = sound(text);
    assert.deepEqual(codes(diagnostics), ['file-too-large']);
    assert.match(diagnostics[0]!.message, /not checked/);
  });

  test('an alias bomb ("billion laughs") is stopped at the alias limit', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const previous = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
    }
    const diagnostics = sound(levels.join('\n') + '\n');
    assert.ok(codes(diagnostics).includes('yaml-alias-limit'), JSON.stringify(codes(diagnostics)));
  });

  test('an alias bomb through merge keys is stopped as well', () => {
    const levels = ['a0: &a0 {x: 1, y: 2}'];
    for (let i = 1; i < 12; i++)
      levels.push(
        `a${i}: &a${i} [${Array(10)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    levels.push('Tags:\n  <<: *a11');
    const text = levels.join('\n') + '\n';
    const diagnostics = sound(text);
    // Stopped: the expansion was cut at the alias limit (no value was built), reported at the first alias.
    assert.deepEqual(brief(diagnostics), [['yaml-alias-limit', 1, 9, 1, 12]]);
    assert.equal(parseJob(text).value, undefined);
  });

  for (const [name, text] of [
    ['[[[[…]]]] 10,000 deep', `${'['.repeat(10_000)}${']'.repeat(10_000)}\n`],
    ['[[[[… 10,000 deep, never closed', `${'['.repeat(10_000)}\n`],
    ['{a: {a: … 10,000 deep', `${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}\n`],
    ['Sources: [[[… inside a job', `ProjectName: x\nType: Concat\nSources: ${'['.repeat(5_000)}\n`],
  ] as const) {
    test(`deeply nested flow collections (${name}) are refused before parsing, at the first bracket too deep`, () => {
      const diagnostics = sound(text);
      assert.deepEqual(codes(diagnostics), ['yaml-too-deep']);
      assert.equal(parseJob(text).yaml, undefined);
      // At the first bracket past the limit.
      let seen = 0;
      let offset = -1;
      for (let i = 0; i < text.length && offset < 0; i++) if ((text[i] === '[' || text[i] === '{') && ++seen > MAX_FLOW_DEPTH) offset = i;
      const lines = text.slice(0, offset).split('\n');
      assert.deepEqual(diagnostics[0]!.range.start, { line: lines.length - 1, character: lines[lines.length - 1]!.length });
    });
  }

  for (const [name, text] of [
    ['- - - … 10,000 on one line', `${'- '.repeat(10_000)}1\n`],
    ['? ? ? … 10,000 on one line', `${'? '.repeat(10_000)}1\n`],
    ['Sources: - - - … inside a job', `ProjectName: x\nSources:\n  ${'- '.repeat(5_000)}URI: oss://b/x.mp4\n`],
  ] as const) {
    test(`block collections nested on one line (${name}) are refused before parsing`, () => {
      // 5,000 compact dashes (10 KB) made yaml recurse until V8 aborted the process.
      const diagnostics = sound(text);
      assert.deepEqual(codes(diagnostics), ['yaml-too-deep']);
      assert.equal(parseJob(text).yaml, undefined);
    });
  }

  test('nesting a real job would use (5 levels) is parsed as usual', () => {
    assert.ok(MAX_FLOW_DEPTH >= 20);
    const diagnostics = sound(`${VALID_JOB}Tags: {a: {b: {c: {d: [1]}}}}\nEdit:\n  Transitions:\n    - - - Transition: fade\n`);
    assert.ok(!codes(diagnostics).includes('yaml-too-deep'));
  });

  test('binary garbage: NUL, control characters, invalid UTF-8 read as Latin-1', () => {
    let state = 12345;
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      bytes[i] = state >>> 24;
    }
    sound(bytes.toString('latin1'));
    sound(bytes.toString('utf8'));
    sound('\u0000'.repeat(100));
  });

  test('an empty file reports the missing request at the start', () => {
    const diagnostics = sound('');
    assert.ok(diagnostics.length > 0);
    assert.deepEqual(diagnostics[0]!.range.start, { line: 0, character: 0 });
  });

  test('a file with only comments is handled like an empty one', () => {
    const diagnostics = sound('# a job will go here\n# later\n');
    assert.deepEqual(codes(diagnostics), codes(sound('')));
  });

  test('CRLF line ends: the same diagnostics at the same positions as with LF', () => {
    const broken = VALID_JOB.replace('Container: mp4', 'Container: mp5').replace('StartTime: 0', 'StartTime: -1');
    const lf = sound(broken);
    const crlf = sound(broken.replace(/\n/g, '\r\n'));
    assert.ok(lf.length >= 2);
    assert.deepEqual(brief(crlf), brief(lf));
    assert.deepEqual(sound(VALID_JOB.replace(/\n/g, '\r\n')), []);
  });

  test('a lone CR (old Mac line end): positions are counted as the editor counts lines, none past the text', () => {
    // yaml reads a lone CR as part of the scalar; what matters is that no position leaves the document.
    sound('ProjectName: immtest\rType: Concatx\r');
    sound('ProjectName: immtest\r\nType: x\rMode: y\n\r');
  });

  test('tabs: tab indentation is a YAML error at the tab, a tab after the colon is fine', () => {
    const indented = sound('ProjectName: immtest\nOutput:\n\tURI: oss://test-bucket/out.mp4\n');
    assert.ok(codes(indented).includes('yaml-syntax'), JSON.stringify(codes(indented)));
    assert.deepEqual(sound(VALID_JOB.replace('Type: Concat', 'Type:\tConcat')), []);
  });

  test('a byte order mark before the job changes nothing', () => {
    assert.deepEqual(sound(`\uFEFF${VALID_JOB}`), []);
    const broken = VALID_JOB.replace('Container: mp4', 'Container: mp5');
    assert.deepEqual(codes(sound(`\uFEFF${broken}`)), codes(sound(broken)));
  });

  test('non-ASCII text: ranges count UTF-16 code units, as LSP positions do', () => {
    const text = `${VALID_JOB.replace('ProjectName: immtest', 'ProjectName: 项目😀')}Tags:\n  标签: "😀 ünïcödé"\nMode: 场景😀x\n`;
    const diagnostics = sound(text);
    const mode = diagnostics.find((d) => d.range.start.line === text.split('\n').length - 2);
    assert.ok(mode, JSON.stringify(brief(diagnostics)));
    assert.deepEqual(mode.range, { start: { line: 12, character: 6 }, end: { line: 12, character: 6 + '场景😀x'.length } });
  });

  test('lines past the end and positions past a line end are answered, not thrown on', () => {
    const doc = parseJob(VALID_JOB);
    assert.deepEqual(validateJob(doc), []);
    sound(VALID_JOB.slice(0, -1));
  });
});

describe('inputs that once broke something (test/fixtures/regressions)', () => {
  const regressions = loadRegressions();
  test('the folder holds the inputs found so far', () => {
    assert.ok(regressions.length > 0);
  });
  for (const { name, text } of regressions) {
    test(name, () => {
      sound(text);
    });
  }
});
