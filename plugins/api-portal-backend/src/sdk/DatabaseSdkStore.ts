import { DatabaseService } from '@backstage/backend-plugin-api';
import { isoTime } from '@readiness/store-utils';
import { Knex } from 'knex';
import { migratedClient } from '../database/migrations';
import { SdkBuildStatus } from '@readiness/plugin-api-portal-common';

type Time = Date | string | number;

/** Rows per statement, well under SQLite's limit of bound variables. */
const BATCH = 100;

/** Who downloaded: an internal user (or a service) or a partner. */
export type DownloadAudience = 'internal' | 'partner';

/** The key of a set of partner organisations: sorted, comma separated. */
function orgKey(orgs: readonly string[]): string {
  return [...new Set(orgs)].sort().join(',');
}

function orgsOfKey(key: string | null | undefined): string[] {
  return key ? key.split(',') : [];
}

/** Whether downloads by members of these organisations count for a viewer's. */
function sharesOrg(downloaders: string[], viewer: readonly string[]): boolean {
  return downloaders.some(org => viewer.includes(org));
}

/** One SDK build, identified by its content address. */
export type SdkBuild = {
  specHash: string;
  language: string;
  generatorVersion: string;
  status: SdkBuildStatus;
  log?: string;
  artifactKey?: string;
  sizeBytes?: number;
  createdAt: string;
  updatedAt: string;
  finishedAt?: string;
};

/** The key of a day's count of downloads. */
const DOWNLOAD_KEY = [
  'family',
  'version',
  'language',
  'day',
  'audience',
  'partner_org',
  'sample',
];

/** The downloads of one day; `sample` of them are sample data, when any are. */
export type DayDownloads = { day: string; downloads: number; sample?: number };

/** A download to count. */
export type SdkDownload = {
  family: string;
  version: string;
  language: string;
  /** `YYYY-MM-DD`, UTC. */
  day: string;
  audience: DownloadAudience;
  /** The partner downloader's organisations; none for internal downloads. */
  partnerOrgs: string[];
};

type BuildRow = {
  spec_hash: string;
  language: string;
  generator_version: string;
  status: string;
  log: string | null;
  artifact_key: string | null;
  size_bytes: number | string | null;
  created_at: Time;
  updated_at: Time;
  finished_at: Time | null;
};

function toBuild(row: BuildRow): SdkBuild {
  return {
    specHash: row.spec_hash,
    language: row.language,
    generatorVersion: row.generator_version,
    status: row.status as SdkBuildStatus,
    ...(row.log !== null && { log: row.log }),
    ...(row.artifact_key !== null && { artifactKey: row.artifact_key }),
    ...(row.size_bytes !== null && { sizeBytes: Number(row.size_bytes) }),
    createdAt: isoTime(row.created_at),
    updatedAt: isoTime(row.updated_at),
    ...(row.finished_at !== null && { finishedAt: isoTime(row.finished_at) }),
  };
}

/** A build's content address. */
export type SdkBuildAddress = Pick<
  SdkBuild,
  'specHash' | 'language' | 'generatorVersion'
>;

function addressWhere(address: SdkBuildAddress) {
  return {
    spec_hash: address.specHash,
    language: address.language,
    generator_version: address.generatorVersion,
  };
}

/**
 * SDK builds and download counts. A build row is created once per content
 * address (spec hash, language, generator version); a worker claims a
 * pending row by moving it to `building` in one conditional update, so two
 * replicas never build the same SDK at once.
 */
export class DatabaseSdkStore {
  private constructor(private readonly db: Knex) {}

  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseSdkStore> {
    return new DatabaseSdkStore(await migratedClient(options.database));
  }

  /** Creates a pending build unless the address has one; returns the kept row. */
  async ensureBuild(address: SdkBuildAddress): Promise<SdkBuild> {
    const [build] = await this.ensureBuilds([address]);
    return build;
  }

