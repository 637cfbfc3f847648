import { resolveSchema, type SchemaNode } from './schema';
import { scalarText } from '../parse/yamlText';

/** How nested skeleton lines are indented, taken from the document they go into. */
export interface SkeletonLayout {
  readonly indent: number;
  readonly indentSeq: boolean;
}

/** Nested skeletons stop here; the request schema is nowhere near this deep and has no cycles, but a guard is cheap. */
const MAX_DEPTH = 8;

/**
 * The block YAML lines of a property to add, with its required children filled in, indented relative to
 * the property's own column: `Output:` / `  URI: `. A value is filled in only where the schema gives one that
 * is sure to be valid (a default, or an enum member); free text stays empty for the user to write, because an
 * example such as `oss://test-bucket/…` would pass validation and then fail, or worse, at submission.
 */
export function blockSkeleton(key: string, schema: SchemaNode | undefined, layout: SkeletonLayout, depth = 0): string[] {
  const resolved = schema ? resolveSchema(schema) : undefined;
  const name = scalarText(key, 'PLAIN');
  if (!resolved || depth >= MAX_DEPTH) return [`${name}: `];
  const pad = ' '.repeat(layout.indent);
  if (resolved.type === 'object' || resolved.properties) {
    const required = resolved.required ?? [];
    if (required.length === 0) return [`${name}: {}`];
    const children = required.flatMap((child) => blockSkeleton(child, resolved.properties?.[child], layout, depth + 1));
    return [`${name}:`, ...children.map((line) => pad + line)];
  }
  if (resolved.type === 'array') {
    const item = resolved.items ? resolveSchema(resolved.items) : undefined;
    const required = item?.required ?? [];
    if (!item || required.length === 0) return [`${name}: []`];
    const itemLines = required.flatMap((child) => blockSkeleton(child, item.properties?.[child], layout, depth + 1));
    const dashPad = layout.indentSeq ? pad : '';
    return [`${name}:`, ...itemLines.map((line, i) => (i === 0 ? `${dashPad}- ${line}` : `${dashPad}  ${line}`))];
  }
  return [`${name}: ${placeholderOf(resolved)}`];
}

/** The same skeleton as one flow entry, for objects written as `{ … }`: `Output: {URI: }`. */
export function flowSkeleton(key: string, schema: SchemaNode | undefined, depth = 0): string {
  const resolved = schema ? resolveSchema(schema) : undefined;
  const name = scalarText(key, 'PLAIN');
  if (!resolved || depth >= MAX_DEPTH) return `${name}: `;
  if (resolved.type === 'object' || resolved.properties) {
    const required = resolved.required ?? [];
    return `${name}: {${required.map((child) => flowSkeleton(child, resolved.properties?.[child], depth + 1)).join(', ')}}`;
  }
  if (resolved.type === 'array') {
    const item = resolved.items ? resolveSchema(resolved.items) : undefined;
    const required = item?.required ?? [];
    if (!item || required.length === 0) return `${name}: []`;
    return `${name}: [{${required.map((child) => flowSkeleton(child, item.properties?.[child], depth + 1)).join(', ')}}]`;
  }
  return `${name}: ${placeholderOf(resolved)}`;
}

/** The YAML text of a value sure to be valid (a default, or an enum member), or nothing. */
function placeholderOf(schema: SchemaNode): string {
  const candidates: unknown[] = [schema.default];
  if (schema.enum) candidates.push(...(schema.examples ?? []).filter((example) => schema.enum?.includes(example as string)), schema.enum[0]);
  for (const candidate of candidates) {
    if (typeof candidate === 'boolean') return String(candidate);
    if (typeof candidate === 'string' || typeof candidate === 'number') return scalarText(candidate, 'PLAIN');
  }
  return '';
}
