import { CompletionItemKind, InsertTextFormat, InsertTextMode, MarkupKind, type CompletionItem, type Range } from 'vscode-languageserver-types';
import { indentUnit, type KeyContext } from '../parse/cursor';
import type { JobDocument, JsonPath } from '../parse/document';
import { documentationFor } from './plainText';
import { expandDefaults, SNIPPETS, type JobSnippet } from '../schema/snippets';

/**
 * The snippets that fit where a key is being typed: a whole job only where a job can start, a list item in
 * its list, the Output while the job has none. Anywhere else (values, nested objects) none, since a snippet
 * written there is a pile of errors.
 */
export function snippetItems(doc: JobDocument, context: KeyContext, range: Range, markdown = true): CompletionItem[] {
  if (context.hasColon) return [];
  const items: CompletionItem[] = [];
  const type = jobType(doc.value);
  for (const snippet of SNIPPETS) {
    if (snippet.forTypes && type !== undefined && !snippet.forTypes.includes(type)) continue;
    const fit = fitOf(snippet, context);
    if (!fit) continue;
    const unit = indentUnit(doc);
    const lead = (context.needsSpace ? ' ' : '') + (fit.dash ? '- ' : '');
    const column = context.column + lead.length;
    items.push({
      label: snippet.prefix,
      kind: CompletionItemKind.Snippet,
      detail: snippet.label(),
      documentation: documentationFor(
        { kind: MarkupKind.Markdown, value: `${snippet.description()}\n\n\`\`\`yaml\n${expandDefaults(snippet.body)}\n\`\`\`` },
        markdown,
      ),
      filterText: snippet.prefix,
      // A job in an empty file is what the user most likely wants; elsewhere the keys come first.
      sortText: snippet.place.kind === 'job' ? `!${snippet.prefix}` : `2${snippet.prefix}`,
      textEdit: { range, newText: lead + indented(snippet.body, column, unit) },
      insertTextFormat: InsertTextFormat.Snippet,
      // The text carries absolute indentation, like the key completions.
      insertTextMode: InsertTextMode.asIs,
    });
  }
  return items;
}

function jobType(value: unknown): string | undefined {
  const type = typeof value === 'object' && value !== null ? (value as { Type?: unknown }).Type : undefined;
  return typeof type === 'string' ? type : undefined;
}

const samePath = (a: JsonPath, b: JsonPath): boolean => a.length === b.length && a.every((segment, i) => segment === b[i]);

/** Whether the snippet fits the cursor, and whether it needs a `- ` first (at the column of a list's dashes). */
function fitOf(snippet: JobSnippet, context: KeyContext): { dash: boolean } | undefined {
  const place = snippet.place;
  switch (place.kind) {
    case 'job':
      return context.path.length === 0 && context.presentKeys.size === 0 && !context.itemStart ? { dash: false } : undefined;
    case 'top-level-key':
      return context.path.length === 0 && context.presentKeys.size > 0 && !context.presentKeys.has(place.key) && !context.itemStart
        ? { dash: false }
        : undefined;
    case 'item': {
      // `- |` in the list: an item just started, with no key yet.
      const last = context.path[context.path.length - 1];
      if (context.itemStart && typeof last === 'number' && context.presentKeys.size === 0 && samePath(context.path.slice(0, -1), place.list)) {
        return { dash: false };
      }
      // At the column of the list's dashes, or on the empty line under its key.
      if (!context.itemStart && samePath(context.path, place.list)) return { dash: true };
      return undefined;
    }
  }
}

/** The body with every line after the first at `column`, and its two-space steps turned into the file's. */
function indented(body: readonly string[], column: number, unit: number): string {
  return body
    .map((line, i) => {
      if (i === 0) return line;
      const spaces = /^ */.exec(line)![0].length;
      return line.trim() === '' ? line.trimStart() : ' '.repeat(column + (spaces / 2) * unit) + line.slice(spaces);
    })
    .join('\n');
}
