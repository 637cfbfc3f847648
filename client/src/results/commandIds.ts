/**
 * Ids of the results commands and the view's context values of output items; each also appears in package.json.
 * No imports, so the task view, the notifications and the tooltips can name them without loading the OSS client.
 */
export const ResultCommands = {
  openOutput: 'immHighlight.results.openOutput',
  previewOutput: 'immHighlight.results.previewOutput',
  downloadOutput: 'immHighlight.results.downloadOutput',
  copyOutputUri: 'immHighlight.results.copyOutputUri',
  copyPresignedUrl: 'immHighlight.results.copyPresignedUrl',
  openInConsole: 'immHighlight.results.openInConsole',
} as const;

export const RESULT_COMMAND_IDS: readonly string[] = Object.values(ResultCommands);

/** `viewItem` of an output object under a succeeded task: one playable video, or a part of a segmented output. */
export const OUTPUT_CONTEXT = { video: 'immHighlightOutput', part: 'immHighlightOutput.part' } as const;
