/**
 * Commands of the Highlight Tasks view: details, refresh, open the job file, the request sent, copy a task id,
 * clear the list; and the history for tests.
 */
import * as vscode from 'vscode';
import { notify, withProgress } from '../notify';
import { confirmGuarded } from '../guardedModal';
import { Commands } from '../commandIds';
import { sentRequestUri } from '../request/preview';
import { batchItemDetailsUri, taskDetailsUri, type TaskDetailsProvider } from './detailsView';
import type { TaskFollower } from './follower';
import type { TaskHistory } from './history';
import { isTerminal, type TaskRecord } from './record';
import { clearQuestion, statusText } from './status';
import type { TaskTreeNode } from './tree';

/** The task an item command was run on: a tree node, a TaskId (notifications, tests), else undefined. */
function taskIdGiven(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  const node = arg as TaskTreeNode | undefined;
  if (node?.kind === 'batchItem') return node.record.taskId || undefined;
  return node?.kind === 'task' ? node.record.taskId : undefined;
}

/** From the tree (a node), a notification (the id) or the palette (nothing: ask). */
async function taskIdOf(arg: unknown, history: TaskHistory, title: string): Promise<string | undefined> {
  const given = taskIdGiven(arg);
  if (given) return given;
  const pick = await vscode.window.showQuickPick(
    history.list().map((r) => ({ label: r.taskId, description: `${statusText(r)} · ${r.fileLabel}` })),
    {
      title: vscode.l10n.t('IMM Highlight: {0}', title),
      placeHolder: history.list().length ? vscode.l10n.t('Pick a task') : vscode.l10n.t('No tasks have been submitted from this workspace'),
    },
  );
  return pick?.label;
}

/** `onRefresh`: a task (or all) was refreshed, so what is known about its output is looked up again. */
/** The built-in Markdown extension's command that opens a rendered preview of a document. */
const MARKDOWN_PREVIEW = 'markdown.showPreview';

export function registerTaskCommands(
  history: TaskHistory,
  follower: TaskFollower,
  details: TaskDetailsProvider,
  onRefresh?: (taskId: string | undefined) => void,
): vscode.Disposable {
  const recordOf = async (arg: unknown, title: string): Promise<TaskRecord | undefined> => {
    const taskId = await taskIdOf(arg, history, title);
    if (!taskId) return undefined;
    const record = history.get(taskId);
    if (!record) void notify.warning(vscode.l10n.t("IMM Highlight: task {0} is no longer in this workspace's task history.", taskId));
    return record;
  };

  const lookUpWithProgress = (record: TaskRecord) =>
    withProgress({ location: vscode.ProgressLocation.Window, title: `GetTask ${record.taskId}` }, () => details.lookUp(record));

  const openDetails = async (uri: vscode.Uri): Promise<vscode.Uri> => {
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.languages.setTextDocumentLanguage(document, 'markdown');
    // Rendered, not as `| | |` source: VS Code's Markdown preview (desktop and web) follows the document's changes.
    // Its source is escaped (taskDetails.ts), and the preview's default security runs no scripts.
    // Run, not looked up first: the command is registered only once the Markdown extension has activated, which
    // running it triggers. Without that extension (disabled), the source is shown.
    try {
      await vscode.commands.executeCommand(MARKDOWN_PREVIEW, uri);
    } catch {
      await vscode.window.showTextDocument(document, { preview: true });
    }
    return uri;
  };

  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.copyTaskId, async (arg?: unknown) => {
      const taskId = await taskIdOf(arg, history, 'Copy Task ID');
      if (!taskId) return;
      await vscode.env.clipboard.writeText(taskId);
      vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', taskId), 3000);
    }),

    vscode.commands.registerCommand(Commands.showTaskDetails, async (arg?: unknown): Promise<vscode.Uri | undefined> => {
      const node = typeof arg === 'object' ? (arg as TaskTreeNode | undefined) : undefined;
      if (node?.kind === 'batchItem') {
        // A batch item is in no task history: its details come from its manifest, and GetTask when it has a task.
        const found = details.batchItem(node.batchId, node.index);
        if (found?.record.taskId) await lookUpWithProgress(found.record);
        return openDetails(batchItemDetailsUri(node.batchId, node.index));
      }
      const record = await recordOf(arg, 'Show Task Details');
      if (!record) return undefined;
      // A fresh GetTask first, so the view opens with every field IMM has now; on failure it shows why and the last known state.
      await lookUpWithProgress(record);
      return openDetails(taskDetailsUri(record.taskId));
    }),

    vscode.commands.registerCommand(Commands.refreshTasks, async (arg?: unknown): Promise<void> => {
      const taskId = taskIdGiven(arg);
      const record = taskId ? history.get(taskId) : undefined;
      onRefresh?.(record?.taskId);
      if (record) {
        // One task: look now, even at an ended one, and follow it again if it has not ended.
        await details.lookUp(record);
        const fresh = history.get(record.taskId);
        if (fresh && !isTerminal(fresh.status) && !follower.isFollowing(fresh.taskId)) void follower.follow(fresh);
        return;
      }
      follower.refresh();
    }),

    vscode.commands.registerCommand(Commands.openJobFile, async (arg?: unknown): Promise<vscode.Uri | undefined> => {
      const record = await recordOf(arg, 'Open Job File');
      if (!record) return undefined;
      const uri = vscode.Uri.parse(record.fileUri, true);
      try {
        await vscode.window.showTextDocument(uri, { preview: false });
        return uri;
      } catch {
        void notify.error(
          vscode.l10n.t(
            'IMM Highlight: the job file of {0} ({1}) cannot be opened; it may have been moved, deleted or never saved.',
            record.taskId,
            record.fileLabel,
          ),
        );
        return undefined;
      }
    }),

    vscode.commands.registerCommand(Commands.showSentRequest, async (arg?: unknown): Promise<vscode.Uri | undefined> => {
      const record = await recordOf(arg, 'Show Request');
      if (!record) return undefined;
      const uri = sentRequestUri(record.taskId);
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.languages.setTextDocumentLanguage(document, 'json');
      await vscode.window.showTextDocument(document, { preview: true });
      return uri;
    }),

    vscode.commands.registerCommand(Commands.clearTaskHistory, async () => {
      const records = history.list();
      if (records.length === 0) return;
      const question = clearQuestion(records);
      const clear = vscode.l10n.t('Clear');
      if (!(await confirmGuarded({ message: question.message, detail: question.detail, action: clear, keep: vscode.l10n.t('Keep History') }))) return;
      for (const record of history.list()) follower.stop(record.taskId);
      await history.clear();
    }),

    vscode.commands.registerCommand(Commands.taskHistory, (): readonly TaskRecord[] => history.list()),
  );
}
