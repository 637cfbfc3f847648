/** Dispatches `highlight-task <command>`; every outcome becomes an exit code, never an uncaught throw. */
import requestSchema from '../../schemas/highlight-task.schema.json';
import { IMM_REGION_IDS } from '../../api/src/index';
import { t, useLocale } from '../../core/src/index';
import { Exit, UsageError, type Io } from './io';
import { chooseLanguage, LANGUAGES } from './language';
import { escapeControl } from './terminal';
import { batchCommand, batchHelp } from './batchCommand';
import { mediaCommand } from './mediaCommand';
import { outputCommand } from './outputCommand';
import { storyboardCommand } from './storyboardCommand';
import { submitCommand } from './submitCommand';
import { validateCommand } from './validateCommand';
import { TOOL } from './version';

/** The usage text, in the language chosen for this run. */
export function helpText(): string {
  // One text per section, so a new command adds its own text to translate instead of changing one long one.
  return [
    t(
      `Usage: highlight-task <command> [options]

Check and submit Alibaba Cloud IMM CreateHighlightTask jobs written as *.highlight.yaml files.

Commands:
`,
    ),
    t(
      `  validate <files, directories or globs…>   Check jobs; prints file:line:col: severity code message
      --format text|json|sarif             Output format (default text; sarif is SARIF 2.1.0)
      --strict                             Exit 1 on warnings too
      --cloud                              Also check the job against the cloud (reads only): the project,
                                           buckets, regions, objects, content types, an existing output
      --region R / --endpoint URL / --profile P / --timeout S   With --cloud, as for submit
      --oss-endpoint URL                   With --cloud, send every OSS request to this host (still signed
                                           for the bucket's region); http:// only for loopback
      --docs-url URL                       With --format sarif, the URL of a hosted docs/diagnostics.md that
                                           the rules' helpUri link to (default $IMM_HIGHLIGHT_DOCS_URL, else
                                           the page installed with highlight-task)
`,
    ),
    t(
      `  submit <file>                             Validate, then call CreateHighlightTask; prints the TaskId
      --region R                           Region (default $ALIBABA_CLOUD_REGION_ID, else cn-hangzhou)
      --endpoint URL                       https://host[:port]; http:// only for 127.0.0.1/localhost/::1
                                           (default $IMM_HIGHLIGHT_ENDPOINT)
      --profile P                          aliyun CLI profile (default: the credentials chain)
      --wait                               Follow the task with GetTask until it ends; exit 1 if it failed
      --timeout S                          Seconds per HTTP request (default 20)
      --max-wait S                         With --wait, stop following after S seconds (default 7200)
      --dry-run                            Print the equivalent aliyun command instead of sending
                                           (needs aliyun CLI 3.3.0 or later)
      --shell posix|powershell|cmd         Quoting of --dry-run (default powershell on Windows, else posix)
      --oss-endpoint URL                   Host for the OSS requests of the cloud checks and the download
                                           (default $IMM_HIGHLIGHT_OSS_ENDPOINT)
      --no-preflight                       Skip the cloud checks run before sending (an error they find
                                           refuses the submission; warnings do not)
      --format text|json                   Result as text (default) or JSON
      --download PATH                      With --wait, download the output once the task succeeded
                                           (a folder for a segmented output: the playlist and the
                                           segments it names); --overwrite replaces files. PATH is
                                           checked before the task is created
`,
    ),
    t(
      `  output <oss://bucket/key>                 A task's result in OSS: prints its size and type (every object
                                           for a prefix ending in /)
      --download PATH                      Write the object to PATH (a folder for a prefix ending in /),
                                           under a temporary name until complete; exit 1 if it is missing
                                           or a key cannot be placed (each is named)
      --overwrite                          Replace files that already exist (default: refuse)
      --presign [SECONDS]                  Print a presigned V4 GET URL valid for SECONDS (default 900,
                                           at most 604800); anyone holding it can read the object
      --region R / --profile P             Region of the bucket and credentials, as for submit
      --timeout S                          Seconds per request, and without data during a download
                                           (default 20)
      --oss-endpoint URL                   Send OSS requests (and point presigned URLs) at this host
                                           (default $IMM_HIGHLIGHT_OSS_ENDPOINT)
`,
    ),
    t(
      `  storyboard <file>                         The job drawn to scale: clips in output order with in and out
                                           points, transitions (and which IMM drops), music, the total
                                           and the Output.MaxDuration cut; exit 1 if the job has errors
      --format text|json|svg               One line per clip (default), JSON, or a standalone SVG image
      --cloud                              Run the cloud checks as validate --cloud does and take the
                                           media facts they read; without it, lengths the job does not
                                           declare are unknown
      --region R / --endpoint URL / --oss-endpoint URL / --profile P / --timeout S   With --cloud
`,
    ),
    t(
      `  media <oss://bucket/key>                  The container, duration, size, storage class and first video
                                           and audio stream of an object, from a HEAD and at most 10 ranged
                                           GETs of at most 1 MiB in all (never the whole object); exit 1 if it
                                           is missing, archived or not readable as media
      --format text|json                   Output format (default text)
      --region R / --profile P / --timeout S / --oss-endpoint URL   As for output
`,
    ),
    batchHelp(),
    t(
      `  schema                                    Print the JSON schema of a job

`,
    ),
    t(
      `Options: --help, --version, --lang en|zh-cn (default: from LC_ALL / LC_MESSAGES / LANG)

Credentials (submit, output, media, batch, validate --cloud, storyboard --cloud): ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET
(/ ALIBABA_CLOUD_SECURITY_TOKEN), an aliyun CLI profile (~/.aliyun/config.json, ALIBABA_CLOUD_PROFILE or
--profile), ~/.alibabacloud/credentials, the ECS instance RAM role, or ALIBABA_CLOUD_CREDENTIALS_URI.

Exit codes: 0 ok; 1 errors in a job, a failed task, a refused call or an incomplete download; 2 bad usage
or unreadable file; 3 the outcome of a submission is unknown (check the console before submitting again);
130 interrupted (Ctrl+C, SIGTERM, SIGHUP).

Regions: {0}
`,
      IMM_REGION_IDS.join(', '),
    ),
  ].join('');
}

