import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { codeActions } from '../../../../core/src/features/codeActions';
import { parseJob } from '../../../../core/src/parse/document';
import { PLACEHOLDER_CODE } from '../../../../core/src/validate/placeholders';
import { validateJob } from '../../../../core/src/validate/validate';

const URI = 'file:///job.highlight.yaml';

const job = (type: string, rest: string): string => `ProjectName: immtest\nType: ${type}\nSources:\n  - URI: oss://my-videos/a.mp4\n${rest}`;
const OUTPUT = 'Output:\n  URI: oss://my-videos/o.mp4\n  Container: mp4\n';

/** The quick fixes offered for the diagnostic with `code` (through the data the editor sends back as JSON). */
function fixesFor(text: string, code: string): { actions: CodeAction[]; diagnostic: Diagnostic } {
  const doc = parseJob(text);
  const diagnostic = validateJob(doc).find((d) => d.code === code);
  assert.ok(
    diagnostic,
    `no ${code} in\n${text}\n${validateJob(doc)
      .map((d) => `${String(d.code)} ${d.message}`)
      .join('\n')}`,
  );
  const sentBack = JSON.parse(JSON.stringify(diagnostic)) as Diagnostic;
  return { actions: codeActions(doc, URI, sentBack.range, [sentBack]), diagnostic };
}

function apply(text: string, action: CodeAction): string {
  const edits = action.edit?.changes?.[URI] as TextEdit[] | undefined;
  assert.ok(edits, action.title);
  return TextDocument.applyEdits(TextDocument.create(URI, 'imm-highlight', 1, text), edits);
}

/** Applies the fix titled `title` of the `code` diagnostic and returns the new text. */
function fixed(text: string, code: string, title: string | RegExp): string {
  const { actions } = fixesFor(text, code);
  const action = actions.find((a) => (typeof title === 'string' ? a.title === title : title.test(a.title)));
  assert.ok(action, `no fix ${String(title)} among ${actions.map((a) => a.title).join(' | ')}`);
  return apply(text, action);
}

const codes = (text: string): unknown[] => validateJob(parseJob(text)).map((d) => d.code);

test('an https OSS URL becomes oss://bucket/key, naming the bucket region in the title, without a query string', () => {
  const text = job('Retrieval', 'Output:\n  URI: https://my-videos.oss-cn-shanghai.aliyuncs.com/out/hl%20one.mp4?Expires=1&Signature=abc\n');
  const { actions } = fixesFor(text, 'invalid-oss-uri');
  assert.equal(
    actions[0]!.title,
    'Change to `oss://my-videos/out/hl one.mp4` (the bucket is in cn-shanghai: IMM must run in the same region, set by immHighlight.region)',
  );
  assert.equal(actions[0]!.isPreferred, true);
  const after = apply(text, actions[0]!);
  assert.match(after, /\n {2}URI: oss:\/\/my-videos\/out\/hl one\.mp4\n/);
  assert.deepEqual(codes(after), []);
  // The internal endpoint's host, and an http URL, too.
  assert.match(
    fixed(job('Retrieval', 'Output:\n  URI: http://my-videos.oss-cn-beijing-internal.aliyuncs.com/o.mp4\n'), 'invalid-oss-uri', /cn-beijing/),
    /URI: oss:\/\/my-videos\/o\.mp4/,
  );
  // Another web address has no OSS URI to become.
  assert.deepEqual(fixesFor(job('Retrieval', 'Output:\n  URI: https://example.com/o.mp4\n'), 'invalid-oss-uri').actions, []);
});

test('with the configured region known, the OSS URL fix notes the bucket region only when it differs', () => {
  const text = job('Retrieval', 'Output:\n  URI: https://my-videos.oss-cn-shanghai.aliyuncs.com/out/o.mp4\n');
  const doc = parseJob(text);
  const sentBack = JSON.parse(JSON.stringify(validateJob(doc).find((d) => d.code === 'invalid-oss-uri'))) as Diagnostic;
  const title = (region: string): string => codeActions(doc, URI, sentBack.range, [sentBack], { region })[0]!.title;
  assert.equal(title('cn-shanghai'), 'Change to `oss://my-videos/out/o.mp4`');
  assert.equal(
    title('cn-hangzhou'),
    'Change to `oss://my-videos/out/o.mp4` (the bucket is in cn-shanghai, but immHighlight.region is cn-hangzhou: IMM reads OSS in its own region)',
  );
});

