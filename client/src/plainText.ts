/**
 * Texts from a job, an OSS key, a file name, an endpoint setting or a service answer are shown as plain text,
 * never as a link. Two sinks render markup, so there is one escaping function for each; nothing else escapes.
 * Pure, no VS Code: the web entry and unit tests load it.
 */

/**
 * For notifications, progress titles and modal dialogs: VS Code renders `[text](target)` in them as a link, a
 * `command:` target included, and knows no escape character. Brackets become parentheses, so no link can form.
 * `notify.ts` applies it to every message; call it directly only for a text that reaches such a sink otherwise.
 */
export function plainText(message: string): string {
  return message.replace(/\[/g, '(').replace(/\]/g, ')');
}

/**
 * For a MarkdownString (tooltips with trusted command links) or a Markdown document: every ASCII punctuation
 * character is backslash-escaped (CommonMark lets any of them be), so no link, autolink (`http\://…` is not one),
 * HTML tag, emphasis, table cell or theme icon (`$(…)`) can form; line breaks become spaces.
 */
export function markdownText(text: string): string {
  return text.replace(/\r?\n|\r/g, ' ').replace(/[!-/:-@[-`{-~]/g, '\\$&');
}
