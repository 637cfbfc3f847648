import * as l10n from '@vscode/l10n';

/**
 * Every user-facing sentence of the core, the server and the CLI goes through `t`, VS Code's convention: the
 * English text is the key and `{0}`, `{1}` are its arguments, `t('Unknown property {0}.', name)`. The bundles in
 * l10n/ map the English text to the translation; a message missing from a bundle stays English. Which bundle is
 * in use is chosen once at start-up (locale.ts).
 */
export const t = l10n.t;
