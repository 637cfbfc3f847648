/** Names shared by the manifest (package.json) and the code; a rename must change both. */
export const OUTPUT_CHANNEL_NAME = 'IMM Highlight';
/** Also the prefix of the `immHighlight.trace.server` setting, which vscode-languageclient reads by client id. */
export const CLIENT_ID = 'immHighlight';
export const CLIENT_NAME = 'IMM Highlight Language Server';

/** Set by the desktop entry only: hides what needs Node.js and the network (Submit, credentials, tasks) on the web. */
export const DESKTOP_CONTEXT_KEY = 'immHighlight.desktop';
/** Set by the web entry: hides what needs the desktop (the Highlight Tasks view) there, and only there. */
export const WEB_CONTEXT_KEY = 'immHighlight.web';

/** The Highlight Tasks view (package.json `views`). */
export const TASKS_VIEW_ID = 'immHighlight.tasks';
/** `viewItem` of an output object under a succeeded task: one playable video, or a part of a segmented output. */
export const OUTPUT_CONTEXT = { video: 'immHighlightOutput', part: 'immHighlightOutput.part' } as const;
/** URI schemes of the read-only documents: the request preview and a task's details. */
export const REQUEST_SCHEME = 'imm-highlight-request';
export const TASK_DETAILS_SCHEME = 'imm-highlight-task';
/** The diagnostics collection of IMM's answers to Submit. */
export const SUBMIT_DIAGNOSTICS = 'imm-highlight-submit';
