import type { CodeAction, Command, Connection, WorkspaceEdit } from 'vscode-languageserver';

/**
 * Quick fixes for a client that takes no CodeAction literals in answer to textDocument/codeAction (LSP before
 * 3.8): the spec lets it take Commands only. Each fix becomes a command that carries its edit; executed, the server
 * asks the client to apply that edit (workspace/applyEdit). Offered only to a client that declares applyEdit.
 */
export const APPLY_FIX_COMMAND = 'imm-highlight.applyFix';

export function asFixCommands(actions: readonly CodeAction[]): Command[] {
  return actions.flatMap((action) => (action.edit ? [{ title: action.title, command: APPLY_FIX_COMMAND, arguments: [action.edit] }] : []));
}

export function registerFixCommand(connection: Connection): void {
  connection.onExecuteCommand(async ({ command, arguments: args }) => {
    const edit = args?.[0];
    if (command !== APPLY_FIX_COMMAND || !isWorkspaceEdit(edit)) return null;
    // The edit the server itself handed out with the command, sent back by the client: applied as it is.
    await connection.workspace.applyEdit({ edit });
    return null;
  });
}

function isWorkspaceEdit(value: unknown): value is WorkspaceEdit {
  const changes = (value as { changes?: unknown } | null | undefined)?.changes;
  return typeof changes === 'object' && changes !== null && Object.values(changes).every(Array.isArray);
}
