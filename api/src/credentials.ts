/**
 * Where the AccessKey comes from: the @alicloud/credentials default chain (env, OIDC, aliyun CLI profile,
 * credentials file, ECS role, URI), a named aliyun CLI profile, or an explicit pair (kept by VS Code in
 * SecretStorage). Descriptions name the key by its masked ID and its source, never the secret.
 */
import Credential, {
  CLIProfileCredentialsProvider,
  ECSRAMRoleCredentialsProvider,
  EnvironmentVariableCredentialsProvider,
  OIDCRoleArnCredentialsProvider,
  ProfileCredentialsProvider,
  StaticAKCredentialsProvider,
  StaticSTSCredentialsProvider,
  URICredentialsProvider,
  type CredentialsProvider,
} from '@alicloud/credentials';
import { CredentialChainError, describeProviderFailure, type CredentialFailure } from './credentialFailure';
import { redactSecrets } from './redaction';
import { ImmApiError, maskAccessKeyId } from './errors';
import { t } from '../../core/src/index';

type ProviderCredentials = Awaited<ReturnType<CredentialsProvider['getCredentials']>>;

/**
 * The library's default chain (env, OIDC, aliyun CLI profile, credentials file, ECS role, URI; same order and
 * conditions as its DefaultCredentialsProvider), except that a failure keeps which provider failed and drops
 * the provider's text, which can quote a whole config file or a server's answer.
 */
class TaggedChain implements CredentialsProvider {
  private readonly providers: CredentialsProvider[];
  private used: CredentialsProvider | undefined;

  constructor(
    providers: readonly (() => CredentialsProvider)[],
    private readonly name: string,
  ) {
    this.providers = [];
    for (const make of providers) {
      try {
        this.providers.push(make());
      } catch {
        // A provider that is not configured (no OIDC variables, CLI profile disabled, no URI) is not in the chain.
      }
    }
  }

  getProviderName(): string {
    return this.name;
  }

  async getCredentials(): Promise<ProviderCredentials> {
    const failures: CredentialFailure[] = [];
    for (const provider of this.used ? [this.used] : this.providers) {
      try {
        const inner = await provider.getCredentials();
        this.used = provider;
        const chain = this.name === 'default' ? `default/${inner.providerName}` : inner.providerName;
        return { ...inner, providerName: chain };
      } catch (error) {
        failures.push(describeProviderFailure(provider.getProviderName(), error instanceof Error ? error.message : String(error)));
      }
    }
    throw new CredentialChainError(failures);
  }
}

const DEFAULT_CHAIN: readonly (() => CredentialsProvider)[] = [
  () => EnvironmentVariableCredentialsProvider.builder().build(),
  () => OIDCRoleArnCredentialsProvider.builder().build(),
  () => CLIProfileCredentialsProvider.builder().build(),
  () => ProfileCredentialsProvider.builder().build(),
  () =>
    ECSRAMRoleCredentialsProvider.builder()
      .withRoleName(process.env['ALIBABA_CLOUD_ECS_METADATA'] ?? '')
      .build(),
  // The library adds this one even without a URI, where it can only fail; here it needs the variable.
  () => {
    const uri = process.env['ALIBABA_CLOUD_CREDENTIALS_URI'];
    if (!uri) throw new Error('no credentials URI');
    return URICredentialsProvider.builder().withCredentialsURI(uri).build();
  },
];

export type CredentialSource =
  | { readonly kind: 'default' }
  | { readonly kind: 'profile'; readonly name: string }
  | {
      readonly kind: 'accessKey';
      readonly accessKeyId: string;
      readonly accessKeySecret: string;
      readonly securityToken?: string;
      /** Where the pair came from, for descriptions ("VS Code secret storage"). */
      readonly origin?: string;
    };

export function createCredential(source: CredentialSource): Credential {
  switch (source.kind) {
    case 'default':
      return new Credential(null, new TaggedChain(DEFAULT_CHAIN, 'default'));
    case 'profile':
      return new Credential(null, new TaggedChain([() => CLIProfileCredentialsProvider.builder().withProfileName(source.name).build()], 'cli_profile'));
    case 'accessKey': {
      if (!source.accessKeyId.trim() || !source.accessKeySecret.trim()) throw noCredentials(source, 'the AccessKey ID or secret is empty');
      const provider = source.securityToken
        ? StaticSTSCredentialsProvider.builder()
            .withAccessKeyId(source.accessKeyId)
            .withAccessKeySecret(source.accessKeySecret)
            .withSecurityToken(source.securityToken)
            .build()
        : StaticAKCredentialsProvider.builder().withAccessKeyId(source.accessKeyId).withAccessKeySecret(source.accessKeySecret).build();
      return new Credential(null, provider);
    }
  }
}

