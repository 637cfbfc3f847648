/**
 * The cloud side of the editor: an IMM client and an OSS connection for the current settings and credentials,
 * rebuilt when either changes, and the answer cache of the checks (completion keeps its own lists, for 30 s).
 */
import * as vscode from 'vscode';
import type { Diagnostic } from 'vscode-languageserver-types';
import { ImmClient } from '../../../api/src/client';
import type { ResolvedIdentity } from '../../../api/src/credentials';
import { OssConnection } from '../../../api/src/oss/client';
import { abandonable, answerKeyPrefix, CloudAnswerCache, cloudCheckJob, headObjectAnswer, objectAnswerKey } from '../../../api/src/cloud/index';
import type { ObjectAnswer, JobDocument } from '../../../core/src/index';
import type { CredentialStore } from '../access/credentialStore';
import type { PendingEndpoint } from '../access/endpointConsent';
import type { EndpointTrust } from '../access/endpointTrust';
import { affectsCloudSettings, readCloudSettings, type CloudSettings } from './settings';

export interface CloudClients {
  readonly imm: ImmClient;
  readonly oss: OssConnection;
  readonly settings: CloudSettings;
}

export type CloudState =
  | { readonly kind: 'off' }
  /** An untrusted workspace: nothing is looked up in the background. */
  | { readonly kind: 'restricted' }
  | { readonly kind: 'noCredentials' }
  | { readonly kind: 'error'; readonly message: string }
  /** A workspace endpoint waits for the user's consent: nothing is sent until it is accepted. */
  | { readonly kind: 'endpointNotAccepted'; readonly endpoint: PendingEndpoint }
  | { readonly kind: 'on'; readonly identity: string; readonly region: string; readonly mode: CloudSettings['mode'] };

/** Thrown by clientsFor while a workspace endpoint waits for consent; background work treats it as "off". */
export class EndpointNotAccepted extends Error {
  constructor(readonly endpoint: PendingEndpoint) {
    super(vscode.l10n.t('The workspace endpoint {0} was not accepted.', endpoint.url));
  }
}

export class CloudSession implements vscode.Disposable {
  readonly cache = new CloudAnswerCache();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private clients: { key: string; value: Promise<CloudClients> } | undefined;
  private readonly listeners: vscode.Disposable[];

  constructor(
    private readonly credentials: CredentialStore,
    private readonly version: string,
    private readonly trust: EndpointTrust,
  ) {
    const reset = (): void => {
      this.clients = undefined;
      this.cache.clear();
      this.changed.fire();
    };
    this.listeners = [
      credentials.onDidChange(reset),
      trust.onDidChange(reset),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (affectsCloudSettings(event)) reset();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.changed.fire()),
    ];
  }

  /**
   * Clients for a file's settings; throws ImmApiError / OssError for settings or credentials that cannot work, and
   * EndpointNotAccepted while a workspace endpoint waits for consent. Never asks: the commands ask before.
   */
  async clientsFor(scope: vscode.Uri | undefined): Promise<CloudClients> {
    const [pending] = this.trust.pending(scope);
    if (pending) throw new EndpointNotAccepted(pending);
    const settings = readCloudSettings(scope);
    const source = await this.credentials.source();
    const key = JSON.stringify([settings, source.kind, source.kind === 'profile' ? source.name : source.kind === 'accessKey' ? source.accessKeyId : '']);
    if (this.clients?.key !== key) {
      const value = Promise.resolve().then(() => {
        const imm = new ImmClient({
          region: settings.region,
          ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
          credentials: source,
          timeoutMs: settings.timeoutMs,
          retry: { maxAttempts: 1 },
          userAgent: `imm-highlight-vscode/${this.version} vscode/${vscode.version}`,
        });
        const oss = new OssConnection({
          credentials: source,
          timeoutMs: settings.timeoutMs,
          ...(settings.ossEndpoint ? { endpoint: settings.ossEndpoint } : {}),
        });
        return { imm, oss, settings };
      });
      this.clients = { key, value };
      value.catch(() => {
        if (this.clients?.value === value) this.clients = undefined;
      });
    }
    return this.clients.value;
  }

  /** Whose credentials would be used, or undefined when there are none (no prompt, no request). */
  async identity(scope: vscode.Uri | undefined): Promise<ResolvedIdentity | undefined> {
    try {
      return await (await this.clientsFor(scope)).oss.identity();
    } catch {
      return undefined;
    }
  }

  async state(scope: vscode.Uri | undefined): Promise<CloudState> {
    const settings = readCloudSettings(scope);
    if (settings.mode === 'off') return { kind: 'off' };
    if (!vscode.workspace.isTrusted) return { kind: 'restricted' };
    let clients: CloudClients;
    try {
      clients = await this.clientsFor(scope);
    } catch (error) {
      if (error instanceof EndpointNotAccepted) return { kind: 'endpointNotAccepted', endpoint: error.endpoint };
      return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
    }
    const identity = await clients.oss.identity().catch(() => undefined);
    if (!identity) return { kind: 'noCredentials' };
    return { kind: 'on', identity: identity.description, region: clients.imm.endpoint.regionId, mode: settings.mode };
  }

  /** The cloud findings of a job; undefined without credentials, 'endpointNotAccepted' while one waits (never a prompt). */
  async check(scope: vscode.Uri | undefined, doc: JobDocument, signal?: AbortSignal): Promise<Diagnostic[] | 'endpointNotAccepted' | undefined> {
    const clients = await this.clientsFor(scope).catch((error: unknown) =>
      error instanceof EndpointNotAccepted ? ('endpointNotAccepted' as const) : undefined,
    );
    if (!clients || clients === 'endpointNotAccepted') return clients;
    if (!(await clients.oss.identity().catch(() => undefined))) return undefined;
    return cloudCheckJob(doc, { imm: clients.imm, oss: clients.oss, region: clients.imm.endpoint.regionId, cache: this.cache, ...(signal ? { signal } : {}) });
  }

  /**
   * Whether an object exists, through the answers the checks share (same connection, same cache entry): the
   * Output.URI CodeLens and the checks on save HEAD it once between them. `fresh`: a task just wrote it, so an
   * older "missing" does not count. Any failure reads as undefined.
   */
  async objectAnswer(
    scope: vscode.Uri | undefined,
    bucket: string,
    key: string,
    options: { fresh?: boolean; signal?: AbortSignal } = {},
  ): Promise<ObjectAnswer | undefined> {
    try {
      const clients = await this.clientsFor(scope);
      const identity = await clients.oss.identity();
      const region = clients.imm.endpoint.regionId;
      const cacheKey = answerKeyPrefix(identity.accessKeyId, region, clients.oss) + objectAnswerKey(bucket, key);
      if (options.fresh) this.cache.lookups.delete(cacheKey);
      const shared = this.cache.lookups.run(cacheKey, () => headObjectAnswer(clients.oss, bucket, region, key, this.cache.lookups.signal), {
        isFailure: (a) => a.state === 'failed',
      });
      return await abandonable(shared, options.signal, () => new Error('stopped waiting'));
    } catch {
      return undefined;
    }
  }

  dispose(): void {
    for (const listener of this.listeners) listener.dispose();
    this.changed.dispose();
  }
}
