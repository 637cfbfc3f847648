import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { LspSession } from '../support/lspClient';

/** The language the real server speaks: what our client hands over, else the LSP locale, --locale, then LANG. */

const MISSPELT = 'ProjectName: immtest\nType: Retreival\nSources:\n  - URI: oss://test-bucket/input.mp4\nOutput:\n  URI: oss://test-bucket/output.mp4\n';
const CHINESE = '`Retreival` 不是有效的 Type。是否要写 `Retrieval`？可选值：Retrieval, Concat, Compose。';
const ENGLISH = /^`Retreival` is not a valid Type\. Did you mean `Retrieval`\?/;
const ZH_CN_BUNDLE = JSON.parse(readFileSync(path.resolve(__dirname, '../../l10n/bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;

/** An environment that names no language, so only what a test sets decides. */
function neutralEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.LC_ALL;
  delete env.LC_MESSAGES;
  delete env.LANG;
  return { ...env, ...extra };
}

async function firstMessage(session: LspSession): Promise<string> {
  const uri = 'file:///work/locale.highlight.yaml';
  const published = session.nextDiagnostics(uri);
  await session.open(uri, MISSPELT);
  const [diagnostic] = await published;
  assert.equal(diagnostic?.code, 'invalid-value');
  return diagnostic!.message;
}

async function withSession<T>(start: Promise<LspSession>, run: (session: LspSession) => Promise<T>): Promise<T> {
  const session = await start;
  try {
    return await run(session);
  } finally {
    await session.stop();
  }
}

describe('language server over stdio: language', () => {
  test('speaks Simplified Chinese with the locale and bundle our client hands over: diagnostic, hover, completion', async () => {
    await withSession(LspSession.start({ locale: 'zh-cn', l10nBundle: ZH_CN_BUNDLE }, { env: neutralEnv() }), async (session) => {
      assert.equal(await firstMessage(session), CHINESE);
      const uri = 'file:///work/locale.highlight.yaml';
      const hover = await session.connection.sendRequest<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 3 } });
      assert.match((hover.contents as MarkupContent).value, /^\*\*ProjectName\*\* — 字符串，必填\n\n项目名称。/);
      const items = await session.connection.sendRequest<{ label: string; documentation?: MarkupContent }[]>('textDocument/completion', {
        textDocument: { uri },
        position: { line: 6, character: 0 },
      });
      assert.match(items.find((item) => item.label === 'Mode')?.documentation?.value ?? '', /高光识别模式。/);
    });
  });

  test('names and describes the snippets in Simplified Chinese from snippets/imm-highlight.zh-cn.json', async () => {
    const read = (file: string) =>
      JSON.parse(readFileSync(path.resolve(__dirname, '../../snippets', file), 'utf8')) as Record<
        string,
        { prefix?: string; name?: string; description?: string }
      >;
    const english = read('imm-highlight.json');
    const chinese = read('imm-highlight.zh-cn.json');
    const named = (prefix: string) => chinese[Object.keys(english).find((name) => english[name]!.prefix === prefix)!]!;
    await withSession(LspSession.start({ locale: 'zh-cn', l10nBundle: ZH_CN_BUNDLE }, { env: neutralEnv() }), async (session) => {
      const complete = async (text: string, position: { line: number; character: number }) => {
        const uri = `file:///work/snippets-${position.line}.highlight.yaml`;
        await session.open(uri, text);
        return session.connection.sendRequest<{ label: string; detail?: string; documentation?: MarkupContent }[]>('textDocument/completion', {
          textDocument: { uri },
          position,
        });
      };
      const job = (await complete('', { line: 0, character: 0 })).find((item) => item.label === 'highlight-retrieval');
      assert.equal(job?.detail, named('highlight-retrieval').name);
      // A whole job is described by the schema's (translated) meaning of its Type.
      assert.match(job?.documentation?.value ?? '', /^Retrieval 任务：/);
      const item = (await complete('ProjectName: immtest\nType: Compose\nEdit:\n  Transitions:\n    \n', { line: 4, character: 4 })).find(
        (candidate) => candidate.label === 'highlight-transition',
      );
      assert.equal(item?.detail, named('highlight-transition').name);
      assert.ok(item?.documentation?.value.startsWith(named('highlight-transition').description!), item?.documentation?.value);
    });
  });

  test('follows the LSP initialize locale of another editor, over LANG', async () => {
    const message = await withSession(LspSession.start({}, { locale: 'zh-CN', env: neutralEnv({ LANG: 'en_US.UTF-8' }) }), firstMessage);
    assert.equal(message, CHINESE);
  });

  test('follows --locale when the editor sends none', async () => {
    const message = await withSession(LspSession.start({}, { args: ['--locale', 'zh-cn'], env: neutralEnv({ LANG: 'en_US.UTF-8' }) }), firstMessage);
    assert.equal(message, CHINESE);
  });

  test('follows LANG=zh_CN.UTF-8 last', async () => {
    const message = await withSession(LspSession.start({}, { env: neutralEnv({ LANG: 'zh_CN.UTF-8' }) }), firstMessage);
    assert.equal(message, CHINESE);
  });

  test('speaks English when the editor says so, whatever LANG is', async () => {
    const message = await withSession(LspSession.start({}, { locale: 'en', env: neutralEnv({ LANG: 'zh_CN.UTF-8' }) }), firstMessage);
    assert.match(message, ENGLISH);
  });
});
