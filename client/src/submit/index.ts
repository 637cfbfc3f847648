/**
 * Job submission in VS Code: credentials, Submit task, request preview, following tasks, the task list.
 * Wiring only; each part lives in its own module.
 */
import * as vscode from 'vscode';
import type { ImmHighlightApi } from '../api';
import { createClient } from '../access/clientFactory';
import { registerCredentialCommands } from '../access/credentialCommands';
import type { EndpointTrust } from '../access/endpointTrust';
import type { CredentialStore } from '../access/credentialStore';
import { IdentityResolver } from '../access/identityResolver';
import { Commands } from '../commandIds';
import { REQUEST_SCHEME, TASK_DETAILS_SCHEME, TASKS_VIEW_ID } from '../constants';
import { resolvedPreviewCredentials } from '../access/previewIdentity';
import { RequestPreviewProvider } from '../request/preview';
import { readSubmitSettings } from '../access/settings';
import { registerNewJobCommand } from '../newJob/command';
import { registerSubmitCodeLens } from './codeLens';
import { Submitter } from './command';
import { SubmitDiagnostics } from './diagnostics';
import { TaskFollower } from '../tasks/follower';
import { TaskDetailsProvider } from '../tasks/detailsView';
import type { TaskRecord } from '../tasks/record';
import type { ImmClient } from '../../../api/src/client';
import { TaskHistory } from '../tasks/history';
import { createTaskStatusBar } from '../tasks/statusBar';
import { TaskTreeProvider } from '../tasks/tree';
import { registerTaskCommands } from '../tasks/commands';
import { registerRequestCommands } from '../request/commands';
import { notifyFinished, notifyStopped } from '../tasks/notifications';
import type { OutputSource } from '../results/outputAnswer';
import { registerBatchFeature } from '../batch/index';
import { ProjectTasks } from '../tasks/projectTasks';

export type { SubmitOutcome } from './command';

/** What the results feature lends the task view and the follower. */
export interface ResultsHooks {
  readonly outputs: OutputSource;
  taskSucceeded(record: TaskRecord): void;
}

export function registerSubmitFeature(
  context: vscode.ExtensionContext,
  api: ImmHighlightApi,
  credentials: CredentialStore,
  endpointTrust: EndpointTrust,
  results?: ResultsHooks,
): vscode.Disposable {
  const output = api.outputChannel;
  const log = (line: string): void => output.appendLine(line);
  const version = String((context.extension.packageJSON as { version?: unknown }).version ?? '0.0.0');

  const history = new TaskHistory(context.workspaceState);
  // The region and endpoint of the submission, the timeout and credentials of today.
  const clientFor = async (record: TaskRecord): Promise<ImmClient> =>
    createClient(
      credentials,
      {
        region: record.region,
        endpoint: record.endpoint,
        timeoutMs: readSubmitSettings(record.fileUri ? vscode.Uri.parse(record.fileUri, true) : undefined).timeoutMs,
      },
      version,
    );
  const batches = registerBatchFeature(context, { credentials, endpointTrust, log, extensionVersion: version });
  const details = new TaskDetailsProvider(history, clientFor, results?.outputs, batches.store);
  const follower = new TaskFollower({
    history,
    clientFor,
    log,
    onFinished: (record) => {
      if (record.status === 'Succeeded') results?.taskSucceeded(record);
      void notifyFinished(record, results?.outputs);
    },
    onStopped: (record, message, quiet) => {
      if (!quiet) void notifyStopped(record, message);
    },
    onAnswer: (task) => details.answered(task),
  });
  const diagnostics = new SubmitDiagnostics();
  const identities = new IdentityResolver(() => credentials.source());
  const preview = new RequestPreviewProvider(resolvedPreviewCredentials(credentials, identities), (taskId) => history.get(taskId)?.sentRequest);
  const submitter = new Submitter({ credentials, history, follower, diagnostics, preview, identities, output, extensionVersion: version, endpointTrust });
  // Read only, off by default: the projects of this workspace's tasks and batches, listed from IMM.
  const projectTasks = new ProjectTasks(
    () => [
      ...history.list().map((r) => ({ projectName: r.projectName, region: r.region, endpoint: r.endpoint })),
      ...batches.store.list().map((m) => ({ projectName: m.projectName, region: m.region ?? readSubmitSettings(undefined).region, endpoint: m.endpoint })),
    ],
    async (project) =>
      createClient(
        credentials,
        { region: project.region, ...(project.endpoint ? { endpoint: project.endpoint } : {}), timeoutMs: readSubmitSettings(undefined).timeoutMs },
        version,
      ),
  );
  const tree = new TaskTreeProvider(history, results?.outputs, batches.store, projectTasks);

  const disposable = vscode.Disposable.from(
    batches,
    projectTasks,
    follower,
    diagnostics,
    preview,
    tree,
    details,
    vscode.workspace.registerTextDocumentContentProvider(REQUEST_SCHEME, preview),
    vscode.workspace.registerTextDocumentContentProvider(TASK_DETAILS_SCHEME, details),
    vscode.window.registerTreeDataProvider(TASKS_VIEW_ID, tree),
    createTaskStatusBar(history, follower),
    registerSubmitCodeLens(),
    registerNewJobCommand(),
    registerCredentialCommands(credentials, identities, log, context.extensionMode === vscode.ExtensionMode.Test),
    registerRequestCommands(preview),
    registerTaskCommands(history, follower, details, (taskId) => results?.outputs.forget(taskId)),
    vscode.commands.registerCommand(Commands.submitTask, (arg?: unknown) => submitter.submit(arg)),
    // A fixed key or profile is a reason to try again the tasks whose following stopped for lack of credentials.
    credentials.onDidChange(() => {
      identities.forget();
      follower.refresh();
    }),
  );
  follower.resumeAll();
  return disposable;
}
