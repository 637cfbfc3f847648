/**
 * Issue 19, items 2 and 15, as the manifest states them: a new job is proposed and reopened as a job, the Highlight
 * Tasks view and the New File entry show before any job is opened, and the Getting Started walkthrough is complete.
 * (The UI test saves a new job in code-server and reopens it.)
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../..');
const read = (name: string): unknown => JSON.parse(readFileSync(join(ROOT, name), 'utf8'));
interface Manifest {
  activationEvents: string[];
  contributes: {
    languages: { id: string; extensions?: string[]; firstLine?: string }[];
    views: { explorer: { id: string; when?: string }[] };
    viewsWelcome: { view: string; contents: string; when?: string }[];
    menus: Record<string, { command: string; when?: string }[]>;
    walkthroughs?: {
      id: string;
      title: string;
      description: string;
      steps: { id: string; title: string; description: string; media: { markdown?: string }; completionEvents?: string[] }[];
    }[];
  };
}
const manifest = read('package.json') as Manifest;
const nls = read('package.nls.json') as Record<string, string>;
const nlsZh = read('package.nls.zh-cn.json') as Record<string, string>;
const text = (value: string, bundle: Record<string, string>): string => value.replace(/^%(.+)%$/, (_, key: string) => bundle[key] ?? `MISSING ${key}`);

describe('the first hour, in the manifest', () => {
  const language = manifest.contributes.languages.find((entry) => entry.id === 'imm-highlight')!;

  it('gives the language an extension, the first of which VS Code appends to the name it proposes for a new job', () => {
    assert.equal(language.extensions?.[0], '.highlight.yaml');
    assert.ok(language.extensions?.includes('.highlight.yml'));
  });

  it('recognises a job saved without an extension by its first line', () => {
    const firstLine = new RegExp(language.firstLine ?? '(?!)');
    assert.ok(firstLine.test('ProjectName: immtest'));
    assert.ok(firstLine.test('# yaml-language-server: $schema=https://example.com/highlight-task.schema.json'));
    for (const other of ['name: ci', 'projectName: x', '# a comment', 'apiVersion: v1']) assert.ok(!firstLine.test(other), other);
  });

  it('shows the Highlight Tasks view and the New File entry before the extension is active (no key set at activation)', () => {
    const view = manifest.contributes.views.explorer.find((entry) => entry.id === 'immHighlight.tasks')!;
    assert.equal(view.when, '!immHighlight.web');
    assert.equal(manifest.contributes.menus['file/newFile']!.find((entry) => entry.command === 'immHighlight.newJob')?.when, '!immHighlight.web');
    assert.ok(manifest.activationEvents.includes('onView:immHighlight.tasks'));
    const welcome = manifest.contributes.viewsWelcome.find((entry) => entry.view === 'immHighlight.tasks')!;
    for (const bundle of [nls, nlsZh]) assert.match(text(welcome.contents, bundle), /\]\(command:immHighlight\.newJob\)/);
  });

  it('has a Getting Started walkthrough: create, check against the cloud, submit, open the result; every text in both languages', () => {
    const [walkthrough] = manifest.contributes.walkthroughs ?? [];
    assert.ok(walkthrough, 'contributes.walkthroughs');
    assert.deepEqual(
      walkthrough.steps.map((step) => step.completionEvents),
      [
        ['onCommand:immHighlight.newJob'],
        ['onCommand:immHighlight.checkCloud'],
        ['onCommand:immHighlight.submitTask'],
        ['onCommand:immHighlight.results.previewOutput'],
      ],
    );
    const vscodeignore = readFileSync(join(ROOT, '.vscodeignore'), 'utf8');
    for (const step of walkthrough.steps) {
      const media = step.media.markdown!;
      assert.ok(existsSync(join(ROOT, media)), media);
      assert.match(vscodeignore, /^!media\/walkthrough\/\*\.md$/m, 'the .vsix holds the media');
    }
    for (const value of [walkthrough.title, walkthrough.description, ...walkthrough.steps.flatMap((step) => [step.title, step.description])]) {
      for (const bundle of [nls, nlsZh]) assert.doesNotMatch(text(value, bundle), /MISSING|^%/, value);
    }
  });
});
