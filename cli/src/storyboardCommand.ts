/** `highlight-task storyboard <file> [--cloud …] [--format text|json|svg]` */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import {
  mediaFactsLookup,
  parseJob,
  storyboardJson,
  storyboardLayout,
  storyboardSvg,
  storyboardText,
  t,
  validateJob,
  type CloudAnswers,
} from '../../core/src/index';
import { openCloudChecker, requireCloudFlag, SERVICE_FLAG_OPTIONS } from './cloud';
import { displayPath, readJobFile } from './files';
import { Exit, UsageError, type Io } from './io';
import { seconds } from './validateCommand';

const FORMATS = ['text', 'json', 'svg'] as const;
type StoryboardFormat = (typeof FORMATS)[number];

/**
 * Prints the storyboard of one job. Without --cloud the lengths are those the job declares (the rest unknown); with
 * --cloud the cloud checks run as for validate, and the media facts they read (CloudAnswers.media) fill in the
 * rest. Exit codes as validate's: 1 when the job (or, with --cloud, the cloud) shows an error, the storyboard
 * still printed; 2 for usage and an unreadable file.
 */
export async function storyboardCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      cloud: { type: 'boolean', default: false },
      ...SERVICE_FLAG_OPTIONS,
    },
  });
  const format = (values.format ?? 'text') as StoryboardFormat;
  if (!FORMATS.includes(format)) throw new UsageError(t('--format must be {0}; not "{1}".', FORMATS.join(', '), values.format ?? ''));
  requireCloudFlag(values);
  if (positionals.length !== 1) throw new UsageError(t('storyboard takes exactly one job file.'));
  const file = resolve(io.cwd, positionals[0]!);
  const doc = parseJob(await readJobFile(file, io.cwd));
  const diagnostics = validateJob(doc);

  let answers: CloudAnswers | undefined;
  if (values.cloud) {
    const opened = await openCloudChecker(values, io.env, seconds('timeout', values.timeout, 10));
    if ('noCredentials' in opened) {
      io.stderr(`highlight-task: ${t('storyboard --cloud needs Alibaba Cloud credentials, and none could be used: {0}', opened.noCredentials)}\n`);
      return Exit.Failure;
    }
    try {
      const inspected = await opened.checker.inspect(doc, io.signal);
      diagnostics.push(...inspected.diagnostics);
      answers = inspected.answers;
    } catch (error) {
      if (io.signal?.aborted) return Exit.Interrupted;
      throw error;
    }
  }

  const layout = storyboardLayout(doc, mediaFactsLookup(answers?.media));
  // The picture marks the problems on its elements; JSON keeps the fixed shape (validate --format json has them).
  if (format === 'json') io.stdout(`${JSON.stringify(storyboardJson(layout), null, 2)}\n`);
  else if (format === 'svg') io.stdout(storyboardSvg(layout, { diagnostics }));
  else io.stdout(storyboardText(layout, diagnostics));

  const errors = diagnostics.filter((d) => (d.severity ?? DiagnosticSeverity.Error) === DiagnosticSeverity.Error).length;
  if (errors > 0) {
    const count = errors === 1 ? t('1 error') : t('{0} errors', errors);
    const command = values.cloud ? 'highlight-task validate --cloud' : 'highlight-task validate';
    io.stderr(`${t('{0}: {1}; {2} lists them.', displayPath(file, io.cwd), count, command)}\n`);
    return Exit.Failure;
  }
  return Exit.Ok;
}
