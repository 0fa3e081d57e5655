import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import { PartnerApp, SandboxKey } from '@readiness/plugin-partner-common';
import {
  isoTime,
  isUniqueViolation,
  keysetPage,
  migratedClient,
  retryTransient,
  transactionWithRetry,
} from '@readiness/store-utils';
import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';

const migrationsDir = resolvePackagePath(
  '@readiness/plugin-partner-backend',
  'migrations',
);

type AppRow = {
  id: string;
  org: string;
  name: string;
  description: string | null;
  created_by: string;
  created_at: Date | string;
};

type KeyRow = {
  id: string;
  app_id: string;
  org: string;
  prefix: string;
  secret_hash: string;
  name: string;
  scopes: string;
  created_by: string;
  created_at: Date | string;
  expires_at: Date | string;
  revoked_at: Date | string | null;
  revoked_by: string | null;
  rotated_to: string | null;
};

/** A key as stored, with the hash of its secret. */
export type StoredSandboxKey = Omit<SandboxKey, 'status'> & {
  secretHash: string;
};

function toApp(row: AppRow): PartnerApp {
  return {
    id: row.id,
    org: row.org,
    name: row.name,
    ...(row.description !== null && { description: row.description }),
    createdBy: row.created_by,
    createdAt: isoTime(row.created_at),
  };
}

function toKey(row: KeyRow): StoredSandboxKey {
  return {
    id: row.id,
    appId: row.app_id,
    org: row.org,
    prefix: row.prefix,
    secretHash: row.secret_hash,
    name: row.name,
    scopes: JSON.parse(row.scopes),
    createdBy: row.created_by,
    createdAt: isoTime(row.created_at),
    expiresAt: isoTime(row.expires_at),
    ...(row.revoked_at !== null && { revokedAt: isoTime(row.revoked_at) }),
    ...(row.revoked_by !== null && { revokedBy: row.revoked_by }),
    ...(row.rotated_to !== null && { rotatedTo: row.rotated_to }),
  };
}

/** A key to store: everything but what the store assigns. */
export type NewSandboxKey = {
  prefix: string;
  secretHash: string;
  name: string;
  scopes: string[];
  createdBy: string;
  expiresAt: Date;
};

/**
 * Partner apps and their sandbox keys. Org limits are checked in the same
 * transaction as the insert, so two requests at once cannot both pass them.
 * Creations have no idempotency key: a transient database failure is retried
 * only before the commit was sent (an unconfirmed commit is answered 503).
 */
export class DatabasePartnerStore {
  private constructor(private readonly db: Knex) {}

  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabasePartnerStore> {
    return new DatabasePartnerStore(
      await migratedClient(options.database, migrationsDir),
    );
  }

