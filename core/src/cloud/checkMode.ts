/**
 * `immHighlight.cloudChecks` as it is in force: the user's own value (user settings, else the default), narrowed
 * by any workspace or folder value, never widened. A cloned repository's `.vscode/settings.json` can turn the
 * background checks off or down to onSubmit, but not back on after the user turned them off. Pure.
 */

/** When a job is checked against the cloud, from the least sent to the most. */
export type CloudCheckMode = 'off' | 'onSubmit' | 'onSave';

const RANK: Readonly<Record<CloudCheckMode, number>> = { off: 0, onSubmit: 1, onSave: 2 };
export const DEFAULT_CLOUD_CHECK_MODE: CloudCheckMode = 'onSave';

function modeOf(value: unknown): CloudCheckMode | undefined {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(RANK, value) ? (value as CloudCheckMode) : undefined;
}

/** The values of the setting by where they come from (the shape of WorkspaceConfiguration.inspect). */
export interface CloudCheckModeValues {
  readonly defaultValue?: unknown;
  readonly globalValue?: unknown;
  readonly workspaceValue?: unknown;
  readonly workspaceFolderValue?: unknown;
  readonly defaultLanguageValue?: unknown;
  readonly globalLanguageValue?: unknown;
  readonly workspaceLanguageValue?: unknown;
  readonly workspaceFolderLanguageValue?: unknown;
}

export function effectiveCloudCheckMode(values: CloudCheckModeValues | undefined): CloudCheckMode {
  const user =
    modeOf(values?.globalLanguageValue) ??
    modeOf(values?.globalValue) ??
    modeOf(values?.defaultLanguageValue) ??
    modeOf(values?.defaultValue) ??
    DEFAULT_CLOUD_CHECK_MODE;
  const narrowers = [values?.workspaceValue, values?.workspaceFolderValue, values?.workspaceLanguageValue, values?.workspaceFolderLanguageValue].map(modeOf);
  return narrowers.reduce<CloudCheckMode>((mode, other) => (other !== undefined && RANK[other] < RANK[mode] ? other : mode), user);
}

/** Whether `mode` sends at least what `least` does: onSave includes onSubmit's checks. */
export function cloudChecksAtLeast(mode: CloudCheckMode, least: CloudCheckMode): boolean {
  return RANK[mode] >= RANK[least];
}
