/**
 * `highlight-task validate --format sarif` as GitHub code scanning takes it: every log valid against the official
 * SARIF 2.1.0 schema (test/fixtures/sarif, with its source), odd file names percent-encoded, a missing input still a
 * log that says why, every code a rule with its texts and docs link, results that point at their rule, into
 * %SRCROOT%, with fingerprints that survive lines moving.
 */
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { main } from '../../cli/src/main';
import { DIAGNOSTIC_CODES } from '../../core/src/shared/codes';
import { MINIMAL_JOB } from '../support/minimalJobs';

const ROOT = resolve(__dirname, '../..');
const schema = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/sarif/sarif-schema-2.1.0.json'), 'utf8')) as object;
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validateSarif = ajv.compile(schema);

interface Region {
  startLine: number;
  startColumn: number;
}
interface Location {
  physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region?: Region };
}
interface Rule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  helpUri: string;
  defaultConfiguration: { level: string };
  properties: { tags: string[] };
}
interface Result {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: Location[];
  partialFingerprints: Record<string, string>;
}
interface Run {
  tool: { driver: { name: string; rules: Rule[] } };
  automationDetails: { id: string };
  originalUriBaseIds: Record<string, { uri: string }>;
  invocations: { executionSuccessful: boolean; toolExecutionNotifications: { level: string; message: { text: string }; locations?: Location[] }[] }[];
  results: Result[];
}

async function sarifOf(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<{ code: number; run: Run; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(['validate', '--format', 'sarif', ...args], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd, env });
  assert.ok(stdout, `no SARIF on stdout (exit ${code}): ${stderr}`);
  const log = JSON.parse(stdout) as { runs: Run[] };
  const valid = validateSarif(log);
  assert.ok(valid, `not valid SARIF 2.1.0: ${JSON.stringify(validateSarif.errors?.slice(0, 5), null, 2)}`);
  assert.equal(log.runs.length, 1);
  return { code, run: log.runs[0]!, stderr };
}

const allCodes = Object.keys(DIAGNOSTIC_CODES);

function assertCodeScanningShape(run: Run): void {
  assert.deepEqual(
    run.tool.driver.rules.map((r) => r.id),
    allCodes,
    'every code is a rule, in the registry order, whatever the run found',
  );
  for (const rule of run.tool.driver.rules) {
    const entry = DIAGNOSTIC_CODES[rule.id as keyof typeof DIAGNOSTIC_CODES];
    assert.ok(rule.name && rule.shortDescription.text && rule.fullDescription.text, rule.id);
    assert.ok(rule.help.text.length > 20 && rule.help.markdown.includes('**How to fix it.**'), rule.id);
    assert.equal(rule.defaultConfiguration.level, entry.severity, rule.id);
    assert.ok(rule.properties.tags.includes(entry.group), rule.id);
    assert.ok(rule.helpUri.endsWith(`/diagnostics.md#${rule.id}`), rule.helpUri);
  }
  assert.equal(run.automationDetails.id, 'highlight-task/validate/');
  assert.match(run.originalUriBaseIds['%SRCROOT%']!.uri, /^file:\/\/.*\/$/);
  for (const result of run.results) {
    assert.equal(run.tool.driver.rules[result.ruleIndex]?.id, result.ruleId, 'ruleIndex points at the rule of ruleId');
    assert.equal(result.locations[0]!.physicalLocation.artifactLocation.uriBaseId, '%SRCROOT%');
    assert.match(Object.values(result.partialFingerprints)[0]!, /^[0-9a-f]{64}$/);
  }
}

