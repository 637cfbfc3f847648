import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { localeFromEnvironment, localeOf } from '../../../core/src/shared/locale';
import { l10nProblems, snippetProblems } from '../../../scripts/l10n/completeness';
import { bundleProblems, scanMessages } from '../../../scripts/l10n/messages';
import { rawTextProblems, rawTextsOf } from '../../../scripts/l10n/rawTexts';

const ROOT = path.resolve(__dirname, '../../..');

describe('translations are complete', () => {
  test('every message, manifest string and schema text has its Simplified Chinese counterpart, and the other way round', () => {
    // Run `npm run l10n:check` for the same list with file and line.
    assert.deepEqual(l10nProblems(ROOT), []);
  });
});

describe('the completeness check', () => {
  function scanOf(source: string) {
    const root = mkdtempSync(path.join(tmpdir(), 'l10n-scan-'));
    mkdirSync(path.join(root, 'core/src'), { recursive: true });
    writeFileSync(path.join(root, 'core/src/example.ts'), source);
    return scanMessages(root, ['core/src']);
  }

  const SOURCE = `import { t } from './l10n';
export const a = (name: string) => t('Unknown property {0}.', name);
export const b = () => t(\`Plain text.\`);
`;

  test('finds the messages of t(…) and vscode.l10n.t(…) with their arguments', () => {
    const scan = scanOf(`${SOURCE}import * as vscode from 'vscode';\nexport const c = () => vscode.l10n.t('Submitted {0} to {1}.', 'x', 'y');\n`);
    assert.deepEqual(
      scan.uses.map((use) => [use.message, use.argumentCount]),
      [
        ['Unknown property {0}.', 1],
        ['Plain text.', 0],
        ['Submitted {0} to {1}.', 2],
      ],
    );
    assert.deepEqual(scan.problems, []);
  });

  test('ignores a t(…) that is not the translator', () => {
    assert.deepEqual(scanOf(`const t = (s: string) => s;\nexport const x = t('not a message');\n`).uses, []);
  });

  test('reports a message that is not a literal, which no bundle could translate', () => {
    const scan = scanOf(`import { t } from './l10n';\nexport const x = (m: string) => t(m);\n`);
    assert.match(scan.problems.join('\n'), /example\.ts:2: .*must be a string literal/);
  });

  test('reports a missing translation, an unused one and a lost placeholder', () => {
    const scan = scanOf(SOURCE);
    const problems = bundleProblems(scan, { 'Unknown property {0}.': '未知属性。', 'Gone.': '没了。' }, 'zh.json');
    assert.equal(problems.length, 3, problems.join('\n'));
    assert.match(problems.join('\n'), /"Plain text\." has no translation in zh\.json/);
    assert.match(problems.join('\n'), /"Gone\." is not used/);
    assert.match(problems.join('\n'), /"未知属性。" has placeholders \{\} but "Unknown property \{0\}\." has \{0\}/);
  });

  test('reports a call that passes fewer arguments than its message has placeholders', () => {
    const scan = scanOf(`import { t } from './l10n';\nexport const x = () => t('{0} is {1}.', 'a');\n`);
    assert.match(bundleProblems(scan, { '{0} is {1}.': '{0} 为 {1}。' }, 'zh.json').join('\n'), /has 2 placeholders but is given 1 arguments/);
  });
});

describe('the snippet text check', () => {
  test('reports a snippet without its translated name or description, and a translation of no snippet', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'l10n-snippets-'));
    mkdirSync(path.join(root, 'snippets'));
    const english = {
      Job: { prefix: 'highlight-job', body: ['Type: Concat'] },
      Item: { prefix: 'highlight-item', body: ['URI: $1'], description: 'One `URI`.' },
    };
    writeFileSync(path.join(root, 'snippets/imm-highlight.json'), JSON.stringify(english));
    writeFileSync(
      path.join(root, 'snippets/imm-highlight.zh-cn.json'),
      JSON.stringify({ Job: { name: '任务', description: '多余' }, Item: { name: '一项', description: '一个 URI。' }, Gone: { name: '没了' } }),
    );
    const problems = snippetProblems(root).join('\n');
    assert.match(problems, /Job: has a description, the English snippet has none/);
    assert.match(problems, /Item description: keeps `URI` but has/);
    assert.match(problems, /"Gone" is no snippet/);
    writeFileSync(path.join(root, 'snippets/imm-highlight.zh-cn.json'), JSON.stringify({ Job: { name: '任务' } }));
    assert.match(snippetProblems(root).join('\n'), /lacks the name of "Item"/);
  });
});

