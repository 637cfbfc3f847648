import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activatedApi, diagnosticWithCode, hoverText, openJob, rangeOfText } from './helpers';

/**
 * The extension and its language server speak VS Code's display language. The English run checks English;
 * `IMM_E2E_LOCALE=zh-cn npm run test:extension` starts code-server with `--locale zh-cn` and checks Chinese.
 */
describe('display language', () => {
  before(activatedApi);

  const chinese = (): boolean => vscode.env.language.toLowerCase() === 'zh-cn';

  it('is the one the workbench was started with', () => {
    const expected = process.env.IMM_E2E_LOCALE;
    if (expected) assert.equal(vscode.env.language.toLowerCase(), expected.toLowerCase());
    else assert.equal(chinese(), false, `an English run got ${vscode.env.language}`);
  });

  it('diagnostics come in the display language, with the same code and range', async () => {
    const { document } = await openJob('misspelt-type.highlight.yaml');
    const diagnostic = await diagnosticWithCode(document.uri, 'invalid-value');
    assert.deepEqual(diagnostic.range, rangeOfText(document, 'Type: retrieval', 'retrieval'));
    if (chinese()) assert.match(diagnostic.message, /^`retrieval` 不是有效的 Type。是否要写 `Retrieval`？可选值：/);
    else assert.match(diagnostic.message, /^`retrieval` is not a valid Type\. Did you mean `Retrieval`\?/);
  });

  it('hover shows the schema description in the display language', async () => {
    const { document } = await openJob('misspelt-type.highlight.yaml');
    const at = rangeOfText(document, 'Type: retrieval', 'Type').start;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, at);
    assert.match(hoverText(hovers), chinese() ? /处理类型。/ : /The processing type\./);
  });

  it('quick fixes are titled in the display language', async () => {
    const { document } = await openJob('misspelt-type.highlight.yaml');
    const diagnostic = await diagnosticWithCode(document.uri, 'invalid-value');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range);
    assert.ok(
      actions.some((action) => action.title === (chinese() ? '改为 `Retrieval`' : 'Change to `Retrieval`')),
      actions.map((a) => a.title).join(', '),
    );
  });
});
