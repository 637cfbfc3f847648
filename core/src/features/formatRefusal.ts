import { t } from '../shared/l10n';
import type { Diagnostic } from 'vscode-languageserver-types';
import { YamlCode } from '../shared/codes';
import type { JobDocument } from '../parse/document';
import { parserMessageOf } from '../parse/yamlDiagnostics';
import { explainedYamlDiagnostics, parserMessagesOf } from '../validate/yamlErrors';

/** Message texts of this feature, kept together for translation. */
export const FORMAT_REFUSAL_MESSAGES = {
  cannotRead: (line: number, problem: string): string =>
    t('Format Document left the file as it is: the YAML on line {0} cannot be read, so its structure would only be guessed. {1}', line, problem),
};

/**
 * Why formatting a job that got no edits did nothing, when the reason is one the user can fix: a YAML syntax
 * error (formatting re-indents, and cannot know the structure of text it cannot read). Undefined otherwise
 * (the file was already formatted).
 */
export function formattingRefusal(doc: JobDocument): string | undefined {
  const syntax: Diagnostic | undefined = explainedYamlDiagnostics(doc).find((d) => d.code === YamlCode.Syntax && d.severity === 1);
  if (!syntax) return undefined;
  const explained = parserMessagesOf(syntax).length > 0 ? syntax.message : (parserMessageOf(syntax) ?? syntax.message);
  return FORMAT_REFUSAL_MESSAGES.cannotRead(syntax.range.start.line + 1, explained);
}