  /** Creates an app unless the org is at its limit or has one of that name. */
  async createApp(
    app: { org: string; name: string; description?: string; createdBy: string },
    appsPerOrg: number,
  ): Promise<PartnerApp> {
    try {
      return await transactionWithRetry(this.db, async tx => {
        await lockOrg(tx, app.org);
        const [{ n }] = await tx('partner_apps')
          .where('org', app.org)
          .count<{ n: number | string }[]>({ n: '*' });
        if (Number(n) >= appsPerOrg) {
          throw new ConflictError(
            `org ${app.org} has ${appsPerOrg} apps, its limit; ask the portal team for more`,
          );
        }
        const row: AppRow = {
          id: randomUUID(),
          org: app.org,
          name: app.name,
          description: app.description ?? null,
          created_by: app.createdBy,
          created_at: new Date(),
        };
        await tx('partner_apps').insert(row);
        return toApp(row);
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ConflictError(
          `name: org ${app.org} already has an app named ${JSON.stringify(
            app.name,
          )}`,
        );
      }
      throw error;
    }
  }

  async getApp(appId: string): Promise<PartnerApp | undefined> {
    const row = await this.db<AppRow>('partner_apps')
      .where('id', appId)
      .first();
    return row ? toApp(row) : undefined;
  }

  /** Apps of these orgs (all orgs when undefined), newest first. */
  async listApps(
    orgs: string[] | undefined,
    page: { cursor?: string; limit?: number },
  ) {
    const query = this.db<AppRow>('partner_apps').select('*');
    if (orgs) query.whereIn('org', orgs);
    return keysetPage(query, {
      timeColumn: 'created_at',
      cursor: page.cursor,
      limit: page.limit,
      toItem: toApp,
      positionOf: app => ({ at: app.createdAt, id: app.id }),
    });
  }

  async listKeys(appId: string): Promise<StoredSandboxKey[]> {
    const rows = await this.db<KeyRow>('partner_sandbox_keys')
      .where('app_id', appId)
      .orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ]);
    return rows.map(toKey);
  }

  async getKey(keyId: string): Promise<StoredSandboxKey | undefined> {
    const row = await this.db<KeyRow>('partner_sandbox_keys')
      .where('id', keyId)
      .first();
    return row ? toKey(row) : undefined;
  }

  async findKeyByPrefix(prefix: string): Promise<StoredSandboxKey | undefined> {
    const row = await this.db<KeyRow>('partner_sandbox_keys')
      .where('prefix', prefix)
      .first();
    return row ? toKey(row) : undefined;
  }

  /**
   * Adds a key to an app unless the app has its limit of active keys. With
   * `rotating`, that key is retired in the same transaction: it expires at
   * `retireAt` (or keeps its earlier expiry) and names its successor.
   */
  async addKey(
    app: PartnerApp,
    key: NewSandboxKey,
    options: {
      activeKeysPerApp: number;
      now: Date;
      rotating?: { keyId: string; retireAt: Date };
    },
  ): Promise<StoredSandboxKey> {
    return transactionWithRetry(this.db, async tx => {
      await lockOrg(tx, app.org);
      const [{ n }] = await tx('partner_sandbox_keys')
        .where('app_id', app.id)
        .whereNull('revoked_at')
        .where('expires_at', '>', options.now)
        .modify(q => {
          // the key being rotated makes room for its successor
          if (options.rotating) q.whereNot('id', options.rotating.keyId);
        })
        .count<{ n: number | string }[]>({ n: '*' });
      if (Number(n) >= options.activeKeysPerApp) {
        throw new ConflictError(
          `app ${app.name} has ${options.activeKeysPerApp} active keys, its limit; revoke one first`,
        );
      }
      const row: KeyRow = {
        id: randomUUID(),
        app_id: app.id,
        org: app.org,
        prefix: key.prefix,
        secret_hash: key.secretHash,
        name: key.name,
        scopes: JSON.stringify(key.scopes),
        created_by: key.createdBy,
        created_at: options.now,
        expires_at: key.expiresAt,
        revoked_at: null,
        revoked_by: null,
        rotated_to: null,
      };
      await tx('partner_sandbox_keys').insert(row);
      if (options.rotating) {
        const old = await tx<KeyRow>('partner_sandbox_keys')
          .where('id', options.rotating.keyId)
          .first();
        if (!old || old.revoked_at !== null || old.rotated_to !== null) {
          throw new ConflictError(
            'the key was revoked or rotated meanwhile; list the keys again',
          );
        }
        const expires = new Date(old.expires_at);
        await tx('partner_sandbox_keys')
          .where('id', old.id)
          .update({
            rotated_to: row.id,
            expires_at:
              expires < options.rotating.retireAt
                ? expires
                : options.rotating.retireAt,
          });
      }
      return toKey(row);
    });
  }

  /** Revokes a key; revoking a revoked key changes nothing. */
  async revokeKey(
    keyId: string,
    revokedBy: string,
    now: Date,
  ): Promise<StoredSandboxKey | undefined> {
    await retryTransient(() =>
      this.db('partner_sandbox_keys')
        .where('id', keyId)
        .whereNull('revoked_at')
        .update({ revoked_at: now, revoked_by: revokedBy }),
    );
    return this.getKey(keyId);
  }
}

/**
 * Serialises the writes of one org, so limits hold under concurrent requests:
 * a row lock on PostgreSQL; SQLite runs one write transaction at a time.
 */
async function lockOrg(tx: Knex.Transaction, org: string): Promise<void> {
  if (tx.client.config.client === 'pg') {
    await tx.raw('select pg_advisory_xact_lock(hashtext(?))', [
      `partner-org:${org}`,
    ]);
  }
}
