// What "translated throughout" means, checked in one place: messages in the sources against l10n/ (and texts that
// skip t(…) altogether), manifest
// strings against package.nls*.json, schema texts against the table beside the schema, snippet names and
// descriptions against the table beside the snippets.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { schemaTexts } from '../../core/src/schema/texts';
import { bundleProblems, placeholders, scanMessages } from './messages';
import { rawTextProblems } from './rawTexts';

const readJson = (root: string, file: string): unknown => JSON.parse(readFileSync(join(root, file), 'utf8'));

/** The languages we ship besides English, each with its message bundle, manifest strings and schema texts. */
export const LOCALES = ['zh-cn'] as const;

/** Manifest fields people read: VS Code shows them in the language of the UI when they are `%key%` references. */
const MANIFEST_TEXT_FIELDS = new Set([
  'displayName',
  'description',
  'markdownDescription',
  'enumDescriptions',
  'markdownEnumDescriptions',
  'deprecationMessage',
  'markdownDeprecationMessage',
  'title',
  'category',
  'name',
  'contextualTitle',
  'contents',
  'label',
  'shortTitle',
]);

function manifestProblems(root: string): string[] {
  const problems: string[] = [];
  const manifest = readJson(root, 'package.json') as Record<string, unknown>;
  const keys = new Set<string>();
  const visit = (value: unknown, path: string, field: string | undefined): void => {
    if (typeof value === 'string') {
      const reference = /^%(.+)%$/.exec(value);
      if (reference) keys.add(reference[1]!);
      else if (field && MANIFEST_TEXT_FIELDS.has(field)) problems.push(`package.json ${path}: ${JSON.stringify(value)} is not a %key% of package.nls.json`);
    } else if (Array.isArray(value)) value.forEach((item, i) => visit(item, `${path}[${i}]`, field));
    else if (typeof value === 'object' && value !== null) {
      for (const [key, child] of Object.entries(value)) visit(child, `${path}.${key}`, key);
    }
  };
  // The language's own names (aliases) and the extension's identity are not translated.
  visit(manifest.displayName, 'displayName', 'displayName');
  visit(manifest.description, 'description', 'description');
  visit(manifest.capabilities, 'capabilities', undefined);
  visit(manifest.contributes, 'contributes', undefined);
  const nls = readJson(root, 'package.nls.json') as Record<string, string>;
  for (const key of keys) if (!(key in nls)) problems.push(`package.nls.json lacks ${key}, used by package.json`);
  for (const key of Object.keys(nls)) if (!keys.has(key)) problems.push(`package.nls.json: ${key} is not used by package.json`);
  for (const locale of LOCALES) {
    const file = `package.nls.${locale}.json`;
    const translated = readJson(root, file) as Record<string, string>;
    for (const [key, english] of Object.entries(nls)) {
      const text = translated[key];
      if (text === undefined) problems.push(`${file} lacks ${key} (${JSON.stringify(english)})`);
      else problems.push(...codeProblems(`${file} ${key}`, english, text));
    }
    for (const key of Object.keys(translated)) if (!(key in nls)) problems.push(`${file}: ${key} has no English original in package.nls.json`);
  }
  return problems;
}

/** A translation keeps what is not words: `code`, command links and placeholders. */
function codeProblems(where: string, english: string, translation: string): string[] {
  const problems: string[] = [];
  const spans = (text: string) => [...text.matchAll(/`[^`]+`|\(command:[^)]+\)|#[\w.]+#/g)].map((m) => m[0]).sort();
  if (spans(english).join('\n') !== spans(translation).join('\n')) problems.push(`${where}: keeps ${spans(english).join(' ')} but has ${spans(translation).join(' ')}`);
  if (placeholders(english).join() !== placeholders(translation).join()) problems.push(`${where}: placeholders differ from ${JSON.stringify(english)}`);
  return problems;
}

function schemaProblems(root: string): string[] {
  const problems: string[] = [];
  const english = schemaTexts(readJson(root, 'schemas/highlight-task.schema.json'));
  for (const locale of LOCALES) {
    const file = `schemas/highlight-task.schema.${locale}.json`;
    if (!existsSync(join(root, file))) {
      problems.push(`${file} is missing`);
      continue;
    }
    const { texts } = readJson(root, file) as { texts: Record<string, string> };
    for (const [pointer, text] of english) {
      const translation = texts[pointer];
      if (translation === undefined) problems.push(`${file} lacks ${pointer} (${JSON.stringify(text)})`);
      else if (translation.trim() === '') problems.push(`${file} ${pointer} is empty`);
      else problems.push(...codeProblems(`${file} ${pointer}`, text, translation));
    }
    for (const pointer of Object.keys(texts)) if (!english.has(pointer)) problems.push(`${file}: ${pointer} is no text of the English schema`);
  }
  return problems;
}

function messageProblems(root: string): string[] {
  const scan = scanMessages(root);
  const problems: string[] = [];
  for (const locale of LOCALES) {
    const file = `l10n/bundle.l10n.${locale}.json`;
    problems.push(...bundleProblems(scan, readJson(root, file) as Record<string, string>, file));
  }
  return [...new Set(problems)];
}

/** Every snippet's name (and description, where it has one) in each language, keyed like snippets/imm-highlight.json. */
export function snippetProblems(root: string): string[] {
  const problems: string[] = [];
  const english = readJson(root, 'snippets/imm-highlight.json') as Record<string, { description?: string }>;
  for (const locale of LOCALES) {
    const file = `snippets/imm-highlight.${locale}.json`;
    if (!existsSync(join(root, file))) {
      problems.push(`${file} is missing`);
      continue;
    }
    const table = readJson(root, file) as Record<string, { name?: string; description?: string }>;
    for (const [name, snippet] of Object.entries(english)) {
      const texts = table[name];
      if (!texts?.name?.trim()) problems.push(`${file} lacks the name of ${JSON.stringify(name)}`);
      else problems.push(...codeProblems(`${file} ${name}`, name, texts.name));
      if (snippet.description === undefined) {
        if (texts?.description !== undefined) problems.push(`${file} ${name}: has a description, the English snippet has none`);
      } else if (!texts?.description?.trim()) problems.push(`${file} lacks the description of ${JSON.stringify(name)}`);
      else problems.push(...codeProblems(`${file} ${name} description`, snippet.description, texts.description));
    }
    for (const name of Object.keys(table)) if (!(name in english)) problems.push(`${file}: ${JSON.stringify(name)} is no snippet of snippets/imm-highlight.json`);
  }
  return problems;
}

export function l10nProblems(root: string): string[] {
  return [...messageProblems(root), ...rawTextProblems(root), ...manifestProblems(root), ...schemaProblems(root), ...snippetProblems(root)];
}
