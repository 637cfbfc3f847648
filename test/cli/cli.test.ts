/**
 * The `highlight-task` CLI as a child process, against
 * the local IMM endpoint, which verifies every signature itself.
 */
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { parseJob } from '../../core/src/parse/document';
import { toRequest } from '../../core/src/request/request';
import { validateJob } from '../../core/src/validate/validate';
import { faults } from '../endpoints/imm/faults';
import { startImmEndpoint, TEST_ACCESS_KEY, type ImmEndpoint } from '../endpoints/imm/server';
import { prepareCli, runCli, WITH_TEST_KEY, type CliRun } from './cliProcess';
import { MINIMAL_JOB } from '../support/minimalJobs';

const ROOT = resolve(__dirname, '../..');
let CLI: string[] = [];

const CONCAT = `ProjectName: immtest
Type: Concat
Sources:
  - URI: oss://test-bucket/a.mp4
    StartTime: 1.5
  - URI: oss://test-bucket/b.mp4
Output:
  URI: oss://test-bucket/out.mp4
  Container: mp4
  Speed: 1.0
`;
const WARNING_ONLY = `ProjectName: immtest
Type: Retrieval
Sources:
  - URI: oss://test-bucket/a.mp4
    StartTime: 2
Output:
  URI: oss://test-bucket/out.mp4
`;
const BAD = `ProjectName: immtest
Type: Concatt
Sources:
  - URI: https://x/a.mp4
Output:
  URI: oss://test-bucket/out.mp4
`;

let dir: string;
let endpoint: ImmEndpoint;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'highlight-cli-'));
  CLI = await prepareCli();
  for (const [name, text] of Object.entries({ good: MINIMAL_JOB, concat: CONCAT, warn: WARNING_ONLY, bad: BAD }))
    writeFileSync(join(dir, `${name}.highlight.yaml`), text);
  endpoint = await startImmEndpoint();
});
after(() => endpoint.close());
beforeEach(() => endpoint.control.reset());

const run = (args: string[], env: Record<string, string | undefined> = {}): Promise<CliRun> => runCli(CLI, args, { cwd: dir, env });

const withKey = WITH_TEST_KEY;
const diagnosticsOf = (text: string) => validateJob(parseJob(text));

