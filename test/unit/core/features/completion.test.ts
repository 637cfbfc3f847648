import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type MarkupContent, type TextEdit } from 'vscode-languageserver-types';
import { complete } from '../../../../core/src/features/completion';
import { parseJob, type JsonPath } from '../../../../core/src/parse/document';
import { offsetOf } from '../../../../core/src/parse/positions';
import { REQUEST_SCHEMA, resolveSchema, schemaAtPath, type SchemaNode } from '../../../../core/src/schema/schema';
import { withCursor } from '../../../support/markers';
import { jobTemplates } from '../../../../client/src/newJob/templates';
import { liveCompletionFrom } from '../../../../server/src/languageServer';

function completeAt(marked: string): CompletionItem[] {
  const { text, position } = withCursor(marked);
  return complete(parseJob(text), position);
}

const labels = (items: readonly CompletionItem[]): string[] => items.map((item) => item.label);
const edit = (item: CompletionItem): TextEdit => item.textEdit as TextEdit;
const item = (items: readonly CompletionItem[], label: string): CompletionItem => {
  const found = items.find((candidate) => candidate.label === label);
  assert.ok(found, `no completion ${label} among ${labels(items).join(', ')}`);
  return found;
};

/** The snippet as it reads once accepted: first choice of each choice, placeholders emptied. */
function expandSnippet(snippet: string): string {
  return snippet
    .replace(/\$\{\d+\|([^,|]*)[^}]*\|\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\d+/g, '');
}

/** The text after accepting a completion. */
function accept(marked: string, label: string): string {
  const { text, position } = withCursor(marked);
  const doc = parseJob(text);
  const chosen = item(complete(doc, position), label);
  const { range, newText } = edit(chosen);
  const inserted = chosen.insertTextFormat === InsertTextFormat.Snippet ? expandSnippet(newText) : newText;
  return text.slice(0, offsetOf(doc, range.start)) + inserted + text.slice(offsetOf(doc, range.end));
}

// ------------------------------------------------------------------------------ every enum of the schema

/** Every path of the schema whose value is an enum, list items as index 0, walked from the schema itself. */
function enumPaths(): { path: JsonPath; schema: SchemaNode }[] {
  const found: { path: JsonPath; schema: SchemaNode }[] = [];
  const walk = (schema: SchemaNode, path: JsonPath, depth: number): void => {
    const node = resolveSchema(schema);
    if (depth > 12) return;
    if (node.enum) found.push({ path, schema: node });
    for (const [key, property] of Object.entries(node.properties ?? {})) walk(property, [...path, key], depth + 1);
    if (node.items) walk(node.items, [...path, 0], depth + 1);
  };
  walk(REQUEST_SCHEMA, [], 0);
  return found;
}

/** YAML that reaches a path, ending with `Key: |` (or `Key:` + `suffix`); lists written `- Key`. */
function yamlAt(path: JsonPath, suffix: string, compactLists = false): string {
  let text = '';
  let indent = 0;
  let pendingDash = false;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    if (typeof segment === 'number') {
      pendingDash = true;
      continue;
    }
    const last = i === path.length - 1;
    const lead = pendingDash ? `${' '.repeat(indent)}- ` : ' '.repeat(indent);
    if (pendingDash) indent += 2;
    pendingDash = false;
    text += `${lead}${segment}:${last ? suffix : '\n'}`;
    const nextIsList = typeof path[i + 1] === 'number';
    if (!last) indent += nextIsList && compactLists ? 0 : 2;
  }
  return text;
}

const ENUM_PATHS = enumPaths();

test('the schema has enums at the root, nested, and inside list items (the generator finds them)', () => {
  const names = ENUM_PATHS.map(({ path }) => path.join('.'));
  assert.ok(names.includes('Type'));
  assert.ok(names.includes('Edit.BackgroundMusicMode'));
  assert.ok(names.includes('Output.Video.TranscodeVideo.Rotation'));
  assert.ok(names.includes('Output.Video.FilterVideo.Watermarks.0.FontName'));
  assert.ok(names.includes('CredentialConfig.Chain.0.RoleType'));
  assert.ok(ENUM_PATHS.length >= 25, `only ${ENUM_PATHS.length} enum paths`);
});

