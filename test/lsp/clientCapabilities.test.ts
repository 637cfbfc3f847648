import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  CompletionItemKind,
  CompletionTriggerKind,
  InsertTextFormat,
  MarkupKind,
  type ClientCapabilities,
  type CodeAction,
  type Command,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type Hover,
  type MarkupContent,
  type Position,
  type TextEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspSession, VSCODE_CAPABILITIES } from '../support/lspClient';
import { withCursor } from '../support/markers';

/**
 * The server answers each client with what its capabilities say it can use (issue 22): clients written by
 * others, declared as they declare themselves, against the built server over stdio.
 */

/**
 * Neovim 0.7's `vim.lsp.protocol.make_client_capabilities()` as far as the server reads it: no snippets (so a
 * line break in an inserted text becomes a NUL byte), markdown documentation, code action literals.
 */
const NO_SNIPPETS: ClientCapabilities = {
  textDocument: {
    publishDiagnostics: { versionSupport: false },
    completion: { completionItem: { snippetSupport: false, documentationFormat: ['markdown', 'plaintext'] } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source'] } } },
  },
};

/** A client that renders no markdown (eglot without markdown-mode): plain text in completion and hover. */
const NO_MARKDOWN: ClientCapabilities = {
  textDocument: {
    completion: { completionItem: { snippetSupport: true, documentationFormat: ['plaintext'] } },
    hover: { contentFormat: ['plaintext'] },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
  },
};

const JOB = `ProjectName: immtest
Type: Concat
Sources:
  - URI: oss://test-bucket/input.mp4
Output:
  URI: oss://test-bucket/output.mp4
  Container: mp4
`;

/** Places where completion inserts keys or values, the cursor at `|`: every kind of item the server makes. */
const PLACES: Readonly<Record<string, string>> = {
  'an empty job': '|',
  'a top-level key': 'ProjectName: immtest\n|\n',
  'the Type values': 'ProjectName: immtest\nType: |\n',
  'a key of a new Sources item': 'ProjectName: immtest\nType: Concat\nSources:\n  - |\n',
  'a new Sources item at the dashes': 'ProjectName: immtest\nType: Concat\nSources:\n  - URI: oss://test-bucket/a.mp4\n  |\n',
  'an Output key': 'ProjectName: immtest\nType: Concat\nSources:\n  - URI: oss://test-bucket/a.mp4\nOutput:\n  URI: oss://test-bucket/o.mp4\n  |\n',
  'the Container values': 'Output:\n  Container: |\n',
};

function itemsOf(result: CompletionItem[] | CompletionList | null): CompletionItem[] {
  return Array.isArray(result) ? result : (result?.items ?? []);
}

/** What an item writes into the document: its textEdit's text, else its insertText, else its label. */
function inserted(item: CompletionItem): string {
  return (item.textEdit as TextEdit | undefined)?.newText ?? item.insertText ?? item.label;
}

function documentationText(documentation: CompletionItem['documentation']): string {
  return typeof documentation === 'string' ? documentation : (documentation?.value ?? '');
}

/** Markdown syntax that a plain-text reader would see as noise. */
const MARKDOWN_SYNTAX = /`|\*\*|\]\(|^\s*\*[^\s*]| {2}\n/m;

async function completeAt(session: LspSession, uri: string, marked: string, context?: object): Promise<{ text: string; items: CompletionItem[] }> {
  const { text, position } = withCursor(marked);
  await session.open(uri, text);
  const result = await session.connection.sendRequest<CompletionItem[] | CompletionList | null>('textDocument/completion', {
    textDocument: { uri },
    position,
    ...(context ? { context } : {}),
  });
  return { text, items: itemsOf(result) };
}

function applied(text: string, item: CompletionItem): string {
  const edit = item.textEdit as TextEdit;
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'yaml', 1, text), [edit]);
}

describe('language server over stdio: a client without snippet support (Neovim 0.7, eglot without yasnippet)', () => {
  let session: LspSession;
  before(async () => {
    session = await LspSession.start({}, { capabilities: NO_SNIPPETS });
  });
  after(async () => {
    await session.stop();
  });

  test('every place (keys, list items, values, an empty job): plain one-line insertions, no tab stop, no snippet item', async () => {
    for (const [place, marked] of Object.entries(PLACES)) {
      const { items } = await completeAt(session, `file:///work/plain-${place.replace(/\W+/g, '-')}.highlight.yaml`, marked);
      assert.ok(items.length > 0, `${place}: something is completed there`);
      for (const item of items) {
        const text = inserted(item);
        assert.doesNotMatch(text, /\$\d|\$\{\d/, `${place}: ${item.label}: a tab stop in ${JSON.stringify(text)}`);
        assert.ok(!text.includes('\n'), `${place}: ${item.label}: a line break in ${JSON.stringify(text)}`);
        assert.equal(item.insertTextFormat ?? InsertTextFormat.PlainText, InsertTextFormat.PlainText, `${place}: ${item.label}`);
        assert.notEqual(item.kind, CompletionItemKind.Snippet, `${place}: ${item.label} is a snippet`);
      }
    }
  });

  test('a key inserts the key and its colon: a space before a value, none before a nested block', async () => {
    const top = await completeAt(session, 'file:///work/plain-keys.highlight.yaml', PLACES['a top-level key']!);
    const item = (label: string): CompletionItem => top.items.find((candidate) => candidate.label === label)!;
    assert.equal(applied(top.text, item('Type')), 'ProjectName: immtest\nType: \n');
    assert.equal(applied(top.text, item('Sources')), 'ProjectName: immtest\nSources:\n');
    const inItem = await completeAt(session, 'file:///work/plain-item.highlight.yaml', PLACES['a key of a new Sources item']!);
    const uri = inItem.items.find((candidate) => candidate.label === 'URI')!;
    assert.equal(applied(inItem.text, uri), 'ProjectName: immtest\nType: Concat\nSources:\n  - URI: \n');
    const atDashes = await completeAt(session, 'file:///work/plain-dashes.highlight.yaml', PLACES['a new Sources item at the dashes']!);
    assert.match(
      applied(
        atDashes.text,
        atDashes.items.find((candidate) => candidate.label === 'URI')!,
      ),
      /\n {2}- URI: \n$/,
    );
  });
});

