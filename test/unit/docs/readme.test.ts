import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

const readme = readFileSync(path.resolve(__dirname, '../../../README.md'), 'utf8');

test('the README documents every setting and command of the manifest', () => {
  const manifest = JSON.parse(readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8')) as {
    contributes: { configuration: { properties: Record<string, unknown> }; commands: { command: string; title: string }[] };
  };
  for (const setting of Object.keys(manifest.contributes.configuration.properties)) assert.ok(readme.includes(`\`${setting}\``), setting);
  // The commands that hand tests plain data are hidden from the palette and not for users.
  const dataOnly = ['immHighlight.tasks.history', 'immHighlight.storyboard.state'];
  const palette = manifest.contributes.commands.filter((command) => !dataOnly.includes(command.command));
  // Titles are %key% references into package.nls.json, the English texts VS Code shows by default.
  const nls = JSON.parse(readFileSync(path.resolve(__dirname, '../../../package.nls.json'), 'utf8')) as Record<string, string>;
  const english = (text: string): string => nls[/^%(.+)%$/.exec(text)?.[1] ?? ''] ?? text;
  for (const { title } of palette) assert.ok(readme.includes(english(title)), english(title));
});
