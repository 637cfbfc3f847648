import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isJobDocument, parseJob, type JobDocument } from '../../core/src/index';

/** Matches job files by name too, so clients that send them as plain `yaml` (or anything else) are served. */
export function isJobTextDocument(document: TextDocument): boolean {
  return isJobDocument(document.languageId, document.uri);
}

/** One parse per document version, shared by diagnostics, completion, hover, code actions, symbols and formatting. */
export class JobDocumentCache {
  private readonly parsed = new Map<string, { readonly version: number; readonly job: JobDocument }>();

  get(document: TextDocument): JobDocument {
    const cached = this.parsed.get(document.uri);
    if (cached && cached.version === document.version) return cached.job;
    // The previous version's parse lets a large job reparse only what the edit touched (and is consumed).
    const job = parseJob(document.getText(), cached?.job);
    this.parsed.set(document.uri, { version: document.version, job });
    return job;
  }

  forget(uri: string): void {
    this.parsed.delete(uri);
  }
}
