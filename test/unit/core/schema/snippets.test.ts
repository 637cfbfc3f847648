import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { DiagnosticSeverity, type TextEdit } from 'vscode-languageserver-types';
import { complete } from '../../../../core/src/features/completion';
import { parseJob } from '../../../../core/src/parse/document';
import { offsetOf } from '../../../../core/src/parse/positions';
import { PLACEHOLDER_CODE, placeholderIn } from '../../../../core/src/validate/placeholders';
import { expandDefaults, SNIPPETS, snippetsOf, type JobSnippet, type SnippetFileEntry } from '../../../../core/src/schema/snippets';
import { SOURCE_ROOTS, sourceFiles } from '../../../../scripts/l10n/messages';
import { validateJob } from '../../../../core/src/validate/validate';

/**
 * The snippets must insert a job whose only problems are the values the user must replace, each reported
 * where it stands; completion offers each where it fits.
 */

const EXPECTED: Record<string, string> = {
  'highlight-retrieval': 'Retrieval',
  'highlight-concat': 'Concat',
  'highlight-compose': 'Compose',
};

/**
 * The defaults of the snippets that are real values, fine to submit as they are. Every other default must be
 * one of placeholders.ts's placeholders, reported as placeholder-value where it stands: a new snippet cannot
 * bring a placeholder that goes unnoticed.
 */
const REAL_DEFAULTS = new Set(['immtest', '0', 'mp4', 'Closed', '1', '0.2', 'fade', '1280x720', '25']);

/** Picks the text of a choice `${n|a,b|}`; `occurrence` counts choices in body order. */
type Choose = (occurrence: number, options: readonly string[]) => string;
const firstChoice: Choose = (_occurrence, options) => options[0]!;

interface Expansion {
  readonly text: string;
  readonly tabStops: number[];
  readonly choices: string[][];
  /** The `${n:default}` texts with their offsets in `text`. */
  readonly defaults: { readonly text: string; readonly offset: number }[];
}

/**
 * Expands VS Code snippet syntax as the editor would when the user accepts every default: `${n:default}` becomes
 * its (expanded) default, `$n` and `${n}` become empty, a choice becomes the option `choose` picks. Variables
 * are not expected in our snippets, so they are an error rather than silently dropped.
 */
function expand(body: string, choose: Choose = firstChoice): Expansion {
  const tabStops: number[] = [];
  const choices: string[][] = [];
  const defaults: { text: string; offset: number }[] = [];
  let i = 0;
  let written = 0;

  const parse = (until: string | undefined): string => {
    let out = '';
    while (i < body.length) {
      const c = body[i]!;
      if (c === '\\' && i + 1 < body.length && '$}\\,|'.includes(body[i + 1]!)) {
        out += body[i + 1];
        i += 2;
      } else if (until !== undefined && c === until) {
        return out;
      } else if (c === '$') {
        out += placeholder(written + out.length);
      } else {
        out += c;
        i++;
      }
    }
    assert.equal(until, undefined, `unterminated placeholder in ${JSON.stringify(body)}`);
    return out;
  };

  const placeholder = (at: number): string => {
    const simple = /^\$(\d+)/.exec(body.slice(i));
    if (simple) {
      tabStops.push(Number(simple[1]));
      i += simple[0].length;
      return '';
    }
    const open = /^\$\{(\d+)([:|}])/.exec(body.slice(i));
    assert.ok(open, `unsupported snippet syntax at ${JSON.stringify(body.slice(i, i + 20))}`);
    tabStops.push(Number(open[1]));
    i += open[0].length;
    if (open[2] === '}') return '';
    if (open[2] === ':') {
      const outer = written;
      written = at;
      const text = parse('}');
      written = outer;
      i++;
      defaults.push({ text, offset: at });
      return text;
    }
    const options: string[] = [];
    let option = '';
    for (;;) {
      const c = body[i];
      assert.ok(c !== undefined, `unterminated choice in ${JSON.stringify(body)}`);
      if (c === '\\' && '$}\\,|'.includes(body[i + 1] ?? '')) {
        option += body[i + 1];
        i += 2;
      } else if (c === ',') {
        options.push(option);
        option = '';
        i++;
      } else if (c === '|' && body[i + 1] === '}') {
        options.push(option);
        i += 2;
        break;
      } else {
        option += c;
        i++;
      }
    }
    const picked = choose(choices.length, options);
    choices.push(options);
    return picked;
  };

  return { text: parse(undefined), tabStops, choices, defaults };
}

