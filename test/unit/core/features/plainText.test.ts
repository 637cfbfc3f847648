import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MarkupKind } from 'vscode-languageserver-types';
import { documentationFor, markdownAsPlainText } from '../../../../core/src/features/plainText';
import { enumValueDocumentation, fieldMarkdown } from '../../../../core/src/features/fieldDocs';
import { useLocale } from '../../../../core/src/shared/locale';
import { REQUEST_SCHEMA, resolveSchema, type SchemaNode } from '../../../../core/src/schema/schema';

/** Markdown syntax a plain-text reader would see as noise. */
const MARKDOWN_SYNTAX = /`|\*\*|\]\(|^\s*\*[^\s*]| {2}\n/m;

test('undoes the markdown the features write: strong, emphasis, code spans and blocks, links, hard breaks', () => {
  assert.equal(markdownAsPlainText('**Output.Container** — string, optional'), 'Output.Container — string, optional');
  assert.equal(markdownAsPlainText('*string, required*\n\nThe type.'), 'string, required\n\nThe type.');
  assert.equal(markdownAsPlainText('- **`mp4`** ← current — MPEG-4\n- `mkv`'), '- mp4 ← current — MPEG-4\n- mkv');
  assert.equal(markdownAsPlainText('Example: ``a`b``'), 'Example: a`b');
  assert.equal(markdownAsPlainText('see [Transition effects](https://example.com/t).'), 'see Transition effects (https://example.com/t).');
  assert.equal(markdownAsPlainText('Default: `16`  \nLimits: not empty'), 'Default: 16\nLimits: not empty');
  assert.equal(markdownAsPlainText('A job.\n\n```yaml\nType: Concat\n```'), 'A job.\n\nType: Concat\n');
});

test("leaves the schema's own text alone: a lone asterisk, comparisons, underscores", () => {
  for (const text of ['written as a *.highlight.yaml job.', 'Valid values: 4 < size < 120.', 'hyphens (-) or underscores (_)', '2 * 3 * 4']) {
    assert.equal(markdownAsPlainText(text), text);
  }
});

for (const locale of ['en', 'zh-cn'] as const) {
  test(`every field of the schema documents itself in plain text without markdown syntax (${locale})`, () => {
    useLocale(locale);
    try {
      let fields = 0;
      const seen = new Set<SchemaNode>();
      const visit = (node: SchemaNode, name: string): void => {
        const schema = resolveSchema(node);
        if (seen.has(schema)) return;
        seen.add(schema);
        for (const [key, child] of Object.entries(schema.properties ?? {})) {
          const resolved = resolveSchema(child);
          for (const required of [true, false]) {
            const plain = markdownAsPlainText(fieldMarkdown(resolved, { title: `${name}${key}`, required, current: resolved.enum?.[0], hasCurrent: true }));
            assert.doesNotMatch(plain, MARKDOWN_SYNTAX, `${name}${key}: ${plain}`);
          }
          if (resolved.enum) assert.doesNotMatch(markdownAsPlainText(enumValueDocumentation(resolved)), MARKDOWN_SYNTAX, `${name}${key}`);
          fields++;
          visit(child, `${name}${key}.`);
          if (resolved.items) visit(resolved.items, `${name}${key}[].`);
        }
      };
      visit(REQUEST_SCHEMA, '');
      assert.ok(fields > 50, `only ${fields} fields`);
    } finally {
      useLocale('en');
    }
  });
}

test('documentationFor: markdown as is for an editor that renders it, a plain string otherwise', () => {
  const documentation = { kind: MarkupKind.Markdown, value: '*string*' };
  assert.equal(documentationFor(documentation, true), documentation);
  assert.equal(documentationFor(documentation, false), 'string');
});
