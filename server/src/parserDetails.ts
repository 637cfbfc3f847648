import type { Diagnostic } from 'vscode-languageserver';
import { parserMessagesOf, YAML_ERROR_MESSAGES } from '../../core/src/index';

/**
 * The YAML parser's own words for an explained syntax error, as related information at the same place: the
 * message says what is likely wrong, the parser's text stays at hand for whoever knows YAML. Done here because
 * related information names the document, which only the server knows.
 */
export function withParserDetails(diagnostics: readonly Diagnostic[], uri: string): Diagnostic[] {
  return diagnostics.map((diagnostic) => {
    const messages = parserMessagesOf(diagnostic);
    if (messages.length === 0) return diagnostic;
    return {
      ...diagnostic,
      relatedInformation: messages.map((message) => ({ location: { uri, range: diagnostic.range }, message: YAML_ERROR_MESSAGES.parserSaid(message) })),
    };
  });
}
