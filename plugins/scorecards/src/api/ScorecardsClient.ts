import { ResponseError } from '@backstage/errors';
import {
  entityPath,
  PluginHttpClient,
  PortalDiscoveryApi,
  PortalEntityName,
  PortalFetchApi,
  queryString,
} from '@readiness/client-utils';
import {
  HistoryRange,
  RitualChanges,
  ScorecardCheckList,
  ScorecardHistory,
  ScorecardRecord,
  ScorecardRollup,
  TeamRitual,
  TeamRollupSummary,
} from './types';

/**
 * A group, system or domain by namespace and name.
 *
 * @public
 */
export type RollupSubject = {
  kind: 'group' | 'system' | 'domain';
  namespace: string;
  name: string;
};

const PLURAL = { group: 'groups', system: 'systems', domain: 'domains' };

function rollupPath(subject: RollupSubject): string {
  return `/v1/rollups/${PLURAL[subject.kind]}/${encodeURIComponent(
    subject.namespace,
  )}/${encodeURIComponent(subject.name)}`;
}

/** A team by namespace and name. */
type Team = { namespace: string; name: string };
const teamPath = (team: Team) => rollupPath({ kind: 'group', ...team });

/**
 * What the scorecards backend offers the entity pages.
 *
 * @public
 */
export interface ScorecardsApi {
  /** The entity's level, score, category scores, checks and what blocks its next level. */
  getEntityScorecard(entity: PortalEntityName): Promise<ScorecardRecord>;
  /** One snapshot per UTC day the entity was scored, oldest first. */
  getEntityScorecardHistory(
    entity: PortalEntityName,
    range?: HistoryRange,
  ): Promise<ScorecardHistory>;
  /** The checks entities are scored with, in file order. */
  listChecks(): Promise<ScorecardCheckList>;
  /** The teams that own scored entities, each with its counts. */
  listTeamRollups(): Promise<{ teams: TeamRollupSummary[] }>;
  /** A team's, system's or domain's entities, levels, trends and failing checks. */
  getRollup(subject: RollupSubject): Promise<ScorecardRollup>;
  /** What changed on a team's entities since its last ritual. */
  getRitualChanges(team: Team): Promise<RitualChanges>;
  /** A team's rituals, most recent first. */
  listRituals(
    team: Team,
    page?: { cursor?: string; limit?: number },
  ): Promise<{ items: TeamRitual[]; nextCursor?: string }>;
  /** Marks the team's ritual held (today unless a day is given). */
  markRitualHeld(
    team: Team,
    ritual: { day?: string; note?: string },
  ): Promise<{ created: boolean; ritual: TeamRitual }>;
  /** The team's rollup as CSV text. */
  getRollupCsv(team: Team): Promise<string>;
}

/**
 * The typed client of the scorecards backend. Errors are thrown as the
 * backend's `ResponseError`, so the cards show them as every family does.
 *
 * @public
 */
export class ScorecardsClient implements ScorecardsApi {
  private readonly http: PluginHttpClient;
  private readonly fetchApi: PortalFetchApi;

  constructor(options: {
    discoveryApi: PortalDiscoveryApi;
    fetchApi?: PortalFetchApi;
  }) {
    this.http = new PluginHttpClient({ pluginId: 'scorecards', ...options });
    this.fetchApi = options.fetchApi ?? {
      fetch: globalThis.fetch.bind(globalThis),
    };
  }

  async getEntityScorecard(entity: PortalEntityName): Promise<ScorecardRecord> {
    return this.http.request(`/v1/entities/${entityPath(entity)}/scorecard`);
  }

  async getEntityScorecardHistory(
    entity: PortalEntityName,
    range: HistoryRange = {},
  ): Promise<ScorecardHistory> {
    const { from, to } = range;
    return this.http.request(
      `/v1/entities/${entityPath(entity)}/scorecard/history${queryString({
        from,
        to,
      })}`,
    );
  }

  async listChecks(): Promise<ScorecardCheckList> {
    return this.http.request('/v1/checks');
  }

  async listTeamRollups(): Promise<{ teams: TeamRollupSummary[] }> {
    return this.http.request('/v1/rollups/groups');
  }

  async getRollup(subject: RollupSubject): Promise<ScorecardRollup> {
    return this.http.request(rollupPath(subject));
  }

  async getRitualChanges(team: Team): Promise<RitualChanges> {
    return this.http.request(`${teamPath(team)}/changes`);
  }

  async listRituals(
    team: Team,
    page: { cursor?: string; limit?: number } = {},
  ): Promise<{ items: TeamRitual[]; nextCursor?: string }> {
    return this.http.request(
      `${teamPath(team)}/rituals${queryString({
        cursor: page.cursor,
        limit: page.limit,
      })}`,
    );
  }

  async markRitualHeld(
    team: Team,
    ritual: { day?: string; note?: string },
  ): Promise<{ created: boolean; ritual: TeamRitual }> {
    return this.http.send(`${teamPath(team)}/rituals`, 'POST', ritual);
  }

  async getRollupCsv(team: Team): Promise<string> {
    // the file is text, not JSON: the one call that does not go through request()
    const response = await this.fetchApi.fetch(
      await this.http.url(`${teamPath(team)}/rollup.csv`),
    );
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return response.text();
  }
}
