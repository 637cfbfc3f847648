import type { JsonPath } from '../parse/document';
import { t } from '../shared/l10n';
import { meaningOf } from '../features/fieldDocs';
import { REQUEST_SCHEMA } from './schema';
import snippetFile from '../../../snippets/imm-highlight.json';
import zhCnSnippetTexts from '../../../snippets/imm-highlight.zh-cn.json';

/**
 * The snippets of the job language, written in snippets/imm-highlight.json (VS Code snippet JSON, so people and
 * tools can read and reuse them) and bundled into every build: nothing reads the file at run time. The language
 * server offers them as completion items only where they fit, which the file's `x-` keys say. They are not
 * contributed to VS Code as a snippets file: VS Code would offer them everywhere (inside values, under Edit, …),
 * where a whole job written into `Type: ` makes seven errors.
 *
 * `body` uses VS Code snippet syntax with two spaces per level and its first line at the insertion column;
 * completion re-indents it to the document's style. Values the user must replace are the placeholders of
 * placeholders.ts, which validation reports until they are replaced.
 */
export type SnippetPlace =
  /** Where a job can start: an empty document, or the top level of one that has no keys yet. */
  | { readonly kind: 'job' }
  /** A new item of the list at `list` (at the column of its dashes, or right after a `- `). */
  | { readonly kind: 'item'; readonly list: JsonPath }
  /** A top-level key that the job does not have yet. */
  | { readonly kind: 'top-level-key'; readonly key: string };

export interface JobSnippet {
  readonly prefix: string;
  /** Functions: the texts are translated when shown, after the display language is chosen. */
  readonly label: () => string;
  readonly description: () => string;
  readonly place: SnippetPlace;
  readonly body: readonly string[];
  /** For a whole job: its Type, so the empty-job quick fix can offer one job per Type. */
  readonly type?: string;
  /** Offered only in jobs of these Types (or with no Type yet): the fields it writes take effect there. */
  readonly forTypes?: readonly string[];
}

/**
 * One entry of snippets/imm-highlight.json: VS Code's `prefix`, `body` and `description` (VS Code's snippet loader
 * reads only those and `scope`, and skips the rest), and where the snippet may be offered:
 * - `"x-place": "job"` with `"x-type"`: a whole job of that Type, where a job can start;
 * - `"x-place": "item"` with `"x-list"` (the list's path, `["Edit", "Transitions"]`): a new item of that list;
 * - `"x-place": "top-level-key"` with `"x-key"`: a top-level key the job does not have yet;
 * - `"x-for-types"`: offered only in jobs of these Types (or with no Type yet).
 * A whole job has no `description`: its text is the schema's meaning of its Type (below), one text for
 * completion, hover and the New File picker.
 */
export interface SnippetFileEntry {
  readonly prefix: string;
  readonly body: readonly string[];
  readonly description?: string;
  readonly 'x-place': string;
  readonly 'x-type'?: string;
  readonly 'x-list'?: readonly string[];
  readonly 'x-key'?: string;
  readonly 'x-for-types'?: readonly string[];
}

/** The texts of one snippet in another language, keyed like the snippets file: its name and description. */
export type SnippetTextTable = Readonly<Record<string, { readonly name: string; readonly description?: string }>>;

const TABLES: Readonly<Record<string, SnippetTextTable | undefined>> = { 'zh-cn': zhCnSnippetTexts };
let texts: SnippetTextTable | undefined;

/** Switches the snippets' names and descriptions to a language (once at start-up, with the messages). */
export function localizeSnippetTexts(locale: string): void {
  texts = TABLES[locale];
}

/**
 * What a whole job of a Type does, in the words of the schema's Type values: completion, hover and the New File
 * picker say the same (and the zh-cn schema texts translate it).
 */
function jobTypeDescription(type: string): string {
  const schema = REQUEST_SCHEMA.properties!.Type!;
  const meaning = meaningOf(schema, schema.enum?.indexOf(type) ?? -1) ?? '';
  return t('A {0} job: {1}', type, meaning);
}

/** Where an entry may be offered, from its `x-` keys; a malformed entry throws, so the build's tests catch it. */
function placeOf(name: string, entry: SnippetFileEntry): SnippetPlace {
  const place = entry['x-place'];
  if (place === 'job' && entry['x-type']) return { kind: 'job' };
  if (place === 'item' && entry['x-list']?.length) return { kind: 'item', list: [...entry['x-list']] };
  if (place === 'top-level-key' && entry['x-key']) return { kind: 'top-level-key', key: entry['x-key'] };
  throw new Error(`snippets/imm-highlight.json: "${name}" has no valid x-place (job with x-type, item with x-list, top-level-key with x-key)`);
}

/** The snippets of a snippets file, in its order. */
export function snippetsOf(file: Readonly<Record<string, SnippetFileEntry>>): JobSnippet[] {
  return Object.entries(file).map(([name, entry]): JobSnippet => {
    const place = placeOf(name, entry);
    const type = entry['x-type'];
    const description = entry.description;
    if (place.kind !== 'job' && !description) throw new Error(`snippets/imm-highlight.json: "${name}" has no description`);
    return {
      prefix: entry.prefix,
      label: () => texts?.[name]?.name ?? name,
      description: () => (place.kind === 'job' ? jobTypeDescription(type!) : (texts?.[name]?.description ?? description!)),
      place,
      body: entry.body,
      ...(type ? { type } : {}),
      ...(entry['x-for-types'] ? { forTypes: entry['x-for-types'] } : {}),
    };
  });
}

export const SNIPPETS: readonly JobSnippet[] = snippetsOf(snippetFile);

/** The snippet's text as inserted when the user keeps every default (the first option of each choice). */
export function expandDefaults(body: readonly string[] | string): string {
  const text = typeof body === 'string' ? body : body.join('\n');
  let out = '';
  let i = 0;
  const read = (until: string | undefined): string => {
    let result = '';
    while (i < text.length) {
      const c = text[i]!;
      if (c === '\\' && i + 1 < text.length) {
        result += text[i + 1];
        i += 2;
      } else if (until !== undefined && c === until) {
        return result;
      } else if (c === '$') {
        result += tabStop();
      } else {
        result += c;
        i++;
      }
    }
    return result;
  };
  const tabStop = (): string => {
    const simple = /^\$(\d+)/.exec(text.slice(i)) ?? /^\$\{(\d+)\}/.exec(text.slice(i));
    if (simple) {
      i += simple[0].length;
      return '';
    }
    const open = /^\$\{(\d+)([:|])/.exec(text.slice(i));
    if (!open) {
      i++;
      return '$';
    }
    i += open[0].length;
    if (open[2] === ':') {
      const value = read('}');
      i++;
      return value;
    }
    const end = text.indexOf('|}', i);
    const first = text.slice(i, end).split(',')[0] ?? '';
    i = end + 2;
    return first;
  };
  out = read(undefined);
  return out;
}