describe('the raw text check', () => {
  const client = (source: string) => rawTextsOf('client/src/x.ts', source, { messages: false, cli: false, client: true }).map((r) => [r.use, r.text]);
  const core = (source: string) => rawTextsOf('core/src/x.ts', source, { messages: true, cli: false, client: false }).map((r) => [r.use, r.text]);
  const cli = (source: string) => rawTextsOf('cli/src/x.ts', source, { messages: true, cli: true, client: false }).map((r) => [r.use, r.text]);

  test('finds a notification, its buttons and its modal detail written as literals', () => {
    assert.deepEqual(
      client(
        "void vscode.window.showErrorMessage(`IMM Highlight: the server could not be restarted: ${reason}`, 'Show Output');\nvscode.window.showWarningMessage(vscode.l10n.t('Clear?'), { modal: true, detail: 'All of them have ended.' }, clear);\n",
      ),
      [
        ['showErrorMessage', 'IMM Highlight: the server could not be restarted: ${reason}'],
        ['showErrorMessage button', 'Show Output'],
        ['showWarningMessage detail', 'All of them have ended.'],
      ],
    );
  });

  test('finds a progress title, a command title, a status text, a quick pick label and a text variable', () => {
    assert.deepEqual(
      client(
        "vscode.window.withProgress({ location, title: 'IMM: checking the job' }, run);\nitem.command = { title: 'Settings', command: 'workbench.action.openSettings' };\nitem.text = `Cloud: ${region}`;\nconst items = [{ label: 'none in the browser' }];\nconst message = `Clear the list of ${count}?`;\n",
      ),
      [
        ['withProgress title', 'IMM: checking the job'],
        ['title:', 'Settings'],
        ['.text', 'Cloud: ${region}'],
        ['label:', 'none in the browser'],
        ['const message', 'Clear the list of ${count}?'],
      ],
    );
  });

  test('finds the message of a diagnostic or error, and a literal where sibling calls pass t(…)', () => {
    assert.deepEqual(
      core(
        "const d = { code: 'file-not-read', message: `Not checked: the file ${problem}.` };\nadd(a, kind, meaning, t('A suggested {0} value.', type));\nadd(b, kind, meaning, meaning ? `A ${type} value.` : undefined);\n",
      ),
      [
        ['message:', 'Not checked: the file ${problem}.'],
        ['argument 4 of add(…), translated elsewhere', 'A ${type} value.'],
      ],
    );
  });

  test("finds the CLI's stderr lines and usage errors, not its flags, names and data", () => {
    assert.deepEqual(
      cli(
        "io.stderr('More objects than listed.\\n');\nio.stderr(`--presign: ${m}`);\nio.stderr(`highlight-task: ${error.message}\\n`);\nio.stdout(`${o.size}\\toss://${b}/${o.key}\\n`);\nthrow new UsageError('output takes exactly one oss://bucket/key.');\n",
      ),
      [
        ['stderr', 'More objects than listed.\\n'],
        ['new UsageError', 'output takes exactly one oss://bucket/key.'],
      ],
    );
  });

  test("finds the message of our own error classes, not of a bare Error (a bug's)", () => {
    assert.deepEqual(
      core(
        "class Cancelled extends OssError { constructor() { super('The checks were cancelled.'); } }\nthrow new RequestBuildError('ProjectName is missing.');\nthrow new Error('unreachable: no schema');\n",
      ),
      [
        ['super', 'The checks were cancelled.'],
        ['new RequestBuildError', 'ProjectName is missing.'],
      ],
    );
  });

  test('leaves translated texts, compositions, codicons, codes and non-UI properties alone', () => {
    assert.deepEqual(
      client(
        "vscode.window.showInformationMessage(vscode.l10n.t('Done {0}.', x));\nitem.text = `$(sync~spin) ${label}`;\nitem.text = `${a} · ${b}`;\nconst code = 'InvalidArgument';\n",
      ),
      [],
    );
    assert.deepEqual(core("const r = { title: 'Fix', kind: 'quickfix' };\nconst x = { message: t('Unknown property {0}.', k) };\n"), []);
  });

  test('an allowed text is skipped; an allowance that matches nothing any more is reported', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'l10n-raw-'));
    mkdirSync(path.join(root, 'client/src'), { recursive: true });
    writeFileSync(
      path.join(root, 'client/src/a.ts'),
      "vscode.window.withProgress({ title: `GetTask ${id}` }, run);\nvoid vscode.window.showInformationMessage('Restarted.');\n",
    );
    const allowed = [
      { file: 'client/src/a.ts', text: 'GetTask ${id}', why: 'an API action' },
      { file: 'client/src/a.ts', text: 'Gone', why: 'no longer there' },
    ];
    const problems = rawTextProblems(root, ['client/src'], allowed);
    assert.equal(problems.length, 2, problems.join('\n'));
    assert.match(problems[0]!, /^client\/src\/a\.ts:2: showInformationMessage is not translated: wrap "Restarted\."/);
    assert.match(problems[1]!, /allowed text "Gone" is no longer in client\/src\/a\.ts/);
  });
});

describe('locale tags', () => {
  test('Simplified Chinese however it is spelt', () => {
    for (const tag of ['zh-cn', 'zh-CN', 'zh_CN.UTF-8', 'zh_CN.GB18030', 'zh-Hans', 'zh-Hans-CN', 'zh', 'zh_SG']) assert.equal(localeOf(tag), 'zh-cn', tag);
  });

  test('every other language is English, as nothing else is shipped', () => {
    for (const tag of ['en', 'en_US.UTF-8', 'C', 'POSIX', 'C.UTF-8', 'de-DE', 'zh-TW', 'zh_HK.UTF-8', 'zh-Hant']) assert.equal(localeOf(tag), 'en', tag);
    assert.equal(localeOf(''), undefined);
    assert.equal(localeOf(undefined), undefined);
  });

  test('LC_ALL wins over LC_MESSAGES, which wins over LANG; empty ones are skipped', () => {
    assert.equal(localeFromEnvironment({ LANG: 'zh_CN.UTF-8' }), 'zh-cn');
    assert.equal(localeFromEnvironment({ LC_ALL: 'en_US.UTF-8', LANG: 'zh_CN.UTF-8' }), 'en');
    assert.equal(localeFromEnvironment({ LC_ALL: '', LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'en_US' }), 'zh-cn');
    assert.equal(localeFromEnvironment({}), undefined);
  });
});