test('Resolution 1280*720 (or ×, X, spaces) becomes 1280x720', () => {
  for (const written of ['1280*720', '1280×720', '1280 X 720', "'1280*720'"]) {
    const text = job('Concat', `${OUTPUT}  Video:\n    TranscodeVideo:\n      Codec: h264\n      Resolution: ${written}\n`);
    const after = fixed(text, 'invalid-format', 'Change to `1280x720`');
    assert.match(after, /Resolution: '?1280x720'?\n/, written);
    assert.deepEqual(codes(after), []);
  }
  // Out of the pattern's range even with an x: no fix that would still be wrong.
  const tooLarge = job('Concat', `${OUTPUT}  Video:\n    TranscodeVideo:\n      Codec: h264\n      Resolution: 9000*720\n`);
  assert.deepEqual(fixesFor(tooLarge, 'invalid-format').actions, []);
});

test('a number written as text becomes the number', () => {
  const text = job('Concat', OUTPUT).replace('  - URI: oss://my-videos/a.mp4\n', '  - URI: oss://my-videos/a.mp4\n    StartTime: "12"\n');
  const after = fixed(text, 'invalid-type', 'Change to the number 12');
  assert.match(after, /\n {4}StartTime: 12\n/);
  assert.deepEqual(codes(after), []);
  assert.match(fixed(text.replace('"12"', "'1.5'"), 'invalid-type', 'Change to the number 1.5'), /StartTime: 1\.5\n/);
  // Text that is no number, or no whole number where one is required, gets no such fix.
  assert.deepEqual(fixesFor(text.replace('"12"', '"twelve"'), 'invalid-type').actions, []);
  const volume = job('Concat', `${OUTPUT}  Video:\n    TranscodeVideo:\n      Codec: h264\n      GOPSize: "2.5"\n`);
  assert.deepEqual(fixesFor(volume, 'invalid-type').actions, []);
});

test('a number out of range becomes its nearest bound, with both numbers in the title', () => {
  const text = job('Concat', OUTPUT.replace('  Container: mp4\n', '  Container: mp4\n  Speed: 3\n'));
  const after = fixed(text, 'out-of-range', 'Change 3 to 1, the largest valid value');
  assert.match(after, /\n {2}Speed: 1\n/);
  assert.deepEqual(codes(after), []);
  assert.match(fixed(text.replace('Speed: 3', 'Speed: 0.1'), 'out-of-range', 'Change 0.1 to 0.5, the smallest valid value'), /Speed: 0\.5\n/);
});

test('a background music Volume out of range: the original volume first and preferred, the largest value second', () => {
  const text = job(
    'Concat',
    `${OUTPUT}Edit:\n  Mode: Sequential\n  BackgroundMusicMode: Sequential\n  BackgroundMusics:\n    - URI: oss://my-videos/m.mp3\n      Volume: 12\n`,
  );
  const { actions } = fixesFor(text, 'out-of-range');
  assert.deepEqual(
    actions.map((a) => [a.title, a.isPreferred === true]),
    [
      ['Change 12 to 1, the original volume', true],
      ['Change 12 to 10, the largest valid value', false],
    ],
  );
  const after = apply(text, actions[0]!);
  assert.match(after, /\n {6}Volume: 1\n/);
  assert.deepEqual(codes(after), []);
});

