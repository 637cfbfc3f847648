/**
 * The aliyun CLI line: every parameter one `--Name=value` word that aliyun-cli's parser (cli/parser.go, split at the
 * first `=` or `:`, `--x` is a flag) reads as that parameter; values survive a real POSIX shell exactly; the
 * PowerShell and cmd forms checked against those shells' quoting rules (neither shell is on this machine).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
  cmdQuote,
  commandWords,
  CommandLineError,
  powershellQuote,
  shellOf,
  toShellCommandLine,
  windowsArgvQuote,
} from '../../../../core/src/request/commandLine';
import { parseJob } from '../../../../core/src/parse/document';
import { previewRequest } from '../../../../core/src/request/preview';
import { toRequest } from '../../../../core/src/request/request';
import { validateJob } from '../../../../core/src/validate/validate';
import { commandLineFor } from '../../../../client/src/request/view';

const NASTY = [
  "it's",
  '$HOME and ${PATH} and $(id)',
  '`uname`',
  '"double" \\"escaped\\" \\\\',
  "x'; calc; #",
  'x & calc | more > out < in ^ (a) !b!',
  'Ünïcødé 中文 ‘curly’ “quotes” ‚low‛',
  '--endpoint=evil.example.com',
  '-x',
  'a  b\\',
];

function requestWith(userData: string, projectName = 'immtest'): ReturnType<typeof toRequest> {
  return toRequest({ ProjectName: projectName, Type: 'Retrieval', Sources: [{ URI: 'oss://b/a.mp4' }], UserData: userData });
}

/** aliyun-cli's parseCommandArg: the flag name a word sets, and its value. */
function aliyunReads(word: string): { flag: string; value: string } | { arg: string } {
  const at = word.search(/[=:]/);
  const prefix = at < 0 ? word : word.slice(0, at);
  if (prefix.startsWith('--') && !prefix.startsWith('---')) return { flag: prefix.slice(2), value: at < 0 ? '' : word.slice(at + 1) };
  return { arg: word };
}

test("a ProjectName that would be a flag is a schema error, by IMM's project-name rule", () => {
  for (const name of ['--endpoint=evil.example.com', '-p', 'a b', 'tab\there', '1starts-with-digit', 'x'.repeat(129), 'esc\u001b']) {
    const diagnostics = validateJob(
      parseJob(`ProjectName: ${JSON.stringify(name)}\nType: Retrieval\nSources:\n  - URI: oss://b/a.mp4\nOutput:\n  URI: oss://b/o.mp4\n`),
    );
    assert.ok(
      diagnostics.some((d) => /ProjectName/.test(d.message)),
      `${JSON.stringify(name)} is accepted`,
    );
  }
  for (const name of ['immtest', 'test-project', '_p1', 'A'.repeat(128)]) {
    const diagnostics = validateJob(parseJob(`ProjectName: ${name}\nType: Retrieval\nSources:\n  - URI: oss://b/a.mp4\nOutput:\n  URI: oss://b/o.mp4\n`));
    assert.deepEqual(
      diagnostics.filter((d) => /ProjectName/.test(d.message)),
      [],
      name,
    );
  }
});

test('every parameter is one word aliyun-cli reads as that parameter, even a value that looks like a flag', () => {
  const request = requestWith('--endpoint=evil.example.com', '--endpoint=evil.example.com');
  const words = commandWords(request, { region: 'cn-hangzhou', endpoint: '127.0.0.1:8123', profile: 'work' });
  assert.deepEqual(words.slice(0, 3), ['aliyun', 'imm', 'CreateHighlightTask']);
  const read = words.slice(3).map(aliyunReads);
  assert.deepEqual(
    read.map((r) => ('flag' in r ? r.flag : `arg:${r.arg}`)),
    ['profile', 'region', 'endpoint', 'ProjectName', 'Sources', 'Type', 'UserData'],
  );
  assert.deepEqual(read[3], { flag: 'ProjectName', value: '--endpoint=evil.example.com' });
  assert.ok(!words.includes('--version'), 'no --version: imm is not in aliyun-cli meta/versions.json');
});

test('region always, endpoint as a host when overridden, no --version', () => {
  const preview = previewRequest({ ProjectName: 'immtest', Type: 'Retrieval', Sources: [{ URI: 'oss://b/a.mp4' }] }, { region: 'cn-beijing' });
  assert.equal(
    preview.commandLine,
    `aliyun imm CreateHighlightTask --region=cn-beijing --ProjectName=immtest '--Sources=[{"URI":"oss://b/a.mp4"}]' --Type=Retrieval`,
  );
});

test('values survive sh and bash exactly: quotes, $, backticks, non-ASCII', { skip: process.platform === 'win32' }, () => {
  for (const shell of ['sh', 'bash']) {
    for (const value of NASTY) {
      const request = requestWith(value);
      const line = toShellCommandLine(request, { region: 'cn-hangzhou' }, 'posix');
      const words = execFileSync(shell, ['-c', `printf '%s\\0' ${line.replace(/^aliyun /, '')}`], { encoding: 'utf8' })
        .split('\0')
        .slice(0, -1);
      assert.deepEqual(words, commandWords(request, { region: 'cn-hangzhou' }).slice(1), `${shell}: ${value}`);
    }
  }
});

test('control characters and empty values are refused, not pasted', () => {
  for (const bad of ['a\u001b]52;c;ZXZpbA==\u0007', 'line\nbreak', 'cr\roverwrite', 'tab\t', 'nel\u0085']) {
    assert.throws(() => commandWords(requestWith(bad)), CommandLineError, JSON.stringify(bad));
  }
  assert.throws(() => commandWords(requestWith('')), /empty/);
  const preview = previewRequest({ ProjectName: 'immtest', Type: 'Retrieval\u001b[2J' });
  assert.equal(preview.commandLine, undefined);
  assert.match(preview.commandLineError ?? '', /control character/);
});

