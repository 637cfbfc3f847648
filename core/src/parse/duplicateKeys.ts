import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import type { JobDocument, JsonPath } from './document';

/**
 * The paths of the keys a job gives more than once in one mapping (`Type: Concat` … `Type: Retrieval`), as
 * the request value names them. Which value the user means is unknown there, so the API rules must not
 * reason from either (rules.ts, checkRule). Empty unless the parse reported a duplicate key: most jobs pay
 * nothing for this.
 */
export function duplicatedKeyPaths(doc: JobDocument): ReadonlySet<string> {
  const paths = new Set<string>();
  if (!doc.yaml || !doc.yaml.errors.some((error) => error.code === 'DUPLICATE_KEY')) return paths;
  const visit = (node: unknown, path: (string | number)[]): void => {
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const item of node.items) {
        if (!isPair(item)) continue;
        // As toJS names a property: a scalar key's value as text (an empty key is "").
        if (isScalar(item.key)) {
          const name = item.key.value === null ? '' : String(item.key.value);
          if (seen.has(name)) paths.add(pathKey([...path, name]));
          seen.add(name);
          visit(item.value, [...path, name]);
        }
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => visit(item as Node, [...path, i]));
    }
  };
  visit(doc.yaml.contents, []);
  return paths;
}

/** One string per path, for sets of paths. */
export function pathKey(path: JsonPath): string {
  return JSON.stringify(path);
}
