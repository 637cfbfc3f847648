import * as vscode from 'vscode';
import { notify } from '../notify';

interface ContributedCommand {
  readonly command: string;
  readonly title: string;
}

/**
 * Every contributed command the web entry does not implement (Submit, credentials, tasks, cloud features)
 * still answers when run from a keybinding, a link or another extension: with why, instead of "command not
 * found". Their menus and palette entries are hidden by the desktop context key.
 */
export function registerDesktopOnlyCommands(manifest: unknown, implemented: ReadonlySet<string>): vscode.Disposable {
  const commands = (manifest as { contributes?: { commands?: readonly ContributedCommand[] } }).contributes?.commands ?? [];
  return vscode.Disposable.from(
    ...commands
      .filter(({ command }) => !implemented.has(command))
      .map(({ command, title }) =>
        vscode.commands.registerCommand(command, () => {
          void notify.info(
            vscode.l10n.t('IMM Highlight: "{0}" needs VS Code desktop. In the browser the extension checks job files but cannot reach Alibaba Cloud.', title),
          );
          return undefined;
        }),
      ),
  );
}