for (const { path, schema } of ENUM_PATHS) {
  const name = path.map((segment) => (typeof segment === 'number' ? '[]' : segment)).join('.');

  test(`offers exactly the values of ${name} at its value, with their meanings`, () => {
    for (const compact of [false, true]) {
      const marked = yamlAt(path, ' |', compact);
      const items = completeAt(marked);
      assert.deepEqual(labels(items), schema.enum!.map(String), marked);
      items.forEach((completion, i) => {
        assert.equal(completion.kind, CompletionItemKind.EnumMember);
        assert.ok(completion.detail);
        const value = schema.enum![i]!;
        // Numbers are inserted as numbers, strings as plain YAML strings.
        assert.equal(parseJob(`x: ${edit(completion).newText}`).value && (parseJob(`x: ${edit(completion).newText}`).value as { x: unknown }).x, value);
        if (schema.enumDescriptions) {
          // The meaning is the detail, beside the label; the documentation says the rest: type, field, default.
          const meaning = completion.detail!.replace(/ \(default\)$/, '');
          assert.ok(schema.enumDescriptions[i]!.includes(meaning), `${meaning} vs ${schema.enumDescriptions[i]}`);
          assert.doesNotMatch(completion.detail!, /^(string|number|integer)$/);
          const documentation = (completion.documentation as MarkupContent).value;
          assert.match(documentation, /^\*(string|number|integer)\*\n\n/);
          const sentence = schema.description!.replace(/\s*Valid values: [^.]*\./, '').split('. ')[0]!;
          assert.ok(documentation.includes(sentence), `${documentation} lacks ${sentence}`);
          if (schema.default !== undefined) assert.ok(documentation.includes(`Default: \`${String(schema.default)}\``), documentation);
        }
      });
    }
  });

  test(`a partial value of ${name} is replaced`, () => {
    const first = String(schema.enum![0]);
    const marked = yamlAt(path, ` ${first.slice(0, 1)}|${first.slice(1, 2)}`);
    const { text, position } = withCursor(marked);
    const items = complete(parseJob(text), position);
    assert.deepEqual(labels(items), schema.enum!.map(String));
    const range = edit(items[0]!).range;
    assert.deepEqual(range.end, { line: position.line, character: position.character + first.slice(1, 2).length });
    assert.deepEqual(range.start, { line: position.line, character: position.character - 1 });
  });

  test(`the key ${name} is offered with its values as snippet choices`, () => {
    const parentPath = path.slice(0, -1);
    const key = path[path.length - 1] as string;
    // The cursor on a fresh line of the parent mapping: a new list item or a line under the parent key.
    let marked: string;
    if (parentPath.length === 0) marked = '|';
    else if (typeof parentPath[parentPath.length - 1] === 'number')
      marked = yamlAt(parentPath.slice(0, -1), '\n') + `${' '.repeat(2 * (parentPath.length - 1))}- |`;
    else marked = yamlAt(parentPath, '\n') + `${' '.repeat(2 * parentPath.length + 2 * parentPath.filter((s) => typeof s === 'number').length)}|`;
    const completion = item(completeAt(marked), key);
    assert.equal(completion.kind, CompletionItemKind.Property);
    assert.equal(completion.insertTextFormat, InsertTextFormat.Snippet);
    assert.equal(edit(completion).newText, `${key}: \${1|${schema.enum!.map(String).join(',')}|}`);
  });
}

// ----------------------------------------------------------------------------------------- context cases

test('root Mode offers Scene and Average; Edit.Mode only Sequential; BackgroundMusicMode no Auto; Type its three', () => {
  assert.deepEqual(labels(completeAt('Mode: |')), ['Scene', 'Average']);
  assert.deepEqual(labels(completeAt('Type: Retrieval\nEdit:\n  Mode: |\n')), ['Sequential']);
  assert.deepEqual(labels(completeAt('Edit:\n  Mode: Sequential\n  BackgroundMusicMode: |')), ['Random', 'Sequential', 'Closed']);
  assert.deepEqual(labels(completeAt('Edit:\n  TransitionMode: |')), ['Auto', 'Random', 'Sequential', 'Closed']);
  assert.deepEqual(labels(completeAt('ProjectName: p\nType: |\nSources: []')), ['Retrieval', 'Concat', 'Compose']);
});

