import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseDocument } from 'yaml';
import { chunkedParseSettings } from '../../../../core/src/parse/chunkedParse';
import { parseJob } from '../../../../core/src/parse/document';
import { validateJob } from '../../../../core/src/validate/validate';
import { MINIMAL_CONCAT_JOB, MINIMAL_JOB } from '../../../support/minimalJobs';

const VALID_JOBS: Record<string, string> = {
  'demo/concat': readFileSync('demo/concat.highlight.yaml', 'utf8'),
  'demo/retrieval': readFileSync('demo/retrieval.highlight.yaml', 'utf8'),
  'demo/compose': readFileSync('demo/compose.highlight.yaml', 'utf8'),
  minimal: MINIMAL_JOB,
  'minimal concat': MINIMAL_CONCAT_JOB,
};

/** Ways a person breaks one line of a valid job, each making the YAML parser report an error of some kind. */
const BREAKAGES: readonly (readonly [string, (line: string) => string | undefined])[] = [
  ['unclosed double quote', (l) => (/: \S/.test(l) ? l.replace(/: (\S)/, ': "$1') : undefined)],
  ['unclosed single quote', (l) => (/: \S/.test(l) ? l.replace(/: (\S)/, ": '$1") : undefined)],
  ['tab indent', (l) => (/^ +\S/.test(l) ? l.replace(/^ +/, '\t') : undefined)],
  ['no space after the colon', (l) => (/: \S/.test(l) ? l.replace(/: /, ':') : undefined)],
  ['indented one more', (l) => (/^\s*\S/.test(l) && !l.trimStart().startsWith('#') ? ` ${l}` : undefined)],
  ['indented one less', (l) => (/^ {2,}\S/.test(l) ? l.slice(1) : undefined)],
  ['unclosed [', (l) => (/: \S/.test(l) ? l.replace(/: (\S)/, ': [$1') : undefined)],
  ['unclosed {', (l) => (/: \S/.test(l) ? l.replace(/: (\S)/, ': {$1') : undefined)],
  ['stray ]', (l) => (/: \S/.test(l) ? `${l}]` : undefined)],
  ['reserved @', (l) => (/: \S/.test(l) ? l.replace(/: (\S)/, ': @$1') : undefined)],
  ['unknown alias', (l) => (/: \S/.test(l) ? l.replace(/: (\S+)/, ': *nope') : undefined)],
  ['bad escape', (l) => (/: \S/.test(l) ? l.replace(/: (\S+)/, ': "a\\qb"') : undefined)],
  ['a second document', (l) => (/^[A-Z]/.test(l) ? `---\n${l}` : undefined)],
  ['a colon in the value', (l) => (/: \S/.test(l) ? `${l}: x` : undefined)],
  ['a dash added', (l) => (/^ {2}[A-Z]/.test(l) ? l.replace(/^ {2}/, '  - ') : undefined)],
];

function breakLine(text: string, index: number, breakage: (line: string) => string | undefined): string | undefined {
  const lines = text.split('\n');
  const broken = breakage(lines[index]!);
  return broken === undefined ? undefined : [...lines.slice(0, index), broken, ...lines.slice(index + 1)].join('\n');
}

describe('what only follows from a YAML error is not reported', () => {
  it('breaking any one line of a valid job leaves only the YAML diagnostics, for every kind of parser error', () => {
    const kinds = new Set<string>();
    let cases = 0;
    const leftovers: string[] = [];
    for (const [job, text] of Object.entries(VALID_JOBS)) {
      assert.deepEqual(validateJob(parseJob(text)), [], `${job} is valid to start with`);
      for (const [name, breakage] of BREAKAGES) {
        for (let index = 0; index < text.split('\n').length; index++) {
          const broken = breakLine(text, index, breakage);
          if (broken === undefined) continue;
          const parsed = parseDocument(broken);
          const errors = [...parsed.errors, ...parsed.warnings].map((e) => e.code);
          const diagnostics = validateJob(parseJob(broken));
          if (!diagnostics.some((d) => String(d.code).startsWith('yaml-'))) continue;
          cases++;
          for (const code of errors) kinds.add(code);
          for (const d of diagnostics.filter((d) => !String(d.code).startsWith('yaml-'))) {
            leftovers.push(`${job} line ${index + 1}, ${name}: ${String(d.code)} at line ${d.range.start.line + 1}: ${d.message}`);
          }
        }
      }
    }
    assert.deepEqual(leftovers, []);
    assert.ok(cases > 200, `${cases} broken jobs checked`);
    for (const kind of [
      'MISSING_CHAR',
      'TAB_AS_INDENT',
      'BAD_INDENT',
      'BAD_SCALAR_START',
      'BAD_DQ_ESCAPE',
      'UNEXPECTED_TOKEN',
      'BLOCK_AS_IMPLICIT_KEY',
      'MULTILINE_IMPLICIT_KEY',
      'MULTIPLE_DOCS',
    ]) {
      assert.ok(kinds.has(kind), `the breakages include the parser's ${kind} (got ${[...kinds].join(', ')})`);
    }
  });

  it('a job large enough to be parsed by chunks (no second parse): an unclosed quote is still one diagnostic', () => {
    // A long comment makes the file larger than the chunked parse's threshold without changing the job. There the
    // job is not parsed a second time (it would cost every keystroke while the error stands): what stands on the
    // broken line, and a missing key at any key enclosing it, is dropped.
    const padding = '# notes about this reel, kept in the job file\n'.repeat(Math.ceil(chunkedParseSettings.minLength / 40));
    const text = `ProjectName: demo\nType: Concat\nSources:\n  - URI: "oss://bucket/a.mp4\nOutput:\n  URI: oss://bucket/out.mp4\n  Container: mp4\n${padding}`;
    assert.ok(text.length > chunkedParseSettings.minLength);
    assert.deepEqual(
      validateJob(parseJob(text)).map((d) => [d.code, d.range.start.line]),
      [['yaml-syntax', 3]],
    );
  });

  it('an unclosed quote is one diagnostic, not also "missing property Output"', () => {
    const text = 'ProjectName: demo\nType: Concat\nSources:\n  - URI: "oss://bucket/a.mp4\nOutput:\n  URI: oss://bucket/out.mp4\n  Container: mp4\n';
    const diagnostics = validateJob(parseJob(text));
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range.start.line]),
      [['yaml-syntax', 3]],
    );
  });

  it('a problem of its own is still reported beside a YAML error elsewhere', () => {
    const text = 'ProjectName: demo\nType: Concatt\nSources:\n  - URI: oss://bucket/a.mp4\n\tStartTime: 1\n';
    const codes = validateJob(parseJob(text)).map((d) => [d.code, d.range.start.line]);
    assert.deepEqual(codes, [
      ['missing-property', 0],
      ['invalid-value', 1],
      ['yaml-syntax', 4],
    ]);
  });
});
