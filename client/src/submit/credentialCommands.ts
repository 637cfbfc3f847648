/** Set AccessKey, Clear AccessKey, Choose Credentials Profile. */
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { maskAccessKeyId } from '../../../api/src/errors';
import { SubmitCommands } from './commandIds';
import { confirmationQuestion, CONFIRM_TEXT } from './credentialConfirm';
import type { CredentialStore } from './credentialStore';
import { checkAccessKeyId, checkAccessKeySecret, parseAliyunProfiles, type AliyunProfiles, type StoredAccessKey } from './credentialSource';

/** Programmatic form (tests, other extensions): `{accessKeyId, accessKeySecret}` skips the input boxes. */
function accessKeyArgument(arg: unknown): StoredAccessKey | undefined {
  if (typeof arg !== 'object' || arg === null) return undefined;
  const { accessKeyId, accessKeySecret } = arg as Record<string, unknown>;
  return typeof accessKeyId === 'string' && typeof accessKeySecret === 'string' ? { accessKeyId, accessKeySecret } : undefined;
}

async function askAccessKey(): Promise<StoredAccessKey | undefined> {
  const accessKeyId = await vscode.window.showInputBox({
    title: 'IMM Highlight: Set AccessKey (1/2)',
    prompt: 'AccessKey ID of a RAM user allowed to call imm:CreateHighlightTask and imm:GetTask. Kept in VS Code secret storage.',
    placeHolder: 'LTAI…',
    ignoreFocusOut: true,
    validateInput: checkAccessKeyId,
  });
  if (accessKeyId === undefined) return undefined;
  const accessKeySecret = await vscode.window.showInputBox({
    title: 'IMM Highlight: Set AccessKey (2/2)',
    prompt: `AccessKey secret of ${maskAccessKeyId(accessKeyId.trim())}. Kept in VS Code secret storage, never in settings or logs.`,
    password: true,
    ignoreFocusOut: true,
    validateInput: checkAccessKeySecret,
  });
  if (accessKeySecret === undefined) return undefined;
  return { accessKeyId: accessKeyId.trim(), accessKeySecret: accessKeySecret.trim() };
}

async function readAliyunProfiles(): Promise<AliyunProfiles> {
  try {
    return parseAliyunProfiles(await readFile(join(homedir(), '.aliyun', 'config.json'), 'utf8'));
  } catch {
    return { current: undefined, profiles: [] };
  }
}

interface ProfileItem extends vscode.QuickPickItem {
  readonly profile: string | undefined;
}

/** Asks (modal) before a change requested with arguments; the extension's own test runs answer yes. */
async function confirmed(question: string, testMode: boolean): Promise<boolean> {
  if (testMode) return true;
  const choice = await vscode.window.showWarningMessage(question, { modal: true }, CONFIRM_TEXT.replace);
  if (choice === CONFIRM_TEXT.replace) return true;
  void vscode.window.showInformationMessage(CONFIRM_TEXT.declined);
  return false;
}

export function registerCredentialCommands(store: CredentialStore, log: (line: string) => void, testMode = false): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(SubmitCommands.setAccessKey, async (arg?: unknown): Promise<boolean> => {
      const given = accessKeyArgument(arg);
      if (given) {
        const problem = checkAccessKeyId(given.accessKeyId) ?? checkAccessKeySecret(given.accessKeySecret);
        if (problem) throw new Error(`immHighlight.setAccessKey: ${problem}`);
        if (!(await confirmed(confirmationQuestion(given), testMode))) return false;
      }
      const key = given ?? (await askAccessKey());
      if (!key) return false;
      await store.setAccessKey(key);
      log(`AccessKey ${maskAccessKeyId(key.accessKeyId)} stored in VS Code secret storage; it is used before any profile or the default chain.`);
      if (!given) void vscode.window.showInformationMessage(`IMM Highlight: AccessKey ${maskAccessKeyId(key.accessKeyId)} saved in VS Code secret storage.`);
      return true;
    }),

    vscode.commands.registerCommand(SubmitCommands.clearAccessKey, async (): Promise<void> => {
      const had = await store.storedAccessKey();
      await store.clearAccessKey();
      const next = store.profile() ? `aliyun CLI profile "${store.profile()}"` : 'the default credential chain';
      if (had) log(`AccessKey ${maskAccessKeyId(had.accessKeyId)} removed from VS Code secret storage.`);
      void vscode.window.showInformationMessage(
        had ? `IMM Highlight: AccessKey ${maskAccessKeyId(had.accessKeyId)} removed. Submissions now use ${next}.` : `IMM Highlight: no AccessKey was stored. Submissions use ${next}.`,
      );
    }),

    vscode.commands.registerCommand(SubmitCommands.chooseCredentialsProfile, async (arg?: unknown): Promise<string | undefined> => {
      // Programmatic form: `{profile: "name"}`, or `{profile: null}` for the default chain.
      if (typeof arg === 'object' && arg !== null && 'profile' in arg) {
        const raw = (arg as { profile: unknown }).profile;
        const profile = typeof raw === 'string' && raw ? raw : undefined;
        if (!(await confirmed(confirmationQuestion({ profile }), testMode))) return store.profile();
        await store.setProfile(profile);
        return store.profile();
      }
      const { current, profiles } = await readAliyunProfiles();
      const chosen = store.profile();
      const items: ProfileItem[] = [
        {
          label: 'Default credential chain',
          description: chosen ? '' : '(in use)',
          detail: `Environment variables, then the current aliyun CLI profile${current ? ` ("${current}")` : ''}, the credentials file, the ECS RAM role.`,
          profile: undefined,
        },
        ...profiles.map((p) => ({
          label: p.name,
          description: [p.mode, p.regionId, p.name === chosen ? '(in use)' : p.name === current ? '(CLI current)' : ''].filter(Boolean).join(' · '),
          profile: p.name,
        })),
      ];
      const pick = await vscode.window.showQuickPick(items, {
        title: 'IMM Highlight: Choose Credentials Profile',
        placeHolder: profiles.length ? 'aliyun CLI profiles from ~/.aliyun/config.json' : 'No aliyun CLI profiles found in ~/.aliyun/config.json (run `aliyun configure` to add one)',
      });
      if (!pick) return chosen;
      await store.setProfile(pick.profile);
      const stored = await store.storedAccessKey();
      const used = pick.profile ? `aliyun CLI profile "${pick.profile}"` : 'the default credential chain';
      log(`Credentials: ${used} chosen.`);
      void vscode.window.showInformationMessage(
        stored
          ? `IMM Highlight: ${used} chosen, but the AccessKey ${maskAccessKeyId(stored.accessKeyId)} in secret storage is used first. Run "Clear AccessKey" to use the profile.`
          : `IMM Highlight: submissions now use ${used}.`,
        ...(stored ? ['Clear AccessKey'] : []),
      ).then((choice) => {
        if (choice === 'Clear AccessKey') void vscode.commands.executeCommand(SubmitCommands.clearAccessKey);
      });
      return store.profile();
    }),
  );
}