test('Type values say what each job does, in the same words as the New File picker', () => {
  const details = Object.fromEntries(completeAt('ProjectName: p\nType: |\nSources: []').map((item) => [item.label, item.detail]));
  assert.equal(details.Concat, 'joins clips of videos into one; StartTime and Duration pick each clip.');
  const templates = jobTemplates();
  for (const type of ['Retrieval', 'Concat', 'Compose']) {
    const template = templates.find((candidate) => candidate.body.includes(`Type: ${type}\n`));
    assert.equal(template?.description, `A ${type} job: ${details[type]}`);
  }
});

test('free strings offer their suggestions: Highlight.Content, Transition, VfxEffect', () => {
  const content = completeAt('Highlight:\n  Content: |');
  assert.deepEqual(labels(content), ['Pets', 'People', 'Sports', 'Meetings', '宠物', '人物', '运动', '会议']);
  assert.ok(content.every((completion) => completion.kind === CompletionItemKind.Value && completion.documentation));
  // The documented names (test/unit/core/validate/documentedNames.test.ts pins them to the reference pages).
  assert.equal(labels(completeAt('Edit:\n  Transitions:\n    - Transition: |')).length, 44);
  assert.equal(labels(completeAt('Edit:\n  VfxEffects:\n    - Weight: 5\n      VfxEffect: |')).length, 9);
  assert.ok(labels(completeAt('Edit:\n  VfxEffects:\n  - VfxEffect: l|')).includes('letterboxed'));
});

test('booleans offer true and false, inserted as booleans', () => {
  const items = completeAt('Output:\n  Video:\n    DisableVideo: |');
  assert.deepEqual(labels(items), ['true', 'false']);
  assert.deepEqual(
    items.map((completion) => edit(completion).newText),
    ['true', 'false'],
  );
  assert.match(items[1]!.detail ?? '', /default/);
});

test('numbers with a default offer it; examples show the format of a URI', () => {
  assert.deepEqual(labels(completeAt('Edit:\n  BackgroundMusics:\n    - URI: oss://b/m.mp3\n      Volume: |')), ['0.2']);
  assert.equal(edit(item(completeAt('Output:\n  Speed: |'), '1')).newText, '1');
  assert.deepEqual(labels(completeAt('Output:\n  URI: |')), ['oss://test-bucket/test-target-object.mp4']);
  // A sample project name would only mislead.
  assert.deepEqual(completeAt('ProjectName: |'), []);
});

test('the example OSS URI names a made-up bucket: gone once a bucket is typed, and sorted after live items before', () => {
  const before = item(completeAt('Sources:\n  - URI: oss://|'), 'oss://test-bucket/test-object');
  // The live items of the editor (buckets, folders, objects) sort as `0-…` to `5-…`.
  assert.ok(before.sortText! > '5-~', before.sortText);
  assert.ok(!before.preselect);
  assert.deepEqual(labels(completeAt('Sources:\n  - URI: oss://my-videos/|')), []);
  assert.deepEqual(labels(completeAt('Output:\n  URI: "oss://my-videos/clips/|"')), []);
});

test('with live values in the editor, the ProjectName key opens the value suggestions at once, as Type does', () => {
  const { text, position } = withCursor('|\nType: Retrieval\n');
  const live = complete(parseJob(text), position, { liveValues: true });
  assert.deepEqual(item(live, 'ProjectName').command, { title: 'Suggest', command: 'editor.action.triggerSuggest' });
  assert.equal(item(live, 'Sources').command, undefined);
  // An editor that did not say it completes values live gets no command it may not know.
  assert.equal(item(complete(parseJob(text), position), 'ProjectName').command, undefined);
  assert.deepEqual(liveCompletionFrom({ liveCompletion: true }), { liveValues: true });
  assert.deepEqual(liveCompletionFrom({ locale: 'en' }), {});
});

test('a value right after the colon gets a space; a quoted value keeps its quotes', () => {
  assert.equal(accept('Type:|', 'Concat'), 'Type: Concat');
  assert.equal(accept('Type: "Re|"', 'Retrieval'), 'Type: "Retrieval"');
  assert.equal(accept("Type: 'C|'", 'Compose'), "Type: 'Compose'");
  assert.equal(accept('Type: Re|trieval # the kind', 'Concat'), 'Type: Concat # the kind');
});