  /**
   * Creates pending builds for the addresses that have none, in batches, and
   * returns the kept rows in the order asked. Addresses that all have rows
   * cost one read per batch.
   */
  async ensureBuilds(addresses: SdkBuildAddress[]): Promise<SdkBuild[]> {
    const kept = new Map<string, SdkBuild>();
    const id = (a: SdkBuildAddress) =>
      `${a.specHash}\0${a.language}\0${a.generatorVersion}`;
    const hashes = [...new Set(addresses.map(a => a.specHash))];
    const read = async () => {
      for (let i = 0; i < hashes.length; i += BATCH) {
        const rows = await this.db<BuildRow>('api_sdk_builds').whereIn(
          'spec_hash',
          hashes.slice(i, i + BATCH),
        );
        for (const row of rows) kept.set(id(toBuild(row)), toBuild(row));
      }
    };
    await read();
    const missing = [
      ...new Map(
        addresses.filter(a => !kept.has(id(a))).map(a => [id(a), a]),
      ).values(),
    ];
    if (missing.length > 0) {
      const now = new Date();
      for (let i = 0; i < missing.length; i += BATCH) {
        await this.db('api_sdk_builds')
          .insert(
            missing.slice(i, i + BATCH).map(a => ({
              ...addressWhere(a),
              status: 'pending',
              created_at: now,
              updated_at: now,
            })),
          )
          .onConflict(['spec_hash', 'language', 'generator_version'])
          .ignore();
      }
      await read();
    }
    return addresses.map(a => {
      const build = kept.get(id(a));
      if (!build) throw new Error('SDK build row vanished after insert');
      return build;
    });
  }

  async getBuild(address: SdkBuildAddress): Promise<SdkBuild | undefined> {
    const row = await this.db<BuildRow>('api_sdk_builds')
      .where(addressWhere(address))
      .first();
    return row ? toBuild(row) : undefined;
  }

  /** The builds of a spec hash, one per language and generator version. */
  async buildsOf(specHash: string): Promise<SdkBuild[]> {
    const rows = await this.db<BuildRow>('api_sdk_builds')
      .where('spec_hash', specHash)
      .orderBy('language');
    return rows.map(toBuild);
  }

  async listPending(limit: number): Promise<SdkBuild[]> {
    const rows = await this.db<BuildRow>('api_sdk_builds')
      .where('status', 'pending')
      .orderBy('created_at')
      .limit(limit);
    return rows.map(toBuild);
  }

  /** Moves a pending build to `building`; false when someone else got it. */
  async claim(address: SdkBuildAddress): Promise<boolean> {
    const updated = await this.db('api_sdk_builds')
      .where({ ...addressWhere(address), status: 'pending' })
      .update({ status: 'building', updated_at: new Date() });
    return updated === 1;
  }

  /** Builds left `building` by a stopped backend go back to `pending`. */
  async requeueStale(olderThan: Date): Promise<number> {
    return this.db('api_sdk_builds')
      .where('status', 'building')
      .andWhere('updated_at', '<', olderThan)
      .update({ status: 'pending', updated_at: new Date() });
  }

  /** Sets a failed (or ready) build back to pending, for a rebuild. */
  async requeue(address: SdkBuildAddress): Promise<void> {
    await this.db('api_sdk_builds')
      .where(addressWhere(address))
      .whereIn('status', ['ready', 'failed'])
      .update({
        status: 'pending',
        log: null,
        finished_at: null,
        updated_at: new Date(),
      });
  }

  async finish(
    address: SdkBuildAddress,
    outcome:
      | { status: 'ready'; log: string; artifactKey: string; sizeBytes: number }
      | { status: 'failed'; log: string },
  ): Promise<void> {
    const now = new Date();
    await this.db('api_sdk_builds')
      .where(addressWhere(address))
      .update({
        status: outcome.status,
        log: outcome.log,
        artifact_key: outcome.status === 'ready' ? outcome.artifactKey : null,
        size_bytes: outcome.status === 'ready' ? outcome.sizeBytes : null,
        updated_at: now,
        finished_at: now,
      });
  }

  /** Counts one download, as one upsert statement. */
  async countDownload(download: SdkDownload): Promise<void> {
    const { partnerOrgs, ...key } = download;
    await this.db('api_sdk_downloads')
      .insert({
        ...key,
        partner_org: orgKey(partnerOrgs),
        sample: false,
        downloads: 1,
      })
      .onConflict(DOWNLOAD_KEY)
      .merge({
        downloads: this.db.raw('?? + 1', ['api_sdk_downloads.downloads']),
      });
  }

