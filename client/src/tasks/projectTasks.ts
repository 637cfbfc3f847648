/** ListTasks for the view's "recent tasks in project" rows: asked when a project row is expanded, kept for a minute. */
import * as vscode from 'vscode';
import { describeImmError, ImmApiError } from '../../../api/src/errors';
import type { ImmClient } from '../../../api/src/client';
import type { ProjectRef, ProjectTasksAnswer, ProjectTasksSource } from './projectTaskItems';

const KEEP_MS = 60_000;
/** How many recent tasks a project row lists (one ListTasks page). */
export const PROJECT_TASKS_SHOWN = 50;

export class ProjectTasks implements ProjectTasksSource, vscode.Disposable {
  private readonly answers = new Map<string, { answer: ProjectTasksAnswer; at: number }>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly listener: vscode.Disposable;

  constructor(
    private readonly known: () => ProjectRef[],
    private readonly clientFor: (project: ProjectRef) => Promise<ImmClient>,
  ) {
    this.listener = vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('immHighlight.tasks.showProjectTasks')) this.changed.fire();
    });
  }

  projects(): ProjectRef[] {
    if (!vscode.workspace.getConfiguration('immHighlight').get<boolean>('tasks.showProjectTasks', false)) return [];
    const seen = new Map<string, ProjectRef>();
    for (const project of this.known()) seen.set(`${project.region}/${project.endpoint ?? ''}/${project.projectName}`, project);
    return [...seen.values()];
  }

  answer(project: ProjectRef): ProjectTasksAnswer {
    const key = `${project.region}/${project.endpoint ?? ''}/${project.projectName}`;
    const kept = this.answers.get(key);
    if (kept && (kept.answer.state === 'loading' || Date.now() - kept.at < KEEP_MS)) return kept.answer;
    this.answers.set(key, { answer: { state: 'loading' }, at: Date.now() });
    void this.load(project).then((answer) => {
      this.answers.set(key, { answer, at: Date.now() });
      this.changed.fire();
    });
    return { state: 'loading' };
  }

  private async load(project: ProjectRef): Promise<ProjectTasksAnswer> {
    try {
      const client = await this.clientFor(project);
      const page = await client.listTasks({
        projectName: project.projectName,
        taskTypes: ['Highlight'],
        sort: 'StartTime',
        order: 'desc',
        maxResults: PROJECT_TASKS_SHOWN,
      });
      return {
        state: 'done',
        tasks: page.tasks.map((task) => {
          const tags = task.fields?.['Tags'];
          return {
            taskId: task.taskId,
            status: task.status,
            code: task.code,
            startTime: task.startTime,
            tags:
              tags && typeof tags === 'object'
                ? Object.entries(tags as Record<string, unknown>)
                    .map(([k, v]) => `${k}=${String(v)}`)
                    .join(', ')
                : '',
          };
        }),
      };
    } catch (error) {
      return { state: 'failed', message: error instanceof ImmApiError ? describeImmError(error) : error instanceof Error ? error.message : String(error) };
    }
  }

  dispose(): void {
    this.listener.dispose();
    this.changed.dispose();
  }
}
