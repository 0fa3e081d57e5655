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
  ScorecardCheckList,
  ScorecardHistory,
  ScorecardRecord,
} from './types';

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
}

/**
 * The typed client of the scorecards backend. Errors are thrown as the
 * backend's `ResponseError`, so the cards show them as every family does.
 *
 * @public
 */
export class ScorecardsClient implements ScorecardsApi {
  private readonly http: PluginHttpClient;

  constructor(options: {
    discoveryApi: PortalDiscoveryApi;
    fetchApi?: PortalFetchApi;
  }) {
    this.http = new PluginHttpClient({ pluginId: 'scorecards', ...options });
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
}
