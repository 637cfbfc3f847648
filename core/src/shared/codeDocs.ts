/**
 * The documentation of each diagnostic code, made from the registry (codes.ts): the link to its section of
 * docs/diagnostics.md (LSP codeDescription.href, SARIF helpUri) and the texts of that section (the page, SARIF help).
 */
import { DIAGNOSTIC_CODES, type DiagnosticCodeBasis, type DiagnosticCodeEntry } from './codes';

/** Where the page of the codes lies in the package, relative to its root (beside dist/). */
export const DIAGNOSTICS_PAGE_PATH = 'docs/diagnostics.md';

/** The link to a code's section: the page's URI (file:, vscode-file:, https:, …) with the code as its fragment. */
export function diagnosticHref(pageUri: string, code: string): string {
  const hash = pageUri.indexOf('#');
  return `${hash < 0 ? pageUri : pageUri.slice(0, hash)}#${encodeURIComponent(code)}`;
}

/** A code's documentation, every field present: throws, naming the code and the field, for an entry that lacks one. */
export function codeDocs(code: string, registry: Readonly<Record<string, Partial<DiagnosticCodeEntry>>> = DIAGNOSTIC_CODES): DiagnosticCodeEntry {
  const entry = Object.hasOwn(registry, code) ? registry[code] : undefined;
  if (!entry) throw new Error(`${code} is not in the registry of diagnostic codes (core/src/shared/codes.ts).`);
  for (const field of ['group', 'severity', 'summary', 'meaning', 'basis', 'fix'] as const) {
    const value = entry[field];
    if (value === undefined || (typeof value === 'string' && value.trim() === ''))
      throw new Error(`${code} in core/src/shared/codes.ts has no ${field}: every code needs its meaning, basis and fix for docs/diagnostics.md and SARIF.`);
  }
  return entry as DiagnosticCodeEntry;
}

const API_PAGE = 'the CreateHighlightTask API page';

/** Where the check comes from, as Markdown. */
export function basisMarkdown(basis: DiagnosticCodeBasis): string {
  switch (basis.kind) {
    case 'api-page':
      return `From ${API_PAGE}, \`${basis.field}\`:\n\n> ${basis.quote}`;
    case 'api-table':
      return `From the request parameter table of ${API_PAGE} (column *${basis.column}*) and, for the objects that page only names, the official SDK models; the schema \`schemas/highlight-task.schema.json\` holds them field by field.`;
    case 'sdk-model':
      return `From the official IMM SDK models (${API_PAGE} only names these objects), \`${basis.field}\`: ${basis.says}.`;
    case 'ours':
      return `Our own rule, not a sentence of the API: ${basis.why}`;
  }
}

/** Markdown as plain text: links keep their text, code spans and emphasis lose their marks. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/(^|\s)\*([^*\s][^*]*)\*/g, '$1$2')
    .replace(/^> /gm, '');
}

/** The body of a code's section: what it means, where it comes from, how to fix it (Markdown). */
export function codeHelpMarkdown(code: string): string {
  const entry = codeDocs(code);
  return `${entry.meaning}\n\n**Where it comes from.** ${basisMarkdown(entry.basis)}\n\n**How to fix it.** ${entry.fix}`;
}

/** The same as plain text (SARIF's help.text). */
export function codeHelpText(code: string): string {
  const entry = codeDocs(code);
  return `${plainText(entry.meaning)}\n\nWhere it comes from: ${plainText(basisMarkdown(entry.basis))}\n\nHow to fix it: ${plainText(entry.fix)}`;
}