const PROVIDERS: Readonly<Record<string, string>> = {
  env: 'environment variables',
  oidc_role_arn: 'an OIDC role (ALIBABA_CLOUD_ROLE_ARN)',
  cli_profile: 'an aliyun CLI profile',
  profile: 'the credentials file (~/.alibabacloud/credentials)',
  ecs_ram_role: 'the ECS instance RAM role',
  credential_uri: 'the credentials URI (ALIBABA_CLOUD_CREDENTIALS_URI)',
  static_ak: 'an explicit AccessKey',
  static_sts: 'an explicit STS token',
};

export interface ResolvedIdentity {
  readonly accessKeyId: string;
  /** "AccessKey LTAI****abcd from environment variables". */
  readonly description: string;
}

/** Loads the credentials once (the providers cache them) and says whose they are. */
export async function resolveIdentity(credential: Credential, source: CredentialSource): Promise<ResolvedIdentity> {
  let model;
  try {
    model = await credential.getCredential();
  } catch (error) {
    throw credentialsFailed(source, error);
  }
  const id = model.accessKeyId ?? '';
  if (!id) throw noCredentials(source, 'no AccessKey ID was found');
  const key = `${model.securityToken ? 'STS token of AccessKey' : 'AccessKey'} ${maskAccessKeyId(id)}`;
  return { accessKeyId: id, description: `${key} from ${origin(source, model.providerName)}` };
}

function origin(source: CredentialSource, providerName: string | undefined): string {
  if (source.kind === 'profile') return `aliyun CLI profile "${source.name}"`;
  if (source.kind === 'accessKey') return source.origin ?? PROVIDERS['static_ak']!;
  // providerName is a chain such as "default/cli_profile/static_ak": the first link after default is the source.
  const first = (providerName ?? '').split('/').filter((p) => p !== 'default')[0] ?? '';
  if (first === 'cli_profile') {
    const profile = process.env['ALIBABA_CLOUD_PROFILE'];
    return profile ? `aliyun CLI profile "${profile}" (ALIBABA_CLOUD_PROFILE)` : 'the current aliyun CLI profile (~/.aliyun/config.json)';
  }
  return PROVIDERS[first] ?? (first || 'the default credentials chain');
}

const howTo = (): string =>
  t(
    'Set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, configure a profile with `aliyun configure` (choose it with ALIBABA_CLOUD_PROFILE or --profile), or in VS Code run "IMM Highlight: Set AccessKey".',
  );

/**
 * A failure to load credentials, as the user may read it: the chain's own description (source, file, reason), or
 * for anything else only a redacted first line. Used for failures inside a call too (an STS refresh).
 */
export function credentialsFailed(source: CredentialSource, error: unknown): ImmApiError {
  if (error instanceof ImmApiError) return error;
  if (error instanceof CredentialChainError) return noCredentials(source, error.message);
  const text = error instanceof Error ? error.message : String(error);
  return noCredentials(source, redactSecrets(text.split('\n')[0] ?? '').slice(0, 120));
}

function noCredentials(source: CredentialSource, detail: string): ImmApiError {
  const what =
    source.kind === 'profile'
      ? `aliyun CLI profile "${source.name}" could not be used`
      : source.kind === 'accessKey'
        ? 'the AccessKey given is not usable'
        : 'no Alibaba Cloud credentials were found';
  // detail is built from CredentialChainError or redacted already; the explicit secret is removed all the same.
  const safe = source.kind === 'accessKey' && source.accessKeySecret ? detail.split(source.accessKeySecret).join('****') : detail;
  return new ImmApiError({
    kind: 'credentials',
    code: 'NoCredentials',
    retryable: false,
    outcomeUnknown: false,
    message: t('Cannot sign the request: {0} ({1}). {2} Nothing was submitted.', what, safe.slice(0, 600), howTo()),
  });
}
