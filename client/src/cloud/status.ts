/** The language status item that says whether the cloud checks are on, as whom and where, or why not. */
import * as vscode from 'vscode';
import { documentSelector } from '../languageClient';
import { plainText } from '../plainText';
import { CLOUD_UI } from './messages';
import type { CloudDiagnostics } from './diagnostics';
import type { CloudSession } from './session';
import { Commands } from '../commandIds';

export function createCloudStatus(session: CloudSession, diagnostics: CloudDiagnostics): vscode.Disposable {
  const item = vscode.languages.createLanguageStatusItem('immHighlight.cloud', documentSelector);
  item.name = CLOUD_UI.statusName();
  let generation = 0;
  const update = async (): Promise<void> => {
    const mine = ++generation;
    const state = await session.state(vscode.window.activeTextEditor?.document.uri);
    if (mine !== generation) return;
    item.severity = vscode.LanguageStatusSeverity.Information;
    switch (state.kind) {
      case 'off':
        item.text = CLOUD_UI.statusOff();
        item.detail = CLOUD_UI.statusOffSetting();
        item.command = { title: vscode.l10n.t('Settings'), command: 'workbench.action.openSettings', arguments: ['immHighlight.cloudChecks'] };
        break;
      case 'restricted':
        item.text = CLOUD_UI.statusRestricted();
        item.detail = CLOUD_UI.statusRestrictedDetail();
        item.command = { title: CLOUD_UI.manageTrust(), command: 'workbench.trust.manage' };
        break;
      case 'noCredentials':
        item.text = CLOUD_UI.statusNoCredentials();
        item.detail = CLOUD_UI.statusNoCredentialsDetail();
        item.command = { title: CLOUD_UI.setAccessKey(), command: Commands.setAccessKey };
        break;
      case 'error':
        item.severity = vscode.LanguageStatusSeverity.Warning;
        item.text = CLOUD_UI.statusOff();
        item.detail = state.message;
        item.command = { title: vscode.l10n.t('Settings'), command: 'workbench.action.openSettings', arguments: ['immHighlight'] };
        break;
      case 'endpointNotAccepted':
        // Background work never asks: the question waits for this action (or Submit, Check Against Cloud).
        item.severity = vscode.LanguageStatusSeverity.Warning;
        item.text = CLOUD_UI.statusEndpointNotAccepted();
        item.detail = CLOUD_UI.statusEndpointNotAcceptedDetail(state.endpoint.url);
        item.command = { title: CLOUD_UI.reviewEndpoint(), command: Commands.reviewEndpoints, arguments: [vscode.window.activeTextEditor?.document.uri] };
        break;
      case 'on':
        item.text = diagnostics.offline ? CLOUD_UI.statusOffline() : state.mode === 'onSubmit' ? CLOUD_UI.statusOnSubmit() : CLOUD_UI.statusOn(state.region);
        item.detail = diagnostics.offline
          ? CLOUD_UI.statusOfflineDetail(state.identity, state.region)
          : state.mode === 'onSubmit'
            ? CLOUD_UI.statusOnSubmitDetail(state.region)
            : CLOUD_UI.statusOnDetail(state.identity, state.region);
        item.command = { title: CLOUD_UI.checkNow(), command: Commands.checkCloud };
        break;
    }
    // A language status item renders `[text](target)` as a link, like a notification: the error and endpoint it
    // quotes stay plain text.
    item.text = plainText(item.text);
    if (item.detail !== undefined) item.detail = plainText(item.detail);
  };
  void update();
  return vscode.Disposable.from(
    item,
    session.onDidChange(() => void update()),
    vscode.window.onDidChangeActiveTextEditor(() => void update()),
    diagnostics.onDidChangeBusy((busy) => {
      item.busy = busy;
      void update();
    }),
  );
}
