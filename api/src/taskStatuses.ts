/** GetTask statuses after which a task no longer changes. Its own module: the editor's task list needs it without the SDK. */
export const TERMINAL_STATUSES: readonly string[] = ['Succeeded', 'Failed'];