test('no values for objects, lists, unknown keys, comments and block scalars', () => {
  assert.deepEqual(completeAt('Output: |'), []);
  assert.deepEqual(completeAt('Sources: |'), []);
  assert.deepEqual(completeAt('Colour: |'), []);
  assert.deepEqual(completeAt('Type: Concat # |'), []);
  assert.deepEqual(completeAt('# Ty|'), []);
  assert.deepEqual(completeAt('UserData: |\n  Ty|'), []);
});

// -------------------------------------------------------------------------------------------------- keys

test('an empty file offers every root key, required first in schema order', () => {
  // The whole-job snippets beside them are snippet-completion.test.ts's.
  const items = completeAt('|').filter((candidate) => candidate.kind !== CompletionItemKind.Snippet);
  const sorted = [...items].sort((a, b) => (a.sortText! < b.sortText! ? -1 : 1));
  assert.deepEqual(labels(sorted), [
    'ProjectName',
    'Type',
    'Sources',
    'Output',
    'Mode',
    'Highlight',
    'Edit',
    'UserData',
    'Tags',
    'CredentialConfig',
    'Notification',
  ]);
  for (const completion of items) {
    assert.equal(completion.kind, CompletionItemKind.Property);
    const doc = completion.documentation as MarkupContent;
    assert.equal(doc.kind, 'markdown');
    assert.ok(doc.value.length > 20);
  }
  assert.match((item(items, 'Mode').documentation as MarkupContent).value, /Average.*Default: `Average`/s);
  assert.match(item(items, 'Type').detail!, /required/);
});

test('keys already present are not offered again, above or below the cursor', () => {
  const items = completeAt('ProjectName: p\n|\nType: Concat\nOutput:\n  URI: oss://b/o.mp4\n');
  assert.deepEqual(labels(items).sort(), ['CredentialConfig', 'Edit', 'Highlight', 'Mode', 'Notification', 'Sources', 'Tags', 'UserData']);
});

test('nested keys: the indentation of the line decides the parent, even before the YAML is valid', () => {
  assert.deepEqual(labels(completeAt('Output:\n  URI: oss://b/o.mp4\n  |\nType: Concat\n')).slice(0, 2), ['Container', 'Speed']);
  // `  Tr` is a plain scalar to the parser while it is typed.
  const typing = completeAt('Type: Concat\nOutput:\n  Container: mp4\n  Vi|\nSources:\n  - URI: oss://b/a.mp4\n');
  assert.deepEqual(labels(typing), ['URI', 'Speed', 'MaxDuration', 'Segment', 'Video', 'Audio']);
  assert.deepEqual(edit(typing[0]!).range, { start: { line: 3, character: 2 }, end: { line: 3, character: 4 } });
  // Back at column 0 below a nested mapping: root keys again.
  assert.ok(labels(completeAt('Output:\n  URI: oss://b/o.mp4\nTy|')).includes('Type'));
  assert.ok(!labels(completeAt('Output:\n  URI: oss://b/o.mp4\nTy|')).includes('Output'));
  // Deeper levels.
  assert.deepEqual(labels(completeAt('Output:\n  Video:\n    TranscodeVideo:\n      Codec: h264\n      |')).slice(0, 3), [
    'Resolution',
    'AdaptiveResolutionDirection',
    'ResolutionOption',
  ]);
});

test('list items: `- |` offers the keys of an item, and the next key of an item skips those it has', () => {
  const keysOnly = (items: CompletionItem[]): CompletionItem[] => items.filter((candidate) => candidate.kind !== CompletionItemKind.Snippet);
  assert.deepEqual(labels(keysOnly(completeAt('Sources:\n  - |'))), ['URI', 'StartTime', 'Duration']);
  assert.deepEqual(labels(completeAt('Sources:\n  - URI: oss://b/a.mp4\n    |')), ['StartTime', 'Duration']);
  assert.deepEqual(labels(completeAt('Sources:\n  - URI: oss://b/a.mp4\n  - StartTime: 1\n    D|')), ['URI', 'Duration']);
  // Compact lists (dash at the key's column) and several items.
  assert.deepEqual(labels(completeAt('Sources:\n- URI: oss://b/a.mp4\n- URI: oss://b/b.mp4\n  |\nType: Concat')), ['StartTime', 'Duration']);
  // A list nested in a list item.
  assert.deepEqual(labels(completeAt('Output:\n  Video:\n    FilterVideo:\n      Watermarks:\n        - Type: text\n          Content: hi\n          Font|')), [
    'URI',
    'FontName',
    'FontSize',
    'FontColor',
    'BorderColor',
    'BorderWidth',
    'FontApha',
    'ReferPos',
    'Dx',
    'Dy',
    'Width',
    'Height',
    'StartTime',
    'Duration',
  ]);
  assert.deepEqual(labels(completeAt('CredentialConfig:\n  Chain:\n    - Role: r\n    - |')), ['Role', 'RoleType', 'AssumeRoleFor']);
});