describe('language server over stdio: a client without markdown', () => {
  let session: LspSession;
  before(async () => {
    session = await LspSession.start({}, { capabilities: NO_MARKDOWN });
  });
  after(async () => {
    await session.stop();
  });

  test('completion documentation is plain text, and still says what the markdown says', async () => {
    let documented = 0;
    for (const [place, marked] of Object.entries(PLACES)) {
      const { items } = await completeAt(session, `file:///work/text-${place.replace(/\W+/g, '-')}.highlight.yaml`, marked);
      for (const item of items) {
        if (item.documentation === undefined) continue;
        documented++;
        const kind = typeof item.documentation === 'string' ? MarkupKind.PlainText : item.documentation.kind;
        assert.equal(kind, MarkupKind.PlainText, `${place}: ${item.label}`);
        assert.doesNotMatch(documentationText(item.documentation), MARKDOWN_SYNTAX, `${place}: ${item.label}`);
      }
    }
    assert.ok(documented > 20, `only ${documented} items documented`);
    const { items } = await completeAt(session, 'file:///work/text-type.highlight.yaml', PLACES['a top-level key']!);
    assert.match(documentationText(items.find((item) => item.label === 'Type')!.documentation), /^string, required\n\n[^]*Concat/);
  });

  test('hover is plain text: a key with its values, a documented name with its page', async () => {
    const uri = 'file:///work/text-hover.highlight.yaml';
    const text = JOB.replace('Type: Concat', 'Type: Compose') + 'Edit:\n  Mode: Sequential\n  Transitions:\n    - Transition: fade\n';
    await session.open(uri, text);
    const hoverAt = async (position: Position): Promise<MarkupContent> => {
      const result = await session.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
      assert.ok(result, `no hover at ${JSON.stringify(position)}`);
      return result.contents as MarkupContent;
    };
    const type = await hoverAt({ line: 1, character: 2 });
    assert.equal(type.kind, MarkupKind.PlainText);
    assert.doesNotMatch(type.value, MARKDOWN_SYNTAX);
    assert.match(type.value, /^Type — string, required\n/);
    assert.match(type.value, /^- Compose ← current/m);
    const transition = await hoverAt({ line: 10, character: 22 });
    assert.equal(transition.kind, MarkupKind.PlainText);
    assert.doesNotMatch(transition.value, MARKDOWN_SYNTAX);
    assert.match(transition.value, /^fade is a documented name: see Transition effects \(https:\/\/\S+\)\.$/m);
  });
});

