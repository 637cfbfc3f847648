import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { commandLineFor, renderRequest, type RequestTarget } from '../../../../client/src/request/view';
import { chooseCredentialSource, describeCredentialSource } from '../../../../client/src/access/credentialSource';
import { planSubmission } from '../../../../client/src/submit/plan';

const VALID = readFileSync(join(__dirname, '../../../fixtures/jobs/valid/retrieval.highlight.yaml'), 'utf8');
const target: RequestTarget = {
  region: 'cn-hangzhou',
  endpoint: { url: 'http://127.0.0.1:8123', host: '127.0.0.1:8123', overridden: true },
  credentials: 'AccessKey LTAI****1234 from VS Code secret storage',
  errors: 0,
};

test('a valid job is ready, with its request in wire form and its Output URI', () => {
  const plan = planSubmission(VALID);
  assert.equal(plan.kind, 'ready');
  if (plan.kind !== 'ready') return;
  assert.equal(typeof plan.request.query.ProjectName, 'string');
  assert.equal(typeof plan.request.body['Sources'], 'string');
  assert.ok(Array.isArray(JSON.parse(plan.request.body['Sources']!)));
  assert.match(plan.outputUri ?? '', /^oss:\/\//);
});

test('a job with errors is refused with those errors and nothing to send', () => {
  const plan = planSubmission('ProjectName: immtest\nType: Retrieve\nSources: []\n');
  assert.equal(plan.kind, 'invalid');
  if (plan.kind !== 'invalid') return;
  assert.ok(plan.errors.length >= 2, JSON.stringify(plan.errors.map((e) => e.message)));
  assert.ok(
    plan.errors.some((e) => e.range.start.line === 1),
    'the bad Type is pointed at on its line',
  );
  assert.ok(!('request' in plan));
});

test('a job with a single error is refused before Submit: that error, and nothing to send', () => {
  const oneError = VALID.replace(/^Type: .*$/m, 'Type: Retrieve');
  assert.notEqual(oneError, VALID);
  const plan = planSubmission(oneError);
  assert.equal(plan.kind, 'invalid');
  if (plan.kind !== 'invalid') return;
  assert.equal(plan.errors.length, 1, JSON.stringify(plan.errors.map((e) => e.message)));
  assert.equal(plan.errors[0]!.code, 'invalid-value');
  assert.equal(
    plan.errors[0]!.range.start.line,
    oneError.split('\n').findIndex((line) => line === 'Type: Retrieve'),
  );
  assert.ok(!('request' in plan), 'no request is built for a refused job');
  // The same job with the error fixed is ready: the one error was the whole reason.
  assert.equal(planSubmission(VALID).kind, 'ready');
});

test('unsaved text is what counts: empty and non-mapping documents are refused', () => {
  for (const text of ['', '- a\n- b\n', 'just text']) assert.equal(planSubmission(text).kind, 'invalid', JSON.stringify(text));
});

test('warnings do not stop a submission but are counted', () => {
  // StartTime does nothing for Retrieval: a warning, not an error.
  const withWarning = VALID.replace(
    '  - URI: oss://test-bucket/matches/2026-11-01.mp4\n',
    '  - URI: oss://test-bucket/matches/2026-11-01.mp4\n    StartTime: 5\n',
  );
  assert.notEqual(withWarning, VALID);
  const plan = planSubmission(withWarning);
  if (plan.kind === 'invalid') assert.fail(plan.errors.map((e) => e.message).join('; '));
  assert.equal(plan.warnings, 1);
  assert.equal((planSubmission(VALID) as { warnings: number }).warnings, 0);
});

test('the request document shows the exact form fields, the target and the masked identity, never a secret', () => {
  const plan = planSubmission(VALID);
  // A real pair as the user stores it, through the description the preview is given.
  const stored = { accessKeyId: 'LTAI5tQ8uVx3mRw9ZkP21234', accessKeySecret: 'Xs9kP2vL7qR4tW8yB3nM6cF1hJ5dG0aZ' };
  const credentials = describeCredentialSource(chooseCredentialSource({ stored }));
  const text = renderRequest(plan.doc.value, { ...target, credentials });
  assert.ok(!text.includes(stored.accessKeySecret), 'the secret is in the request document');
  assert.ok(
    !text.includes(stored.accessKeySecret.slice(0, 8)) && !text.includes(stored.accessKeySecret.slice(-8)),
    'part of the secret is in the request document',
  );
  assert.ok(!text.includes(stored.accessKeyId), 'the whole AccessKey ID is in the request document');
  const shown = JSON.parse(text) as Record<string, unknown>;
  assert.equal(shown['submit'], 'ready');
  assert.equal(shown['endpoint'], 'http://127.0.0.1:8123');
  assert.match(String(shown['credentials']), /^AccessKey LTAI\*+1234 from VS Code secret storage$/);
  assert.equal(shown['action'], 'CreateHighlightTask');
  assert.equal(shown['version'], '2020-09-30');
  if (plan.kind === 'ready') assert.deepEqual(shown['body'], plan.request.body);
  assert.match(String(shown['aliyunCli']), /^aliyun imm CreateHighlightTask --region=cn-hangzhou --endpoint=127\.0\.0\.1:8123 --ProjectName=immtest /);
});

test('the request document says Submit refuses while there are errors, and why the endpoint is unusable', () => {
  const text = renderRequest({ ProjectName: 'p' }, { ...target, endpoint: { error: 'Plain http:// is refused for example.com' }, errors: 3 });
  const shown = JSON.parse(text) as Record<string, unknown>;
  assert.match(String(shown['submit']), /refused: the file has 3 error/);
  assert.equal(shown['endpoint'], 'not usable: Plain http:// is refused for example.com');
  const impossible = JSON.parse(renderRequest(['x'], target)) as Record<string, unknown>;
  assert.match(String(impossible['submit']), /^impossible: /);
});

test('the CLI line names the chosen profile, and no endpoint when the region endpoint is used', () => {
  const value = planSubmission(VALID).doc.value;
  const line = commandLineFor(value, {
    region: 'cn-beijing',
    endpoint: { url: 'https://imm.cn-beijing.aliyuncs.com', host: 'imm.cn-beijing.aliyuncs.com', overridden: false },
    profile: 'work',
  });
  assert.ok(line && 'line' in line);
  assert.match(line.line, /^aliyun imm CreateHighlightTask --profile=work --region=cn-beijing --ProjectName=/);
  assert.equal(commandLineFor('text', target), undefined);
});
