/**
 * ListTasks of the local endpoint, as documented: ProjectName (required), TaskTypes (a JSON array, as the SDKs shrink
 * it), TagSelector (`key=value`, pairs joined by commas all match), Status, Sort (TaskId, StartTime, EndTime) with
 * Order (asc, desc), MaxResults 1–100 (default 100), NextToken (opaque) and RequestDefinition. The answer is
 * `{NextToken, Tasks[]}` of TaskInfo. A task listed counts as looked at, as a GetTask would: it moves one step on.
 *
 * Not documented, so chosen here: the default order is StartTime ascending; the NextToken names the last task of
 * the page (its sort value and TaskId), so a task created between two pages neither repeats nor hides another.
 */
import { ParameterError } from './params';
import type { StoredTask, TaskStore, TaskView } from './tasks';

const SORTS = ['TaskId', 'StartTime', 'EndTime'] as const;
const STATUSES = ['Running', 'Succeeded', 'Failed', 'Cancelled'];
type Sort = (typeof SORTS)[number];

export interface ListTasksParameters {
  readonly ProjectName: string;
  readonly TaskTypes: readonly string[] | undefined;
  readonly tags: readonly (readonly [string, string])[];
  readonly Status: string | undefined;
  readonly Sort: Sort;
  readonly Order: 'asc' | 'desc';
  readonly MaxResults: number;
  readonly after: readonly [string, string] | undefined;
  readonly RequestDefinition: boolean;
}

const invalid = (name: string, why: string): ParameterError => new ParameterError('InvalidArgument', name, `The parameter "${name}" is invalid: ${why}`);

export function checkListTasks(params: ReadonlyMap<string, string>): ListTasksParameters {
  const ProjectName = params.get('ProjectName');
  if (!ProjectName)
    throw new ParameterError(
      'MissingParameter',
      'ProjectName',
      'The input parameter "ProjectName" that is mandatory for processing this request is not supplied.',
    );
  let TaskTypes: string[] | undefined;
  const typesText = params.get('TaskTypes');
  if (typesText !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(typesText);
    } catch {
      throw invalid('TaskTypes', 'is not valid JSON.');
    }
    if (!Array.isArray(parsed) || !parsed.every((type) => typeof type === 'string')) throw invalid('TaskTypes', 'must be a list of task types.');
    TaskTypes = parsed as string[];
  }
  const tags: [string, string][] = [];
  const selector = params.get('TagSelector');
  if (selector !== undefined && selector !== '') {
    for (const pair of selector.split(',')) {
      const at = pair.indexOf('=');
      if (at <= 0) throw invalid('TagSelector', 'must be key=value.');
      tags.push([pair.slice(0, at), pair.slice(at + 1)]);
    }
  }
  const Status = params.get('Status') || undefined;
  if (Status !== undefined && !STATUSES.includes(Status)) throw invalid('Status', `must be one of ${STATUSES.join(', ')}.`);
  const sortText = params.get('Sort') || 'StartTime';
  if (!(SORTS as readonly string[]).includes(sortText)) throw invalid('Sort', `must be one of ${SORTS.join(', ')}.`);
  const orderText = params.get('Order') || 'asc';
  if (orderText !== 'asc' && orderText !== 'desc') throw invalid('Order', 'must be asc or desc.');
  const maxText = params.get('MaxResults');
  const MaxResults = maxText === undefined ? 100 : Number(maxText);
  if (!Number.isInteger(MaxResults) || MaxResults < 1 || MaxResults > 100) throw invalid('MaxResults', 'must be an integer from 1 to 100.');
  const token = params.get('NextToken') || undefined;
  let after: [string, string] | undefined;
  if (token !== undefined) {
    try {
      const decoded: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
      if (!Array.isArray(decoded) || decoded.length !== 2 || !decoded.every((part) => typeof part === 'string')) throw new Error('shape');
      after = [decoded[0] as string, decoded[1] as string];
    } catch {
      throw invalid('NextToken', 'is not a token this operation returned.');
    }
  }
  const definition = params.get('RequestDefinition');
  if (definition !== undefined && definition !== 'true' && definition !== 'false') throw invalid('RequestDefinition', 'must be true or false.');
  return {
    ProjectName,
    TaskTypes,
    tags,
    Status,
    Sort: sortText as Sort,
    Order: orderText,
    MaxResults,
    after,
    RequestDefinition: definition === 'true',
  };
}

function sortValue(task: StoredTask, sort: Sort): string {
  if (sort === 'TaskId') return task.TaskId;
  if (sort === 'StartTime') return task.StartTime;
  // Tasks still running have no EndTime: they sort after every ended one.
  return task.endTime ?? '\uffff';
}

function compare(a: readonly [string, string], b: readonly [string, string]): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0;
}

/** The fields of a TaskInfo, from a GetTask-shaped view. */
const TASK_INFO_FIELDS = ['TaskId', 'TaskType', 'Status', 'Code', 'Message', 'StartTime', 'EndTime', 'Progress', 'Tags', 'UserData'];

export function listTasks(store: TaskStore, query: ListTasksParameters): { NextToken: string; Tasks: TaskView[] } {
  const sign = query.Order === 'asc' ? 1 : -1;
  const keyOf = (task: StoredTask): [string, string] => [sortValue(task, query.Sort), task.TaskId];
  const matching = store
    .ofProject(query.ProjectName)
    .filter((task) => !query.TaskTypes || query.TaskTypes.includes(task.TaskType))
    .filter((task) => query.tags.every(([key, value]) => task.Tags?.[key] === value))
    .filter((task) => !query.Status || store.statusOf(task) === query.Status)
    .sort((a, b) => sign * compare(keyOf(a), keyOf(b)))
    .filter((task) => !query.after || sign * compare(keyOf(task), query.after) > 0);
  const page = matching.slice(0, query.MaxResults);
  const more = matching.length > page.length;
  const last = page[page.length - 1];
  // The token is taken before the page is looked at: an EndTime set by this call must not move the next page.
  const NextToken = more && last ? Buffer.from(JSON.stringify(keyOf(last)), 'utf8').toString('base64url') : '';
  const Tasks = page.map((task) => {
    const view = store.poll(task);
    const info: TaskView = {};
    for (const field of TASK_INFO_FIELDS) if (view[field] !== undefined) info[field] = view[field];
    if (query.RequestDefinition) info['TaskRequestDefinition'] = JSON.stringify(task.definition);
    return info;
  });
  return { NextToken, Tasks };
}