test('Output.URI extension against Container: change the Container, or the extension', () => {
  const text = job('Concat', 'Output:\n  URI: oss://my-videos/out.mov\n  Container: mp4\n');
  const { actions } = fixesFor(text, 'output-extension-mismatch');
  assert.deepEqual(
    actions.map((a) => a.title),
    ["Change Container to `mov`, as the URI's extension says", "Change the URI's extension to `.mp4`, as Container says"],
  );
  const byContainer = apply(text, actions[0]!);
  assert.match(byContainer, /Container: mov\n/);
  assert.deepEqual(codes(byContainer), []);
  const byExtension = apply(text, actions[1]!);
  assert.match(byExtension, /URI: oss:\/\/my-videos\/out\.mp4\n/);
  assert.deepEqual(codes(byExtension), []);
});

test('an empty job offers the job of each Type', () => {
  const { actions } = fixesFor('# my job\n', 'missing-property');
  assert.deepEqual(
    actions.map((a) => a.title),
    [
      'Insert a Retrieval job (snippet highlight-retrieval)',
      'Insert a Concat job (snippet highlight-concat)',
      'Insert a Compose job (snippet highlight-compose)',
    ],
  );
  for (const [i, type] of ['Retrieval', 'Concat', 'Compose'].entries()) {
    const after = apply('# my job\n', actions[i]!);
    assert.ok(after.startsWith('# my job\nProjectName: immtest\n'), after);
    assert.match(after, new RegExp(`\\nType: ${type}\\n`));
    // Only the placeholders are left to replace.
    assert.ok(
      codes(after).every((code) => code === PLACEHOLDER_CODE),
      `${type}: ${codes(after).join(', ')}`,
    );
  }
  assert.match(apply('', actions[0]!), /^ProjectName: immtest\nType: Retrieval\n/);
});

test('a list without effect in its mode: first set the mode to Sequential, then remove the list', () => {
  const edit = (modeLine: string): string =>
    job('Compose', `${OUTPUT}Edit:\n  Mode: Sequential\n${modeLine}  BackgroundMusics:\n    - URI: oss://my-videos/m.mp3\n`);
  const { actions } = fixesFor(edit('  BackgroundMusicMode: Closed\n'), 'background-musics-need-mode');
  assert.deepEqual(
    actions.map((a) => a.title),
    ['Set BackgroundMusicMode to Sequential', 'Remove `BackgroundMusics`'],
  );
  const set = apply(edit('  BackgroundMusicMode: Closed\n'), actions[0]!);
  assert.match(set, /\n {2}BackgroundMusicMode: Sequential\n/);
  assert.deepEqual(codes(set), []);
  // With no mode written, the mode is added just above the list.
  const added = fixed(edit(''), 'background-musics-need-mode', 'Set BackgroundMusicMode to Sequential');
  assert.match(added, /\n {2}Mode: Sequential\n {2}BackgroundMusicMode: Sequential\n {2}BackgroundMusics:\n/);
  assert.deepEqual(codes(added), []);
  for (const [list, mode, item] of [
    ['Transitions', 'TransitionMode', 'Transition: fade'],
    ['VfxEffects', 'VfxEffectMode', 'VfxEffect: letterboxed'],
  ] as const) {
    const text = job('Compose', `${OUTPUT}Edit:\n  Mode: Sequential\n  ${list}:\n    - ${item}\n`);
    const code = list === 'Transitions' ? 'transitions-need-mode' : 'vfx-effects-need-mode';
    assert.deepEqual(
      fixesFor(text, code).actions.map((a) => a.title),
      [`Set ${mode} to Sequential`, `Remove \`${list}\``],
    );
    assert.deepEqual(codes(fixed(text, code, `Set ${mode} to Sequential`)), []);
  }
});

test('a Weight without effect in Sequential mode: first set the mode to Random, then remove the Weight', () => {
  const text = job('Compose', `${OUTPUT}Edit:\n  Mode: Sequential\n  TransitionMode: Sequential\n  Transitions:\n    - Transition: fade\n      Weight: 10\n`);
  const { actions } = fixesFor(text, 'transition-weight-random-only');
  assert.deepEqual(
    actions.map((a) => a.title),
    ['Set TransitionMode to Random', 'Remove `Weight`'],
  );
  const after = apply(text, actions[0]!);
  assert.match(after, /TransitionMode: Random\n/);
  assert.deepEqual(codes(after), []);
});