test('a partial key is replaced, up to the end of the word', () => {
  const { text, position } = withCursor('Type: Concat\nOut|pu\n');
  const items = complete(parseJob(text), position);
  assert.deepEqual(edit(item(items, 'Output')).range, { start: { line: 1, character: 0 }, end: { line: 1, character: 5 } });
  assert.equal(accept('Type: Concat\nOut|\n', 'Output'), 'Type: Concat\nOutput:\n  \n');
  // Inside a key that has its colon only the name changes.
  assert.equal(accept('Output:\n  Sp|ed: 1\n', 'Speed'), 'Output:\n  Speed: 1\n');
  assert.equal(accept('Mo|: Scene', 'Mode'), 'Mode: Scene');
});

test('snippets: scalar, enum choices, nested mapping, and lists that start with their required key', () => {
  const root = completeAt('|');
  assert.equal(edit(item(root, 'ProjectName')).newText, 'ProjectName: $1');
  assert.equal(edit(item(root, 'Type')).newText, 'Type: ${1|Retrieval,Concat,Compose|}');
  assert.equal(edit(item(root, 'Output')).newText, 'Output:\n  $1');
  assert.equal(edit(item(root, 'Sources')).newText, 'Sources:\n  - URI: $1');
  assert.ok(root.every((completion) => completion.insertTextFormat === InsertTextFormat.Snippet));
  const edit1 = completeAt('Edit:\n  |');
  assert.equal(edit(item(edit1, 'Transitions')).newText, 'Transitions:\n    - Transition: $1');
  assert.equal(edit(item(edit1, 'BackgroundMusics')).newText, 'BackgroundMusics:\n    - URI: $1');
  // The indentation is absolute: a key after `- ` nests under the key, not under the dash.
  assert.equal(
    accept('Output:\n  Video:\n    FilterVideo:\n      Watermarks:\n        - |', 'FontName'),
    'Output:\n  Video:\n    FilterVideo:\n      Watermarks:\n        - FontName: SourceHanSans-Regular',
  );
});

test('nested snippets keep the file’s indentation step and give valid YAML', () => {
  const accepted = accept('Output:\n    URI: oss://b/o.mp4\n    |', 'Video');
  assert.equal(accepted, 'Output:\n    URI: oss://b/o.mp4\n    Video:\n        ');
  const list = accept('Sources:\n  - URI: oss://b/a.mp4\nEdit:\n  Mode: Sequential\n  |', 'Transitions');
  assert.deepEqual((parseJob(`${list}fade`).value as { Edit: unknown }).Edit, { Mode: 'Sequential', Transitions: [{ Transition: 'fade' }] });
  const inItem = accept('Output:\n  Video:\n    FilterVideo:\n      Watermarks:\n        - |', 'URI');
  assert.equal(inItem, 'Output:\n  Video:\n    FilterVideo:\n      Watermarks:\n        - URI: ');
});

test('scalar list items offer values; free keys (Tags) offer nothing', () => {
  assert.deepEqual(completeAt('Output:\n  Video:\n    Stream:\n      - |'), []);
  assert.deepEqual(completeAt('Tags:\n  |'), []);
  assert.deepEqual(completeAt('Bogus:\n  |'), []);
});

