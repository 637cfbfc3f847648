// `npm run lint` (after ESLint): the import graph of the TypeScript sources, type-only imports included, must have
// no cycle; core/ must not reach out of the language core; product code outside core/ must use core's index; and
// no two files in one folder may share a name stem (nor a file the name of a sibling folder: fixes.ts beside fixes/).
// A script, not import/no-cycle: that rule skips `import type`, and a type-only leg still couples two modules.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import ts from 'typescript';

// --root DIR checks another tree (the test of this script builds small ones).
const rootArg = process.argv.indexOf('--root');
const ROOT = rootArg > 0 ? path.resolve(process.argv[rootArg + 1]) : path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const P = path.posix;
const SOURCE_ROOTS = ['core/src', 'server/src', 'client/src', 'cli/src', 'api/src', 'bench', 'scripts', 'test'];
const SKIP_DIRS = new Set(['node_modules', 'fixtures', 'workspace', 'dist', 'out']);
const CORE_INDEX = 'core/src/index.ts';
// Product code: may import core only through its index. Tests and build scripts may pin deeper modules.
const PRODUCT_ROOTS = ['server/src/', 'client/src/', 'cli/src/', 'api/src/', 'bench/'];
// What the language core may import outside core/: its data (the schema, the snippets, the translations), nothing that runs.
const CORE_MAY_READ = ['schemas/', 'snippets/', 'l10n/'];
const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

function walk(dir, out = []) {
  let entries;
  try {
    entries = readdirSync(path.join(ROOT, dir), { withFileTypes: true });
  } catch {
    return out;
  }
  for (const entry of entries) {
    if (SKIP_DIRS.has(entry.name) || entry.name.startsWith('.')) continue;
    const rel = P.join(dir, entry.name);
    if (entry.isDirectory()) walk(rel, out);
    else out.push(rel);
  }
  return out;
}

const allFiles = SOURCE_ROOTS.flatMap((r) => walk(r));
const tsFiles = allFiles.filter((f) => /\.(ts|mts)$/.test(f) && !/\.d\.m?ts$/.test(f));
const exists = (f) => {
  try {
    return statSync(path.join(ROOT, f)).isFile();
  } catch {
    return false;
  }
};
function resolve(from, spec) {
  const base = P.normalize(P.join(P.dirname(from), spec));
  for (const ext of ['', '.ts', '.mts', '/index.ts', '.mjs', '.js', '.json']) if (exists(base + ext)) return base + ext;
  return undefined;
}

const problems = [];
const graph = new Map();
for (const file of tsFiles) {
  const info = ts.preProcessFile(readFileSync(path.join(ROOT, file), 'utf8'), true, true);
  const edges = [];
  for (const { fileName: spec } of info.importedFiles) {
    const inCore = file.startsWith('core/');
    if (!spec.startsWith('.')) {
      if (inCore && (spec === 'vscode' || NODE_BUILTINS.has(spec)))
        problems.push(`${file}: the core imports '${spec}' (it must run anywhere: no vscode, no Node built-ins)`);
      continue;
    }
    const target = resolve(file, spec);
    if (!target) {
      problems.push(`${file}: '${spec}' resolves to no file`);
      continue;
    }
    if (inCore && !target.startsWith('core/') && !CORE_MAY_READ.some((d) => target.startsWith(d))) {
      problems.push(`${file}: the core imports ${target} (core/ imports nothing of client/, server/, api/, cli/ or the tools)`);
    }
    if (PRODUCT_ROOTS.some((r) => file.startsWith(r)) && target.startsWith('core/') && target !== CORE_INDEX && /\.(ts|mts)$/.test(target)) {
      problems.push(`${file}: imports ${target}; outside core/, product code imports the core through ${CORE_INDEX} only`);
    }
    if (/\.(ts|mts)$/.test(target)) edges.push(target);
  }
  graph.set(file, edges);
}

// Cycles: Tarjan's strongly connected components; every component of more than one file (or a file importing
// itself) is a cycle, reported with one concrete loop through it.
let counter = 0;
const index = new Map();
const low = new Map();
const stack = [];
const onStack = new Set();
const components = [];
function connect(v) {
  index.set(v, counter);
  low.set(v, counter++);
  stack.push(v);
  onStack.add(v);
  for (const w of graph.get(v) ?? []) {
    if (!index.has(w)) {
      connect(w);
      low.set(v, Math.min(low.get(v), low.get(w)));
    } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
  }
  if (low.get(v) === index.get(v)) {
    const component = [];
    let w;
    do {
      w = stack.pop();
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || (graph.get(v) ?? []).includes(v)) components.push(component);
  }
}
for (const v of graph.keys()) if (!index.has(v)) connect(v);
for (const component of components) {
  const members = new Set(component);
  const start = [...component].sort()[0];
  const loop = [start];
  const seen = new Set([start]);
  for (let at = start; ;) {
    const next = (graph.get(at) ?? []).find((w) => members.has(w) && (w === start || !seen.has(w)));
    if (!next) break;
    loop.push(next);
    if (next === start) break;
    seen.add(next);
    at = next;
  }
  problems.push(`import cycle (type-only imports count): ${loop.join(' -> ')}`);
}

// Name stems: `document.ts` and `document.test.ts` may not share one folder, nor `fixes.ts` and `fixes/`.
// A declaration file beside its JavaScript module (`x.mjs` + `x.d.mts`) is one module, not two.
const byFolder = new Map();
for (const f of allFiles) (byFolder.get(P.dirname(f)) ?? byFolder.set(P.dirname(f), []).get(P.dirname(f))).push(P.basename(f));
const folders = new Set([...byFolder.keys()].flatMap((d) => d.split('/').map((_, i, parts) => parts.slice(0, i + 1).join('/'))));
for (const [folder, names] of byFolder) {
  const stems = new Map();
  for (const name of names) {
    if (/\.d\.m?ts$/.test(name) && names.includes(name.replace(/\.d\.(m?)ts$/, '.$1js'))) continue;
    const stem = name.split('.')[0];
    (stems.get(stem) ?? stems.set(stem, []).get(stem)).push(name);
  }
  for (const [stem, same] of stems) {
    if (same.length > 1) problems.push(`${folder}/: ${same.sort().join(', ')} share the name stem "${stem}"`);
    if (folders.has(P.join(folder, stem))) problems.push(`${folder}/: ${same.sort().join(', ')} beside the folder ${stem}/`);
  }
}

if (problems.length) {
  console.error(problems.map((p) => `  ${p}`).join('\n'));
  console.error(`check-imports: ${problems.length} problem(s) in ${tsFiles.length} TypeScript files.`);
  process.exit(1);
}
console.log(`check-imports: ${tsFiles.length} TypeScript files, no import cycle (type-only imports included), no boundary crossing, no shared name stem.`);
