import * as vscode from 'vscode';
import { State, type BaseLanguageClient } from 'vscode-languageclient';
import { Commands } from './commandIds';
import { API_ACTION, API_VERSION } from '../../core/src/index';
import { documentSelector } from './documentSelector';

/**
 * The `{}` item beside the language name in the status bar: says what the file is checked
 * against, and turns into an error with a restart action when the server is not running
 * (otherwise a file without squiggles would look valid).
 */
export function createLanguageStatus(client: BaseLanguageClient): vscode.Disposable {
  const item = vscode.languages.createLanguageStatusItem('immHighlight.schema', documentSelector);
  item.name = vscode.l10n.t('IMM Highlight validation');

  const update = (state: State): void => {
    item.busy = state === State.Starting;
    if (state === State.Stopped) {
      item.severity = vscode.LanguageStatusSeverity.Error;
      item.text = vscode.l10n.t('{0}: not checked', API_ACTION);
      // Short: the language status hover sits at the right edge of the window and cuts long lines off.
      item.detail = vscode.l10n.t('server not running');
      item.command = { title: vscode.l10n.t('Restart'), command: Commands.restartServer };
      item.accessibilityInformation = { label: vscode.l10n.t('{0} not checked: the IMM Highlight language server is not running', API_ACTION) };
    } else {
      item.severity = vscode.LanguageStatusSeverity.Information;
      item.text = API_ACTION;
      item.detail = `API ${API_VERSION}`;
      // The full sentence for screen readers, where the width does not matter.
      item.accessibilityInformation = { label: vscode.l10n.t('Validated against the {0} schema (API {1})', API_ACTION, API_VERSION) };
      item.command = { title: vscode.l10n.t('Show Output'), command: Commands.showOutput };
    }
  };
  update(client.state);
  const listener = client.onDidChangeState((event) => update(event.newState));
  return vscode.Disposable.from(listener, item);
}
