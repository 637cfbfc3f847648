import { t } from '../shared/l10n';
/**
 * The aliyun CLI line of a request, quoted for the shell it is pasted into. Pure: no Node APIs.
 *
 * aliyun-cli's parser (cli/parser.go) splits a word at its first `=` or `:` and takes every word that starts
 * with `--` as a flag, so a value is always written inside its flag's word, `--Name=value`: a value that
 * starts with `--` then cannot become a flag of its own. An empty value would make the parser take the next
 * word as the value, and control characters cannot be pasted faithfully: both are refused.
 * No `--version`: imm is not in the CLI's meta/versions.json (a `--version` stops with "unchecked version");
 * since aliyun-cli 3.3.0 the bundled metadata knows imm 2020-09-30 and CreateHighlightTask.
 */
import { API_ACTION, type CreateHighlightTaskRequest } from './request';

export type Shell = 'posix' | 'powershell' | 'cmd';
export const SHELLS: readonly Shell[] = ['posix', 'powershell', 'cmd'];

/** Messages of this feature, in one place for translation. */
export const COMMAND_LINE_TEXT = {
  needsCli: () => t('Needs aliyun CLI 3.3.0 or later (its bundled metadata knows imm 2020-09-30); credentials come from your aliyun CLI configuration.'),
  shellName: {
    posix: () => t('POSIX shell (bash, zsh, sh)'),
    powershell: () => t('PowerShell 7.3 or later'),
    cmd: () => t('Command Prompt (cmd.exe)'),
  } as Record<Shell, () => string>,
  controlCharacter: (name: string) =>
    t('{0} contains a control character (a line break, tab, ESC, …), which a pasted command line cannot carry faithfully.', name),
  empty: (name: string) => t('{0} is empty, which aliyun CLI would read as a flag without a value.', name),
  cmdPercent: (name: string) => t('{0} contains %, which Command Prompt expands as a variable and cannot escape; use PowerShell or a POSIX shell.', name),
  hasErrors: (count: number) => t('not available: the file has {0} error(s); fix them first.', count),
};

export class CommandLineError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CommandLineError';
  }
}

export interface CommandLineOptions {
  readonly region?: string;
  /** A host (and port) to call instead of the region's endpoint. */
  readonly endpoint?: string;
  readonly profile?: string;
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** `--Name=value` words; throws CommandLineError for a value that cannot be pasted. */
export function commandWords(request: CreateHighlightTaskRequest, options: CommandLineOptions = {}): string[] {
  const flags: [string, string][] = [];
  if (options.profile !== undefined) flags.push(['profile', options.profile]);
  if (options.region !== undefined) flags.push(['region', options.region]);
  if (options.endpoint !== undefined) flags.push(['endpoint', options.endpoint]);
  flags.push(['ProjectName', request.query.ProjectName]);
  for (const [name, value] of Object.entries(request.body)) flags.push([name, value]);
  for (const [name, value] of flags) {
    if (value === '') throw new CommandLineError(COMMAND_LINE_TEXT.empty(name));
    if (CONTROL.test(value)) throw new CommandLineError(COMMAND_LINE_TEXT.controlCharacter(name));
  }
  return ['aliyun', 'imm', API_ACTION, ...flags.map(([name, value]) => `--${name}=${value}`)];
}

const POSIX_SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** POSIX shell quoting: bare when safe, else single quotes with `'` written as `'\''`. */
export function posixQuote(word: string): string {
  if (word !== '' && POSIX_SAFE.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * PowerShell: a single-quoted (verbatim) string, where each of the quote characters PowerShell accepts as a single
 * quote (' ‘ ’ ‚ ‛) is doubled. PowerShell 7.3+ then passes embedded double quotes on to aliyun.exe intact;
 * Windows PowerShell 5.1 drops them, which is why the form names 7.3.
 */
export function powershellQuote(word: string): string {
  if (word !== '' && /^[A-Za-z0-9_./-]+$/.test(word) && !word.startsWith('-')) return word;
  return `'${word.replace(/['\u2018\u2019\u201a\u201b]/g, '$&$&')}'`;
}

/** Windows argv quoting (how aliyun.exe, a Go program, splits its command line): `"…"`, `\"` inside, backslashes doubled before a quote. */
export function windowsArgvQuote(word: string): string {
  if (word !== '' && !/[\s"]/.test(word)) return word;
  let out = '"';
  let slashes = 0;
  for (const ch of word) {
    if (ch === '\\') {
      slashes++;
      continue;
    }
    out += ch === '"' ? '\\'.repeat(slashes * 2 + 1) + '"' : '\\'.repeat(slashes) + ch;
    slashes = 0;
  }
  return `${out}${'\\'.repeat(slashes * 2)}"`;
}

/**
 * cmd.exe: the argv-quoted word with every character cmd treats specially escaped by `^`, quotes included, so cmd
 * never enters a quoted state and nothing in a value can end the command. `%` cannot be escaped on cmd's
 * command line: refused.
 */
export function cmdQuote(word: string, name = 'A value'): string {
  if (word.includes('%')) throw new CommandLineError(COMMAND_LINE_TEXT.cmdPercent(name));
  return windowsArgvQuote(word).replace(/[\^&|<>()"!]/g, '^$&');
}

function flagName(word: string): string {
  return /^--([A-Za-z]+)=/.exec(word)?.[1] ?? 'A value';
}

export function quoteWord(shell: Shell, word: string): string {
  if (shell === 'powershell') return powershellQuote(word);
  if (shell === 'cmd') return cmdQuote(word, flagName(word));
  return posixQuote(word);
}

/** The line for one shell; throws CommandLineError when it cannot be written safely. */
export function toShellCommandLine(request: CreateHighlightTaskRequest, options: CommandLineOptions = {}, shell: Shell = 'posix'): string {
  return commandWords(request, options)
    .map((word) => quoteWord(shell, word))
    .join(' ');
}

/** Each shell's line, or why it cannot be written. */
export function allCommandLines(request: CreateHighlightTaskRequest, options: CommandLineOptions = {}): Record<Shell, { line: string } | { error: string }> {
  const result = {} as Record<Shell, { line: string } | { error: string }>;
  for (const shell of SHELLS) {
    try {
      result[shell] = { line: toShellCommandLine(request, options, shell) };
    } catch (error) {
      if (!(error instanceof CommandLineError)) throw error;
      result[shell] = { error: error.message };
    }
  }
  return result;
}

/** The shell of a terminal from its executable path (VS Code's `env.shell`), on the given platform. */
export function shellOf(executable: string | undefined, platform: string): Shell {
  const name = (executable ?? '').split(/[\\/]/).pop()?.toLowerCase() ?? '';
  if (/^(pwsh|powershell)(\.exe)?$/.test(name)) return 'powershell';
  if (name === 'cmd.exe' || name === 'cmd') return 'cmd';
  if (name) return 'posix';
  return platform === 'win32' ? 'powershell' : 'posix';
}
