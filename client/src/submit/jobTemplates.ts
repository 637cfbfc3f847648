/** Whole-job templates from the snippets file, for File › New File…. Pure, no VS Code. */
export interface JobTemplate {
  readonly name: string;
  readonly description: string;
  readonly body: string;
}

/** The snippets that are a whole job (a top-level `Type:`); smaller ones (a Sources item, …) are left out. */
export function jobTemplates(snippetsText: string): JobTemplate[] {
  let snippets: unknown;
  try {
    snippets = JSON.parse(snippetsText);
  } catch {
    return [];
  }
  if (typeof snippets !== 'object' || snippets === null) return [];
  const templates: JobTemplate[] = [];
  for (const [name, value] of Object.entries(snippets as Record<string, unknown>)) {
    const { body, description } = (value ?? {}) as { body?: unknown; description?: unknown };
    const text = Array.isArray(body) ? body.filter((l): l is string => typeof l === 'string').join('\n') : typeof body === 'string' ? body : '';
    if (!/^Type:/m.test(text)) continue;
    templates.push({ name, description: typeof description === 'string' ? description : '', body: text });
  }
  return templates;
}
