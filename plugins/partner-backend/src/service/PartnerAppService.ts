import { InputError, NotFoundError } from '@backstage/errors';
import {
  CreatedSandboxKey,
  isPartnerOrgId,
  PartnerApp,
  SandboxKey,
  SandboxKeyVerification,
} from '@readiness/plugin-partner-common';
import {
  DatabasePartnerStore,
  StoredSandboxKey,
} from '../database/DatabasePartnerStore';
import { PartnerOptions } from '../config';
import { newSandboxKey, prefixOf, secretMatches } from './sandboxKeys';

/**
 * Whose apps a caller may see and manage: every org's (internal
 * administrators) or their own orgs'. Always passed; there is no default.
 */
export type OrgAccess =
  | { type: 'all'; actor: string }
  | { type: 'orgs'; orgs: string[]; actor: string };

/** What a new app is: its name, and its org when the caller has several. */
export type NewAppInput = { org?: string; name: string; description?: string };

/** What a new key asks for. */
export type NewKeyInput = {
  name?: string;
  scopes?: string[];
  expiresInDays?: number;
};

const DAY_MS = 24 * 60 * 60 * 1000;

function canSee(access: OrgAccess, org: string): boolean {
  return access.type === 'all' || access.orgs.includes(org);
}

function publicKey(key: StoredSandboxKey, now: Date): SandboxKey {
  const { secretHash: _hash, ...rest } = key;
  let status: SandboxKey['status'] = 'active';
  if (key.revokedAt) status = 'revoked';
  else if (Date.parse(key.expiresAt) <= now.getTime()) status = 'expired';
  return { ...rest, status };
}

/** Refuses a field the request type does not have, by name. */
function knownFieldsOnly(input: object, known: string[]): void {
  const unknown = Object.keys(input).find(key => !known.includes(key));
  if (unknown !== undefined) {
    throw new InputError(
      `${unknown}: unknown field; expected ${known.join(', ')}`,
    );
  }
}

function text(
  value: string | undefined,
  field: string,
  max: number,
): string | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (trimmed.length === 0 || trimmed.length > max) {
    throw new InputError(`${field}: expected 1 to ${max} characters`);
  }
  return trimmed;
}

/**
 * Partner apps and sandbox keys. Every call names whose apps the caller may
 * reach; an app outside that answers exactly like one that does not exist.
 */
