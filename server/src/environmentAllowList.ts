/**
 * The environment the language server may see: an allow-list, not a deny-list, because the host's environment
 * holds credentials under names no list can foresee (GITHUB_TOKEN, OSS_STS_TOKEN, …). The server reads job text
 * and needs nothing but what Node and the platform need to run. Pure: no Node APIs.
 */
const ALLOWED = new Set([
  // Set by vscode-languageclient to run the extension host's Electron as Node.
  'ELECTRON_RUN_AS_NODE',
  'ELECTRON_NO_ASAR',
  'PATH',
  'HOME',
  'USER',
  'LOGNAME',
  'SHELL',
  'TMPDIR',
  'TEMP',
  'TMP',
  'LANG',
  'LANGUAGE',
  'TZ',
  'TERM',
  // Windows (names compared in upper case, as Windows does).
  'USERPROFILE',
  'HOMEDRIVE',
  'HOMEPATH',
  'SYSTEMROOT',
  'SYSTEMDRIVE',
  'WINDIR',
  'COMSPEC',
  'PATHEXT',
  'APPDATA',
  'LOCALAPPDATA',
  'PROGRAMDATA',
  'NUMBER_OF_PROCESSORS',
  'PROCESSOR_ARCHITECTURE',
]);

export function isAllowedInServer(name: string): boolean {
  const upper = name.toUpperCase();
  return ALLOWED.has(upper) || upper.startsWith('LC_');
}

/** The allowed part of an environment. */
export function serverEnvironment(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) if (value !== undefined && isAllowedInServer(name)) kept[name] = value;
  return kept;
}
