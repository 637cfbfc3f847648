/** The IMM projects of the local endpoint and the GetProject / ListProjects answers. */
import { ParameterError } from './params';

export interface ProjectSpec {
  readonly ProjectName: string;
  readonly Description?: string;
}

export interface StoredProject {
  readonly ProjectName: string;
  readonly Description: string;
  readonly ServiceRole: string;
  readonly CreateTime: string;
  readonly UpdateTime: string;
  readonly ProjectMaxDatasetCount: number;
  readonly DatasetMaxBindCount: number;
  readonly DatasetMaxFileCount: number;
  readonly DatasetCount: number;
  readonly FileCount: number;
  readonly TemplateId: string;
  readonly ProjectQueriesPerSecond: number;
  readonly EngineConcurrency: number;
}

/** What the demo and tests list when a test names no projects. */
export const DEFAULT_PROJECTS: readonly ProjectSpec[] = [
  { ProjectName: 'immtest', Description: 'Highlights of the team videos' },
  { ProjectName: 'media-archive', Description: 'Archive of past events' },
];

export function storeProjects(specs: readonly (ProjectSpec | string)[]): Map<string, StoredProject> {
  const projects = new Map<string, StoredProject>();
  for (const spec of specs) {
    const { ProjectName, Description = '' } = typeof spec === 'string' ? { ProjectName: spec } : spec;
    projects.set(ProjectName, {
      ProjectName,
      Description,
      ServiceRole: 'AliyunIMMDefaultRole',
      CreateTime: '2026-03-01T08:00:00.000000+08:00',
      UpdateTime: '2026-11-01T08:00:00.000000+08:00',
      ProjectMaxDatasetCount: 1000000000,
      DatasetMaxBindCount: 10,
      DatasetMaxFileCount: 100000000,
      DatasetCount: 1,
      FileCount: 42,
      TemplateId: 'Official:AllFunction',
      ProjectQueriesPerSecond: 0,
      EngineConcurrency: 0,
    });
  }
  return projects;
}

export function checkGetProject(params: ReadonlyMap<string, string>): { ProjectName: string; WithStatistics: boolean } {
  const ProjectName = params.get('ProjectName');
  if (!ProjectName)
    throw new ParameterError(
      'MissingParameter',
      'ProjectName',
      'The input parameter "ProjectName" that is mandatory for processing this request is not supplied.',
    );
  const stats = params.get('WithStatistics');
  if (stats !== undefined && stats !== 'true' && stats !== 'false')
    throw new ParameterError('InvalidArgument', 'WithStatistics', 'The parameter "WithStatistics" is invalid: must be true or false.');
  return { ProjectName, WithStatistics: stats === 'true' };
}

/** ListProjects: Prefix, MaxResults 0–200 (default 100; 0 means the default), NextToken (opaque). */
export function listProjects(
  projects: ReadonlyMap<string, StoredProject>,
  params: ReadonlyMap<string, string>,
): { Projects: StoredProject[]; NextToken: string } {
  const maxText = params.get('MaxResults');
  const max = maxText === undefined || maxText === '0' ? 100 : Number(maxText);
  if (!Number.isInteger(max) || max < 0 || max > 200)
    throw new ParameterError('InvalidArgument', 'MaxResults', 'The parameter "MaxResults" is invalid: must be an integer from 0 to 200.');
  const prefix = params.get('Prefix') ?? '';
  const token = params.get('NextToken');
  const after = token ? Buffer.from(token, 'base64url').toString('utf8') : '';
  if (token && Buffer.from(after, 'utf8').toString('base64url') !== token)
    throw new ParameterError('InvalidArgument', 'NextToken', 'The parameter "NextToken" is invalid.');
  const names = [...projects.keys()].filter((n) => n.startsWith(prefix) && n > after).sort();
  const page = names.slice(0, max);
  const more = names.length > page.length;
  return { Projects: page.map((n) => projects.get(n)!), NextToken: more ? Buffer.from(page[page.length - 1]!, 'utf8').toString('base64url') : '' };
}
