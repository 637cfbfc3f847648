/**
 * Whole-job templates for File › New File…: the whole-job snippets of snippets/imm-highlight.json, which the language
 * server offers too, described by the schema's meaning of their Type. Pure, no VS Code.
 */
import { SNIPPETS, type JobSnippet } from '../../../core/src/index';

export interface JobTemplate {
  readonly name: string;
  readonly description: string;
  readonly body: string;
}

/** The snippets that start a whole job; smaller ones (a Sources item, a Transition, …) are left out. */
export function jobTemplates(snippets: readonly JobSnippet[] = SNIPPETS): JobTemplate[] {
  return snippets
    .filter((snippet) => snippet.place.kind === 'job')
    .map((snippet) => ({ name: snippet.label(), description: snippet.description(), body: snippet.body.join('\n') }));
}
