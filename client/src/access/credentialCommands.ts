/** Set AccessKey, Clear AccessKey, Choose Credentials Profile. */
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { notify } from '../notify';
import { maskAccessKeyId } from '../../../api/src/errors';
import { confirmGuarded } from '../guardedModal';
import { Commands } from '../commandIds';
import { confirmationQuestion, CONFIRM_TEXT } from './credentialConfirm';
import type { CredentialStore } from './credentialStore';
import type { IdentityResolver } from './identityResolver';
import { checkAccessKeyId, checkAccessKeySecret, parseAliyunProfiles, type AliyunProfiles, type StoredAccessKey } from './credentialSource';

/** Programmatic form (tests, other extensions): `{accessKeyId, accessKeySecret}` skips the input boxes. */
function accessKeyArgument(arg: unknown): StoredAccessKey | undefined {
  if (typeof arg !== 'object' || arg === null) return undefined;
  const { accessKeyId, accessKeySecret } = arg as Record<string, unknown>;
  return typeof accessKeyId === 'string' && typeof accessKeySecret === 'string' ? { accessKeyId, accessKeySecret } : undefined;
}

async function askAccessKey(): Promise<StoredAccessKey | undefined> {
  const accessKeyId = await vscode.window.showInputBox({
    title: vscode.l10n.t('IMM Highlight: Set AccessKey (1/2)'),
    prompt: vscode.l10n.t('AccessKey ID of a RAM user allowed to call imm:CreateHighlightTask and imm:GetTask. Kept in VS Code secret storage.'),
    placeHolder: 'LTAI…',
    ignoreFocusOut: true,
    validateInput: checkAccessKeyId,
  });
  if (accessKeyId === undefined) return undefined;
  const accessKeySecret = await vscode.window.showInputBox({
    title: vscode.l10n.t('IMM Highlight: Set AccessKey (2/2)'),
    prompt: vscode.l10n.t('AccessKey secret of {0}. Kept in VS Code secret storage, never in settings or logs.', maskAccessKeyId(accessKeyId.trim())),
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

/** "AccessKey LTAI****abcd from environment variables", or where it was looked for and why nothing was found. */
async function nowUsed(identities: IdentityResolver): Promise<string> {
  identities.forget();
  const answer = await identities.resolve();
  return answer.ok ? answer.identity : `${answer.identity}, which finds no credentials yet`;
}

/** Asks (modal) before a change requested with arguments; the extension's own test runs answer yes. */
async function confirmed(question: string, testMode: boolean): Promise<boolean> {
  if (testMode) return true;
  if (await confirmGuarded({ message: question, action: CONFIRM_TEXT.replace(), keep: CONFIRM_TEXT.keep() })) return true;
  void notify.info(CONFIRM_TEXT.declined());
  return false;
}

export function registerCredentialCommands(
  store: CredentialStore,
  identities: IdentityResolver,
  log: (line: string) => void,
  testMode = false,
): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.setAccessKey, async (arg?: unknown): Promise<boolean> => {
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
      if (!given) void notify.info(vscode.l10n.t('IMM Highlight: AccessKey {0} saved in VS Code secret storage.', maskAccessKeyId(key.accessKeyId)));
      return true;
    }),

    /** Returns the message shown, which names the identity now in use. */
    vscode.commands.registerCommand(Commands.clearAccessKey, async (): Promise<string> => {
      const had = await store.storedAccessKey();
      await store.clearAccessKey();
      // The resolved identity: after a bad stored key, users want to see that the environment's key is back.
      const next = await nowUsed(identities);
      if (had) log(`AccessKey ${maskAccessKeyId(had.accessKeyId)} removed from VS Code secret storage; submissions now use ${next}.`);
      const message = had
        ? vscode.l10n.t('IMM Highlight: AccessKey {0} removed. Submissions now use {1}.', maskAccessKeyId(had.accessKeyId), next)
        : vscode.l10n.t('IMM Highlight: no AccessKey was stored. Submissions use {0}.', next);
      void notify.info(message);
      return message;
    }),

    vscode.commands.registerCommand(Commands.chooseCredentialsProfile, async (arg?: unknown): Promise<string | undefined> => {
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
          label: vscode.l10n.t('Default credential chain'),
          description: chosen ? '' : vscode.l10n.t('(in use)'),
          detail: current
            ? vscode.l10n.t('Environment variables, then the current aliyun CLI profile ("{0}"), the credentials file, the ECS RAM role.', current)
            : vscode.l10n.t('Environment variables, then the current aliyun CLI profile, the credentials file, the ECS RAM role.'),
          profile: undefined,
        },
        ...profiles.map((p) => ({
          label: p.name,
          description: [p.mode, p.regionId, p.name === chosen ? vscode.l10n.t('(in use)') : p.name === current ? vscode.l10n.t('(CLI current)') : '']
            .filter(Boolean)
            .join(' · '),
          profile: p.name,
        })),
      ];
      const pick = await vscode.window.showQuickPick(items, {
        title: vscode.l10n.t('IMM Highlight: Choose Credentials Profile'),
        placeHolder: profiles.length
          ? vscode.l10n.t('aliyun CLI profiles from ~/.aliyun/config.json')
          : vscode.l10n.t('No aliyun CLI profiles found in ~/.aliyun/config.json (run `aliyun configure` to add one)'),
      });
      if (!pick) return chosen;
      await store.setProfile(pick.profile);
      const stored = await store.storedAccessKey();
      const used = pick.profile ? vscode.l10n.t('aliyun CLI profile "{0}"', pick.profile) : vscode.l10n.t('the default credential chain');
      log(`Credentials: ${used} chosen.`);
      const clearAccessKey = vscode.l10n.t('Clear AccessKey');
      void notify
        .info(
          stored
            ? vscode.l10n.t(
                'IMM Highlight: {0} chosen, but the AccessKey {1} in secret storage is used first. Run "Clear AccessKey" to use the profile.',
                used,
                maskAccessKeyId(stored.accessKeyId),
              )
            : vscode.l10n.t('IMM Highlight: submissions now use {0}.', used),
          ...(stored ? [clearAccessKey] : []),
        )
        .then((choice) => {
          if (choice === clearAccessKey) void vscode.commands.executeCommand(Commands.clearAccessKey);
        });
      return store.profile();
    }),
  );
}
