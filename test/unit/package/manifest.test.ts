import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_REGION, IMM_REGIONS } from '../../../api/src/endpoint';
import { Commands } from '../../../client/src/commandIds';
import { DESKTOP_CONTEXT_KEY, OUTPUT_CONTEXT, TASKS_VIEW_ID, WEB_CONTEXT_KEY } from '../../../client/src/constants';
import { isJobFileName, JOB_FILE_EXTENSIONS, JOB_FILE_GLOB, JOB_LANGUAGE_ID } from '../../../core/src/shared/jobFiles';

interface MenuItem {
  readonly command: string;
  readonly when?: string;
  readonly group?: string;
}
const manifest = JSON.parse(readFileSync(resolve(__dirname, '../../../package.json'), 'utf8')) as {
  capabilities: { untrustedWorkspaces: { restrictedConfigurations: string[] } };
  contributes: {
    configuration: { properties: Record<string, { scope?: string; default?: unknown; enum?: string[]; enumDescriptions?: string[] }> };
    commands: { command: string; title: string }[];
    languages: { id: string; extensions?: string[]; filenamePatterns?: string[] }[];
    menus: Record<string, MenuItem[]>;
    views: Record<string, { id: string }[]>;
  };
};
const ROOT = resolve(__dirname, '../../..');
// Titles are %key% references into package.nls.json, the English texts VS Code shows by default.
const nls = JSON.parse(readFileSync(resolve(__dirname, '../../../package.nls.json'), 'utf8')) as Record<string, string>;
const nlsZhCn = JSON.parse(readFileSync(resolve(__dirname, '../../../package.nls.zh-cn.json'), 'utf8')) as Record<string, string>;
const english = (text: string | undefined): string | undefined => (text === undefined ? undefined : (nls[/^%(.+)%$/.exec(text)?.[1] ?? ''] ?? text));
const title = (command: string): string | undefined => english(manifest.contributes.commands.find((c) => c.command === command)?.title);

test('File › New File… offers "IMM Highlight Job"', () => {
  const entry = manifest.contributes.menus['file/newFile']?.find((m) => m.command === 'immHighlight.newJob');
  assert.ok(entry);
  assert.equal(title('immHighlight.newJob'), 'IMM Highlight Job');
});

test('immHighlight.endpoint shows in the User tab of remote windows and stays out of untrusted workspaces', () => {
  const scope = manifest.contributes.configuration.properties['immHighlight.endpoint']?.scope;
  // machine and machine-overridable settings are hidden from the (local) User tab in a remote window.
  assert.ok(scope === 'window' || scope === 'resource', scope);
  assert.ok(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations.includes('immHighlight.endpoint'));
});