/** PowerShell's verbatim string: `'…'` where each of ' ‘ ’ ‚ ‛ ends it unless doubled. */
function powershellReads(token: string): string {
  if (!/^['\u2018\u2019\u201a\u201b]/.test(token)) {
    assert.match(token, /^[A-Za-z0-9_./][A-Za-z0-9_./-]*$/, `bare PowerShell token ${token} must hold no special character`);
    return token;
  }
  let out = '';
  for (let i = 1; i < token.length; i++) {
    const ch = token[i]!;
    if (/['\u2018\u2019\u201a\u201b]/.test(ch)) {
      if (i + 1 < token.length && /['\u2018\u2019\u201a\u201b]/.test(token[i + 1]!)) {
        out += ch;
        i++;
        continue;
      }
      assert.equal(i, token.length - 1, `PowerShell string ends early in ${token}`);
      return out;
    }
    out += ch;
  }
  assert.fail(`unterminated PowerShell string ${token}`);
}

test('PowerShell: single-quoted words with every quote character doubled', () => {
  for (const value of NASTY) {
    const word = `--UserData=${value}`;
    assert.equal(powershellReads(powershellQuote(word)), word, value);
  }
  assert.equal(powershellQuote("x'; calc; #"), "'x''; calc; #'");
  assert.equal(powershellQuote('--Type=Retrieval'), "'--Type=Retrieval'", 'a word starting with - is quoted');
  assert.equal(powershellQuote('aliyun'), 'aliyun');
});

/** cmd.exe: `^x` is a literal x; any other special character outside quotes would be live. Then Windows argv rules. */
function cmdReads(token: string): string {
  let out = '';
  for (let i = 0; i < token.length; i++) {
    const ch = token[i]!;
    if (ch === '^') {
      out += token[++i] ?? '';
      continue;
    }
    assert.ok(!/[&|<>()"%!]/.test(ch), `live cmd character ${ch} in ${token}`);
    out += ch;
  }
  return out;
}

/** The MSVCRT / Go rule for one argument: 2n backslashes + `"` → n backslashes and a quote toggle; 2n+1 → a literal `"`. */
function windowsArgvReads(text: string): string[] {
  const args: string[] = [];
  let current = '';
  let inQuotes = false;
  let started = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\\') {
      let n = 0;
      while (text[i] === '\\') {
        n++;
        i++;
      }
      if (text[i] === '"') {
        current += '\\'.repeat(Math.floor(n / 2));
        if (n % 2 === 1) current += '"';
        else inQuotes = !inQuotes;
      } else {
        current += '\\'.repeat(n);
        i--;
      }
      started = true;
    } else if (ch === '"') {
      inQuotes = !inQuotes;
      started = true;
    } else if (/\s/.test(ch) && !inQuotes) {
      if (started) args.push(current);
      current = '';
      started = false;
    } else {
      current += ch;
      started = true;
    }
  }
  if (started) args.push(current);
  return args;
}

test('cmd: argv quoting with every cmd character caret-escaped; % refused', () => {
  for (const value of NASTY) {
    const word = `--UserData=${value}`;
    assert.deepEqual(windowsArgvReads(windowsArgvQuote(word)), [word], `argv: ${value}`);
    assert.deepEqual(windowsArgvReads(cmdReads(cmdQuote(word))), [word], `cmd: ${value}`);
  }
  assert.equal(cmdQuote('x&calc'), 'x^&calc');
  assert.throws(() => cmdQuote('--UserData=%PATH%', 'UserData'), /UserData contains %/);
  const line = toShellCommandLine(requestWith('x & calc'), { region: 'cn-hangzhou' }, 'cmd');
  assert.deepEqual(windowsArgvReads(cmdReads(line)), commandWords(requestWith('x & calc'), { region: 'cn-hangzhou' }));
});

test("the shell is picked from VS Code's terminal shell, else the platform", () => {
  assert.equal(shellOf('C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe', 'win32'), 'powershell');
  assert.equal(shellOf('C:\\Program Files\\PowerShell\\7\\pwsh.exe', 'win32'), 'powershell');
  assert.equal(shellOf('C:\\Windows\\System32\\cmd.exe', 'win32'), 'cmd');
  assert.equal(shellOf('C:\\Program Files\\Git\\bin\\bash.exe', 'win32'), 'posix');
  assert.equal(shellOf('/bin/zsh', 'darwin'), 'posix');
  assert.equal(shellOf('', 'win32'), 'powershell');
  assert.equal(shellOf(undefined, 'linux'), 'posix');
});

test('Copy aliyun CLI Command refuses a job with errors, and one whose value cannot be pasted', () => {
  const target = { region: 'cn-hangzhou', endpoint: { url: 'https://imm.cn-hangzhou.aliyuncs.com', host: 'imm.cn-hangzhou.aliyuncs.com', overridden: false } };
  const job = { ProjectName: 'immtest', Type: 'Retrieval', Sources: [{ URI: 'oss://b/a.mp4' }] };
  assert.deepEqual(commandLineFor(job, { ...target, errors: 2 }), { refused: 'not available: the file has 2 error(s); fix them first.' });
  assert.match(JSON.stringify(commandLineFor({ ...job, UserData: 'a\u001bb' }, target)), /refused.*control character/);
  const ok = commandLineFor(job, { ...target, errors: 0 }, 'powershell');
  assert.ok(ok && 'line' in ok && ok.line.startsWith("aliyun imm CreateHighlightTask '--region=cn-hangzhou'"));
});
