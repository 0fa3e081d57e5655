/**
 * Partner apps and their sandbox keys, as the partner backend answers them.
 * A key's secret is shown once, when it is created or rotated; afterwards
 * only its visible prefix is.
 */

/** The visible start of every sandbox key. @public */
export const SANDBOX_KEY_PREFIX = 'rpsk_';

/** An app a partner organisation registered for the sandbox. @public */
export type PartnerApp = {
  id: string;
  /** The partner organisation, e.g. `acme` for `group:default/partner-acme`. */
  org: string;
  name: string;
  description?: string;
  createdBy: string;
  createdAt: string;
};

/** What a sandbox key is, without its secret. @public */
export type SandboxKey = {
  id: string;
  appId: string;
  org: string;
  /** Shown everywhere the key is listed, e.g. `rpsk_k3j9x2qa`. */
  prefix: string;
  name: string;
  scopes: string[];
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  revokedAt?: string;
  revokedBy?: string;
  /** The key this one was rotated into, if it was. */
  rotatedTo?: string;
  /** `active`, or why the key no longer opens the sandbox. */
  status: 'active' | 'expired' | 'revoked';
};

/** A key just created or rotated: the only answer that holds its secret. @public */
export type CreatedSandboxKey = {
  key: SandboxKey;
  /** The whole key. Shown once; the portal keeps only its hash. */
  secret: string;
};

/** What the sandbox gateway learns about a key it was shown. @public */
export type SandboxKeyVerification =
  | {
      valid: true;
      keyId: string;
      appId: string;
      appName: string;
      org: string;
      scopes: string[];
      expiresAt: string;
    }
  | { valid: false };

/** Whether an organisation id is well formed: what follows `partner-` in a group name. @public */
export function isPartnerOrgId(org: string): boolean {
  return /^[a-z0-9][a-z0-9-]{0,62}$/.test(org);
}
