/**
 * `npm run bench`: our language server and yaml-language-server (given our schema) side by side over LSP stdio,
 * in one run. Prints medians, p95 and ratios, checks the targets, writes JSON to bench/results/ and, after a full
 * run, the table in docs/performance.md.
 *
 * Options: --quick (fewer samples), --skip-yaml-ls (ours only), --max-sources N (largest generated job).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { Position, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { CLOUD_CONTEXT_REQUEST, complete, hover, JOB_LANGUAGE_ID, parseJob, validateJob } from '../core/src/index';
import { sourcesJob, typicalJob, type BenchDocument } from './documents';
import { hasDiagnosticOnLine, LspPeer, type ServerSpec } from './lspPeer';
import { markdownReport, replaceBetweenMarkers, type BenchReport } from './performanceDoc';
import { mib, ms, ratio, summarize, type Summary } from './stats';
import { setupCodeServer } from '../scripts/e2e/harness';

const ROOT = path.resolve(__dirname, '..');
// As the server does (server/src/serverMain.ts): yaml reads process.env once per token, and the in-process figures
// below should show what the server's core costs.
process.env = { ...process.env };
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const skipYamlLs = args.includes('--skip-yaml-ls');
const maxSourcesArg = args.indexOf('--max-sources');
const MAX_SOURCES = maxSourcesArg >= 0 ? Number(args[maxSourcesArg + 1]) : 10_000;
const scale = (n: number): number => (quick ? Math.max(2, Math.ceil(n / 4)) : n);

const PERFORMANCE_DOC = path.join(ROOT, 'docs/performance.md');
const SCHEMA_URI = pathToFileURL(path.join(ROOT, 'schemas/highlight-task.schema.json')).href;

const OURS: ServerSpec = { name: 'ours', script: path.join(ROOT, 'dist/server.js'), args: ['--stdio'], languageId: JOB_LANGUAGE_ID };
const YAML_LS: ServerSpec = {
  name: 'yaml-language-server',
  script: path.join(ROOT, 'node_modules/yaml-language-server/bin/yaml-language-server'),
  args: ['--stdio'],
  languageId: 'yaml',
  settings: {
    yaml: {
      schemas: { [SCHEMA_URI]: ['*.highlight.yaml'] },
      schemaStore: { enable: false },
      validate: true,
      completion: true,
      hover: true,
      format: { enable: false },
    },
    http: { proxy: '', proxyStrictSSL: false },
    '[yaml]': {},
    editor: {},
  },
};

/**
 * Start-up that is the server's own: first diagnostics minus Node's own start, in VS Code's runtime when the bench
 * found it (the runtime the extension runs in), else in this Node.
 */
function startGapTarget(rows: readonly Row[]): { target: string; value: string; met: boolean } {
  const median = (prefix: string): number => rows.find((r) => r.measure.startsWith(prefix))?.ours?.median ?? NaN;
  const runtimeRow = rows.find((r) => r.measure.startsWith("spawn → first diagnostics, VS Code's runtime"));
  const floorRows = rows.filter((r) => r.measure.startsWith("  Node's own start"));
  const [first, floor] = runtimeRow
    ? [runtimeRow.ours?.median ?? NaN, floorRows[1]?.ours?.median ?? NaN]
    : [median('spawn → first diagnostics'), floorRows[0]?.ours?.median ?? NaN];
  const gap = first - floor;
  return {
    target: `first diagnostics within 25 ms of Node's own start (median gap, ${runtimeRow ? "VS Code's runtime" : 'this Node'})`,
    value: ms(gap),
    met: gap < 25,
  };
}

let documentCounter = 0;
function freshUri(doc: BenchDocument): string {
  // A new name per open: no server may answer from a cache of an earlier run.
  return `file:///tmp/imm-highlight-bench/${doc.name.replace(/\W+/g, '-')}-${++documentCounter}.highlight.yaml`;
}

function withToggle(doc: BenchDocument, invalid: boolean): string {
  const lines = doc.text.split('\n');
  const line = lines[doc.toggleLine]!;
  lines[doc.toggleLine] = line.slice(0, doc.toggleCharacter) + (invalid ? doc.invalid : doc.valid) + line.slice(doc.toggleCharacter + doc.valid.length);
  return lines.join('\n');
}