  /**
   * Keeps day counts as sample data (docs/operations/sample-data.md), apart
   * from real downloads. A count already kept for its key is left as it is,
   * so the same counts kept again add nothing. Returns how many were new.
   */
  async addSampleDownloads(
    counts: Array<SdkDownload & { downloads: number }>,
  ): Promise<number> {
    const sampleRows = async () => {
      const [{ n }] = await this.db('api_sdk_downloads')
        .where('sample', true)
        .count({ n: '*' });
      return Number(n);
    };
    const before = await sampleRows();
    for (let i = 0; i < counts.length; i += BATCH) {
      await this.db('api_sdk_downloads')
        .insert(
          counts.slice(i, i + BATCH).map(({ partnerOrgs, ...count }) => ({
            ...count,
            partner_org: orgKey(partnerOrgs),
            sample: true,
          })),
        )
        .onConflict(DOWNLOAD_KEY)
        .ignore();
    }
    return (await sampleRows()) - before;
  }

  /**
   * Download totals of a family's version, per language, audience and the
   * partner organisations of the downloaders.
   */
  async downloadTotals(
    family: string,
    version: string,
  ): Promise<
    Array<{
      language: string;
      audience: DownloadAudience;
      partnerOrgs: string[];
      downloads: number;
      /** Whether these are sample downloads. */
      sample: boolean;
    }>
  > {
    const rows: Array<{
      language: string;
      audience: string;
      partner_org: string;
      sample: boolean | number;
      downloads: number | string;
    }> = await this.db('api_sdk_downloads')
      .where({ family, version })
      .groupBy('language', 'audience', 'partner_org', 'sample')
      .select('language', 'audience', 'partner_org', 'sample')
      .sum({ downloads: 'downloads' });
    return rows.map(row => ({
      language: String(row.language),
      audience: row.audience as DownloadAudience,
      partnerOrgs: orgsOfKey(row.partner_org),
      downloads: Number(row.downloads),
      sample: Boolean(row.sample),
    }));
  }

  /**
   * Downloads per family and day since a day (inclusive), oldest first: all
   * of them, or (`byOrgs`) only those by members of these partner
   * organisations; `sample` says how many of a day's are sample data.
   */
  async familyDownloadsByDay(
    families: string[],
    sinceDay: string,
    byOrgs?: readonly string[],
  ): Promise<Map<string, DayDownloads[]>> {
    const byFamily = new Map<string, DayDownloads[]>();
    if (families.length === 0) return byFamily;
    // Few rows per day: organisations are matched here, not in SQL
    const columns = byOrgs
      ? ['family', 'day', 'sample', 'partner_org']
      : ['family', 'day', 'sample'];
    const query = this.db('api_sdk_downloads')
      .whereIn('family', families)
      .andWhere('day', '>=', sinceDay);
    if (byOrgs) query.where('audience', 'partner').whereNot('partner_org', '');
    const rows: Array<{
      family: string;
      day: string;
      sample: boolean | number;
      partner_org?: string;
      downloads: number | string;
    }> = await query
      .orderBy(['family', 'day'])
      .groupBy(columns)
      .select(columns)
      .sum({ downloads: 'downloads' });
    for (const row of rows) {
      if (byOrgs && !sharesOrg(orgsOfKey(row.partner_org), byOrgs)) continue;
      const days = byFamily.get(row.family) ?? [];
      let day = days[days.length - 1];
      if (day?.day !== row.day) {
        day = { day: row.day, downloads: 0 };
        days.push(day);
      }
      const downloads = Number(row.downloads);
      day.downloads += downloads;
      if (row.sample) day.sample = (day.sample ?? 0) + downloads;
      byFamily.set(row.family, days);
    }
    return byFamily;
  }

  /** Downloads per day of a family and version (tests and reports). */
  async downloadsByDay(filter: {
    family: string;
  }): Promise<Array<SdkDownload & { downloads: number; sample: boolean }>> {
    const rows = await this.db('api_sdk_downloads')
      .where('family', filter.family)
      .orderBy(['day', 'version', 'language', 'audience']);
    return rows.map(row => ({
      family: row.family,
      version: row.version,
      language: row.language,
      day: row.day,
      audience: row.audience,
      partnerOrgs: orgsOfKey(row.partner_org),
      downloads: Number(row.downloads),
      sample: Boolean(row.sample),
    }));
  }
}
