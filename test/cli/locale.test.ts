/**
 * The language of the `highlight-task` CLI: LANG / LC_ALL (zh_CN → Chinese) or --lang; codes, JSON and SARIF
 * field names never change with it. Run as a child process, bundled like the shipped dist/cli.js.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { prepareCli, runCli, type CliRun } from './cliProcess';

const BAD = `ProjectName: immtest
Type: Retreival
Sources:
  - URI: oss://test-bucket/a.mp4
Output:
  URI: oss://test-bucket/out.mp4
`;

let cli: string[];
let dir: string;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'highlight-cli-locale-'));
  writeFileSync(join(dir, 'bad.highlight.yaml'), BAD);
  symlinkSync(join(dir, 'bad.highlight.yaml'), join(dir, 'link.highlight.yaml'));
  cli = await prepareCli();
});

/** The language comes from `language` alone: the test's own LANG and LC_* are removed. */
const run = (args: string[], language: Record<string, string>): Promise<CliRun> =>
  runCli(cli, args, { cwd: dir, env: { LC_ALL: undefined, LC_MESSAGES: undefined, LANG: undefined, ...language } });

const CHINESE = '`Retreival` 不是有效的 Type。是否要写 `Retrieval`？可选值：Retrieval, Concat, Compose。';

describe('the CLI language', { concurrency: true }, () => {
  test('LANG=zh_CN.UTF-8: messages and the summary in Chinese; position, severity and code as always', async () => {
    const { code, stdout, stderr } = await run(['validate', 'bad.highlight.yaml'], { LANG: 'zh_CN.UTF-8' });
    assert.equal(code, 1);
    assert.equal(stdout, `bad.highlight.yaml:2:7: error invalid-value ${CHINESE}\n`);
    assert.equal(stderr, '已检查 1 个文件：1 个错误，0 个警告。\n');
  });

  test('LC_ALL wins over LANG', async () => {
    const { stdout } = await run(['validate', 'bad.highlight.yaml'], { LANG: 'zh_CN.UTF-8', LC_ALL: 'en_US.UTF-8' });
    assert.match(stdout, /error invalid-value `Retreival` is not a valid Type\./);
  });

  test('--lang zh-cn wins over the environment, anywhere on the line', async () => {
    const { stdout } = await run(['validate', '--lang', 'zh-cn', 'bad.highlight.yaml'], { LANG: 'en_US.UTF-8' });
    assert.equal(stdout, `bad.highlight.yaml:2:7: error invalid-value ${CHINESE}\n`);
    const english = await run(['--lang=en', 'validate', 'bad.highlight.yaml'], { LANG: 'zh_CN.UTF-8' });
    assert.match(english.stdout, /is not a valid Type\./);
  });

  test('JSON and SARIF keep their field names and codes; only the message text is Chinese', async () => {
    const json = JSON.parse((await run(['validate', '--format', 'json', 'bad.highlight.yaml'], { LANG: 'zh_CN.UTF-8' })).stdout) as {
      files: { file: string; diagnostics: { line: number; severity: string; code: string; message: string }[] }[];
      summary: { errors: number };
    };
    assert.deepEqual(
      json.files[0]?.diagnostics.map((d) => [d.line, d.severity, d.code, d.message]),
      [[2, 'error', 'invalid-value', CHINESE]],
    );
    assert.equal(json.summary.errors, 1);
    const sarif = JSON.parse((await run(['validate', '--format', 'sarif', 'bad.highlight.yaml'], { LANG: 'zh_CN.UTF-8' })).stdout) as {
      runs: { results: { ruleId: string; level: string; message: { text: string } }[] }[];
    };
    assert.deepEqual(
      sarif.runs[0]?.results.map((r) => [r.ruleId, r.level, r.message.text]),
      [['invalid-value', 'error', CHINESE]],
    );
  });

  test('usage errors and --help in Chinese; an unknown --lang is a usage error', async () => {
    const help = await run(['--help'], { LANG: 'zh_CN.UTF-8' });
    assert.match(help.stdout, /^用法：highlight-task <命令> \[选项\]/);
    const missing = await run(['validate', 'nope.highlight.yaml'], { LANG: 'zh_CN.UTF-8' });
    assert.equal(missing.code, 2);
    assert.equal(missing.stderr, 'highlight-task: nope.highlight.yaml：文件或目录不存在。\n运行 highlight-task --help 查看用法。\n');
    const unknown = await run(['--lang', 'fr', 'validate', 'bad.highlight.yaml'], {});
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /--lang must be en, zh-cn; not "fr"\./);
  });

  test('a file that is not read is reported in Chinese, its code unchanged', async () => {
    const { code, stdout } = await run(['validate', '--lang', 'zh-cn', 'link.highlight.yaml'], { LANG: 'en_US.UTF-8' });
    assert.equal(code, 1);
    assert.equal(stdout, 'link.highlight.yaml:1:1: error file-not-read 未检查：该文件是符号链接；不跟随链接。\n');
    const english = await run(['validate', 'link.highlight.yaml'], { LANG: 'en_US.UTF-8' });
    assert.equal(english.stdout, 'link.highlight.yaml:1:1: error file-not-read Not checked: the file is a symbolic link; links are not followed.\n');
  });

  test('the usage errors of output and of a flag in Chinese', async () => {
    const output = await run(['output'], { LANG: 'zh_CN.UTF-8' });
    assert.equal(output.code, 2);
    assert.match(output.stderr, /^highlight-task: output 只接受一个 oss:\/\/bucket\/key。\n/);
    const flag = await run(['validate', '--region', 'cn-beijing', 'bad.highlight.yaml'], { LANG: 'zh_CN.UTF-8' });
    assert.equal(flag.code, 2);
    assert.match(flag.stderr, /^highlight-task: --region 需与 --cloud（对照云端检查）一起使用。\n/);
  });
});