const bodyText = (snippet: JobSnippet): string => snippet.body.join('\n');

interface Problem {
  readonly code: unknown;
  readonly offset: number;
  readonly text: string;
}

function problemsOf(text: string): Problem[] {
  const doc = parseJob(text);
  return validateJob(doc)
    .filter((d) => d.severity === DiagnosticSeverity.Error || d.severity === DiagnosticSeverity.Warning)
    .map((d) => ({ code: d.code, offset: offsetOf(doc, d.range.start), text: `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}` }));
}

/** Problems other than the placeholders, which the user is meant to replace. */
function otherProblems(text: string): string[] {
  return problemsOf(text)
    .filter((p) => p.code !== PLACEHOLDER_CODE)
    .map((p) => p.text);
}

/** Every placeholder replaced by a real value of the same shape, as a user finishing the job would. */
function filledIn(text: string): string {
  return text.replaceAll('oss://your-bucket/', 'oss://my-videos/');
}

/** Where a snippet fits, as a job with `|` at the cursor: completion there must offer it. */
const HOSTS: Record<string, string> = {
  'highlight-retrieval': '|',
  'highlight-concat': '# a new job\n|',
  'highlight-compose': '|',
  'highlight-source': 'ProjectName: immtest\nType: Retrieval\nSources:\n  - URI: oss://my-videos/a.mp4\n  |\nOutput:\n  URI: oss://my-videos/o.mp4\n',
  'highlight-source-clip': 'ProjectName: immtest\nType: Concat\nSources:\n  - |\nOutput:\n  URI: oss://my-videos/o.mp4\n  Container: mp4\n',
  'highlight-transition':
    'ProjectName: immtest\nType: Compose\nSources:\n  - URI: oss://my-videos/a.mp4\nEdit:\n  Mode: Sequential\n  TransitionMode: Sequential\n  Transitions:\n    |\nOutput:\n  URI: oss://my-videos/o.mp4\n  Container: mp4\n',
  'highlight-background-music':
    'ProjectName: immtest\nType: Compose\nSources:\n  - URI: oss://my-videos/a.mp4\nEdit:\n  Mode: Sequential\n  BackgroundMusicMode: Sequential\n  BackgroundMusics:\n  - |\nOutput:\n  URI: oss://my-videos/o.mp4\n  Container: mp4\n',
  'highlight-output-video': 'ProjectName: immtest\nType: Concat\nSources:\n  - URI: oss://my-videos/a.mp4\n|',
};

/** The host with the snippet inserted by completion, as the editor would insert it, and the expansion of what completion inserted. */
function insertedBy(prefix: string, choose: Choose = firstChoice): { text: string; expansion: Expansion; at: number } {
  const host = HOSTS[prefix]!;
  const cursor = host.indexOf('|');
  const doc = parseJob(host.replace('|', ''));
  const items = complete(doc, positionAt(doc, cursor));
  const item = items.find((candidate) => candidate.label === prefix);
  assert.ok(item, `${prefix} is offered in\n${host}\namong ${items.map((candidate) => candidate.label).join(', ')}`);
  const edit = item.textEdit as TextEdit;
  const expansion = expand(edit.newText, choose);
  const start = offsetOf(doc, edit.range.start);
  const text = doc.text.slice(0, start) + expansion.text + doc.text.slice(offsetOf(doc, edit.range.end));
  return { text, expansion, at: start };
}

function positionAt(doc: ReturnType<typeof parseJob>, offset: number): { line: number; character: number } {
  const { line, col } = doc.lineCounter.linePos(offset);
  return { line: line - 1, character: col - 1 };
}

const ROOT = path.resolve(__dirname, '../../../..');
const SNIPPET_FILE = JSON.parse(readFileSync(path.join(ROOT, 'snippets/imm-highlight.json'), 'utf8')) as Record<string, SnippetFileEntry>;

