/**
 * The desktop's answer to "which credentials would sign this?" for Show Request and the record of a sent
 * request: the identity resolved as Submit resolves it, so the preview names the key that will sign, not just
 * where it is looked for. The web entry answers with a fixed text instead (nothing is signed there).
 */
import { t } from '../../../core/src/index';
import type { CredentialStore } from './credentialStore';
import type { IdentityResolver } from './identityResolver';
import type { PreviewCredentials } from '../request/preview';

export function resolvedPreviewCredentials(store: CredentialStore, identities: IdentityResolver): PreviewCredentials {
  return {
    onDidChange: store.onDidChange,
    async describe() {
      const { profile } = await store.describe();
      const identity = await identities.resolve();
      return { label: identity.ok ? identity.identity : t('not usable ({0}): {1}', identity.identity, identity.problem), profile };
    },
  };
}
