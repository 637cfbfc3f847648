/**
 * What a credential provider's failure may tell the user. Provider messages embed whole files and server answers
 * (`parse aliyun cli config from '…' failed: <the file>`, `get sts token failed, … message = <the body>`), so
 * their text is never passed on: a failure becomes its source, the file it read, and a reason chosen here from
 * the provider's known message shapes. Only a file path or a profile name is taken over, redacted.
 */
import { t } from '../../core/src/index';
import { redactSecrets } from './redaction';

export interface CredentialFailure {
  /** Provider name of @alicloud/credentials: env, cli_profile, profile, ecs_ram_role, credential_uri, oidc_role_arn. */
  readonly provider: string;
  /** "the aliyun CLI config". */
  readonly source: string;
  readonly file?: string;
  /** A sentence fragment written here, never the provider's text. */
  readonly reason: string;
}

/** Messages of this feature, in one place for translation. */
export const CREDENTIAL_FAILURE_TEXT = {
  source: {
    env: () => t('environment variables'),
    oidc_role_arn: () => t('the OIDC role (ALIBABA_CLOUD_ROLE_ARN)'),
    cli_profile: () => t('the aliyun CLI config'),
    profile: () => t('the credentials file'),
    ecs_ram_role: () => t('the ECS instance RAM role'),
    credential_uri: () => t('the credentials URI (ALIBABA_CLOUD_CREDENTIALS_URI)'),
    other: () => t('a credentials provider'),
  } as Record<string, () => string>,
  envIdMissing: () => t('ALIBABA_CLOUD_ACCESS_KEY_ID is not set'),
  envSecretMissing: () => t('ALIBABA_CLOUD_ACCESS_KEY_SECRET is not set'),
  notJson: () => t('the file is not valid JSON'),
  unreadable: () => t('the file cannot be read'),
  noProfiles: () => t('it has no profiles'),
  noProfile: (name: string) => t('it has no profile named "{0}"', name),
  unsupportedMode: (mode: string) => t('profile mode "{0}" is not supported', mode),
  disabled: () => t('it is disabled by an environment variable'),
  noHome: () => t('the home directory is unknown'),
  noType: (name: string) => t('profile "{0}" has no type', name),
  badType: () => t('the profile type is not access_key, ecs_ram_role or ram_role_arn'),
  missingFile: () => t('the file does not exist'),
  httpStatus: (status: string) => t('the server answered HTTP {0}', status),
  answerNotJson: () => t('the server answered with something that is not JSON'),
  answerIncomplete: () => t('the answer had no complete AccessKey and security token'),
  stsRefused: () => t('STS did not issue a token (AssumeRoleWithOIDC)'),
  unreachable: (code: string) => t('the server could not be reached ({0})', code),
  errno: (code: string) => t('failed ({0})', code),
  failed: () => t('failed for a reason not shown here (it may quote secrets)'),
};

const T = CREDENTIAL_FAILURE_TEXT;
const NETWORK =
  /\b(ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|EPROTO|CERT_[A-Z_]+|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE)\b/;
const ERRNO = /\b(ENOENT|EACCES|EPERM|EISDIR|ENOTDIR|ELOOP)\b/;

