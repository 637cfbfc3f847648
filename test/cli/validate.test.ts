/**
 * `highlight-task validate` over folders and globs stays in its tree and reads only regular files: symbolic
 * links (to a secret outside, to `/`, to a FIFO or /dev/zero) are not followed, a FIFO does not hang, a large
 * sparse file is refused from its size, and each skipped file is an error of its own while the rest is checked.
 */
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../cli/src/main';
import { MINIMAL_JOB } from '../support/minimalJobs';

const TOKEN = 'ghp_Sup3rSecretT0kenValue0123456789abcdef';

let root = '';
let jobs = '';
before(() => {
  root = mkdtempSync(join(tmpdir(), 'imm-validate-'));
  jobs = join(root, 'jobs');
  mkdirSync(jobs);
  writeFileSync(join(root, 'git-credentials'), `https://someone:${TOKEN}@github.com\n`);
  writeFileSync(join(jobs, 'a.highlight.yaml'), MINIMAL_JOB);
  symlinkSync(join(root, 'git-credentials'), join(jobs, 'b.highlight.yaml'));
  symlinkSync('/', join(jobs, 'root'));
  symlinkSync('/dev/zero', join(jobs, 'zero.highlight.yaml'));
  execFileSync('mkfifo', [join(root, 'fifo')]);
  symlinkSync(join(root, 'fifo'), join(jobs, 'fifo.highlight.yaml'));
  // Not a link: a FIFO the walk itself finds.
  execFileSync('mkfifo', [join(jobs, 'pipe.highlight.yaml')]);
  const sparse = join(jobs, 'huge.highlight.yaml');
  writeFileSync(sparse, '');
  truncateSync(sparse, 400 * 1024 * 1024);
});

async function validate(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(['validate', ...args], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd: root, env: {} });
  return { code, stdout, stderr };
}

describe('validate over a folder', { skip: process.platform === 'win32' }, () => {
  for (const format of ['text', 'json', 'sarif']) {
    test(`${format}: links are not followed, odd files skipped with an error each, nothing of the secret echoed`, async () => {
      const { code, stdout, stderr } = await validate(['jobs', '--format', format]);
      assert.equal(code, 1, stderr);
      assert.ok(!stdout.includes(TOKEN.slice(0, 10)) && !stderr.includes(TOKEN.slice(0, 10)), 'the linked secret is not echoed');
      assert.ok(!stdout.includes('someone'), 'nothing of the linked file');
      for (const name of ['b.highlight.yaml', 'zero.highlight.yaml', 'fifo.highlight.yaml', 'huge.highlight.yaml'])
        assert.ok(stdout.includes(`jobs/${name}`), name);
      // SARIF reports a skipped file twice: as a file-not-read result and as a toolExecutionNotification.
      assert.equal(stdout.split('is a symbolic link; links are not followed').length - 1, format === 'sarif' ? 6 : 3, 'the three links, each reported');
      assert.match(stdout, /419,430,400 bytes/);
      // The FIFO linked to is reported as a link; this one, found by the walk itself, as what it is.
      assert.ok(
        stdout.includes('jobs/pipe.highlight.yaml') && stdout.includes('is a named pipe, not a regular file'),
        'a FIFO in the folder is reported, not skipped',
      );
      assert.doesNotMatch(stdout, /a\.highlight\.yaml.*error/, 'the regular job is checked, and is fine');
      assert.doesNotMatch(stdout, /root\//, 'the link to / is not walked');
    });
  }

  test('a glob does not follow links either', async () => {
    const { code, stdout } = await validate(['jobs/**/*.highlight.yaml', '--format', 'json']);
    assert.equal(code, 1);
    const files = (JSON.parse(stdout) as { files: { file: string; diagnostics: { code: string }[] }[] }).files;
    assert.ok(
      files.every((f) => !f.file.startsWith('jobs/root/')),
      files.map((f) => f.file).join(', '),
    );
    assert.deepEqual(
      files.find((f) => f.file === 'jobs/b.highlight.yaml')?.diagnostics.map((d) => d.code),
      ['file-not-read'],
    );
    assert.deepEqual(
      files.find((f) => f.file === 'jobs/pipe.highlight.yaml')?.diagnostics.map((d) => d.code),
      ['file-not-read'],
    );
  });

  test('named directly: a FIFO is skipped, not waited on; /dev/zero is not read', async () => {
    const { code, stdout } = await validate([join(root, 'fifo'), '/dev/zero', join(jobs, 'a.highlight.yaml')]);
    assert.equal(code, 1);
    assert.match(stdout, /fifo:1:1: error file-not-read Not checked: the file is a named pipe, not a regular file\./);
    assert.match(stdout, /\/dev\/zero:1:1: error file-not-read Not checked: the file is a device, not a regular file\./);
  });

  test('a file that is one text (a token) is not repeated in the message', async () => {
    const file = join(root, 'token.highlight.yaml');
    writeFileSync(file, `${TOKEN}\n`);
    const { stdout } = await validate([file, '--format', 'json']);
    assert.ok(!stdout.includes(TOKEN.slice(0, 10)), stdout);
    assert.match(stdout, /must be a mapping of keys to values; it is a text of 41 characters/);
  });
});
