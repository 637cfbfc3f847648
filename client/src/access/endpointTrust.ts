/**
 * A trusted workspace may set `immHighlight.endpoint` and `immHighlight.ossEndpoint`. An endpoint outside Alibaba
 * Cloud (`*.aliyuncs.com`) and this machine (loopback) receives the AccessKey ID and the signed requests, so it is
 * used only after the user agreed, once per workspace and endpoint; the answer is kept in workspace state. One
 * instance serves Submit, the cloud session and the results commands: an answer given to one holds for all.
 * Background work only reads `pending`; the modal is asked by what the user started.
 */
import * as vscode from 'vscode';
import { notify } from '../notify';
import { confirmGuarded } from '../guardedModal';
import { Commands } from '../commandIds';
import { CLOUD_ENDPOINT_SETTINGS, consentQuestion, ENDPOINT_TRUST_TEXT, pendingEndpoints, type EndpointSetting, type PendingEndpoint } from './endpointConsent';

export { ENDPOINT_TRUST_TEXT } from './endpointConsent';
const STATE_KEY = 'immHighlight.endpointConsent';

export type Ask = (question: string, accept: string) => Thenable<string | undefined>;

const modal: Ask = async (question, accept) =>
  (await confirmGuarded({ message: question, action: accept, keep: ENDPOINT_TRUST_TEXT.dontUse() })) ? accept : undefined;

export class EndpointTrust implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** An endpoint was accepted: what stayed off for it may start. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly state: vscode.Memento,
    private readonly ask: Ask = modal,
  ) {}

  /** The workspace endpoints of `scope`'s settings that wait for the user's answer. Never asks. */
  pending(scope: vscode.Uri | undefined, settings: readonly EndpointSetting[] = CLOUD_ENDPOINT_SETTINGS): PendingEndpoint[] {
    const config = vscode.workspace.getConfiguration('immHighlight', scope);
    const values = settings.map((setting) => {
      const inspected = config.inspect<string>(setting);
      return {
        setting,
        value: config.get<string>(setting, '').trim(),
        workspaceValue: inspected?.workspaceValue,
        workspaceFolderValue: inspected?.workspaceFolderValue,
      };
    });
    return pendingEndpoints(values, this.state.get<Record<string, boolean>>(STATE_KEY, {}));
  }

  /**
   * Asks (modal) about each pending endpoint in turn. Undefined when all may be used, else the first one the user
   * did not accept. A dismissed question is asked again next time; a dialog that cannot be shown (VS Code refuses
   * them in extension tests) is not an answer either.
   */
  async confirm(scope: vscode.Uri | undefined, settings: readonly EndpointSetting[] = CLOUD_ENDPOINT_SETTINGS): Promise<PendingEndpoint | undefined> {
    for (const pending of this.pending(scope, settings)) {
      const choice = await Promise.resolve(this.ask(consentQuestion(pending), ENDPOINT_TRUST_TEXT.use())).catch(() => undefined);
      if (choice !== ENDPOINT_TRUST_TEXT.use()) return pending;
      await this.state.update(STATE_KEY, { ...this.state.get<Record<string, boolean>>(STATE_KEY, {}), [pending.url]: true });
      this.changed.fire();
    }
    return undefined;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** The action of the cloud status item (and the palette): the same question as Submit, for the file's workspace. */
export function registerEndpointReview(trust: EndpointTrust): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.reviewEndpoints, async (arg?: unknown): Promise<boolean> => {
    const scope = arg instanceof vscode.Uri ? arg : (vscode.window.activeTextEditor?.document.uri ?? vscode.workspace.workspaceFolders?.[0]?.uri);
    if (!trust.pending(scope).length) {
      void notify.info(ENDPOINT_TRUST_TEXT.nothingToReview());
      return true;
    }
    const refused = await trust.confirm(scope);
    if (refused) void notify.warning(ENDPOINT_TRUST_TEXT.refusedCloud(refused.url, refused.settings[0]!));
    return refused === undefined;
  });
}