export class PartnerAppService {
  constructor(
    private readonly store: DatabasePartnerStore,
    private readonly options: PartnerOptions,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async listApps(
    access: OrgAccess,
    query: { org?: string; cursor?: string; limit?: number },
  ) {
    let orgs = access.type === 'all' ? undefined : access.orgs;
    if (query.org !== undefined) {
      // another org's filter shows nothing rather than saying it exists
      orgs = canSee(access, query.org) ? [query.org] : [];
    }
    return this.store.listApps(orgs, query);
  }

  async getApp(access: OrgAccess, appId: string): Promise<PartnerApp> {
    const app = await this.store.getApp(appId);
    if (!app || !canSee(access, app.org)) {
      throw new NotFoundError(`No app ${appId}`);
    }
    return app;
  }

  /** An app of any org, for a service that was allowed to act on every one. */
  async getAppForService(appId: unknown): Promise<PartnerApp> {
    if (typeof appId !== 'string' || appId.length === 0) {
      throw new InputError('appId: required: the app the event is for');
    }
    return this.getApp({ type: 'all', actor: 'service' }, appId);
  }

  async createApp(access: OrgAccess, input: NewAppInput): Promise<PartnerApp> {
    knownFieldsOnly(input, ['org', 'name', 'description']);
    const org = this.orgForNewApp(access, input.org);
    const name = text(input.name, 'name', 100)!;
    const description = text(input.description, 'description', 1000);
    return this.store.createApp(
      {
        org,
        name,
        ...(description !== undefined && { description }),
        createdBy: access.actor,
      },
      this.options.limitsOf(org).appsPerOrg,
    );
  }

  async listKeys(access: OrgAccess, appId: string): Promise<SandboxKey[]> {
    const app = await this.getApp(access, appId);
    const now = this.clock();
    return (await this.store.listKeys(app.id)).map(k => publicKey(k, now));
  }

  async createKey(
    access: OrgAccess,
    appId: string,
    input: NewKeyInput,
  ): Promise<CreatedSandboxKey> {
    knownFieldsOnly(input, ['name', 'scopes', 'expiresInDays']);
    const app = await this.getApp(access, appId);
    const now = this.clock();
    const scopes = this.scopesOf(input.scopes);
    const expiresAt = this.expiryOf(input.expiresInDays, now);
    const name = text(input.name, 'name', 100) ?? 'sandbox key';
    const fresh = newSandboxKey();
    const stored = await this.store.addKey(
      app,
      {
        prefix: fresh.prefix,
        secretHash: fresh.secretHash,
        name,
        scopes,
        createdBy: access.actor,
        expiresAt,
      },
      {
        activeKeysPerApp: this.options.limitsOf(app.org).activeKeysPerApp,
        now,
      },
    );
    return { key: publicKey(stored, now), secret: fresh.secret };
  }

  async revokeKey(
    access: OrgAccess,
    appId: string,
    keyId: string,
  ): Promise<SandboxKey> {
    const { key } = await this.keyOf(access, appId, keyId);
    const now = this.clock();
    const revoked = await this.store.revokeKey(key.id, access.actor, now);
    return publicKey(revoked!, now);
  }

  /**
   * A new key with the same name, scopes and lifetime; the old one keeps
   * working for the rotation overlap (or until it expires, if sooner).
   */
  async rotateKey(
    access: OrgAccess,
    appId: string,
    keyId: string,
  ): Promise<CreatedSandboxKey & { previous: SandboxKey }> {
    const { app, key } = await this.keyOf(access, appId, keyId);
    const now = this.clock();
    const status = publicKey(key, now).status;
    if (status !== 'active' || key.rotatedTo) {
      throw new InputError(
        `keyId: key ${key.prefix} is ${
          key.rotatedTo ? 'already rotated' : status
        }; create a new key instead`,
      );
    }
    const lifetime = Date.parse(key.expiresAt) - Date.parse(key.createdAt);
    const fresh = newSandboxKey();
    const stored = await this.store.addKey(
      app,
      {
        prefix: fresh.prefix,
        secretHash: fresh.secretHash,
        name: key.name,
        scopes: key.scopes,
        createdBy: access.actor,
        expiresAt: new Date(now.getTime() + lifetime),
      },
      {
        activeKeysPerApp: this.options.limitsOf(app.org).activeKeysPerApp,
        now,
        rotating: {
          keyId: key.id,
          retireAt: new Date(now.getTime() + this.options.rotationOverlapMs),
        },
      },
    );
    const previous = (await this.store.getKey(key.id))!;
    return {
      key: publicKey(stored, now),
      secret: fresh.secret,
      previous: publicKey(previous, now),
    };
  }

  /**
   * Which app, org and scopes a key opens. A malformed, unknown, revoked or
   * expired key is `{ valid: false }`, with no hint which.
   */
  async verifyKey(secret: string): Promise<SandboxKeyVerification> {
    const prefix = prefixOf(secret);
    const key = prefix ? await this.store.findKeyByPrefix(prefix) : undefined;
    const matches = secretMatches(secret, key?.secretHash);
    const now = this.clock();
    if (!matches || !key || publicKey(key, now).status !== 'active') {
      return { valid: false };
    }
    const app = await this.store.getApp(key.appId);
    if (!app) return { valid: false };
    return {
      valid: true,
      keyId: key.id,
      appId: app.id,
      appName: app.name,
      org: app.org,
      scopes: key.scopes,
      expiresAt: key.expiresAt,
    };
  }

  private async keyOf(
    access: OrgAccess,
    appId: string,
    keyId: string,
  ): Promise<{ app: PartnerApp; key: StoredSandboxKey }> {
    const app = await this.getApp(access, appId);
    const key = await this.store.getKey(keyId);
    if (!key || key.appId !== app.id) {
      throw new NotFoundError(`No key ${keyId} in app ${appId}`);
    }
    return { app, key };
  }

  private orgForNewApp(access: OrgAccess, org: string | undefined): string {
    if (org !== undefined && !isPartnerOrgId(org)) {
      throw new InputError(
        'org: expected a partner organisation id (lower-case letters, digits and dashes)',
      );
    }
    if (access.type === 'all') {
      if (org === undefined) {
        throw new InputError(
          'org: required: which organisation the app is for',
        );
      }
      return org;
    }
    if (org === undefined) {
      if (access.orgs.length === 1) return access.orgs[0];
      throw new InputError(
        `org: required: you belong to ${access.orgs.join(', ')}`,
      );
    }
    if (!access.orgs.includes(org)) {
      throw new InputError(
        `org: you may create apps for ${access.orgs.join(', ')} only`,
      );
    }
    return org;
  }

  private scopesOf(scopes: string[] | undefined): string[] {
    const allowed = this.options.scopes;
    if (scopes === undefined) return [...allowed];
    const unknown = scopes.find(s => !allowed.includes(s));
    if (unknown !== undefined || scopes.length === 0) {
      throw new InputError(
        `scopes: expected some of ${allowed.join(', ')}${
          unknown !== undefined ? `, got ${JSON.stringify(unknown)}` : ''
        }`,
      );
    }
    return [...new Set(scopes)].sort();
  }

  private expiryOf(days: number | undefined, now: Date): Date {
    const maxDays = Math.floor(this.options.maxKeyLifetimeMs / DAY_MS);
    if (days === undefined) {
      return new Date(now.getTime() + this.options.keyLifetimeMs);
    }
    if (!Number.isInteger(days) || days < 1 || days > maxDays) {
      throw new InputError(
        `expiresInDays: expected a whole number from 1 to ${maxDays}`,
      );
    }
    return new Date(now.getTime() + days * DAY_MS);
  }
}
