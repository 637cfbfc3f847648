/** Names shared by the manifest (package.json) and the code; a rename must change both. */
export const LANGUAGE_ID = 'imm-highlight';
export const OUTPUT_CHANNEL_NAME = 'IMM Highlight';
/** Also the prefix of the `immHighlight.trace.server` setting, which vscode-languageclient reads by client id. */
export const CLIENT_ID = 'immHighlight';
export const CLIENT_NAME = 'IMM Highlight Language Server';

export const Commands = {
  restartServer: 'immHighlight.restartServer',
  showOutput: 'immHighlight.showOutput',
} as const;

/** The request the files describe; shown in the language status item so users know what "valid" means. */
export const SCHEMA_TITLE = 'CreateHighlightTask';
export const API_VERSION = '2020-09-30';

/** Set by the desktop entry only: hides what needs Node.js and the network (Submit, credentials, tasks) on the web. */
export const DESKTOP_CONTEXT_KEY = 'immHighlight.desktop';
/** Set by the web entry: hides what needs the desktop (the Highlight Tasks view) there, and only there. */
export const WEB_CONTEXT_KEY = 'immHighlight.web';
