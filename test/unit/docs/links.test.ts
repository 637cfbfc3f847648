import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

const ROOT = path.resolve(__dirname, '../../..');
const PAGES = [
  'README.md',
  'bench/README.md',
  ...readdirSync(path.join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];

/** The text without fenced code blocks and inline code, where brackets are not links. */
function prose(markdown: string): string {
  return markdown.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const [, heading] of markdown.replace(/^```[\s\S]*?^```/gm, '').matchAll(/^#{1,6} +(.+?) *#*$/gm)) {
    const slug = heading!
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
      .replace(/ /g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  for (const [, id] of markdown.matchAll(/<a (?:id|name)="([^"]+)"><\/a>/g)) anchors.add(id!);
  return anchors;
}

/** Relative link targets of a page: `[text](target)` and `![alt](target)`, without web and mail links. */
function relativeLinks(markdown: string): string[] {
  return [...prose(markdown).matchAll(/\]\(([^)\s]+)(?: "[^"]*")?\)/g)].map((m) => m[1]!).filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target));
}

test('anchors are made as GitHub makes them', () => {
  const anchors = anchorsOf(
    '# Command line: `highlight-task`\n## On the web: vscode.dev and github.dev\n## Results\n## Results\n| <a id="yaml-syntax"></a>`yaml-syntax` |',
  );
  assert.deepEqual([...anchors].sort(), ['command-line-highlight-task', 'on-the-web-vscodedev-and-githubdev', 'results', 'results-1', 'yaml-syntax']);
});

for (const page of PAGES) {
  test(`every relative link of ${page} resolves to a file and, with a #fragment, to an anchor of it`, () => {
    const markdown = readFileSync(path.join(ROOT, page), 'utf8');
    const links = relativeLinks(markdown);
    assert.ok(links.length > 0, `${page} links nothing: is the pattern still right?`);
    for (const link of links) {
      const [file, fragment] = link.split('#') as [string, string | undefined];
      const target = file === '' ? path.join(ROOT, page) : path.resolve(path.dirname(path.join(ROOT, page)), decodeURI(file));
      assert.ok(existsSync(target), `${page}: ${link} names no file`);
      if (fragment !== undefined) {
        assert.ok(statSync(target).isFile() && target.endsWith('.md'), `${page}: ${link} has a fragment but is no Markdown page`);
        assert.ok(anchorsOf(readFileSync(target, 'utf8')).has(fragment), `${page}: ${link} names no heading or anchor of ${path.relative(ROOT, target)}`);
      }
    }
  });
}

// The README is also the page of the Extensions view, which opens only http(s) and mailto links (VS Code's
// extension editor), and package.json names no repository for vsce to make relative links absolute. So a link to
// docs/ cannot work there, packaged or not: the README names each page's path in the text of a link to it.
test('the README names the path of every page of docs/ it links to', () => {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const linked = new Set(
    relativeLinks(readme)
      .map((link) => link.split('#')[0]!)
      .filter((file) => file.startsWith('docs/') && file.endsWith('.md')),
  );
  for (const file of linked) assert.ok(prose(readme).includes(`[${file}](${file})`), `README.md: no link reads ${file}`);
  const pages = readdirSync(path.join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`);
  for (const page of pages) assert.ok(linked.has(page), `README.md does not link ${page}`);
});
