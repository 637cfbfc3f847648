/**
 * A trusted workspace may set `immHighlight.endpoint`. An endpoint outside Alibaba Cloud (`*.aliyuncs.com`) and
 * this machine (loopback) receives the AccessKey ID, the signed request and the job, so it is used only after
 * the user agreed, once per workspace and endpoint; the answer is kept in workspace state.
 */
import * as vscode from 'vscode';
import { ENDPOINT_TRUST_TEXT, needsEndpointConsent } from './endpointConsent';

export { ENDPOINT_TRUST_TEXT } from './endpointConsent';
const STATE_KEY = 'immHighlight.endpointConsent';

export type Ask = (question: string, accept: string) => Thenable<string | undefined>;

const modal: Ask = (question, accept) => vscode.window.showWarningMessage(question, { modal: true }, accept);

export class EndpointTrust {
  constructor(
    private readonly state: vscode.Memento,
    private readonly ask: Ask = modal,
  ) {}

  /** True when the endpoint the settings of `scope` name may be used. */
  async allow(scope: vscode.Uri, endpoint: string): Promise<boolean> {
    const inspected = vscode.workspace.getConfiguration('immHighlight', scope).inspect<string>('endpoint');
    const fromWorkspace = [inspected?.workspaceFolderValue, inspected?.workspaceValue].some((v) => typeof v === 'string' && v.trim() === endpoint.trim());
    const url = needsEndpointConsent(endpoint, fromWorkspace);
    if (!url) return true;
    const answers = this.state.get<Record<string, boolean>>(STATE_KEY, {});
    if (answers[url] !== undefined) return answers[url];
    const accepted = (await this.ask(ENDPOINT_TRUST_TEXT.question(url), ENDPOINT_TRUST_TEXT.use())) === ENDPOINT_TRUST_TEXT.use();
    // A dismissed question is asked again next time; an answer is kept.
    if (accepted) await this.state.update(STATE_KEY, { ...answers, [url]: true });
    return accepted;
  }
}
