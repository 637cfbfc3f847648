import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { localeFromEnvironment, localeOf } from '../../core/src/locale';
import { l10nProblems } from '../../scripts/l10n/completeness';
import { bundleProblems, scanMessages } from '../../scripts/l10n/messages';

const ROOT = path.resolve(__dirname, '../..');

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