describe('validate', { concurrency: true }, () => {
  test('prints file:line:col: severity code message with 1-based positions, exit 1 on errors', async () => {
    const { code, stdout } = await run(['validate', 'bad.highlight.yaml', 'good.highlight.yaml']);
    assert.equal(code, 1);
    const expected = diagnosticsOf(BAD).map(
      (d) =>
        `bad.highlight.yaml:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity === 1 ? 'error' : 'warning'} ${String(d.code)} ${d.message}`,
    );
    assert.ok(expected.length >= 2);
    assert.deepEqual(stdout.trimEnd().split('\n'), expected);
    assert.match(stdout, /^bad\.highlight\.yaml:2:7: error /m, 'Type value is on line 2, column 7');
  });

  test('a byte order mark does not shift the columns of line 1', async () => {
    const bomFile = join(mkdtempSync(join(tmpdir(), 'highlight-cli-bom-')), 'bom.highlight.yaml');
    writeFileSync(bomFile, `\uFEFF${BAD.split('\n').slice(1).join('\n')}ProjectName: immtest\n`);
    const { stdout } = await run(['validate', bomFile]);
    assert.match(stdout, /bom\.highlight\.yaml:1:7: error invalid-value /m);
  });

  test('a clean file exits 0 and prints nothing on stdout', async () => {
    const { code, stdout, stderr } = await run(['validate', 'good.highlight.yaml']);
    assert.equal(code, 0);
    assert.equal(stdout, '');
    assert.match(stderr, /1 file checked: 0 errors, 0 warnings/);
  });

  test('warnings pass, but fail with --strict', async () => {
    const warnings = diagnosticsOf(WARNING_ONLY);
    assert.ok(warnings.length > 0 && warnings.every((d) => d.severity === DiagnosticSeverity.Warning), 'precondition: warnings only');
    assert.equal((await run(['validate', 'warn.highlight.yaml'])).code, 0);
    assert.equal((await run(['validate', '--strict', 'warn.highlight.yaml'])).code, 1);
  });

  test('globs and directories expand to the job files', async () => {
    const byGlob = await run(['validate', '--format', 'json', '*.highlight.yaml']);
    const byDir = await run(['validate', '--format', 'json', '.']);
    const files = (r: CliRun): string[] => (JSON.parse(r.stdout) as { files: { file: string }[] }).files.map((f) => f.file);
    assert.deepEqual(files(byGlob), ['bad.highlight.yaml', 'concat.highlight.yaml', 'good.highlight.yaml', 'warn.highlight.yaml']);
    assert.deepEqual(files(byDir), files(byGlob));
  });

  test('--format json gives positions, codes and a summary', async () => {
    const { code, stdout } = await run(['validate', '--format', 'json', 'bad.highlight.yaml', 'warn.highlight.yaml']);
    assert.equal(code, 1);
    const report = JSON.parse(stdout) as {
      files: { file: string; diagnostics: { line: number; column: number; code: string; severity: string }[] }[];
      summary: Record<string, number>;
    };
    const bad = diagnosticsOf(BAD);
    assert.deepEqual(report.summary, {
      files: 2,
      errors: bad.filter((d) => d.severity === 1).length,
      warnings: bad.filter((d) => d.severity === 2).length + diagnosticsOf(WARNING_ONLY).length,
    });
    assert.deepEqual(
      report.files[0]?.diagnostics.map((d) => [d.line, d.column, d.code]),
      bad.map((d) => [d.range.start.line + 1, d.range.start.character + 1, String(d.code)]),
    );
  });

  test('--format sarif is SARIF 2.1.0 with rules, levels and regions', async () => {
    const { code, stdout } = await run(['validate', '--format', 'sarif', 'bad.highlight.yaml', 'warn.highlight.yaml']);
    assert.equal(code, 1);
    const sarif = JSON.parse(stdout) as {
      version: string;
      runs: {
        tool: { driver: { name: string; rules: { id: string }[] } };
        results: {
          ruleId: string;
          ruleIndex: number;
          level: string;
          locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[];
        }[];
      }[];
    };
    assert.equal(sarif.version, '2.1.0');
    const [runResult] = sarif.runs;
    assert.ok(runResult);
    assert.equal(runResult.tool.driver.name, 'highlight-task');
    const all = [...diagnosticsOf(BAD), ...diagnosticsOf(WARNING_ONLY)];
    assert.equal(runResult.results.length, all.length);
    for (const result of runResult.results) assert.equal(runResult.tool.driver.rules[result.ruleIndex]?.id, result.ruleId);
    const first = runResult.results[0]!;
    assert.equal(first.level, 'error');
    assert.equal(first.locations[0]?.physicalLocation.artifactLocation.uri, 'bad.highlight.yaml');
    assert.equal(first.locations[0]?.physicalLocation.region.startLine, all[0]!.range.start.line + 1);
    assert.ok(runResult.results.some((r) => r.level === 'warning' && r.locations[0]?.physicalLocation.artifactLocation.uri === 'warn.highlight.yaml'));
  });

  test('missing files, bad flags and bad formats exit 2 with a clear message', async () => {
    const missing = await run(['validate', 'nope.highlight.yaml']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /nope\.highlight\.yaml: no such file or directory/);
    const noMatch = await run(['validate', 'jobs/*.highlight.yaml']);
    assert.equal(noMatch.code, 2);
    assert.match(noMatch.stderr, /No files match/);
    const flag = await run(['validate', '--colour', 'good.highlight.yaml']);
    assert.equal(flag.code, 2);
    assert.match(flag.stderr, /Unknown option '--colour'/);
    const format = await run(['validate', '--format', 'xml', 'good.highlight.yaml']);
    assert.equal(format.code, 2);
    assert.match(format.stderr, /--format must be text, json, sarif/);
    assert.equal((await run(['frobnicate'])).code, 2);
    assert.equal((await run([])).code, 2);
  });
});

