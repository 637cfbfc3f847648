/** `highlight-task validate <files or globs…>` */
import { parseArgs } from 'node:util';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { CliCode, DIAGNOSTIC_SOURCE, parseJob, validateJob, t } from '../../core/src/index';
import { byPosition, openCloudChecker, requireCloudFlag, type CloudChecker } from './cloud';
import { displayPath, expandFiles, readJobText } from './files';
import { Exit, UsageError, type Io } from './io';
import { countBySeverity, formatJson, formatSarif, formatText, type FileReport, type OutputFormat } from './report';
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
      region: { type: 'string' },
      endpoint: { type: 'string' },
      'oss-endpoint': { type: 'string' },
      profile: { type: 'string' },
      timeout: { type: 'string' },
    },
  });
  const format = parseFormat(values.format, ['text', 'json', 'sarif']);
  requireCloudFlag(values);
  const files = await expandFiles(positionals, io.cwd);
  let cloud: CloudChecker | undefined;
  if (values.cloud) {
    const opened = await openCloudChecker(values, io.env, seconds('timeout', values.timeout, 10));
    if ('noCredentials' in opened) {
      io.stderr(`highlight-task: ${t('validate --cloud needs Alibaba Cloud credentials, and none could be used: {0}', opened.noCredentials)}\n`);
      return Exit.Failure;
    }
    cloud = opened.checker;
  }

  const reports: FileReport[] = [];
  for (const file of files) {
    const read = await readJobText(file);
    const shown = displayPath(file, io.cwd);
    if (!('text' in read)) {
      reports.push({ file: shown, diagnostics: [notRead(read.problem)] });
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
    reports.push({ file: shown, diagnostics: cloud ? byPosition(diagnostics) : diagnostics });
  }

  const { errors, warnings } = countBySeverity(reports);
  if (format === 'json') io.stdout(formatJson(reports));
  else if (format === 'sarif') io.stdout(formatSarif(reports, TOOL));
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
function notRead(problem: string): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Error,
    code: CliCode.FileNotRead,
    source: DIAGNOSTIC_SOURCE,
    message: t('Not checked: the file {0}.', problem),
  };
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