describe('language server over stdio: quick fixes for diagnostics sent back in other units', () => {
  let session: LspSession;
  before(async () => {
    session = await LspSession.start({}, { capabilities: NO_SNIPPETS });
  });
  after(async () => {
    await session.stop();
  });

  /** Neovim 0.7 sends a diagnostic back with UTF-8 byte columns, and `data`'s object keys in another order. */
  function asNeovim07SendsIt(diagnostic: Diagnostic, lines: readonly string[]): Diagnostic {
    const bytes = (position: Position): Position => ({
      line: position.line,
      character: Buffer.byteLength(lines[position.line]!.slice(0, position.character), 'utf8'),
    });
    const reordered = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(reordered);
      if (typeof value !== 'object' || value === null) return value;
      return Object.fromEntries(
        Object.entries(value)
          .reverse()
          .map(([key, inner]) => [key, reordered(inner)]),
      );
    };
    return { ...diagnostic, range: { start: bytes(diagnostic.range.start), end: bytes(diagnostic.range.end) }, data: reordered(diagnostic.data) };
  }

  test('a line with Chinese text before the error: the quick fix is found by code, data and line', async () => {
    const uri = 'file:///work/bytes.highlight.yaml';
    const text = JOB.replace(/Output:\n[^]*$/, 'Output: { URI: "oss://test-bucket/精彩集锦/输出.mp4", Container: mp5 }\n');
    const published = session.nextDiagnostics(uri);
    await session.open(uri, text);
    const diagnostic = (await published).find((candidate) => candidate.code === 'invalid-value');
    assert.ok(diagnostic, JSON.stringify(await published));
    const sent = asNeovim07SendsIt(diagnostic, text.split('\n'));
    assert.ok(sent.range.start.character > diagnostic.range.end.character, 'the byte columns lie past the real range');
    assert.notEqual(JSON.stringify(sent.data), JSON.stringify(diagnostic.data), 'the keys come back in another order');
    const cursor = { line: diagnostic.range.start.line, character: diagnostic.range.start.character + 1 };
    const actions = await session.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: cursor, end: cursor },
      context: { diagnostics: [sent] },
    });
    const fix = actions.find((action) => action.isPreferred);
    assert.ok(fix, `no quick fix in ${JSON.stringify(actions)}`);
    assert.deepEqual(fix.edit?.changes?.[uri], [{ range: diagnostic.range, newText: 'mp4' }]);

    // Matched by value: a diagnostic whose data is not the finding's on that line gets no fix of that finding.
    const altered = JSON.parse(JSON.stringify(sent.data).replace(/"mp4"/g, '"mov"')) as unknown;
    const none = await session.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: cursor, end: cursor },
      context: { diagnostics: [{ ...sent, data: altered }] },
    });
    assert.deepEqual(none, []);
  });
});

describe('language server over stdio: a client without CodeAction literals (LSP before 3.8)', () => {
  test('gets each quick fix as a Command that has the client apply its edit', async () => {
    const session = await LspSession.start({}, { capabilities: { workspace: { applyEdit: true }, textDocument: { codeAction: {} } } });
    try {
      assert.equal(session.capabilities['codeActionProvider'], true);
      assert.deepEqual(session.capabilities['executeCommandProvider'], { commands: ['imm-highlight.applyFix'] });
      const applied: unknown[] = [];
      session.connection.onRequest('workspace/applyEdit', (params: { edit: unknown }) => {
        applied.push(params.edit);
        return { applied: true };
      });
      const uri = 'file:///work/commands.highlight.yaml';
      const published = session.nextDiagnostics(uri);
      await session.open(uri, JOB.replace('Container: mp4', 'Container: mp5'));
      const diagnostic = (await published).find((candidate) => candidate.code === 'invalid-value')!;
      const answer = await session.connection.sendRequest<(Command | CodeAction)[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: diagnostic.range,
        context: { diagnostics: [diagnostic] },
      });
      assert.ok(answer.length > 0);
      for (const command of answer) assert.equal(typeof command.command, 'string', `not a Command: ${JSON.stringify(command)}`);
      const fix = answer.find((command) => /mp4/.test(command.title)) as Command;
      await session.connection.sendRequest('workspace/executeCommand', { command: fix.command, arguments: fix.arguments });
      assert.deepEqual(applied, [{ changes: { [uri]: [{ range: diagnostic.range, newText: 'mp4' }] } }]);
    } finally {
      await session.stop();
    }
  });

  test('without applyEdit either: no code actions, no command', async () => {
    const session = await LspSession.start({}, { capabilities: {} });
    try {
      assert.equal(session.capabilities['executeCommandProvider'], undefined);
      const uri = 'file:///work/no-commands.highlight.yaml';
      const published = session.nextDiagnostics(uri);
      await session.open(uri, JOB.replace('Container: mp4', 'Container: mp5'));
      const diagnostics = await published;
      const answer = await session.connection.sendRequest<unknown[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: diagnostics[0]!.range,
        context: { diagnostics },
      });
      assert.deepEqual(answer, []);
    } finally {
      await session.stop();
    }
  });
});

