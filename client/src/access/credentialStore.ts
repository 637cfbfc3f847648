/**
 * Where the editor keeps what it knows about credentials: the AccessKey pair in SecretStorage (the OS
 * keychain), the chosen aliyun CLI profile's name in globalState (a name is not a secret, and a profile
 * belongs to the machine rather than to one workspace). Nothing here goes to settings or the language server.
 */
import * as vscode from 'vscode';
import type { CredentialSource } from '../../../api/src/credentials';
import { chooseCredentialSource, describeCredentialSource, parseStoredAccessKey, serializeAccessKey, type StoredAccessKey } from './credentialSource';

const SECRET_KEY = 'immHighlight.accessKey';
const PROFILE_KEY = 'immHighlight.credentialsProfile';

export class CredentialStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly listener: vscode.Disposable;

  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly state: vscode.Memento,
  ) {
    // Another window of the same VS Code may set or clear the key.
    this.listener = secrets.onDidChange((event) => {
      if (event.key === SECRET_KEY) this.changed.fire();
    });
  }

  /** Stored pair, else chosen profile, else the default chain. */
  async source(): Promise<CredentialSource> {
    return chooseCredentialSource({ stored: await this.storedAccessKey(), profile: this.profile() });
  }

  /** For the request preview: where the key will come from (masked), without loading it. */
  async describe(): Promise<{ label: string; profile: string | undefined }> {
    const source = await this.source();
    return { label: describeCredentialSource(source), profile: source.kind === 'profile' ? source.name : undefined };
  }

  async storedAccessKey(): Promise<StoredAccessKey | undefined> {
    return parseStoredAccessKey(await this.secrets.get(SECRET_KEY));
  }

  async setAccessKey(key: StoredAccessKey): Promise<void> {
    await this.secrets.store(SECRET_KEY, serializeAccessKey(key));
    this.changed.fire();
  }

  async clearAccessKey(): Promise<void> {
    await this.secrets.delete(SECRET_KEY);
    this.changed.fire();
  }

  profile(): string | undefined {
    return this.state.get<string>(PROFILE_KEY) || undefined;
  }

  /** undefined: back to the default chain. */
  async setProfile(name: string | undefined): Promise<void> {
    await this.state.update(PROFILE_KEY, name);
    this.changed.fire();
  }

  dispose(): void {
    this.listener.dispose();
    this.changed.dispose();
  }
}