test('completion in a 40-line job reuses the items built for each schema node; only their ranges are new', () => {
  const job = `ProjectName: immtest
Type: Concat
Mode: Average
Sources:
  - URI: oss://test-bucket/a.mp4
    StartTime: 0
    Duration: 10
  - URI: oss://test-bucket/b.mp4
    StartTime: 5
Highlight:
  Content: Pets
Edit:
  Mode: Sequential
  BackgroundMusicMode: Random
  BackgroundMusics:
    - URI: oss://test-bucket/m.mp3
      Volume: 0.2
  TransitionMode: Sequential
  Transitions:
    - Transition: fade
      Duration: 1
  VfxEffectMode: Closed
Output:
  URI: oss://test-bucket/out.mp4
  Container: mp4
  Speed: 1.0
  Video:
    TranscodeVideo:
      Codec: h264
      Resolution: 1280x720
      |
    FilterVideo:
      Watermarks:
        - Type: text
          Content: hello
  Audio:
    TranscodeAudio:
      Codec: aac
UserData: '{"ID": "x"}'
Tags:
  test: val1
`;
  const { text, position } = withCursor(job);
  const doc = parseJob(text);
  const valuePosition = { line: 13, character: 23 };
  // What keeps completion cheap (the benchmarks measure how cheap): the documentation of each item is built once
  // per schema node and shared by every later call, in this document and in the next version of it.
  const first = complete(doc, position);
  const again = complete(parseJob(text), position);
  assert.deepEqual(again, first);
  assert.ok(first.length > 0);
  first.forEach((completion, i) => {
    if (completion.documentation) assert.equal(again[i]!.documentation, completion.documentation, `${completion.label}: documentation rebuilt`);
  });
  assert.ok(
    first.some((completion) => completion.documentation),
    'the items carry documentation',
  );
  assert.ok(labels(complete(doc, position)).includes('FrameRate'));
  assert.deepEqual(labels(complete(doc, valuePosition)), ['Random', 'Sequential', 'Closed']);
  assert.ok(schemaAtPath(['Output', 'Video', 'TranscodeVideo']));
});

test('at the column of a list’s dashes each key starts a new item; right after a dash a space is added', () => {
  assert.equal(accept('Sources:\n  - URI: oss://b/a.mp4\n  |', 'URI'), 'Sources:\n  - URI: oss://b/a.mp4\n  - URI: ');
  assert.equal(accept('Edit:\n  Transitions:\n    - Transition: fade\n    |', 'Weight'), 'Edit:\n  Transitions:\n    - Transition: fade\n    - Weight: ');
  assert.equal(accept('Sources:\n  -|', 'URI'), 'Sources:\n  - URI: ');
  // A dash under a mapping is no list the schema knows.
  assert.deepEqual(completeAt('Output:\n  Video:\n    -|'), []);
});

test('at every position of broken and valid jobs, edits stay on the cursor line and hold the cursor', async () => {
  const fc = (await import('fast-check')).default;
  const pieces = [
    'ProjectName: p\n',
    'Type: Concat\n',
    'Type:',
    'Mode: ',
    'Sources:\n',
    '  - URI: oss://b/a.mp4\n',
    '  - ',
    '- ',
    '    StartTime: 1\n',
    'Output:\n',
    '  URI: x\n',
    '  Tr',
    '  Video:\n',
    '    TranscodeVideo:\n',
    '      Codec: "h2',
    '\n',
    '\r\n',
    '# note\n',
    'UserData: |\n',
    '  text: here\n',
    'Edit: {Mode: Seq',
    '  -',
    ' # c',
    "'q",
    ':',
    '\t',
    'Tags:\n  a: b\n',
  ];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (chosen) => {
      const text = chosen.join('');
      const doc = parseJob(text);
      for (let offset = 0; offset <= text.length; offset++) {
        if (text[offset - 1] === '\r') continue; // no editor position between \r and \n
        const position = doc.lineCounter.linePos(offset);
        const at = { line: position.line - 1, character: position.col - 1 };
        const items = complete(doc, at);
        const seen = new Set<string>();
        for (const completion of items) {
          assert.ok(!seen.has(completion.label), `duplicate ${completion.label}`);
          seen.add(completion.label);
          const { range } = edit(completion);
          assert.equal(range.start.line, at.line);
          assert.equal(range.end.line, at.line);
          assert.ok(range.start.character <= at.character && at.character <= range.end.character, JSON.stringify({ text, at, range }));
        }
      }
    }),
    { numRuns: 400 },
  );
});