describe('language server over stdio: a space typed in free text', () => {
  let session: LspSession;
  before(async () => {
    session = await LspSession.start();
  });
  after(async () => {
    await session.stop();
  });

  const SPACE = { triggerKind: CompletionTriggerKind.TriggerCharacter, triggerCharacter: ' ' };

  test('after a word of Highlight.Content, a comment or Chinese text: an empty answer; where something starts: items', async () => {
    const job = 'ProjectName: immtest\nType: Retrieval\nSources:\n  - URI: oss://test-bucket/a.mp4\n';
    const freeText = [
      `${job}Highlight:\n  Content: people running |\n`,
      `${job}Highlight:\n  Content: 人物 奔跑 |\n`,
      `${job}# the summer |\n`,
      `${job}Output:\n  Container: mp4 |\n`,
    ];
    for (const [index, marked] of freeText.entries()) {
      const { items } = await completeAt(session, `file:///work/space-${index}.highlight.yaml`, marked, SPACE);
      assert.deepEqual(
        items.map((item) => item.label),
        [],
        marked,
      );
    }
    // A value after `Key: `, a key after `- `, a key in the indentation.
    const starts = [PLACES['the Type values']!, PLACES['a key of a new Sources item']!, 'Output:\n  Container: mp4\n  |\n'];
    for (const [index, marked] of starts.entries()) {
      const { items } = await completeAt(session, `file:///work/space-start-${index}.highlight.yaml`, marked, SPACE);
      assert.ok(items.length > 0, marked);
    }
  });
});

describe('language server over stdio: a client with snippets and markdown (VS Code) gets what it always got', () => {
  let session: LspSession;
  before(async () => {
    session = await LspSession.start({}, { capabilities: VSCODE_CAPABILITIES });
  });
  after(async () => {
    await session.stop();
  });

  test('key snippets with tab stops and choices, whole-job snippets, markdown documentation', async () => {
    const top = await completeAt(session, 'file:///work/vscode-keys.highlight.yaml', PLACES['a top-level key']!);
    const item = (label: string): CompletionItem => top.items.find((candidate) => candidate.label === label)!;
    assert.equal(inserted(item('Sources')), 'Sources:\n  - URI: $1');
    assert.equal(item('Sources').insertTextFormat, InsertTextFormat.Snippet);
    assert.equal(inserted(item('Type')), 'Type: ${1|Retrieval,Concat,Compose|}');
    assert.equal((item('Type').documentation as MarkupContent).kind, MarkupKind.Markdown);
    assert.match((item('Type').documentation as MarkupContent).value, /^\*string, required\*/);
    const empty = await completeAt(session, 'file:///work/vscode-empty.highlight.yaml', PLACES['an empty job']!);
    assert.ok(empty.items.some((candidate) => candidate.kind === CompletionItemKind.Snippet && inserted(candidate).includes('\n')));
  });

  test('hover is markdown', async () => {
    const uri = 'file:///work/vscode-hover.highlight.yaml';
    await session.open(uri, JOB);
    const result = await session.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 2 } });
    const contents = result?.contents as MarkupContent;
    assert.equal(contents.kind, MarkupKind.Markdown);
    assert.match(contents.value, /^\*\*Type\*\* — string, required\n/);
    assert.match(contents.value, /^- \*\*`Concat`\*\* ← current/m);
  });
});
