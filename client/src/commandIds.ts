/**
 * Every command id of the extension, defined once: package.json `contributes.commands` lists the same set
 * (test/unit/package/manifest.test.ts ties them, and finds any id written out elsewhere in client/src).
 * No imports, so the task view, the notifications and the tooltips can name a command without loading its feature.
 */
export const Commands = {
  // The language server
  restartServer: 'immHighlight.restartServer',
  showOutput: 'immHighlight.showOutput',
  // The request
  showRequest: 'immHighlight.showRequest',
  copyCliCommand: 'immHighlight.copyCliCommand',
  // Submit, credentials and endpoint consent
  submitTask: 'immHighlight.submitTask',
  setAccessKey: 'immHighlight.setAccessKey',
  clearAccessKey: 'immHighlight.clearAccessKey',
  chooseCredentialsProfile: 'immHighlight.chooseCredentialsProfile',
  reviewEndpoints: 'immHighlight.reviewEndpoints',
  // Cloud checks
  checkCloud: 'immHighlight.checkCloud',
  // The Highlight Tasks view
  refreshTasks: 'immHighlight.tasks.refresh',
  copyTaskId: 'immHighlight.tasks.copyTaskId',
  clearTaskHistory: 'immHighlight.tasks.clearHistory',
  showTaskDetails: 'immHighlight.tasks.showDetails',
  openJobFile: 'immHighlight.tasks.openJobFile',
  showSentRequest: 'immHighlight.tasks.showRequest',
  /** Not in the palette: lets tests read the history as plain data. */
  taskHistory: 'immHighlight.tasks.history',
  // New job
  newJob: 'immHighlight.newJob',
  // Batches (one job for every video under an OSS folder)
  submitForEachVideo: 'immHighlight.batch.submitForEachVideo',
  batchRetryFailed: 'immHighlight.batch.retryFailed',
  batchCancel: 'immHighlight.batch.cancel',
  batchDownloadOutputs: 'immHighlight.batch.downloadOutputs',
  batchExportSummary: 'immHighlight.batch.exportSummary',
  // Results
  openOutput: 'immHighlight.results.openOutput',
  previewOutput: 'immHighlight.results.previewOutput',
  downloadOutput: 'immHighlight.results.downloadOutput',
  copyOutputUri: 'immHighlight.results.copyOutputUri',
  copyPresignedUrl: 'immHighlight.results.copyPresignedUrl',
  openInConsole: 'immHighlight.results.openInConsole',
  // Storyboard
  showStoryboard: 'immHighlight.showStoryboard',
  /** Not in the palette: lets tests read what the storyboard drew and hand it a message as its webview would. */
  storyboardState: 'immHighlight.storyboard.state',
} as const;

/** The results commands: the only ones the task view's tooltips may run from their links (`isTrusted.enabledCommands`). */
export const RESULT_COMMAND_IDS: readonly string[] = [
  Commands.openOutput,
  Commands.previewOutput,
  Commands.downloadOutput,
  Commands.copyOutputUri,
  Commands.copyPresignedUrl,
  Commands.openInConsole,
];