test('a task in the Highlight Tasks view has Refresh, Open Job File, Show Request and Copy Task ID', () => {
  const onTask = (manifest.contributes.menus['view/item/context'] ?? [])
    .filter((m) => /viewItem =~ \/\^immHighlightTask\//.test(m.when ?? ''))
    .map((m) => title(m.command));
  for (const action of ['Refresh Tasks', 'Open Job File', 'Show Request', 'Copy Task ID', 'Show Task Details'])
    assert.ok(onTask.includes(action), `${action} in ${onTask.join(', ')}`);
});

test('the results commands are on output items of the task view (Preview only on videos) and in the job editor context menu', () => {
  const items = manifest.contributes.menus['view/item/context'] ?? [];
  // The two forms of viewItem clause the manifest uses, evaluated for one context value.
  const matches = (when: string | undefined, viewItem: string): boolean => {
    if (!when?.includes('view == immHighlight.tasks')) return false;
    const equal = /viewItem == ([\w.]+)/.exec(when)?.[1];
    const prefix = /viewItem =~ \/\^([\w.]+)\//.exec(when)?.[1];
    return equal !== undefined ? equal === viewItem : prefix !== undefined && viewItem.startsWith(prefix);
  };
  const on = (viewItem: string): string[] =>
    items.filter((m) => m.group?.startsWith('2_output') && matches(m.when, viewItem)).map((m) => m.command.replace('immHighlight.results.', ''));
  assert.deepEqual(on(OUTPUT_CONTEXT.video), ['openOutput', 'previewOutput', 'downloadOutput', 'copyOutputUri', 'copyPresignedUrl', 'openInConsole']);
  assert.deepEqual(on(OUTPUT_CONTEXT.part), ['openOutput', 'downloadOutput', 'copyOutputUri', 'copyPresignedUrl', 'openInConsole']);
  // The task rows keep theirs (the UI test right-clicks "Succeeded" and runs Preview Output).
  assert.ok(items.some((m) => m.command === 'immHighlight.results.previewOutput' && m.when === 'view == immHighlight.tasks && viewItem == immHighlightTask'));
  const editor = (manifest.contributes.menus['editor/context'] ?? []).filter((m) => m.command.startsWith('immHighlight.results.'));
  assert.deepEqual(
    editor.map((m) => m.command.replace('immHighlight.results.', '')),
    ['openOutput', 'previewOutput', 'downloadOutput'],
  );
  assert.ok(editor.every((m) => m.when === 'editorLangId == imm-highlight && immHighlight.desktop'));
  assert.equal((manifest.contributes.configuration.properties['immHighlight.results.codeLens'] as { default?: unknown }).default, true);
});

test('client/src/commandIds.ts defines exactly the commands package.json contributes, each once', () => {
  const ids = Object.values(Commands);
  const contributed = manifest.contributes.commands.map((c) => c.command);
  assert.equal(new Set(ids).size, ids.length, 'an id defined twice in Commands');
  assert.equal(new Set(contributed).size, contributed.length, 'a command contributed twice');
  assert.deepEqual([...ids].sort(), [...contributed].sort());
  // A menu entry naming no contributed command shows nothing (VS Code only warns).
  for (const [menu, items] of Object.entries(manifest.contributes.menus))
    for (const item of items) assert.ok(contributed.includes(item.command), `${menu}: ${item.command}`);
});

test('no command id is written out in client/src outside commandIds.ts', () => {
  const ids = new Set<string>(Object.values(Commands));
  const sources = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
    );
  const written: string[] = [];
  // String literals only: doc comments name commands in `backticks`.
  for (const file of sources(join(ROOT, 'client/src'))) {
    if (file === join(ROOT, 'client/src/commandIds.ts')) continue;
    for (const [, , id] of readFileSync(file, 'utf8').matchAll(/(['"])(immHighlight\.[\w.]+)\1/g))
      if (ids.has(id!)) written.push(`${file.slice(ROOT.length + 1)}: ${id}`);
  }
  assert.deepEqual(written, []);
});

test('the job language of package.json is the one core/src/shared/jobFiles.ts defines', () => {
  const [language, ...others] = manifest.contributes.languages;
  assert.equal(others.length, 0);
  assert.equal(language?.id, JOB_LANGUAGE_ID);
  assert.deepEqual(language.extensions, [...JOB_FILE_EXTENSIONS]);
  assert.deepEqual(
    language.filenamePatterns,
    JOB_FILE_EXTENSIONS.map((extension) => `*${extension}`),
  );
  assert.ok(JOB_FILE_EXTENSIONS.every(isJobFileName));
  // The glob of the CLI's folder walk and the client's document selector: one brace alternative per extension.
  assert.deepEqual(
    /^\*\*\/\*\.highlight\.\{(.+)\}$/
      .exec(JOB_FILE_GLOB)?.[1]
      ?.split(',')
      .map((ending) => `.highlight.${ending}`),
    [...JOB_FILE_EXTENSIONS],
  );
  // The editor menus name the language in their when clauses.
  for (const items of Object.values(manifest.contributes.menus))
    for (const item of items) for (const [, id] of item.when?.matchAll(/editorLangId == ([\w-]+)/g) ?? []) assert.equal(id, JOB_LANGUAGE_ID, item.command);
});

test('immHighlight.region offers the regions of api/src/endpoint.ts, in its order, each with its name (and a Chinese one)', () => {
  const setting = manifest.contributes.configuration.properties['immHighlight.region'];
  assert.deepEqual(
    setting?.enum,
    IMM_REGIONS.map((region) => region.id),
  );
  assert.equal(setting.default, DEFAULT_REGION);
  const keys = IMM_REGIONS.map((region) => `configuration.region.enumDescriptions.${region.id}`);
  assert.deepEqual(
    setting.enumDescriptions,
    keys.map((key) => `%${key}%`),
  );
  assert.deepEqual(
    keys.map((key) => nls[key]),
    IMM_REGIONS.map((region) => region.name),
  );
  for (const key of keys) assert.ok(nlsZhCn[key], key);
  // No description left behind by a region that went.
  const described = (texts: Record<string, string>): string[] => Object.keys(texts).filter((key) => key.startsWith('configuration.region.enumDescriptions.'));
  assert.deepEqual(described(nls).sort(), [...keys].sort());
  assert.deepEqual(described(nlsZhCn).sort(), [...keys].sort());
});

test('the view id and the context keys of client/src/constants.ts are the ones package.json uses (output items: below)', () => {
  assert.ok(
    Object.values(manifest.contributes.views)
      .flat()
      .some((view) => view.id === TASKS_VIEW_ID),
  );
  const clauses = Object.values(manifest.contributes.menus).flatMap((items) => items.map((item) => item.when ?? ''));
  for (const key of [DESKTOP_CONTEXT_KEY, WEB_CONTEXT_KEY])
    assert.ok(
      clauses.some((when) => new RegExp(`(^|[!\\s(])${key.replace('.', '\\.')}($|[\\s)])`).test(when)),
      key,
    );
});