/** A captured path or name: redacted, no control characters, bounded. */
function clean(text: string): string {
  // eslint-disable-next-line no-control-regex
  return redactSecrets(text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?')).slice(0, 200);
}

function quoted(message: string, after: RegExp): string | undefined {
  const match = after.exec(message);
  return match?.[1] !== undefined ? clean(match[1]) : undefined;
}

function httpOrNetwork(message: string): string | undefined {
  const status = /httpStatus: (\d{3})|failed with (\d{3})\b|\s(\d{3})$/.exec(message);
  if (status) return T.httpStatus(status[1] ?? status[2] ?? status[3]!);
  if (/json parse failed|unmarshal fail/.test(message)) return T.answerNotJson();
  const net = NETWORK.exec(message);
  return net ? T.unreachable(net[1]!) : undefined;
}

function reasonFor(provider: string, message: string): { reason: string; file?: string } {
  switch (provider) {
    case 'env':
      if (/ACCESS_KEY_ID\)/.test(message)) return { reason: T.envIdMissing() };
      if (/ACCESS_KEY_SECRET\)/.test(message)) return { reason: T.envSecretMissing() };
      break;
    case 'cli_profile': {
      const file = quoted(message, /cli config from '([^']*)'/) ?? quoted(message, /profiles in '([^']*)'/);
      const withFile = (reason: string): { reason: string; file?: string } => (file ? { reason, file } : { reason });
      if (/^parse aliyun cli config/.test(message)) return withFile(T.notJson());
      if (/^reading aliyun cli config/.test(message)) return withFile(T.unreadable());
      if (/^no any configured profiles/.test(message)) return withFile(T.noProfiles());
      if (/^unable to get profile with/.test(message)) return { reason: T.noProfile(quoted(message, /with '([^']*)'/) ?? '') };
      if (/^unsupported profile mode/.test(message)) return { reason: T.unsupportedMode(quoted(message, /mode '([^']*)'/) ?? '') };
      if (/profile is disabled/.test(message)) return { reason: T.disabled() };
      if (/cannot found home dir/.test(message)) return { reason: T.noHome() };
      break;
    }
    case 'profile': {
      if (/Can not find credential type/.test(message)) return { reason: T.noType(quoted(message, /for "([^"]*)"/) ?? '') };
      if (/Invalid type option/.test(message)) return { reason: T.badType() };
      if (/cannot found home dir/.test(message)) return { reason: T.noHome() };
      const missing = /^ENOENT\b.*'([^']*)'/.exec(message);
      if (missing) return { reason: T.missingFile(), file: clean(missing[1]!) };
      break;
    }
    case 'oidc_role_arn': {
      const file = /^(ENOENT|EACCES|EISDIR)\b.*'([^']*)'/.exec(message);
      if (file) return { reason: file[1] === 'ENOENT' ? T.missingFile() : T.unreadable(), file: clean(file[2]!) };
      if (/unmarshal fail/.test(message)) return { reason: T.answerNotJson() };
      if (/get sts token failed with OIDC/.test(message)) return { reason: T.stsRefused() };
      break;
    }
    case 'ecs_ram_role':
      if (/IMDS credentials is disabled/.test(message)) return { reason: T.disabled() };
      if (/Code is not Success|^get sts token failed$/.test(message)) return { reason: T.answerIncomplete() };
      break;
    case 'credential_uri':
      if (/^error retrieving credentials from credentialsURI/.test(message)) return { reason: T.answerIncomplete() };
      break;
  }
  const remote = httpOrNetwork(message);
  if (remote) return { reason: remote };
  const errno = ERRNO.exec(message);
  return { reason: errno ? T.errno(errno[1]!) : T.failed() };
}

/** The failure of one provider, described without its text. */
export function describeProviderFailure(provider: string, message: string): CredentialFailure {
  const { reason, file } = reasonFor(provider, message);
  return { provider, source: (T.source[provider] ?? T.source['other']!)(), reason, ...(file ? { file } : {}) };
}

/** "the aliyun CLI config (/home/me/.aliyun/config.json): the file is not valid JSON". */
export function formatCredentialFailure(failure: CredentialFailure): string {
  return failure.file ? t('{0} ({1}): {2}', failure.source, failure.file, failure.reason) : t('{0}: {1}', failure.source, failure.reason);
}

/** Thrown by the chain: which providers failed and why, the providers' own messages dropped. */
export class CredentialChainError extends Error {
  constructor(readonly failures: readonly CredentialFailure[]) {
    super(failures.length ? failures.map(formatCredentialFailure).join('; ') : t('no credentials provider is configured'));
    this.name = 'CredentialChainError';
  }
}
