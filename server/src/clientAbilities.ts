import { MarkupKind, type ClientCapabilities } from 'vscode-languageserver';
import type { CompletionOptions, HoverOptions } from '../../core/src/index';

/**
 * What one LSP client can take, read once from its capabilities at `initialize`: the one place that reads them.
 * The core features get plain options from here. A capability the client does not declare is one it lacks (the
 * LSP rule): Neovim 0.7 and eglot without yasnippet declare no snippet support, and get plain one-line insertions.
 *
 * Not needed, so not read: `insertReplaceSupport` and `labelDetailsSupport` (the server sends plain TextEdits and
 * no labelDetails, which every client takes), and the two `resolveSupport`s (documentation is built once per schema
 * node and fix edits per request: deferring them would add a round trip and save nothing).
 */
export interface ClientAbilities {
  /** Completion: snippets (tab stops, choices, several lines) and markdown documentation. */
  readonly completion: Pick<CompletionOptions, 'snippets' | 'markdown'>;
  readonly hover: HoverOptions;
  /** How quick fixes reach the client: CodeAction literals (LSP ≥ 3.8), else Commands that apply their edit, else none. */
  readonly quickFixes: 'literals' | 'commands' | 'none';
}

export function clientAbilitiesOf(capabilities: ClientCapabilities): ClientAbilities {
  const completion = capabilities.textDocument?.completion;
  return {
    completion: {
      snippets: completion?.completionItem?.snippetSupport === true,
      markdown: prefersMarkdown(completion?.completionItem?.documentationFormat),
    },
    hover: { markdown: prefersMarkdown(capabilities.textDocument?.hover?.contentFormat) },
    quickFixes:
      capabilities.textDocument?.codeAction?.codeActionLiteralSupport !== undefined
        ? 'literals'
        : capabilities.workspace?.applyEdit === true
          ? 'commands'
          : 'none',
  };
}

/** The formats are in the client's order of preference; none named means plain text. */
function prefersMarkdown(formats: readonly MarkupKind[] | undefined): boolean {
  const known = formats?.find((format) => format === MarkupKind.Markdown || format === MarkupKind.PlainText);
  return known === MarkupKind.Markdown;
}
