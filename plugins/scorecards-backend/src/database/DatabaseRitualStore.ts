import { randomUUID } from 'node:crypto';
import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import {
  isoTime,
  isUniqueViolation,
  keysetPage,
  migratedClient,
  retryTransient,
} from '@readiness/store-utils';
import { Knex } from 'knex';

const migrationsDir = resolvePackagePath(
  '@readiness/plugin-scorecards-backend',
  'migrations',
);

type Time = Date | string | number;

type RitualRow = {
  id: string;
  group_ref: string;
  day: string;
  held_at: Time;
  note: string | null;
  held_by: string;
  recorded_at: Time;
};

/** A readiness ritual a team held, as stored. */
export type TeamRitual = {
  id: string;
  /** Lower-case ref of the Group entity. */
  groupRef: string;
  /** YYYY-MM-DD, UTC. */
  day: string;
  /** The moment "what changed since" compares with, ISO 8601. */
  heldAt: string;
  note?: string;
  /** The user entity ref of whoever marked it held. */
  heldBy: string;
  recordedAt: string;
};

/** A ritual to record. */
export type RitualToRecord = {
  groupRef: string;
  day: string;
  heldAt: string;
  note?: string;
  heldBy: string;
};

function toRitual(row: RitualRow): TeamRitual {
  return {
    id: row.id,
    groupRef: row.group_ref,
    day: row.day,
    heldAt: isoTime(row.held_at),
    ...(row.note && { note: row.note }),
    heldBy: row.held_by,
    recordedAt: isoTime(row.recorded_at),
  };
}

/**
 * The rituals teams held, one per group and UTC day: marking a day twice
 * answers the first record and writes nothing, whoever marks it.
 */
export class DatabaseRitualStore {
  private constructor(private readonly db: Knex) {}

  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseRitualStore> {
    return new DatabaseRitualStore(
      await migratedClient(options.database, migrationsDir),
    );
  }

  /** Records a ritual unless its group's day is recorded already. */
  async recordRitual(
    ritual: RitualToRecord,
  ): Promise<{ ritual: TeamRitual; created: boolean }> {
    return retryTransient(async () => {
      const stored = await this.ritualOn(ritual.groupRef, ritual.day);
      if (stored) return { ritual: stored, created: false };
      const row: RitualRow = {
        id: randomUUID(),
        group_ref: ritual.groupRef,
        day: ritual.day,
        held_at: new Date(ritual.heldAt),
        note: ritual.note ?? null,
        held_by: ritual.heldBy,
        recorded_at: new Date(),
      };
      try {
        await this.db('scorecards_rituals').insert(row);
      } catch (error) {
        // marked at the same moment by someone else: theirs stands
        if (!isUniqueViolation(error)) throw error;
        const first = await this.ritualOn(ritual.groupRef, ritual.day);
        if (!first) throw error;
        return { ritual: first, created: false };
      }
      return { ritual: toRitual(row), created: true };
    });
  }

  private async ritualOn(
    groupRef: string,
    day: string,
  ): Promise<TeamRitual | undefined> {
    const row: RitualRow | undefined = await this.db('scorecards_rituals')
      .where({ group_ref: groupRef, day })
      .first();
    return row && toRitual(row);
  }

  /** A group's rituals, the most recently held first, a page at a time. */
  async listRituals(
    groupRef: string,
    page: { cursor?: string; limit?: number },
  ): Promise<{ items: TeamRitual[]; nextCursor?: string }> {
    return keysetPage(
      this.db('scorecards_rituals').where('group_ref', groupRef),
      {
        timeColumn: 'held_at',
        cursor: page.cursor,
        limit: page.limit,
        toItem: toRitual,
        positionOf: ritual => ({ at: ritual.heldAt, id: ritual.id }),
      },
    );
  }

  /** The group's most recently held ritual, if it ever held one. */
  async lastRitual(groupRef: string): Promise<TeamRitual | undefined> {
    const row: RitualRow | undefined = await this.db('scorecards_rituals')
      .where('group_ref', groupRef)
      .orderBy([
        { column: 'held_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .first();
    return row && toRitual(row);
  }
}