/** Diagnostics that belong to `version` of `uri`: the version when the server sends one, and the toggled line's state. */
function belongsTo(uri: string, version: number, doc: BenchDocument, invalid: boolean): (p: PublishDiagnosticsParams) => boolean {
  return (p) =>
    p.uri === uri && (p.version === undefined || p.version === null || p.version === version) && hasDiagnosticOnLine(p.diagnostics, doc.toggleLine) === invalid;
}

/** Node's own start on this machine: spawn → exit of `node -e 0`, the floor under any server's first answer. */
async function nodeStart(node: string, runs: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await new Promise<void>((resolve, reject) =>
      spawn(node, ['-e', '0'], { stdio: 'ignore' })
        .once('exit', () => resolve())
        .once('error', reject),
    );
    samples.push(performance.now() - started);
  }
  return samples;
}

/**
 * The Node of VS Code's own runtime on this machine: code-server's, as the extension tests install it (Node ≥ 22.1,
 * with the compile cache the server's entry turns on). Undefined when it is not installed and cannot be.
 */
function vscodeRuntimeNode(): { node: string; version: string } | undefined {
  try {
    const { node } = setupCodeServer();
    const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
    return version ? { node, version } : undefined;
  } catch {
    return undefined;
  }
}

/** Spawn → initialize → open a job with one schema error → the diagnostics that report it. */
async function firstDiagnostics(spec: ServerSpec, runs: number): Promise<{ wall: number[]; cpu: number[] }> {
  const doc = typicalJob();
  const samples: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const peer = await LspPeer.start(spec);
    const uri = freshUri(doc);
    const received = peer.diagnostics(belongsTo(uri, 1, doc, true));
    await peer.open(uri, withToggle(doc, true));
    const { at } = await received;
    samples.push(at - peer.spawnedAt);
    // The server's own CPU time by then: what start-up costs regardless of how busy the machine is.
    cpu.push(peer.cpuTime());
    await peer.stop();
  }
  return { wall: samples, cpu };
}

interface EditRun {
  readonly latencies: number[];
  readonly peakRss: number;
}

/**
 * Opens `doc`, then flips its toggled value back and forth; each sample is didChange → that version's diagnostics.
 * `alongside` is sent with each edit, unawaited, as the VS Code client does with cloud checks on.
 */
async function editToDiagnostics(
  peer: LspPeer,
  doc: BenchDocument,
  edits: number,
  warmup: number,
  timeoutMs: number,
  alongside?: (uri: string) => Promise<unknown>,
): Promise<number[]> {
  const uri = freshUri(doc);
  let version = 1;
  const opened = peer.diagnostics(belongsTo(uri, version, doc, false), timeoutMs);
  await peer.open(uri, doc.text, version);
  await opened;
  let invalid = false;
  const latencies: number[] = [];
  for (let i = 0; i < warmup + edits; i++) {
    const before = invalid ? doc.invalid : doc.valid;
    invalid = !invalid;
    version++;
    const received = peer.diagnostics(belongsTo(uri, version, doc, invalid), timeoutMs);
    const sentAt = performance.now();
    await peer.replace(uri, version, doc.toggleLine, doc.toggleCharacter, before.length, invalid ? doc.invalid : doc.valid);
    const side = alongside?.(uri);
    const { at } = await received;
    await side;
    if (i >= warmup) latencies.push(at - sentAt);
  }
  await peer.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  return latencies;
}

async function requestLatency(
  peer: LspPeer,
  method: string,
  uri: string,
  position: Position,
  runs: number,
): Promise<{ latencies: number[]; resultSize: number }> {
  const latencies: number[] = [];
  let resultSize = 0;
  for (let i = 0; i < runs + 5; i++) {
    const started = performance.now();
    let result: unknown;
    try {
      result = await peer.connection.sendRequest(method, { textDocument: { uri }, position });
    } catch {
      return { latencies: [], resultSize: 0 };
    }
    const elapsed = performance.now() - started;
    if (i >= 5) latencies.push(elapsed);
    if (i === 0) resultSize = sizeOf(result);
  }
  return { latencies, resultSize };
}

