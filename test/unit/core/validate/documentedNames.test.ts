import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type CompletionItem, type Diagnostic, type MarkupContent, type TextEdit } from 'vscode-languageserver-types';
import { codeActions } from '../../../../core/src/features/codeActions';
import { DocumentedNameCode } from '../../../../core/src/shared/codes';
import { complete } from '../../../../core/src/features/completion';
import { parseJob } from '../../../../core/src/parse/document';
import { hover } from '../../../../core/src/features/hover';
import { schemaAtPath, type DocumentedNames } from '../../../../core/src/schema/schema';
import { schemaErrors } from '../../../../core/src/schema/schemaValidator';
import { validateJob } from '../../../../core/src/validate/validate';
import { withCursor } from '../../../support/markers';

/** The lists as the reference pages give them, copied by hand with their sources named in the file. */
interface Fixture {
  readonly $comment: string;
  readonly transitions: { readonly title: string; readonly page: string; readonly names: string[]; readonly ffmpegXfadeShortNames: Record<string, string> };
  readonly effects: { readonly title: string; readonly page: string; readonly names: string[] };
  readonly sdkExampleValuesOnNeitherPage: string[];
}

const FIXTURE = JSON.parse(readFileSync(path.resolve(__dirname, '../../../fixtures/documented-names.json'), 'utf8')) as Fixture;
const TRANSITION_PATH = ['Edit', 'Transitions', 0, 'Transition'];
const EFFECT_PATH = ['Edit', 'VfxEffects', 0, 'VfxEffect'];
const URI = 'file:///job.highlight.yaml';

function namesAt(at: readonly (string | number)[]): DocumentedNames {
  const names = schemaAtPath(at)?.['x-documentedNames'];
  assert.ok(names, `no x-documentedNames at ${at.join('.')}`);
  return names;
}

/** A valid Compose job whose Transitions and VfxEffects hold the given names. */
function job(transitions: readonly string[], effects: readonly string[] = []): string {
  const lines = [
    'ProjectName: immtest',
    'Type: Compose',
    'Sources:',
    '  - URI: oss://test-bucket/a.mp4',
    'Edit:',
    '  Mode: Sequential',
    '  TransitionMode: Random',
    '  VfxEffectMode: Random',
  ];
  if (transitions.length) lines.push('  Transitions:', ...transitions.map((name) => `    - Transition: ${name}`));
  if (effects.length) lines.push('  VfxEffects:', ...effects.map((name) => `    - VfxEffect: ${name}`));
  lines.push('Output:', '  URI: oss://test-bucket/out.mp4', '  Container: mp4', '');
  return lines.join('\n');
}

const NAME_CODES: readonly string[] = Object.values(DocumentedNameCode);

function nameDiagnostics(text: string): Diagnostic[] {
  return validateJob(parseJob(text)).filter((d) => NAME_CODES.includes(String(d.code)));
}

function fixOf(text: string, diagnostic: Diagnostic): string | undefined {
  const doc = parseJob(text);
  const actions = codeActions(doc, URI, diagnostic.range, [diagnostic]).filter((action) => action.diagnostics?.length === 1);
  if (actions.length === 0) return undefined;
  assert.equal(actions.length, 1, 'one quick fix');
  assert.equal(actions[0]!.isPreferred, true, 'the fix is preferred');
  const edits = actions[0]!.edit!.changes![URI]! as TextEdit[];
  return TextDocument.applyEdits(TextDocument.create(URI, 'imm-highlight', 1, text), edits);
}

function completeAt(marked: string): CompletionItem[] {
  const { text, position } = withCursor(marked);
  return complete(parseJob(text), position);
}

function hoverText(marked: string): string {
  const { text, position } = withCursor(marked);
  const result = hover(parseJob(text), position);
  assert.ok(result, 'no hover');
  return (result.contents as MarkupContent).value;
}

