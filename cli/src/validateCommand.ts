/** `highlight-task validate <files or globs…>` */
import { parseArgs } from 'node:util';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { parseJob } from '../../core/src/document';
import { validateJob } from '../../core/src/validate';
import { ImmApiError } from '../../api/src/index';
import { OssError } from '../../api/src/oss/errors';
import { byPosition, createCloudChecker, type CloudChecker } from './cloud';
import { displayPath, expandFiles, readJobFile } from './files';
import { Exit, UsageError, type Io } from './io';
import { countBySeverity, formatJson, formatSarif, formatText, type FileReport, type OutputFormat } from './report';
import { TOOL } from './version';

export function parseFormat(value: string | undefined, allowed: readonly OutputFormat[]): OutputFormat {
  const format = (value ?? 'text') as OutputFormat;
  if (!allowed.includes(format)) throw new UsageError(`--format must be ${allowed.join(', ')}; not "${value}".`);
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
  const cloudOnly = (['region', 'endpoint', 'oss-endpoint', 'profile', 'timeout'] as const).filter((flag) => values[flag] !== undefined);
  if (!values.cloud && cloudOnly.length) throw new UsageError(`--${cloudOnly[0]} goes with --cloud (the checks against the cloud).`);
  const files = await expandFiles(positionals, io.cwd);
  let cloud: CloudChecker | undefined;
  if (values.cloud) {
    try {
      cloud = createCloudChecker({
        region: values.region ?? io.env['ALIBABA_CLOUD_REGION_ID'],
        endpoint: values.endpoint,
        ossEndpoint: values['oss-endpoint'],
        profile: values.profile,
        timeoutMs: seconds('timeout', values.timeout, 10),
      });
    } catch (error) {
      if (error instanceof ImmApiError || error instanceof OssError) throw new UsageError(error.message);
      throw error;
    }
  }

  const reports: FileReport[] = [];
  for (const file of files) {
    const doc = parseJob(await readJobFile(file, io.cwd));
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
    reports.push({ file: displayPath(file, io.cwd), diagnostics: cloud ? byPosition(diagnostics) : diagnostics });
  }

  const { errors, warnings } = countBySeverity(reports);
  if (format === 'json') io.stdout(formatJson(reports));
  else if (format === 'sarif') io.stdout(formatSarif(reports, TOOL));
  else {
    io.stdout(formatText(reports));
    io.stderr(`${files.length} file${files.length === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}.\n`);
  }
  return errors > 0 || (values.strict && warnings > 0) ? Exit.Failure : Exit.Ok;
}

/** A `--flag S` in seconds, as milliseconds. */
export function seconds(flag: string, value: string | undefined, fallbackSeconds: number): number {
  if (value === undefined) return fallbackSeconds * 1000;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`--${flag} takes a number of seconds greater than 0, not "${value}".`);
  return n * 1000;
}

export function hasErrors(report: FileReport): boolean {
  return report.diagnostics.some((d) => (d.severity ?? DiagnosticSeverity.Error) === DiagnosticSeverity.Error);
}
