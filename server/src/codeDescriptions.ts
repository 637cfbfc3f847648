/**
 * codeDescription.href on every diagnostic, for clients that declare `publishDiagnostics.codeDescriptionSupport`
 * (VS Code shows the code as a link then): the section of the code on docs/diagnostics.md. Our client sends the URI
 * of the page inside the installed extension (`diagnosticsPage` in initializationOptions; on the web too); a server
 * started by another editor falls back to the page beside its own bundle.
 */
import type { Diagnostic } from 'vscode-languageserver';
import { diagnosticHref } from '../../core/src/index';

/** The page to link to, or undefined when the client cannot show links (then no diagnostic carries one). */
export function diagnosticsPageFor(codeDescriptions: boolean, initializationOptions: unknown, fallback: string | undefined): string | undefined {
  if (!codeDescriptions) return undefined;
  const sent = (initializationOptions as { diagnosticsPage?: unknown } | null | undefined)?.diagnosticsPage;
  return typeof sent === 'string' && sent !== '' ? sent : fallback;
}

export function withCodeDescriptions(diagnostics: Diagnostic[], page: string | undefined): Diagnostic[] {
  if (page === undefined) return diagnostics;
  return diagnostics.map((d) => (d.code === undefined ? d : { ...d, codeDescription: { href: diagnosticHref(page, String(d.code)) } }));
}