describe("drift: the documented names in the schema are the pages' lists", () => {
  test('the fixture names its sources and holds 44 transitions and 9 effects', () => {
    assert.match(FIXTURE.$comment, /transition-effect|developer reference/);
    assert.equal(FIXTURE.transitions.names.length, 44);
    assert.equal(FIXTURE.effects.names.length, 9);
    assert.equal(new Set(FIXTURE.transitions.names).size, 44, 'no name twice');
    assert.equal(new Set(FIXTURE.effects.names).size, 9, 'no name twice');
    assert.equal(FIXTURE.transitions.names[0], 'fade');
    assert.equal(FIXTURE.transitions.names[43], 'zoomin');
  });

  test('Edit.Transitions[].Transition carries the transition page, its 44 names in its order, and the xfade short names', () => {
    const names = namesAt(TRANSITION_PATH);
    assert.equal(names.page, 'https://www.alibabacloud.com/help/en/imm/developer-reference/transition-effect');
    assert.equal(names.page, FIXTURE.transitions.page);
    assert.equal(names.title, FIXTURE.transitions.title);
    assert.deepEqual(names.names, FIXTURE.transitions.names);
    assert.deepEqual(names.shortNames, FIXTURE.transitions.ffmpegXfadeShortNames);
    assert.equal(Object.keys(names.shortNames ?? {}).length, 21);
    for (const [short, spelling] of Object.entries(names.shortNames ?? {})) {
      assert.ok(names.names.includes(spelling), `${short} maps to the documented ${spelling}`);
      assert.ok(!names.names.includes(short), `${short} is not itself documented`);
    }
  });

  test('Edit.VfxEffects[].VfxEffect carries the effects page and its 9 names in its order', () => {
    const names = namesAt(EFFECT_PATH);
    assert.equal(names.page, 'https://www.alibabacloud.com/help/en/imm/developer-reference/effects');
    assert.equal(names.page, FIXTURE.effects.page);
    assert.equal(names.title, FIXTURE.effects.title);
    assert.deepEqual(names.names, FIXTURE.effects.names);
    assert.equal(names.shortNames, undefined);
  });

  test('the names are an annotation, not an enum: an undocumented name passes the schema', () => {
    for (const at of [TRANSITION_PATH, EFFECT_PATH]) {
      const schema = schemaAtPath(at)!;
      assert.equal(schema.enum, undefined);
      assert.equal(schema['x-suggestions'], undefined, 'no invented descriptions beside the documented names');
    }
    const request = parseJob(job(['directional'], ['open'])).value;
    assert.deepEqual(schemaErrors(request), []);
  });
});

describe('undocumented names are warnings with the right suggestion', () => {
  test('every documented name is quiet', () => {
    const text = job(FIXTURE.transitions.names.slice(0, 10), FIXTURE.effects.names);
    assert.deepEqual(validateJob(parseJob(text)), []);
    for (let i = 10; i < 44; i += 10) assert.deepEqual(nameDiagnostics(job(FIXTURE.transitions.names.slice(i, i + 10))), []);
  });

  test('each xfade short name warns and its quick fix writes the IMM spelling', () => {
    for (const [short, spelling] of Object.entries(FIXTURE.transitions.ffmpegXfadeShortNames)) {
      const text = job([short]);
      const [diagnostic, ...rest] = nameDiagnostics(text);
      assert.ok(diagnostic, `${short} is not reported`);
      assert.deepEqual(rest, []);
      assert.equal(diagnostic.code, 'undocumented-transition');
      assert.equal(diagnostic.severity, DiagnosticSeverity.Warning);
      assert.match(diagnostic.message, new RegExp(`\`${short}\` is ffmpeg's short name.*\`${spelling}\``));
      assert.equal(fixOf(text, diagnostic), job([spelling]), short);
    }
  });

  test('misspelt names warn at the value, suggest the closest documented name and fix to it', () => {
    const cases: [string, string, string][] = [
      ['transition', 'wipe-left', 'wipeleft'],
      ['transition', 'fadeblak', 'fadeblack'],
      ['transition', 'Fade', 'fade'],
      ['transition', 'circle_open', 'circleopen'],
      ['transition', 'zoom', 'zoomin'],
      ['transition', 'disolve', 'dissolve'],
      ['effect', 'vignete', 'vignette'],
      ['effect', 'letterbox', 'letterboxed'],
      ['effect', 'color-shift', 'colorshift'],
    ];
    for (const [kind, written, expected] of cases) {
      const text = kind === 'transition' ? job([written]) : job([], [written]);
      const [diagnostic] = nameDiagnostics(text);
      assert.ok(diagnostic, `${written} is not reported`);
      assert.equal(diagnostic.code, kind === 'transition' ? 'undocumented-transition' : 'undocumented-vfx-effect');
      assert.equal(diagnostic.severity, DiagnosticSeverity.Warning);
      const line = text.split('\n').findIndex((l) => l.endsWith(`: ${written}`));
      const column = text.split('\n')[line]!.indexOf(written);
      assert.deepEqual(diagnostic.range, { start: { line, character: column }, end: { line, character: column + written.length } });
      assert.match(diagnostic.message, new RegExp(`Did you mean \`${expected}\`\\?`));
      assert.match(diagnostic.message, kind === 'transition' ? /developer-reference\/transition-effect/ : /developer-reference\/effects/);
      const fixed = fixOf(text, diagnostic);
      assert.equal(fixed, kind === 'transition' ? job([expected]) : job([], [expected]));
    }
  });

  test('the first SDK examples directional and open warn without a made-up fix', () => {
    for (const name of FIXTURE.sdkExampleValuesOnNeitherPage) {
      for (const text of [job([name]), job([], [name])]) {
        const [diagnostic, ...rest] = nameDiagnostics(text);
        assert.ok(diagnostic, `${name} is not reported`);
        assert.deepEqual(rest, []);
        assert.equal(diagnostic.severity, DiagnosticSeverity.Warning);
        assert.equal(fixOf(text, diagnostic), undefined, `${name}: no quick fix guesses a name`);
      }
    }
    const [open] = nameDiagnostics(job(['open']));
    assert.match(open!.message, /`circleopen`, `horizontalopen`, `verticalopen`/);
  });

  test('a warning never blocks: a job with only undocumented names has no error', () => {
    const diagnostics = validateJob(parseJob(job(['directional', 'hblur'], ['sparkle'])));
    assert.equal(diagnostics.length, 3);
    assert.ok(diagnostics.every((d) => d.severity === DiagnosticSeverity.Warning));
  });

  test('an empty or non-text name is left to the schema', () => {
    const empty = validateJob(parseJob(job(["''"])));
    assert.deepEqual(
      empty.map((d) => d.code),
      ['too-short'],
    );
    const number = validateJob(parseJob(job(['12'])));
    assert.deepEqual(
      number.map((d) => d.code),
      ['invalid-type'],
    );
  });
});

