/** Control characters from job values and file names reach the terminal escaped, in every CLI output. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../cli/src/main';
import { escapeControl } from '../../../cli/src/terminal';

// eslint-disable-next-line no-control-regex
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/;
const OSC52 = '\u001b]52;c;ZXZpbA==\u0007';

async function run(args: string[], cwd: string): Promise<string> {
  let out = '';
  await main(args, { stdout: (t) => (out += t), stderr: (t) => (out += t), cwd, env: {} });
  return out;
}

test('validate: ESC, BEL, CR, C1 and bidi overrides in values and file names are written as \\uXXXX', { skip: process.platform === 'win32' }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'imm-term-'));
  const name = `evil\r\u001b[2K\u202e.highlight.yaml`;
  writeFileSync(
    join(dir, name),
    `ProjectName: immtest\nType: "Retrieval${OSC52}\\r\u009b31m"\nSources:\n  - URI: oss://test-bucket/a.mp4\nOutput:\n  URI: oss://test-bucket/o.mp4\n`,
  );
  for (const format of ['text', 'json', 'sarif']) {
    const out = await run(['validate', '.', '--format', format], dir);
    assert.doesNotMatch(out, RAW, `${format}: ${JSON.stringify(out)}`);
    assert.match(out, /\\u001b/, format);
    if (format !== 'text') JSON.parse(out.slice(0, out.lastIndexOf('}') + 1));
  }
  const text = await run(['validate', '.'], dir);
  assert.match(text, /^evil\\u000d\\u001b\[2K\\u202e\.highlight\.yaml:2:/m);
});

test('submit --dry-run and usage errors escape too', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'imm-term-'));
  assert.doesNotMatch(await run(['validate', `missing${OSC52}.highlight.yaml`], dir), RAW);
  assert.equal(escapeControl('tab\tand\nline'), 'tab\tand\nline', 'our own line breaks stay');
  assert.equal(escapeControl('\u0007\u009b'), '\\u0007\\u009b');
});
