import { MarkupKind, type MarkupContent } from 'vscode-languageserver-types';

/**
 * The documentation of hover and completion as plain text, for editors that do not render markdown (an LSP
 * client without `markdown` in its `contentFormat` / `documentationFormat`): what a reader would see rendered,
 * without the syntax. It undoes only what fieldDocs, documentedNames and the snippet items write (strong and
 * emphasis, code spans and blocks, links, hard line breaks), so a schema text such as `*.highlight.yaml` or
 * `4 < size < 120` stays as written.
 */
export function markdownAsPlainText(markdown: string): string {
  return (
    markdown
      // Fences of a code block: the code stays, as its own lines.
      .replace(/^```[\w-]*\n/gm, '')
      .replace(/^```$\n?/gm, '')
      // `[title](https://…)` → `title (https://…)`: the address is all a plain-text reader can follow.
      .replace(/\[([^\]\n]+)\]\(([^)\s]+)\)/g, '$1 ($2)')
      // ``a`b`` and `mp4`: the code's text.
      .replace(/``([^\n]+?)``|`([^`\n]+)`/g, (_, double: string | undefined, single: string | undefined) => double ?? single ?? '')
      .replace(/\*\*([^*\n]+)\*\*/g, '$1')
      .replace(/(^|[^\w*])\*([^\s*][^*\n]*?[^\s*]|[^\s*])\*(?![\w*])/g, '$1$2')
      // A markdown hard line break (two spaces before the newline).
      .replace(/ {2}\n/g, '\n')
  );
}

const plainTexts = new Map<string, string>();

/**
 * Completion documentation in the form the editor takes. Its texts come from the schema and the translations
 * alone (a bounded set), so each is converted once.
 */
export function documentationFor(documentation: MarkupContent, markdown: boolean): MarkupContent | string {
  if (markdown || documentation.kind !== MarkupKind.Markdown) return documentation;
  let plain = plainTexts.get(documentation.value);
  if (plain === undefined) {
    plain = markdownAsPlainText(documentation.value);
    plainTexts.set(documentation.value, plain);
  }
  return plain;
}