export async function main(argv: readonly string[], rawIo: Io): Promise<number> {
  const io: Io = { ...rawIo, stdout: (text) => rawIo.stdout(escapeControl(text)), stderr: (text) => rawIo.stderr(escapeControl(text)) };
  const language = chooseLanguage(argv, io.env);
  useLocale(language.locale);
  const [command, ...rest] = language.args;
  try {
    if (language.problem) throw new UsageError(t('--lang must be {0}; not "{1}".', LANGUAGES.join(', '), language.problem.value ?? ''));
    if (command === undefined) {
      io.stderr(helpText());
      return Exit.Usage;
    }
    if (command === '--help' || command === '-h' || command === 'help') {
      io.stdout(helpText());
      return Exit.Ok;
    }
    if (command === '--version' || command === '-v') {
      io.stdout(`${TOOL.version}\n`);
      return Exit.Ok;
    }
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout(helpText());
      return Exit.Ok;
    }
    switch (command) {
      case 'validate':
        return await validateCommand(rest, io);
      case 'submit':
        return await submitCommand(rest, io);
      case 'output':
        return await outputCommand(rest, io);
      case 'media':
        return await mediaCommand(rest, io);
      case 'storyboard':
        return await storyboardCommand(rest, io);
      case 'batch':
        return await batchCommand(rest, io);
      case 'schema':
        if (rest.length) throw new UsageError(t('schema takes no arguments.'));
        io.stdout(`${JSON.stringify(requestSchema, null, 2)}\n`);
        return Exit.Ok;
      default:
        throw new UsageError(t('Unknown command "{0}". Commands: validate, submit, output, media, storyboard, batch, schema.', command));
    }
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      io.stderr(`highlight-task: ${(error as Error).message}\n${t('Run highlight-task --help for usage.')}\n`);
      return Exit.Usage;
    }
    io.stderr(`highlight-task: ${error instanceof Error ? error.message : String(error)}\n`);
    return Exit.Failure;
  }
}

/** node:util parseArgs reports unknown or malformed flags with these codes. */
function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}
