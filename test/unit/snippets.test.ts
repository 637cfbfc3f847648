import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { parseJob } from '../../core/src/document';
import { validateJob } from '../../core/src/validate';

/** The snippets must insert a job that is already valid: a new user's first squiggle must not be ours. */

interface Snippet {
  readonly prefix: string;
  readonly scope?: string;
  readonly description: string;
  readonly body: string | readonly string[];
}

const SNIPPETS_PATH = path.resolve(__dirname, '../../snippets/highlight.code-snippets');
const snippets = JSON.parse(readFileSync(SNIPPETS_PATH, 'utf8')) as Record<string, Snippet>;
const EXPECTED: Record<string, string> = {
  'highlight-retrieval': 'Retrieval',
  'highlight-concat': 'Concat',
  'highlight-compose': 'Compose',
};

/** Picks the text of a choice `${n|a,b|}`; `occurrence` counts choices in body order. */
type Choose = (occurrence: number, options: readonly string[]) => string;
const firstChoice: Choose = (_occurrence, options) => options[0]!;

interface Expansion {
  readonly text: string;
  readonly tabStops: number[];
  readonly choices: string[][];
}

/**
 * Expands VS Code snippet syntax as the editor would when the user accepts every default: `${n:default}` becomes
 * its (expanded) default, `$n` and `${n}` become empty, a choice becomes the option `choose` picks. Variables
 * are not expected in our snippets, so they are an error rather than silently dropped.
 */
function expand(body: string, choose: Choose = firstChoice): Expansion {
  const tabStops: number[] = [];
  const choices: string[][] = [];
  let i = 0;

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
        out += placeholder();
      } else {
        out += c;
        i++;
      }
    }
    assert.equal(until, undefined, `unterminated placeholder in ${JSON.stringify(body)}`);
    return out;
  };

  const placeholder = (): string => {
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
      const text = parse('}');
      i++;
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

  return { text: parse(undefined), tabStops, choices };
}

const bodyText = (snippet: Snippet): string => (typeof snippet.body === 'string' ? snippet.body : snippet.body.join('\n'));

/** Errors and warnings of a job text, as "line:character message" for a readable failure. */
function problems(text: string): string[] {
  return validateJob(parseJob(text))
    .filter((d) => d.severity === DiagnosticSeverity.Error || d.severity === DiagnosticSeverity.Warning)
    .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`);
}

test('the expander reads snippet syntax as VS Code does', () => {
  const expansion = expand('a ${1:x} $2 ${3} ${4|p,q|} \\$ ${5:oss://${6:b}/o} \\}');
  assert.equal(expansion.text, 'a x   p $ oss://b/o }');
  assert.deepEqual(expansion.tabStops, [1, 2, 3, 4, 5, 6]);
  assert.deepEqual(expansion.choices, [['p', 'q']]);
  assert.equal(expand('${1|p,q|}', (_n, options) => options[1]!).text, 'q');
  assert.throws(() => expand('${TM_FILENAME}'));
  assert.throws(() => expand('${1:open'));
});

test('there is one snippet per job Type, with its prefix, a description and the job language', () => {
  const prefixes = Object.values(snippets).map((s) => s.prefix).sort();
  assert.deepEqual(prefixes, Object.keys(EXPECTED).sort());
  for (const [name, snippet] of Object.entries(snippets)) {
    assert.ok(snippet.description.trim().length > 0, `${name}: description`);
    assert.equal(snippet.scope, 'imm-highlight', `${name}: scope`);
    const job = parseJob(expand(bodyText(snippet)).text).value as Record<string, unknown>;
    assert.equal(job.Type, EXPECTED[snippet.prefix], `${name}: Type`);
  }
});

for (const snippet of Object.values(snippets)) {
  test(`${snippet.prefix} inserts a complete job with no errors or warnings`, () => {
    const { text } = expand(bodyText(snippet));
    assert.deepEqual(problems(text), [], text);
    const job = parseJob(text).value as {
      ProjectName?: unknown;
      Sources?: { URI?: unknown; StartTime?: unknown; Duration?: unknown }[];
      Output?: { URI?: unknown; Container?: unknown };
      Edit?: unknown;
    };
    assert.equal(typeof job.ProjectName, 'string');
    assert.equal(job.Sources?.length, 1);
    assert.match(String(job.Sources?.[0]?.URI), /^oss:\/\//);
    assert.match(String(job.Output?.URI), /^oss:\/\//);
    if (snippet.prefix !== 'highlight-retrieval') assert.ok(job.Output?.Container, 'Concat and Compose need Output.Container');
    if (snippet.prefix === 'highlight-concat') {
      assert.equal(typeof job.Sources?.[0]?.StartTime, 'number');
      assert.equal(typeof job.Sources?.[0]?.Duration, 'number');
    }
    if (snippet.prefix === 'highlight-compose') assert.equal(typeof job.Edit, 'object');
  });

  test(`${snippet.prefix}: every option of every choice gives a valid job`, () => {
    const { choices } = expand(bodyText(snippet));
    choices.forEach((options, choice) => {
      options.forEach((option) => {
        const { text } = expand(bodyText(snippet), (occurrence, all) => (occurrence === choice ? option : all[0]!));
        assert.deepEqual(problems(text), [], `choosing ${option}:\n${text}`);
      });
    });
  });

  test(`${snippet.prefix}: tab stops run from 1 without gaps and end at $0`, () => {
    const { tabStops } = expand(bodyText(snippet));
    const numbered = [...new Set(tabStops.filter((n) => n > 0))].sort((a, b) => a - b);
    assert.deepEqual(numbered, numbered.map((_, index) => index + 1));
    assert.ok(tabStops.includes(0), 'the snippet should end at $0');
  });
}