test('schema prints the request schema; --help and --version work', async () => {
  const schema = await run(['schema']);
  assert.equal(schema.code, 0);
  assert.deepEqual(JSON.parse(schema.stdout), JSON.parse(readFileSync(join(ROOT, 'schemas/highlight-task.schema.json'), 'utf8')));
  const help = await run(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /Usage: highlight-task <command>/);
  const version = await run(['--version']);
  assert.equal(version.stdout.trim(), (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version);
});

test('a reader that closes the pipe early (| head) ends the command quietly, not with an EPIPE crash', async () => {
  // The reading end is closed before the command writes anything: its first write meets a closed pipe.
  const child = spawn(process.execPath, [...CLI, 'validate', '.', '--format', 'sarif'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.destroy();
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  assert.doesNotMatch(stderr, /EPIPE|Unhandled 'error' event/);
  assert.ok(code === 0 || code === 1, `exit ${code}`);
});

describe('submit', () => {
  test('--wait: signed with the environment AccessKey, prints the TaskId, follows to Succeeded', async () => {
    endpoint.control.setTaskScript({ pollsBeforeDone: 1, outcome: 'Succeeded' });
    const { code, stdout, stderr } = await run(['submit', 'concat.highlight.yaml', '--endpoint', endpoint.url, '--wait'], withKey);
    assert.equal(code, 0, stderr);
    const taskId = stdout.trim();
    assert.match(taskId, /^Highlight-[0-9a-f-]{36}$/);
    assert.match(stderr, /as AccessKey LTAI\*\*\*\*ey01 from environment variables/);
    assert.match(stderr, /Succeeded/);
    assert.ok(!stderr.includes(TEST_ACCESS_KEY.secret) && !stdout.includes(TEST_ACCESS_KEY.secret));
    const [create, ...others] = endpoint.received('CreateHighlightTask');
    assert.equal(others.length, 0);
    assert.equal(create?.signatureValid, true);
    assert.deepEqual(create?.params, { ProjectName: 'immtest', ...toRequest(parseJob(CONCAT).value).body });
    assert.equal(create?.taskId, taskId);
    assert.deepEqual(
      endpoint.received('GetTask').map((r) => r.params['TaskId']),
      [taskId, taskId],
    );
    assert.ok(endpoint.requests.every((r) => r.signatureValid));
  });

  test('--wait exits 1 when the task Failed, showing its Code and Message', async () => {
    endpoint.control.setTaskScript({
      pollsBeforeDone: 0,
      outcome: 'Failed',
      failure: { Code: 'VideoNotFound', Message: 'oss://test-bucket/a.mp4 does not exist.' },
    });
    const { code, stderr } = await run(['submit', 'good.highlight.yaml', '--endpoint', endpoint.url, '--wait', '--format', 'json'], withKey);
    assert.equal(code, 1);
    assert.match(stderr, /Failed: VideoNotFound oss:\/\/test-bucket\/a\.mp4 does not exist\./);
  });

  test("--wait: a presigned URL quoted in a failed task's Message is redacted in the text and in --format json", async () => {
    const presigned =
      'https://test-bucket.oss-cn-hangzhou.aliyuncs.com/a.mp4?OSSAccessKeyId=STS.NUgYrLnoC37mZZCNn&Expires=1700000000&Signature=c2lnbmF0dXJl%3D&security-token=CAISSECRETTOKEN';
    endpoint.control.setTaskScript({
      pollsBeforeDone: 0,
      outcome: 'Failed',
      failure: { Code: 'InvalidFile.NotFound', Message: `Cannot read ${presigned} (404).` },
    });
    const { code, stdout, stderr } = await run(['submit', 'good.highlight.yaml', '--endpoint', endpoint.url, '--wait', '--format', 'json'], withKey);
    assert.equal(code, 1);
    assert.match(stderr, /Cannot read https:\/\/test-bucket\.oss-cn-hangzhou\.aliyuncs\.com\/a\.mp4\?<signature removed> \(404\)\./);
    const json = JSON.parse(stdout) as { message?: string };
    assert.equal(json.message, 'Cannot read https://test-bucket.oss-cn-hangzhou.aliyuncs.com/a.mp4?<signature removed> (404).');
    for (const text of [stdout, stderr]) assert.ok(!/Signature=|security-token=|SECRETTOKEN|STS\.NUg/.test(text), text);
  });

  test('an invalid job is refused and nothing is sent', async () => {
    const { code, stderr } = await run(['submit', 'bad.highlight.yaml', '--endpoint', endpoint.url], withKey);
    assert.equal(code, 1);
    assert.match(stderr, /not submitted/);
    assert.match(stderr, /^bad\.highlight\.yaml:2:7: error /m);
    assert.equal(endpoint.requests.length, 0);
  });

  test("the service's parameter error is placed at that parameter's line", async () => {
    endpoint.control.failNext(faults.invalidArgument('Sources.1.URI', 'the object does not exist.'), { action: 'CreateHighlightTask' });
    const { code, stderr } = await run(['submit', 'concat.highlight.yaml', '--endpoint', endpoint.url], withKey);
    assert.equal(code, 1);
    assert.match(stderr, /^concat\.highlight\.yaml:6:10: IMM rejected the parameter Sources\.1\.URI \(InvalidArgument\)/m);
  });

  test('no answer after sending: exit 3, outcome unknown, sent once', async () => {
    endpoint.control.failNext(faults.hang(), { action: 'CreateHighlightTask' });
    const { code, stderr } = await run(['submit', 'good.highlight.yaml', '--endpoint', endpoint.url, '--timeout', '0.5'], withKey);
    assert.equal(code, 3);
    assert.match(stderr, /may or may not have been created/);
    assert.equal(endpoint.received('CreateHighlightTask').length, 1);
  });

  test('no credentials: says what to set, nothing is sent', async () => {
    const { code, stderr } = await run(['submit', 'good.highlight.yaml', '--endpoint', endpoint.url]);
    assert.equal(code, 1);
    assert.match(stderr, /ALIBABA_CLOUD_ACCESS_KEY_ID/);
    assert.equal(endpoint.requests.length, 0);
  });

  test('plain http to a non-loopback host is refused before anything is sent', async () => {
    const { code, stderr } = await run(['submit', 'good.highlight.yaml', '--endpoint', 'http://imm.example.com'], withKey);
    // A usage error naming the flag, as for validate --cloud and output.
    assert.equal(code, 2);
    assert.match(stderr, /--endpoint: Plain http:\/\/ is refused/);
  });

  test('--dry-run prints the aliyun command line and sends nothing', async () => {
    const { code, stdout } = await run(['submit', 'good.highlight.yaml', '--dry-run', '--region', 'cn-shanghai'], withKey);
    assert.equal(code, 0);
    assert.match(stdout, /^aliyun imm CreateHighlightTask --region=cn-shanghai --ProjectName=immtest /);
    assert.equal(endpoint.requests.length, 0);
  });

  test('bad flag values exit 2', async () => {
    assert.equal((await run(['submit', 'good.highlight.yaml', '--timeout', 'soon'])).code, 2);
    assert.equal((await run(['submit'])).code, 2);
    assert.equal((await run(['submit', 'missing.highlight.yaml'])).code, 2);
  });
});
