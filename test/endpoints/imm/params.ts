/**
 * Parameter checks of the local endpoint: what the service itself refuses (missing, unparsable or out of
 * range values), with the parameter path in the message as IMM reports it. It is not a second copy of the
 * editor's validation: a request that passes here may still be one the editor warns about.
 */

export class ParameterError extends Error {
  constructor(
    readonly code: 'MissingParameter' | 'InvalidArgument',
    readonly parameter: string,
    message: string,
  ) {
    super(message);
  }
}

const missing = (name: string): ParameterError =>
  new ParameterError('MissingParameter', name, `The input parameter "${name}" that is mandatory for processing this request is not supplied.`);
const invalid = (path: string, why: string): ParameterError => new ParameterError('InvalidArgument', path, `The parameter "${path}" is invalid: ${why}`);

const OSS_URI = /^oss:\/\/[a-z0-9][a-z0-9-]{1,61}[a-z0-9]\/.+/;
const JSON_PARAMETERS = ['Sources', 'Output', 'Edit', 'Highlight', 'Tags', 'Notification', 'CredentialConfig'] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface CreateParameters {
  readonly ProjectName: string;
  readonly Type: string;
  readonly json: Readonly<Record<string, unknown>>;
  readonly UserData?: string;
}

export function checkCreate(params: ReadonlyMap<string, string>): CreateParameters {
  const project = params.get('ProjectName');
  if (!project) throw missing('ProjectName');
  const type = params.get('Type');
  if (!type) throw missing('Type');
  if (!['Retrieval', 'Concat', 'Compose'].includes(type)) throw invalid('Type', 'must be Retrieval, Concat or Compose.');
  const mode = params.get('Mode');
  if (mode !== undefined && !['Scene', 'Average'].includes(mode)) throw invalid('Mode', 'must be Scene or Average.');

  const json: Record<string, unknown> = {};
  for (const name of JSON_PARAMETERS) {
    const text = params.get(name);
    if (text === undefined) continue;
    try {
      json[name] = JSON.parse(text);
    } catch {
      throw invalid(name, 'is not valid JSON.');
    }
  }

  const sources = json['Sources'];
  if (sources === undefined) throw missing('Sources');
  if (!Array.isArray(sources) || sources.length === 0 || sources.length > 10) throw invalid('Sources', 'must be a list of 1 to 10 videos.');
  sources.forEach((source: unknown, i) => {
    if (!isRecord(source)) throw invalid(`Sources.${i}`, 'must be an object.');
    if (typeof source['URI'] !== 'string' || !OSS_URI.test(source['URI'])) throw invalid(`Sources.${i}.URI`, 'must be an OSS URI (oss://bucket/object).');
  });

  const output = json['Output'];
  if (output === undefined) throw missing('Output');
  if (!isRecord(output)) throw invalid('Output', 'must be an object.');
  if (typeof output['URI'] !== 'string' || !OSS_URI.test(output['URI'])) throw invalid('Output.URI', 'must be an OSS URI (oss://bucket/object).');
  if ((type === 'Concat' || type === 'Compose') && output['Container'] === undefined) throw invalid('Output.Container', `is required when Type is ${type}.`);

  for (const name of ['Edit', 'Highlight', 'Tags', 'Notification', 'CredentialConfig']) {
    if (json[name] !== undefined && !isRecord(json[name])) throw invalid(name, 'must be an object.');
  }
  const highlight = json['Highlight'];
  if (isRecord(highlight) && (typeof highlight['Content'] !== 'string' || highlight['Content'].length > 100)) {
    throw invalid('Highlight.Content', 'must be text of at most 100 characters.');
  }
  const userData = params.get('UserData');
  return { ProjectName: project, Type: type, json, ...(userData !== undefined ? { UserData: userData } : {}) };
}

export interface GetTaskParameters {
  readonly ProjectName: string;
  readonly TaskId: string;
  readonly TaskType: string;
}

export function checkGetTask(params: ReadonlyMap<string, string>): GetTaskParameters {
  const ProjectName = params.get('ProjectName');
  if (!ProjectName) throw missing('ProjectName');
  const TaskId = params.get('TaskId');
  if (!TaskId) throw missing('TaskId');
  const TaskType = params.get('TaskType');
  if (!TaskType) throw missing('TaskType');
  if (TaskType !== TaskId.split('-')[0]) throw invalid('TaskType', `does not match the task ${TaskId}.`);
  return { ProjectName, TaskId, TaskType };
}
