/**
 * The identity a submission would sign with, resolved as Submit resolves it (the same provider chain), for
 * Show Request, Clear AccessKey and the duplicate question. Masked; cached briefly since Show Request
 * re-renders on every edit and the default chain reads files (or, last, asks the ECS metadata service).
 */
import type { CredentialSource } from '../../../api/src/credentials';
import { createCredential, resolveIdentity } from '../../../api/src/credentials';
import { describeCredentialSource } from './credentialSource';

export type IdentityAnswer = { readonly ok: true; readonly identity: string } | { readonly ok: false; readonly identity: string; readonly problem: string };

const CACHE_MS = 10_000;

export class IdentityResolver {
  private cached: { key: string; at: number; answer: Promise<IdentityAnswer> } | undefined;

  constructor(
    private readonly source: () => Promise<CredentialSource>,
    private readonly now: () => number = Date.now,
  ) {}

  /** Never throws: a chain that finds nothing says so in `problem`, and `identity` says where it looked. */
  async resolve(): Promise<IdentityAnswer> {
    const source = await this.source();
    const key = JSON.stringify(source);
    if (this.cached && this.cached.key === key && this.now() - this.cached.at < CACHE_MS) return this.cached.answer;
    const answer = resolveAnswer(source);
    this.cached = { key, at: this.now(), answer };
    return answer;
  }

  /** After Set / Clear AccessKey or a profile change. */
  forget(): void {
    this.cached = undefined;
  }
}

async function resolveAnswer(source: CredentialSource): Promise<IdentityAnswer> {
  try {
    return { ok: true, identity: (await resolveIdentity(createCredential(source), source)).description };
  } catch (error) {
    return { ok: false, identity: describeCredentialSource(source), problem: error instanceof Error ? error.message : String(error) };
  }
}
