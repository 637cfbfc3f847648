import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { DocumentedNameCode, SchemaCode, YamlCode } from '../../../core/src/shared/codes';
import { PLACEHOLDER_RULE } from '../../../core/src/validate/placeholders';
import { API_RULES } from '../../../core/src/validate/rules';
import { CLOUD_SEVERITIES } from '../../../core/src/cloud/codes';

const readme = readFileSync(path.resolve(__dirname, '../../../README.md'), 'utf8');
const listedCodes = new Map([...readme.matchAll(/^\| `([a-z-]+)` \| (error|warning) \|/gm)].map((m) => [m[1]!, m[2]!]));

test('the README lists every diagnostic code with its severity', () => {
  const codes = new Map<string, string>([
    ...Object.values(YamlCode).map((code): [string, string] => [code, 'error']),
    ...Object.values(SchemaCode).map((code): [string, string] => [code, 'error']),
    ...[...API_RULES, PLACEHOLDER_RULE].map((rule): [string, string] => [rule.code, rule.severity]),
    ...Object.values(DocumentedNameCode).map((code): [string, string] => [code, 'warning']),
    ...Object.entries(CLOUD_SEVERITIES),
  ]);
  for (const [code, severity] of codes) assert.equal(listedCodes.get(code), severity, `README row for ${code}`);
  for (const code of listedCodes.keys()) assert.ok(codes.has(code), `README lists ${code}, which no check reports`);
});

test('the README documents every setting and command of the manifest', () => {
  const manifest = JSON.parse(readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8')) as {
    contributes: { configuration: { properties: Record<string, unknown> }; commands: { command: string; title: string }[] };
  };
  for (const setting of Object.keys(manifest.contributes.configuration.properties)) assert.ok(readme.includes(`\`${setting}\``), setting);
  const palette = manifest.contributes.commands.filter((command) => command.command !== 'immHighlight.tasks.history');
  // Titles are %key% references into package.nls.json, the English texts VS Code shows by default.
  const nls = JSON.parse(readFileSync(path.resolve(__dirname, '../../../package.nls.json'), 'utf8')) as Record<string, string>;
  const english = (text: string): string => nls[/^%(.+)%$/.exec(text)?.[1] ?? ''] ?? text;
  for (const { title } of palette) assert.ok(readme.includes(english(title)), english(title));
});