function sizeOf(result: unknown): number {
  if (result === null || result === undefined) return 0;
  if (Array.isArray(result)) return result.length;
  if (typeof result === 'object' && 'items' in result && Array.isArray((result as { items: unknown[] }).items))
    return (result as { items: unknown[] }).items.length;
  return 1;
}

/** Typical job: edits, completion and hover on one long-lived server. */
async function typicalSession(spec: ServerSpec, edits: number, requests: number) {
  const doc = typicalJob();
  const peer = await LspPeer.start(spec);
  const editLatencies = await editToDiagnostics(peer, doc, edits, 5, 30_000);
  const uri = freshUri(doc);
  const opened = peer.diagnostics((p) => p.uri === uri);
  await peer.open(uri, doc.text);
  await opened;
  // Completion at the end of `Container: mp4` (enum values); hover on the `Container` key.
  const completion = await requestLatency(
    peer,
    'textDocument/completion',
    uri,
    { line: doc.toggleLine, character: doc.toggleCharacter + doc.valid.length },
    requests,
  );
  const hover = await requestLatency(peer, 'textDocument/hover', uri, { line: doc.toggleLine, character: 4 }, requests);
  const cloud = spec === OURS ? await cloudOn(peer, doc, edits, requests) : undefined;
  const peakRss = peer.peakRss();
  await peer.stop();
  return { editLatencies, completion, hover, cloud, peakRss };
}

/**
 * With cloud checks on, the VS Code client asks the server what a position means (CLOUD_CONTEXT_REQUEST) at every
 * completion in a URI or ProjectName, and does the cloud calls itself: the keystroke path gains only that request.
 * Measured: the request's round trip, and edits with one sent beside each, against the edits alone.
 */
async function cloudOn(peer: LspPeer, doc: BenchDocument, edits: number, requests: number) {
  const sourceLine = doc.text.split('\n').findIndex((line) => line.includes('- URI: oss://'));
  const inUri = { line: sourceLine, character: doc.text.split('\n')[sourceLine]!.length };
  const context = (uri: string): Promise<unknown> => peer.connection.sendRequest(CLOUD_CONTEXT_REQUEST, { textDocument: { uri }, position: inUri });
  const uri = freshUri(doc);
  const opened = peer.diagnostics((p) => p.uri === uri);
  await peer.open(uri, doc.text);
  await opened;
  const request = await requestLatency(peer, CLOUD_CONTEXT_REQUEST, uri, inUri, requests);
  const editLatencies = await editToDiagnostics(peer, doc, edits, 5, 30_000, context);
  return { request, editLatencies };
}

async function sourcesSession(spec: ServerSpec, count: number, edits: number): Promise<EditRun> {
  const doc = sourcesJob(count);
  const peer = await LspPeer.start(spec);
  const latencies = await editToDiagnostics(peer, doc, edits, count >= 10_000 ? 1 : 3, 300_000);
  const peakRss = peer.peakRss();
  await peer.stop();
  return { latencies, peakRss };
}

/** The same work without the protocol: parseJob + validateJob in this process, for reading the LSP figures. */
function inProcessCore(count: number | undefined, runs: number): Summary {
  const doc = count === undefined ? typicalJob() : sourcesJob(count);
  const samples: number[] = [];
  for (let i = 0; i < runs + 3; i++) {
    const text = withToggle(doc, i % 2 === 1);
    const started = performance.now();
    validateJob(parseJob(text));
    if (i >= 3) samples.push(performance.now() - started);
  }
  return summarize(samples);
}

interface Row {
  readonly measure: string;
  readonly ours: Summary;
  readonly theirs?: Summary;
}

