/*
 * The two artifact stores the backend ships: archives in the plugin's
 * database (default) or in a folder. Keys are content addresses such as
 * `sdk/python/1.0.0/<hash>.tar.gz`; the filesystem store maps them to paths
 * below its root and refuses anything that would leave it.
 */
import { DatabaseService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import type {
  SdkArtifact,
  SdkArtifactMetadata,
  SdkArtifactStore,
} from '@readiness/plugin-api-portal-node';
import { Knex } from 'knex';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { migratedClient } from '../database/migrations';

/** Keeps archives as blobs (bytea on PostgreSQL) in `api_sdk_artifacts`. */
export class DatabaseArtifactStore implements SdkArtifactStore {
  private constructor(private readonly db: Knex) {}

  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseArtifactStore> {
    return new DatabaseArtifactStore(await migratedClient(options.database));
  }

  async put(key: string, data: Buffer, meta: SdkArtifactMetadata) {
    await this.db('api_sdk_artifacts')
      .insert({
        key,
        bytes: data,
        content_type: meta.contentType,
        size_bytes: data.length,
        created_at: new Date(),
      })
      .onConflict('key')
      .ignore();
  }

  async get(key: string): Promise<SdkArtifact | undefined> {
    const row = await this.db('api_sdk_artifacts')
      .where('key', key)
      .first('bytes', 'content_type');
    if (!row) return undefined;
    const bytes = Buffer.from(row.bytes);
    return {
      contentType: row.content_type,
      size: bytes.length,
      stream: Readable.from([bytes]),
    };
  }

  async has(key: string): Promise<boolean> {
    const row = await this.db('api_sdk_artifacts')
      .where('key', key)
      .first('key');
    return row !== undefined;
  }

  async delete(key: string): Promise<void> {
    await this.db('api_sdk_artifacts').where('key', key).delete();
  }
}

const KEY = /^[A-Za-z0-9._%-]+(\/[A-Za-z0-9._%-]+)*$/;

/**
 * Keeps archives as files below a root folder; the content type is in a
 * `.meta.json` file next to each archive. Writes go to a temporary file that
 * is renamed, so a reader never sees half an archive.
 */
export class FilesystemArtifactStore implements SdkArtifactStore {
  constructor(private readonly root: string) {}

  private pathOf(key: string): string {
    if (!KEY.test(key) || key.split('/').some(s => s === '.' || s === '..')) {
      throw new InputError(`Invalid artifact key '${key}'`);
    }
    return path.join(this.root, ...key.split('/'));
  }

  async put(key: string, data: Buffer, meta: SdkArtifactMetadata) {
    const file = this.pathOf(key);
    await fs.mkdir(path.dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
    await fs.writeFile(temp, data);
    await fs.writeFile(`${file}.meta.json`, JSON.stringify(meta));
    await fs.rename(temp, file);
  }

  async get(key: string): Promise<SdkArtifact | undefined> {
    const file = this.pathOf(key);
    let size: number;
    try {
      size = (await fs.stat(file)).size;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    const meta = await fs
      .readFile(`${file}.meta.json`, 'utf8')
      .then(text => JSON.parse(text) as SdkArtifactMetadata)
      .catch(() => ({ contentType: 'application/octet-stream' }));
    return {
      contentType: meta.contentType,
      size,
      stream: createReadStream(file),
    };
  }

  async has(key: string): Promise<boolean> {
    try {
      await fs.access(this.pathOf(key));
      return true;
    } catch {
      return false;
    }
  }

  async delete(key: string): Promise<void> {
    const file = this.pathOf(key);
    await fs.rm(file, { force: true });
    await fs.rm(`${file}.meta.json`, { force: true });
  }
}

/**
 * The store of built SDK archives: the one a backend module set, else the
 * one `apiPortal.sdk.artifactStore` names (the plugin's database by default).
 */
export async function chooseArtifactStore(options: {
  fromModule: SdkArtifactStore | undefined;
  config: { type: 'database' } | { type: 'filesystem'; path: string };
  database: DatabaseService;
}): Promise<SdkArtifactStore> {
  if (options.fromModule) return options.fromModule;
  if (options.config.type === 'filesystem') {
    return new FilesystemArtifactStore(options.config.path);
  }
  return DatabaseArtifactStore.create({ database: options.database });
}