describe('validate --format sarif', () => {
  test('the demo folder: valid SARIF, every rule, results into the repository with %SRCROOT%', async () => {
    const { code, run } = await sarifOf(['demo'], ROOT);
    assert.equal(code, 1, 'the demo has mistakes on purpose');
    assertCodeScanningShape(run);
    assert.ok(run.results.length > 3);
    assert.ok(run.results.every((r) => r.locations[0]!.physicalLocation.artifactLocation.uri.startsWith('demo/')));
    assert.equal(run.invocations[0]!.executionSuccessful, true);
    assert.deepEqual(run.invocations[0]!.toolExecutionNotifications, []);
    // The repository root is the git top level (this checkout), whatever folder the command runs in.
    const fromDemo = await sarifOf(['.'], join(ROOT, 'demo'));
    assert.deepEqual(
      fromDemo.run.results.map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri),
      run.results.map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri),
    );
    assert.equal(fromDemo.run.originalUriBaseIds['%SRCROOT%']!.uri, run.originalUriBaseIds['%SRCROOT%']!.uri);
  });

  test('the helpUri is the docs page installed with the CLI, its anchor the code; --docs-url and IMM_HIGHLIGHT_DOCS_URL give a hosted one', async () => {
    const { run } = await sarifOf(['demo/mistakes.highlight.yaml'], ROOT);
    const helpUri = run.tool.driver.rules[0]!.helpUri;
    assert.ok(helpUri.startsWith('file://'), helpUri);
    const page = fileURLToPath(helpUri.replace(/#.*$/, ''));
    assert.ok(existsSync(page), page);
    assert.ok(readFileSync(page, 'utf8').includes(`<a id="${run.tool.driver.rules[0]!.id}"></a>`));

    const hosted = 'https://github.com/example-org/jobs/blob/main/docs/diagnostics.md';
    const byFlag = await sarifOf(['demo/mistakes.highlight.yaml', '--docs-url', hosted], ROOT);
    assert.equal(byFlag.run.tool.driver.rules.find((r) => r.id === 'invalid-value')?.helpUri, `${hosted}#invalid-value`);
    const byEnv = await sarifOf(['demo/mistakes.highlight.yaml'], ROOT, { IMM_HIGHLIGHT_DOCS_URL: hosted });
    assert.equal(byEnv.run.tool.driver.rules[0]!.helpUri, `${hosted}#yaml-syntax`);

    let stderr = '';
    const bad = await main(['validate', '--format', 'sarif', '--docs-url', 'docs/diagnostics.md', 'demo'], {
      stdout: () => undefined,
      stderr: (t) => (stderr += t),
      cwd: ROOT,
      env: {},
    });
    assert.equal(bad, 2);
    assert.match(stderr, /--docs-url must be the https:\/\/ \(or file:\) URL/);
  });

  describe('odd file names', () => {
    let dir = '';
    const names = ['my jobs/first job.highlight.yaml', '任务/精彩集锦.highlight.yaml', 'hash#1/a#b.highlight.yaml', 'per%cent/100%.highlight.yaml'];
    before(() => {
      dir = mkdtempSync(join(tmpdir(), 'imm-sarif-odd-'));
      for (const name of names) {
        mkdirSync(join(dir, name, '..'), { recursive: true });
        // A mistake in each, so each file has a result with a location.
        writeFileSync(join(dir, name), MINIMAL_JOB.replace('Type: Retrieval', 'Type: retrieval'));
      }
    });

    test('are percent-encoded URIs relative to the working directory (no git repository), and valid SARIF', async () => {
      const { code, run } = await sarifOf(['.'], dir);
      assert.equal(code, 1);
      assertCodeScanningShape(run);
      const uris = run.results.map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri);
      assert.equal(uris.length, names.length);
      assert.deepEqual(uris.map(decodeURIComponent).sort(), [...names].sort());
      assert.ok(uris.includes('my%20jobs/first%20job.highlight.yaml'), uris.join(', '));
      assert.ok(uris.includes('hash%231/a%23b.highlight.yaml'), uris.join(', '));
      assert.ok(uris.includes('per%25cent/100%25.highlight.yaml'), uris.join(', '));
      // Each resolves against %SRCROOT% to the file itself.
      const base = run.originalUriBaseIds['%SRCROOT%']!.uri;
      assert.equal(base, pathToFileURL(dir).href + '/');
      for (const uri of uris) assert.ok(existsSync(fileURLToPath(new URL(uri, base))), uri);
    });

    test('the unencoded names would fail the schema (what this test guards)', () => {
      const log = {
        version: '2.1.0',
        runs: [
          {
            tool: { driver: { name: 'x' } },
            results: [{ message: { text: 'm' }, locations: [{ physicalLocation: { artifactLocation: { uri: names[1] } } }] }],
          },
        ],
      };
      assert.equal(validateSarif(log), false);
    });
  });

  test('a file outside the root: an absolute, percent-encoded file: URI without uriBaseId', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'imm-sarif-cwd-'));
    const elsewhere = join(mkdtempSync(join(tmpdir(), 'imm-sarif-elsewhere-')), '外 部.highlight.yaml');
    writeFileSync(elsewhere, MINIMAL_JOB.replace('Type: Retrieval', 'Type: retrieval'));
    const { run } = await sarifOf([elsewhere], cwd);
    const location = run.results[0]!.locations[0]!.physicalLocation.artifactLocation;
    assert.equal(location.uri, pathToFileURL(elsewhere).href);
    assert.match(location.uri, /%E5%A4%96%20%E9%83%A8/);
    assert.equal(location.uriBaseId, undefined);
  });

  test('a missing file: still a valid log, with a toolExecutionNotification, and exit 2 as before', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'imm-sarif-missing-'));
    const { code, run, stderr } = await sarifOf(['nope.highlight.yaml'], dir);
    assert.equal(code, 2);
    assert.match(stderr, /nope\.highlight\.yaml: no such file or directory/);
    assertCodeScanningShape(run);
    assert.deepEqual(run.results, []);
    assert.equal(run.invocations[0]!.executionSuccessful, false);
    assert.match(run.invocations[0]!.toolExecutionNotifications[0]!.message.text, /nope\.highlight\.yaml: no such file or directory/);
    assert.equal(run.invocations[0]!.toolExecutionNotifications[0]!.level, 'error');
  });

  test(
    'an unreadable file among readable ones: its file-not-read result and a notification naming it; exit 1 as before',
    { skip: process.platform === 'win32' },
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'imm-sarif-unreadable-'));
      writeFileSync(join(dir, 'good.highlight.yaml'), MINIMAL_JOB);
      execFileSync('mkfifo', [join(dir, 'pipe.highlight.yaml')]);
      const { code, run } = await sarifOf(['good.highlight.yaml', 'pipe.highlight.yaml'], dir);
      assert.equal(code, 1);
      assert.deepEqual(
        run.results.map((r) => r.ruleId),
        ['file-not-read'],
      );
      const [notification] = run.invocations[0]!.toolExecutionNotifications;
      assert.equal(run.invocations[0]!.executionSuccessful, false);
      assert.match(notification!.message.text, /pipe\.highlight\.yaml: .*named pipe/);
      assert.equal(notification!.locations?.[0]?.physicalLocation.artifactLocation.uri, 'pipe.highlight.yaml');
    },
  );

  test('fingerprints stay the same when lines move above the findings; they differ between findings', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'imm-sarif-moves-'));
    const file = join(dir, 'moving.highlight.yaml');
    const original = readFileSync(join(ROOT, 'demo/mistakes.highlight.yaml'), 'utf8');
    writeFileSync(file, original);
    const before = (await sarifOf(['moving.highlight.yaml'], dir)).run.results;
    writeFileSync(file, `\n# a comment\n${original.replace('ProjectName: immtest\n', 'ProjectName: immtest\n\n\n')}`);
    const after = (await sarifOf(['moving.highlight.yaml'], dir)).run.results;
    assert.ok(before.length > 3);
    assert.equal(after.length, before.length);
    assert.notDeepEqual(
      after.map((r) => r.locations[0]!.physicalLocation.region!.startLine),
      before.map((r) => r.locations[0]!.physicalLocation.region!.startLine),
      'the lines did move',
    );
    assert.deepEqual(
      after.map((r) => r.partialFingerprints),
      before.map((r) => r.partialFingerprints),
    );
    const prints = before.map((r) => Object.values(r.partialFingerprints)[0]);
    assert.equal(new Set(prints).size, prints.length, 'each finding has its own fingerprint');
  });
});