async function main(): Promise<void> {
  if (!existsSync(OURS.script)) throw new Error(`${OURS.script} is missing: run \`npm run build\` first.`);
  const servers = skipYamlLs ? [OURS] : [OURS, YAML_LS];
  const started = performance.now();
  const rows: Row[] = [];
  const rss: Record<string, Record<string, number>> = {};
  const log = (line: string): void => void process.stderr.write(`${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s  ${line}\n`);

  const spawnRuns = scale(10);
  const first = new Map<string, number[]>();
  const firstCpu = new Map<string, number[]>();
  for (let i = 0; i < spawnRuns; i++) {
    // Alternating, so a slow moment of the machine does not land on one server only.
    for (const spec of servers) {
      const { wall, cpu } = await firstDiagnostics(spec, 1);
      first.set(spec.name, [...(first.get(spec.name) ?? []), ...wall]);
      firstCpu.set(spec.name, [...(firstCpu.get(spec.name) ?? []), ...cpu]);
    }
  }
  log('spawn → first diagnostics done');
  rows.push({
    measure: 'spawn → first diagnostics',
    ours: summarize(first.get(OURS.name)!),
    theirs: skipYamlLs ? undefined : summarize(first.get(YAML_LS.name)!),
  });
  rows.push({ measure: `  Node's own start (spawn → exit of node -e 0, ${process.version})`, ours: summarize(await nodeStart(process.execPath, spawnRuns)) });
  // The same start in VS Code's runtime, whose compile cache spares the server compiling its bundle at every start.
  const runtime = vscodeRuntimeNode();
  if (runtime) {
    const onRuntime: ServerSpec = { ...OURS, name: `ours on ${runtime.version}`, node: runtime.node };
    const samples: number[] = [];
    const floor: number[] = [];
    for (let i = 0; i < spawnRuns; i++) {
      samples.push(...(await firstDiagnostics(onRuntime, 1)).wall);
      floor.push(...(await nodeStart(runtime.node, 1)));
    }
    rows.push({ measure: `spawn → first diagnostics, VS Code's runtime (code-server's Node ${runtime.version})`, ours: summarize(samples) });
    rows.push({ measure: `  Node's own start (spawn → exit of node -e 0, ${runtime.version})`, ours: summarize(floor) });
    log("spawn → first diagnostics on VS Code's runtime done");
  }
  rows.push({
    measure: '  server CPU time until then (10 ms ticks)',
    ours: summarize(firstCpu.get(OURS.name)!),
    theirs: skipYamlLs ? undefined : summarize(firstCpu.get(YAML_LS.name)!),
  });

  const typical = new Map<string, Awaited<ReturnType<typeof typicalSession>>>();
  for (const spec of servers) {
    typical.set(spec.name, await typicalSession(spec, spec === OURS ? scale(200) : scale(40), spec === OURS ? scale(500) : scale(100)));
    log(`typical job on ${spec.name} done`);
  }
  const t = (name: string) => typical.get(name);
  rows.push({
    measure: 'edit → diagnostics, typical job (40 lines)',
    ours: summarize(t(OURS.name)!.editLatencies),
    theirs: t(YAML_LS.name) && summarize(t(YAML_LS.name)!.editLatencies),
  });
  const items = (name: string, which: 'completion' | 'hover'): string => `${t(name)?.[which].resultSize ?? 'n/a'}`;
  rows.push({
    measure: `completion (round trip; items: ours ${items(OURS.name, 'completion')}, yaml-ls ${items(YAML_LS.name, 'completion')})`,
    ours: summarize(t(OURS.name)!.completion.latencies),
    theirs: t(YAML_LS.name) && summarize(t(YAML_LS.name)!.completion.latencies),
  });
  rows.push({
    measure: `hover (round trip; answers: ours ${items(OURS.name, 'hover')}, yaml-ls ${items(YAML_LS.name, 'hover')})`,
    ours: summarize(t(OURS.name)!.hover.latencies),
    theirs: t(YAML_LS.name) && summarize(t(YAML_LS.name)!.hover.latencies),
  });
  const cloud = t(OURS.name)!.cloud!;
  rows.push({
    measure: `cloud completion context (round trip; a ${cloud.request.resultSize ? 'context' : 'null'} answer)`,
    ours: summarize(cloud.request.latencies),
  });
  rows.push({ measure: 'edit → diagnostics, typical job, a cloud context request beside each', ours: summarize(cloud.editLatencies) });
  for (const spec of servers) rss[spec.name] = { typical: t(spec.name)!.peakRss };

  const counts = [10, 100, 1_000, 10_000].filter((n) => n <= MAX_SOURCES);
  for (const count of counts) {
    const results = new Map<string, EditRun>();
    for (const spec of servers) {
      const edits = spec === OURS ? (count >= 10_000 ? scale(20) : scale(40)) : count >= 10_000 ? scale(4) : count >= 1_000 ? scale(8) : scale(20);
      results.set(spec.name, await sourcesSession(spec, count, edits));
      rss[spec.name]![`${count} Sources`] = results.get(spec.name)!.peakRss;
      log(`${count} Sources on ${spec.name} done`);
    }
    const theirs = results.get(YAML_LS.name);
    rows.push({
      measure: `edit → diagnostics, ${count.toLocaleString('en-US')} Sources`,
      ours: summarize(results.get(OURS.name)!.latencies),
      theirs: theirs && summarize(theirs.latencies),
    });
  }

  const core = {
    typical: inProcessCore(undefined, scale(200)),
    ...Object.fromEntries(counts.map((n) => [`${n} Sources`, inProcessCore(n, n >= 10_000 ? scale(10) : scale(40))])),
  };
  const completionCore = await inProcessFeature('complete', scale(2000));
  const hoverCore = await inProcessFeature('hover', scale(2000));
  log('in-process core done');

  const median = (measure: string, who: 'ours' | 'theirs'): number => rows.find((r) => r.measure.startsWith(measure))?.[who]?.median ?? NaN;
  const largest = `${(10_000).toLocaleString('en-US')} Sources`;
  const targets = [
    {
      target: '≥ 40× faster than yaml-language-server on edit → diagnostics, typical job',
      value: ratio(median('edit → diagnostics, typical', 'theirs'), median('edit → diagnostics, typical', 'ours')),
      met: median('edit → diagnostics, typical', 'theirs') / median('edit → diagnostics, typical', 'ours') >= 40,
    },
    { target: 'first diagnostics within 150 ms of spawn (wall time, median)', value: ms(median('spawn', 'ours')), met: median('spawn', 'ours') <= 150 },
    startGapTarget(rows),
    {
      target: 'cloud checks on: edit → diagnostics as fast as without (median within 25 %)',
      value: `${ms(median('edit → diagnostics, typical job, a cloud', 'ours'))} against ${ms(median('edit → diagnostics, typical job (', 'ours'))}`,
      met: median('edit → diagnostics, typical job, a cloud', 'ours') <= 1.25 * median('edit → diagnostics, typical job (', 'ours'),
    },
    { target: 'completion under 1 ms (LSP round trip, median)', value: ms(median('completion', 'ours')), met: median('completion', 'ours') < 1 },
    {
      target: '10,000 Sources: edit → diagnostics under 60 ms',
      value: ms(median(`edit → diagnostics, ${largest}`, 'ours')),
      met: median(`edit → diagnostics, ${largest}`, 'ours') < 60,
    },
    {
      target: '10,000 Sources: peak RSS under 150 MiB',
      value: mib(rss[OURS.name]?.['10000 Sources'] ?? NaN),
      met: (rss[OURS.name]?.['10000 Sources'] ?? Infinity) < 150 * 1024 * 1024,
    },
  ];

  const machine = {
    date: new Date().toISOString(),
    nproc: os.availableParallelism(),
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    cpu: os.cpus()[0]?.model ?? 'unknown',
    node: process.version,
    loadAverage: os.loadavg(),
  };
  const report = print(rows, rss, core, completionCore, hoverCore, targets, machine, servers);

  const results = {
    machine,
    quick,
    rows,
    peakRssBytes: rss,
    inProcessCore: { parseAndValidate: core, complete: completionCore, hover: hoverCore },
    targets,
    durationSeconds: (performance.now() - started) / 1000,
  };
  const dir = path.join(ROOT, 'bench/results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `bench-${machine.date.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(results, null, 2));
  writeFileSync(path.join(dir, 'latest.json'), JSON.stringify(results, null, 2));
  console.log(`\nWrote ${path.relative(ROOT, file)} (${results.durationSeconds.toFixed(0)} s).`);
  // A partial run would replace the one table with fewer rows or fewer samples: only a full run writes it.
  if (quick || skipYamlLs || MAX_SOURCES < 10_000) {
    console.log(`${path.relative(ROOT, PERFORMANCE_DOC)} left as it is (only a full run writes it).`);
  } else {
    writeFileSync(PERFORMANCE_DOC, replaceBetweenMarkers(readFileSync(PERFORMANCE_DOC, 'utf8'), markdownReport(report)));
    console.log(`Wrote the table in ${path.relative(ROOT, PERFORMANCE_DOC)}.`);
  }
}

/** complete() or hover() of the core, in process, on the same position as the LSP measurement. */
async function inProcessFeature(name: 'complete' | 'hover', runs: number): Promise<Summary | undefined> {
  const doc = typicalJob();
  const job = parseJob(doc.text);
  const feature: (job: ReturnType<typeof parseJob>, position: Position) => unknown = name === 'complete' ? complete : hover;
  const position = name === 'complete' ? { line: doc.toggleLine, character: doc.toggleCharacter + doc.valid.length } : { line: doc.toggleLine, character: 4 };
  const samples: number[] = [];
  for (let i = 0; i < runs + 50; i++) {
    const started = performance.now();
    feature(job, position);
    if (i >= 50) samples.push(performance.now() - started);
  }
  return summarize(samples);
}

function print(
  rows: readonly Row[],
  rss: Record<string, Record<string, number>>,
  core: Record<string, Summary>,
  completionCore: Summary | undefined,
  hoverCore: Summary | undefined,
  targets: readonly { target: string; value: string; met: boolean }[],
  machine: { date: string; nproc: number; memoryGiB: number; cpu: string; node: string; loadAverage: number[] },
  servers: readonly ServerSpec[],
): BenchReport {
  const table: string[][] = [['measure', 'ours median', 'ours p95', 'yaml-ls median', 'yaml-ls p95', 'yaml-ls / ours']];
  for (const row of rows) {
    table.push([
      row.measure,
      ms(row.ours.median),
      ms(row.ours.p95),
      ms(row.theirs?.median ?? NaN),
      ms(row.theirs?.p95 ?? NaN),
      ratio(row.theirs?.median ?? NaN, row.ours.median),
    ]);
  }
  for (const key of Object.keys(rss[OURS.name] ?? {})) {
    const ours = rss[OURS.name]?.[key] ?? NaN;
    const theirs = rss[YAML_LS.name]?.[key] ?? NaN;
    table.push([`peak RSS (VmHWM), ${key}`, mib(ours), '', mib(theirs), '', ratio(theirs, ours)]);
  }
  const machineLine = `${machine.date}  ${machine.nproc} cores, ${machine.memoryGiB} GiB, ${machine.cpu}, Node ${machine.node}, load ${machine.loadAverage.map((l) => l.toFixed(1)).join(' ')}`;
  const inProcess = [
    ...Object.entries(core).map(([key, summary]) => `parseJob + validateJob, ${key}: ${ms(summary.median)} / ${ms(summary.p95)}`),
    `complete(): ${completionCore ? `${ms(completionCore.median)} / ${ms(completionCore.p95)}` : 'not in core yet'}`,
    `hover(): ${hoverCore ? `${ms(hoverCore.median)} / ${ms(hoverCore.p95)}` : 'not in core yet'}`,
  ];
  console.log(`\n${machineLine}`);
  console.log(`servers: ${servers.map((s) => s.name).join(', ')}${quick ? ' (quick run)' : ''}\n`);
  console.log(formatTable(table));
  console.log('\nIn-process core (no protocol), median / p95:');
  for (const entry of inProcess) console.log(`  ${entry}`);
  console.log('\nTargets:');
  for (const t of targets) console.log(`  ${t.met ? 'met    ' : 'NOT met'}  ${t.target}: ${t.value}`);
  console.log('\nNote: yaml-language-server waits a fixed 200 ms (validationDelayMs) after each change before validating.');
  return { machine: machineLine, table, inProcess, targets };
}

function formatTable(table: readonly string[][]): string {
  const widths = table[0]!.map((_, column) => Math.max(...table.map((row) => (row[column] ?? '').length)));
  return table
    .map((row, index) => {
      const line = row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
      return index === 0 ? `${line}\n${widths.map((w) => '-'.repeat(w)).join('  ')}` : line;
    })
    .join('\n');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
