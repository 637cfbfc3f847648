/** `highlight-task validate <files or globs…>` */
import { parseArgs } from 'node:util';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { CliCode, DIAGNOSTIC_SOURCE, parseJob, validateJob, t } from '../../core/src/index';
import { byPosition, openCloudChecker, requireCloudFlag, type CloudChecker, SERVICE_FLAG_OPTIONS } from './cloud';
import { displayPath, expandFiles, readJobText } from './files';
import { Exit, UsageError, type Io } from './io';
import { countBySeverity, formatJson, formatText, type FileReport, type OutputFormat } from './report';
import { formatSarif, installedDocsPage, sourceRoot, type CheckedFile, type SarifNotification, type SarifRun } from './sarif';
import { TOOL } from './version';

export function parseFormat(value: string | undefined, allowed: readonly OutputFormat[]): OutputFormat {
  const format = (value ?? 'text') as OutputFormat;
  if (!allowed.includes(format)) throw new UsageError(t('--format must be {0}; not "{1}".', allowed.join(', '), value ?? ''));
  return format;
}

export async function validateCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      strict: { type: 'boolean', default: false },
      cloud: { type: 'boolean', default: false },
      ...SERVICE_FLAG_OPTIONS,
      'docs-url': { type: 'string' },
    },
  });
  const format = parseFormat(values.format, ['text', 'json', 'sarif']);
  if (values['docs-url'] !== undefined && format !== 'sarif') throw new UsageError(t('{0} goes with --format sarif.', '--docs-url'));
  const docsPage = format === 'sarif' ? docsPageOf(values['docs-url'], io.env) : '';
  const sarifRun = (notifications: readonly SarifNotification[]): SarifRun => ({ tool: TOOL, root: sourceRoot(io.cwd), docsPage, notifications });
  requireCloudFlag(values);
  let files: string[];
  try {
    files = await expandFiles(positionals, io.cwd);
  } catch (error) {
    // Code scanning reads stdout: a run that found no input is still a log, one that says why (the exit code stays 2).
    if (format === 'sarif' && error instanceof UsageError) io.stdout(formatSarif([], sarifRun([{ message: error.message }])));
    throw error;
  }
  let cloud: CloudChecker | undefined;
  if (values.cloud) {
    const opened = await openCloudChecker(values, io.env, seconds('timeout', values.timeout, 10));
    if ('noCredentials' in opened) {
      io.stderr(`highlight-task: ${t('validate --cloud needs Alibaba Cloud credentials, and none could be used: {0}', opened.noCredentials)}\n`);
      return Exit.Failure;
    }
    cloud = opened.checker;
  }

  const reports: CheckedFile[] = [];
  const notRead: SarifNotification[] = [];
  for (const file of files) {
    const read = await readJobText(file);
    const shown = displayPath(file, io.cwd);
    if (!('text' in read)) {
      const diagnostic = notReadDiagnostic(read.problem);
      reports.push({ file: shown, path: file, diagnostics: [diagnostic] });
      notRead.push({ message: `${shown}: ${diagnostic.message}`, path: file, code: CliCode.FileNotRead });
      continue;
    }
    const doc = parseJob(read.text);
    const diagnostics = validateJob(doc);
    if (cloud) {
      if (io.signal?.aborted) return Exit.Interrupted;
      try {
        diagnostics.push(...(await cloud.check(doc, io.signal)));
      } catch (error) {
        if (io.signal?.aborted) return Exit.Interrupted;
        throw error;
      }
    }
    reports.push({ file: shown, path: file, doc, diagnostics: cloud ? byPosition(diagnostics) : diagnostics });
  }

  const { errors, warnings } = countBySeverity(reports);
  if (format === 'json') io.stdout(formatJson(reports));
  else if (format === 'sarif') io.stdout(formatSarif(reports, sarifRun(notRead)));
  else {
    io.stdout(formatText(reports));
    const checked = files.length === 1 ? t('1 file') : t('{0} files', files.length);
    const errorCount = errors === 1 ? t('1 error') : t('{0} errors', errors);
    const warningCount = warnings === 1 ? t('1 warning') : t('{0} warnings', warnings);
    io.stderr(`${t('{0} checked: {1}, {2}.', checked, errorCount, warningCount)}\n`);
  }
  return errors > 0 || (values.strict && warnings > 0) ? Exit.Failure : Exit.Ok;
}

/** A file that was skipped is an error of its own, so the run goes on and still fails. */
function notReadDiagnostic(problem: string): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Error,
    code: CliCode.FileNotRead,
    source: DIAGNOSTIC_SOURCE,
    message: t('Not checked: the file {0}.', problem),
  };
}

/**
 * The docs page the SARIF rules link to: --docs-url, else IMM_HIGHLIGHT_DOCS_URL (a hosted copy, e.g. the page in
 * your repository on GitHub), else the page installed with the CLI (a file: URI).
 */
function docsPageOf(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  const [value, name] = flag !== undefined ? [flag, '--docs-url'] : [env.IMM_HIGHLIGHT_DOCS_URL, 'IMM_HIGHLIGHT_DOCS_URL'];
  if (value === undefined || value === '') return installedDocsPage();
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || !['https:', 'http:', 'file:'].includes(url.protocol))
    throw new UsageError(t('{0} must be the https:// (or file:) URL of the diagnostics page, not "{1}".', name, value));
  return url.href;
}

/** A `--flag S` in seconds, as milliseconds. */
export function seconds(flag: string, value: string | undefined, fallbackSeconds: number): number {
  if (value === undefined) return fallbackSeconds * 1000;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(t('{0} takes a number of seconds greater than 0, not "{1}".', `--${flag}`, value));
  return n * 1000;
}

export function hasErrors(report: FileReport): boolean {
  return report.diagnostics.some((d) => (d.severity ?? DiagnosticSeverity.Error) === DiagnosticSeverity.Error);
}
