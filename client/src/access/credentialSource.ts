/**
 * Which credentials a submission signs with, decided without touching VS Code or the network:
 * the AccessKey pair the user stored in VS Code's secret storage, else the aliyun CLI profile they chose,
 * else the @alicloud/credentials default chain (environment, OIDC, current CLI profile, files, ECS role).
 */
import type { CredentialSource } from '../../../api/src/credentials';
import { maskAccessKeyId } from '../../../api/src/errors';
import { t } from '../../../core/src/index';

export interface StoredAccessKey {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
}

export const SECRET_STORAGE_ORIGIN = 'VS Code secret storage';

export interface CredentialChoice {
  readonly stored?: StoredAccessKey | undefined;
  /** An aliyun CLI profile name; undefined means "default chain". */
  readonly profile?: string | undefined;
}

export function chooseCredentialSource(choice: CredentialChoice): CredentialSource {
  if (choice.stored) {
    return { kind: 'accessKey', accessKeyId: choice.stored.accessKeyId, accessKeySecret: choice.stored.accessKeySecret, origin: SECRET_STORAGE_ORIGIN };
  }
  if (choice.profile) return { kind: 'profile', name: choice.profile };
  return { kind: 'default' };
}

/**
 * Says where the key will come from without loading it: the request preview must not reach the ECS
 * metadata service or read files just to draw a label.
 */
export function describeCredentialSource(source: CredentialSource): string {
  switch (source.kind) {
    case 'accessKey':
      return `AccessKey ${maskAccessKeyId(source.accessKeyId)} from ${source.origin ?? 'an explicit AccessKey'}`;
    case 'profile':
      return `aliyun CLI profile "${source.name}"`;
    case 'default':
      return 'the default credential chain (environment, aliyun CLI profile, credentials file, …)';
  }
}

/** The stored pair is JSON in one secret, so ID and secret can never get out of step. */
export function serializeAccessKey(key: StoredAccessKey): string {
  return JSON.stringify({ accessKeyId: key.accessKeyId.trim(), accessKeySecret: key.accessKeySecret.trim() });
}

export function parseStoredAccessKey(text: string | undefined): StoredAccessKey | undefined {
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as Partial<Record<keyof StoredAccessKey, unknown>>;
    const { accessKeyId, accessKeySecret } = value;
    if (typeof accessKeyId === 'string' && typeof accessKeySecret === 'string' && accessKeyId && accessKeySecret) return { accessKeyId, accessKeySecret };
  } catch {
    // A value we did not write: treat as absent so the user is asked to set the key again.
  }
  return undefined;
}

/** An AccessKey ID is letters and digits; catching a pasted secret or a stray space here saves a signature error. */
export function checkAccessKeyId(id: string): string | undefined {
  const trimmed = id.trim();
  if (!trimmed) return t('Enter the AccessKey ID.');
  if (!/^[A-Za-z0-9]{8,128}$/.test(trimmed)) return t('An AccessKey ID has only letters and digits (it usually starts with LTAI or STS).');
  return undefined;
}

export function checkAccessKeySecret(secret: string): string | undefined {
  return secret.trim() ? undefined : t('Enter the AccessKey secret.');
}

export interface AliyunProfile {
  readonly name: string;
  /** AK, StsToken, RamRoleArn, EcsRamRole, …: how the CLI authenticates with it. */
  readonly mode: string;
  readonly regionId: string | undefined;
}

export interface AliyunProfiles {
  readonly current: string | undefined;
  readonly profiles: readonly AliyunProfile[];
}

/**
 * Reads the profile names of ~/.aliyun/config.json. Only names, modes and regions are kept: the file also
 * holds the keys, and nothing of them needs to leave this function.
 */
export function parseAliyunProfiles(text: string): AliyunProfiles {
  let config: unknown;
  try {
    config = JSON.parse(text);
  } catch {
    return { current: undefined, profiles: [] };
  }
  if (typeof config !== 'object' || config === null) return { current: undefined, profiles: [] };
  const { current, profiles } = config as { current?: unknown; profiles?: unknown };
  const list: AliyunProfile[] = [];
  if (Array.isArray(profiles)) {
    for (const entry of profiles as unknown[]) {
      if (typeof entry !== 'object' || entry === null) continue;
      const { name, mode, region_id: regionId } = entry as { name?: unknown; mode?: unknown; region_id?: unknown };
      if (typeof name !== 'string' || !name) continue;
      list.push({ name, mode: typeof mode === 'string' && mode ? mode : 'AK', regionId: typeof regionId === 'string' && regionId ? regionId : undefined });
    }
  }
  return { current: typeof current === 'string' && current ? current : undefined, profiles: list };
}