test('snippets/imm-highlight.json is the only place a snippet is written', () => {
  // In the strings of the code (comments may quote snippet syntax): the file's body lines with a tab stop, and
  // any job line whose value is a tab stop with a default (`Key: ${1:…}`, `- Key: ${1|…|}`).
  const bodyLines = Object.values(SNIPPET_FILE).flatMap((snippet) => snippet.body.filter((line) => /\$\{?\d/.test(line)).map((line) => line.trim()));
  const jobLine = /^\s*(?:- )?[A-Z][A-Za-z]*: \$\{\d+[:|]/m;
  const found: string[] = [];
  for (const dir of [...SOURCE_ROOTS, 'bench', 'scripts']) {
    for (const file of sourceFiles(ROOT, dir)) {
      const source = ts.createSourceFile(file, readFileSync(path.join(ROOT, file), 'utf8'), ts.ScriptTarget.ES2022, true);
      const visit = (node: ts.Node): void => {
        if (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node)) {
          const where = `${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
          if (jobLine.test(node.text)) found.push(`${where}: ${JSON.stringify(node.text)}`);
          else if (bodyLines.some((line) => node.text.includes(line))) found.push(`${where}: ${JSON.stringify(node.text)}`);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
  }
  assert.deepEqual(found, []);
  assert.deepEqual(
    SNIPPETS.map((snippet) => snippet.prefix),
    Object.values(SNIPPET_FILE).map((snippet) => snippet.prefix),
    'the core serves the snippets of the file, in its order',
  );
});

test('snippets/imm-highlight.json stays a VS Code snippets file: its own keys, and ours only as x- keys, which VS Code skips', () => {
  // VS Code's snippet loader (snippetsFile.ts) reads prefix, body, description, scope and isFileTemplate, nothing else.
  const vscodeKeys = new Set(['prefix', 'body', 'description', 'scope', 'isFileTemplate']);
  for (const [name, snippet] of Object.entries(SNIPPET_FILE)) {
    assert.equal(typeof snippet.prefix, 'string', name);
    assert.ok(Array.isArray(snippet.body) && snippet.body.every((line) => typeof line === 'string'), name);
    assert.ok(snippet.description === undefined || typeof snippet.description === 'string', name);
    for (const key of Object.keys(snippet)) assert.ok(vscodeKeys.has(key) || key.startsWith('x-'), `${name}: ${key} is neither VS Code's nor an x- key`);
  }
});

test('a snippet without a valid place, or an item snippet without a description, is refused', () => {
  const body = ['URI: $1'];
  assert.throws(() => snippetsOf({ Job: { prefix: 'highlight-job', body, 'x-place': 'job' } }), /"Job" has no valid x-place/);
  assert.throws(() => snippetsOf({ Item: { prefix: 'highlight-item', body, 'x-place': 'item', 'x-list': [] } }), /"Item" has no valid x-place/);
  assert.throws(() => snippetsOf({ Item: { prefix: 'highlight-item', body, 'x-place': 'anywhere' } }), /"Item" has no valid x-place/);
  assert.throws(() => snippetsOf({ Item: { prefix: 'highlight-item', body, 'x-place': 'item', 'x-list': ['Sources'] } }), /"Item" has no description/);
  const [item] = snippetsOf({
    Item: { prefix: 'highlight-item', body, description: 'One more.', 'x-place': 'item', 'x-list': ['Edit', 'Transitions'], 'x-for-types': ['Compose'] },
  });
  assert.deepEqual(item?.place, { kind: 'item', list: ['Edit', 'Transitions'] });
  assert.deepEqual([item?.label(), item?.description(), item?.forTypes], ['Item', 'One more.', ['Compose']]);
});

test('the expander reads snippet syntax as VS Code does', () => {
  const expansion = expand('a ${1:x} $2 ${3} ${4|p,q|} \\$ ${5:oss://${6:b}/o} \\}');
  assert.equal(expansion.text, 'a x   p $ oss://b/o }');
  assert.deepEqual(expansion.tabStops, [1, 2, 3, 4, 5, 6]);
  assert.deepEqual(expansion.choices, [['p', 'q']]);
  assert.deepEqual(expansion.defaults, [
    { text: 'x', offset: 2 },
    { text: 'b', offset: 16 },
    { text: 'oss://b/o', offset: 10 },
  ]);
  assert.equal(expand('${1|p,q|}', (_n, options) => options[1]!).text, 'q');
  assert.throws(() => expand('${TM_FILENAME}'));
  assert.throws(() => expand('${1:open'));
});

test('expandDefaults, used for quick fixes and documentation, expands as the editor does', () => {
  for (const snippet of SNIPPETS) assert.equal(expandDefaults(snippet.body), expand(bodyText(snippet)).text, snippet.prefix);
});

test('there is one whole-job snippet per job Type, and every snippet has a prefix, label and description', () => {
  const jobs = SNIPPETS.filter((s) => s.place.kind === 'job');
  assert.deepEqual(jobs.map((s) => s.prefix).sort(), Object.keys(EXPECTED).sort());
  for (const snippet of jobs) {
    const job = parseJob(expand(bodyText(snippet)).text).value as Record<string, unknown>;
    assert.equal(job.Type, EXPECTED[snippet.prefix], `${snippet.prefix}: Type`);
    assert.equal(snippet.type, job.Type, `${snippet.prefix}: type`);
  }
  for (const snippet of SNIPPETS) {
    assert.match(snippet.prefix, /^highlight-[a-z-]+$/);
    assert.ok(snippet.label().trim() && snippet.description().trim(), snippet.prefix);
  }
  assert.deepEqual(Object.keys(HOSTS).sort(), SNIPPETS.map((s) => s.prefix).sort(), 'every snippet has a host in this test');
});

for (const snippet of SNIPPETS) {
  test(`${snippet.prefix}: every default is a real value or a placeholder reported as placeholder-value where it stands`, () => {
    const { text, expansion, at } = insertedBy(snippet.prefix);
    const placeholders = problemsOf(text).filter((p) => p.code === PLACEHOLDER_CODE);
    for (const { text: value, offset } of expansion.defaults) {
      if (REAL_DEFAULTS.has(value)) {
        assert.equal(placeholderIn(value), undefined, `${value} is listed as real but is a placeholder`);
        continue;
      }
      assert.ok(
        placeholderIn(value),
        `${snippet.prefix}: the default ${JSON.stringify(value)} is neither a real value (REAL_DEFAULTS) nor a placeholder (placeholders.ts)`,
      );
      assert.ok(
        placeholders.some((p) => p.offset === at + offset),
        `${snippet.prefix}: ${value} is reported where it stands`,
      );
    }
    if (snippet.place.kind === 'job') assert.ok(placeholders.length > 0, `${snippet.prefix} writes at least one value the user must replace`);
  });

  test(`${snippet.prefix}: inserted where it fits, it has no problem but its placeholders, and none once they are filled in`, () => {
    const { text } = insertedBy(snippet.prefix);
    assert.deepEqual(otherProblems(text), [], text);
    assert.deepEqual(
      problemsOf(filledIn(text)).map((p) => p.text),
      [],
      filledIn(text),
    );
    if (snippet.place.kind === 'job') {
      const job = parseJob(text).value as {
        ProjectName?: unknown;
        Sources?: { URI?: unknown; StartTime?: unknown; Duration?: unknown }[];
        Output?: { URI?: unknown; Container?: unknown };
        Edit?: unknown;
      };
      assert.equal(typeof job.ProjectName, 'string');
      // A join needs two clips (issue 19, item 15); the others start from one video.
      assert.equal(job.Sources?.length, snippet.prefix === 'highlight-concat' ? 2 : 1);
      assert.match(String(job.Sources?.[0]?.URI), /^oss:\/\//);
      assert.match(String(job.Output?.URI), /^oss:\/\//);
      if (snippet.prefix !== 'highlight-retrieval') assert.ok(job.Output?.Container, 'Concat and Compose need Output.Container');
      if (snippet.prefix === 'highlight-concat') {
        for (const source of job.Sources ?? []) {
          assert.equal(typeof source.StartTime, 'number');
          assert.equal(typeof source.Duration, 'number');
        }
      }
      if (snippet.prefix === 'highlight-compose') assert.equal(typeof job.Edit, 'object');
    }
  });

  test(`${snippet.prefix}: every option of every choice gives a valid job`, () => {
    const { choices } = expand(bodyText(snippet));
    choices.forEach((options, choice) => {
      options.forEach((option) => {
        const { text } = insertedBy(snippet.prefix, (occurrence, all) => (occurrence === choice ? option : all[0]!));
        assert.deepEqual(otherProblems(text), [], `choosing ${option}:\n${text}`);
      });
    });
  });

  test(`${snippet.prefix}: tab stops run from 1 without gaps and end at $0`, () => {
    const { tabStops } = expand(bodyText(snippet));
    const numbered = [...new Set(tabStops.filter((n) => n > 0))].sort((a, b) => a - b);
    assert.deepEqual(
      numbered,
      numbered.map((_, index) => index + 1),
    );
    assert.ok(tabStops.includes(0), 'the snippet should end at $0');
  });
}