describe('completion and hover know the documented names', () => {
  test('completion offers every documented transition, and nothing else', () => {
    const items = completeAt('Edit:\n  Transitions:\n    - Transition: |');
    assert.deepEqual(
      items.map((i) => i.label),
      FIXTURE.transitions.names,
    );
    for (const item of items) {
      assert.equal(item.detail, 'documented name');
      assert.match((item.documentation as MarkupContent).value, /\(https:\/\/www\.alibabacloud\.com\/help\/en\/imm\/developer-reference\/transition-effect\)/);
    }
  });

  test('completion offers every documented effect, and nothing else', () => {
    const items = completeAt('Edit:\n  VfxEffects:\n    - Weight: 5\n      VfxEffect: |');
    assert.deepEqual(
      items.map((i) => i.label),
      FIXTURE.effects.names,
    );
    assert.deepEqual(
      completeAt('Edit:\n  VfxEffects:\n  - VfxEffect: l|').map((i) => i.label),
      FIXTURE.effects.names,
    );
  });

  test('the old example values are not offered as documented', () => {
    const offered = [...completeAt('Edit:\n  Transitions:\n    - Transition: |'), ...completeAt('Edit:\n  VfxEffects:\n    - VfxEffect: |')].map(
      (i) => i.label,
    );
    for (const name of FIXTURE.sdkExampleValuesOnNeitherPage) assert.ok(!offered.includes(name), name);
  });

  test('hover on a documented value says so and links the page', () => {
    const text = hoverText('Edit:\n  Transitions:\n    - Transition: wipe|left\n');
    assert.match(
      text,
      /`wipeleft` is a documented name: see \[Transition effects\]\(https:\/\/www\.alibabacloud\.com\/help\/en\/imm\/developer-reference\/transition-effect\)/,
    );
    const effect = hoverText('Edit:\n  VfxEffects:\n    - VfxEffect: vign|ette\n');
    assert.match(effect, /`vignette` is a documented name: see \[Effects\]\(https:\/\/www\.alibabacloud\.com\/help\/en\/imm\/developer-reference\/effects\)/);
  });

  test('hover on an undocumented value says it is not documented and links the page', () => {
    const text = hoverText('Edit:\n  Transitions:\n    - Transition: direc|tional\n');
    assert.match(
      text,
      /`directional` is not a documented name: see \[Transition effects\]\(https:\/\/www\.alibabacloud\.com\/help\/en\/imm\/developer-reference\/transition-effect\)/,
    );
    assert.doesNotMatch(text, /`directional` is a documented/);
  });

  test('hover lists the names without inventing what they do', () => {
    const text = hoverText('Edit:\n  Transitions:\n    - Transi|tion: fade\n');
    assert.match(text, /Documented names \(44, \[Transition effects\]/);
    for (const name of FIXTURE.transitions.names) assert.ok(text.includes(`\`${name}\``), name);
    // The pages give names only: no "— meaning" after any of them.
    assert.doesNotMatch(text, /`fade` —/);
    assert.doesNotMatch(text, /letterbox bars|a fade transition/);
  });
});
