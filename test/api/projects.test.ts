/** GetProject and ListProjects through the api/ IMM client against the local IMM endpoint. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ImmApiError } from '../../api/src/index';
import { startImmEndpoint, type ImmEndpoint } from '../endpoints/imm/server';
import { clientFor } from './helpers';

let endpoint: ImmEndpoint;
before(async () => {
  endpoint = await startImmEndpoint({
    projects: [{ ProjectName: 'immtest', Description: 'Team highlights' }, { ProjectName: 'imm-archive', Description: 'Old events' }, { ProjectName: 'other' }],
  });
});
after(() => endpoint.close());

describe('IMM projects', () => {
  test('GetProject describes an existing project, signed like every call', async () => {
    const project = await clientFor(endpoint).getProject('immtest');
    assert.equal(project.projectName, 'immtest');
    assert.equal(project.description, 'Team highlights');
    assert.equal(endpoint.received('GetProject').at(-1)!.params['ProjectName'], 'immtest');
  });

  test('GetProject of a project not in the region is ResourceNotFound with advice', async () => {
    await assert.rejects(clientFor(endpoint).getProject('missing'), (error: unknown) => {
      assert.ok(error instanceof ImmApiError);
      assert.equal(error.code, 'ResourceNotFound');
      assert.match(error.message, /Project "missing" was not found in region cn-hangzhou/);
      return true;
    });
  });

  test('ListProjects pages with MaxResults and NextToken and filters by Prefix', async () => {
    const client = clientFor(endpoint);
    const first = await client.listProjects({ maxResults: 2 });
    assert.deepEqual(
      first.projects.map((p) => p.projectName),
      ['imm-archive', 'immtest'],
    );
    assert.ok(first.nextToken);
    const second = await client.listProjects({ maxResults: 2, nextToken: first.nextToken! });
    assert.deepEqual(
      second.projects.map((p) => p.projectName),
      ['other'],
    );
    assert.equal(second.nextToken, undefined);
    const prefixed = await client.listProjects({ prefix: 'imm' });
    assert.deepEqual(
      prefixed.projects.map((p) => [p.projectName, p.description]),
      [
        ['imm-archive', 'Old events'],
        ['immtest', 'Team highlights'],
      ],
    );
  });
});
