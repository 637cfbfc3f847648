/**
 * A batch's output template: `oss://bucket/reels/{name}.mp4` becomes one Output.URI per source. `{name}` is the file
 * name without its extension, `{ext}` the extension with its dot (empty when there is none), `{key}` the key under
 * the `--each` prefix without its extension, `{index}` the item's place in key order, from 1. Pure.
 */
import { ossUriProblem, t } from '../../../core/src/index';

export const TEMPLATE_FIELDS = ['name', 'ext', 'key', 'index'] as const;
export type TemplateField = (typeof TEMPLATE_FIELDS)[number];

export interface TemplateSource {
  /** The object's whole key: `videos/2026/match.mp4`. */
  readonly key: string;
  /** 1-based, in key order. */
  readonly index: number;
}

/** The placeholders a template uses, or why it cannot be used (an unknown or unclosed placeholder). */
export function templateProblem(template: string): string | undefined {
  const placeholders = template.match(/\{[^}]*\}?/g) ?? [];
  for (const placeholder of placeholders) {
    const name = placeholder.slice(1, -1);
    if (!placeholder.endsWith('}') || !(TEMPLATE_FIELDS as readonly string[]).includes(name))
      return t('The output template {0} has {1}; it knows {2}.', template, placeholder, TEMPLATE_FIELDS.map((f) => `{${f}}`).join(', '));
  }
  if (!template.startsWith('oss://')) return t('The output template {0} must start with oss://bucket/.', template);
  return undefined;
}

/** `dir/match.final.mp4` -> name `match.final`, ext `.mp4`; a leading dot is part of the name (`.hidden`). */
export function splitFileName(key: string): { name: string; ext: string } {
  const file = key.slice(key.lastIndexOf('/') + 1);
  const dot = file.lastIndexOf('.');
  return dot > 0 ? { name: file.slice(0, dot), ext: file.slice(dot) } : { name: file, ext: '' };
}

export function expandTemplate(template: string, prefix: string, source: TemplateSource): string {
  const { name, ext } = splitFileName(source.key);
  const under = source.key.startsWith(prefix) ? source.key.slice(prefix.length) : source.key;
  const values: Record<TemplateField, string> = {
    name,
    ext,
    key: ext ? under.slice(0, under.length - ext.length) : under,
    index: String(source.index),
  };
  return template.replace(/\{(name|ext|key|index)\}/g, (_, field: TemplateField) => values[field]);
}

export interface PlannedOutput {
  readonly source: string;
  readonly output: string;
}

export interface OutputCollision {
  readonly output: string;
  /** Every source that would write to it (or the source it would overwrite). */
  readonly sources: readonly string[];
  readonly reason: string;
}

/**
 * Each source's output, and every way two items would write to one place: the same output URI twice, an output
 * that is one of the sources, an output that is not an OSS URI. Checked before anything is sent.
 */
export function planOutputs(
  bucket: string,
  prefix: string,
  keys: readonly string[],
  template: string,
): { outputs: PlannedOutput[]; collisions: OutputCollision[] } {
  const outputs = keys.map((key, i) => ({ source: `oss://${bucket}/${key}`, output: expandTemplate(template, prefix, { key, index: i + 1 }) }));
  const collisions: OutputCollision[] = [];
  const bySource = new Set(outputs.map((o) => o.source));
  const byOutput = new Map<string, string[]>();
  for (const { source, output } of outputs) byOutput.set(output, [...(byOutput.get(output) ?? []), source]);
  for (const [output, sources] of byOutput) {
    const problem = ossUriProblem(output);
    if (problem) collisions.push({ output, sources, reason: problem });
    else if (sources.length > 1)
      collisions.push({
        output,
        sources,
        reason: t('{0} sources would write to {1}: add {2} or {3} to the template.', sources.length, output, '{key}', '{index}'),
      });
    else if (bySource.has(output)) collisions.push({ output, sources, reason: t('{0} is one of the sources: the task would overwrite it.', output) });
  }
  return { outputs, collisions };
}
