/** Command and view ids of job submission; each also appears in package.json `contributes`. */
export const SubmitCommands = {
  submitTask: 'immHighlight.submitTask',
  showRequest: 'immHighlight.showRequest',
  copyCliCommand: 'immHighlight.copyCliCommand',
  setAccessKey: 'immHighlight.setAccessKey',
  clearAccessKey: 'immHighlight.clearAccessKey',
  chooseCredentialsProfile: 'immHighlight.chooseCredentialsProfile',
  refreshTasks: 'immHighlight.tasks.refresh',
  copyTaskId: 'immHighlight.tasks.copyTaskId',
  clearTaskHistory: 'immHighlight.tasks.clearHistory',
  showTaskDetails: 'immHighlight.tasks.showDetails',
  openJobFile: 'immHighlight.tasks.openJobFile',
  showSentRequest: 'immHighlight.tasks.showRequest',
  newJob: 'immHighlight.newJob',
  /** Not in the palette: lets tests read the history as plain data. */
  taskHistory: 'immHighlight.tasks.history',
} as const;

export const TASKS_VIEW_ID = 'immHighlight.tasks';
export const REQUEST_SCHEME = 'imm-highlight-request';
export const TASK_DETAILS_SCHEME = 'imm-highlight-task';
export const SUBMIT_DIAGNOSTICS = 'imm-highlight-submit';
