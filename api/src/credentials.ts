/**
 * Where the AccessKey comes from: the @alicloud/credentials default chain (env, OIDC, aliyun CLI profile,
 * credentials file, ECS role, URI), a named aliyun CLI profile, or an explicit pair (kept by VS Code in
 * SecretStorage). Descriptions name the key by its masked ID and its source, never the secret.
 */
import Credential, { CLIProfileCredentialsProvider, StaticAKCredentialsProvider, StaticSTSCredentialsProvider } from '@alicloud/credentials';
import { ImmApiError, maskAccessKeyId } from './errors';

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
      return new Credential();
    case 'profile':
      return new Credential(null, CLIProfileCredentialsProvider.builder().withProfileName(source.name).build());
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
    throw noCredentials(source, error instanceof Error ? error.message : String(error));
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

const HOW_TO =
  'Set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, configure a profile with `aliyun configure` (choose it with ALIBABA_CLOUD_PROFILE or --profile), or in VS Code run "IMM Highlight: Set AccessKey".';

function noCredentials(source: CredentialSource, detail: string): ImmApiError {
  const what =
    source.kind === 'profile' ? `aliyun CLI profile "${source.name}" could not be used` : source.kind === 'accessKey' ? 'the AccessKey given is not usable' : 'no Alibaba Cloud credentials were found';
  // Provider messages name files and variables, not values; the explicit secret is removed all the same.
  const safe = source.kind === 'accessKey' && source.accessKeySecret ? detail.split(source.accessKeySecret).join('****') : detail;
  return new ImmApiError({
    kind: 'credentials',
    code: 'NoCredentials',
    retryable: false,
    outcomeUnknown: false,
    message: `Cannot sign the request: ${what} (${safe.slice(0, 400)}). ${HOW_TO} Nothing was submitted.`,
  });
}
