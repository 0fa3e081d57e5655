import { ResponseError } from '@backstage/errors';
import { ScorecardsClient } from './ScorecardsClient';

type Call = { url: string; init?: RequestInit };

function clientAnswering(status: number, body: unknown) {
  const calls: Call[] = [];
  const client = new ScorecardsClient({
    discoveryApi: { getBaseUrl: async id => `http://backend/api/${id}` },
    fetchApi: {
      fetch: (async (url: string, init?: RequestInit) => {
        calls.push({ url, init });
        return new Response(JSON.stringify(body), {
          status,
          headers: { 'Content-Type': 'application/json' },
        });
      }) as typeof fetch,
    },
  });
  return { client, calls };
}

const ledger = { kind: 'component', namespace: 'default', name: 'ledger' };

describe('ScorecardsClient', () => {
  it('asks for the scorecard of an entity by kind, namespace and name', async () => {
    const scorecard = {
      entityRef: 'component:default/ledger',
      level: 'bronze',
      score: 64,
      passed: 9,
      failed: 3,
      unknown: 2,
      applicable: 14,
      categories: [],
      checks: [],
      nextLevel: { level: 'silver', blockedBy: ['runbook-link'] },
      computedAt: '2026-12-06T02:00:41.120Z',
    };
    const { client, calls } = clientAnswering(200, scorecard);
    await expect(client.getEntityScorecard(ledger)).resolves.toEqual(scorecard);
    expect(calls.map(c => c.url)).toEqual([
      'http://backend/api/scorecards/v1/entities/component/default/ledger/scorecard',
    ]);
  });

  it('asks for the history of the days given, or lets the backend choose', async () => {
    const history = {
      entityRef: 'component:default/ledger',
      from: '2026-11-07',
      to: '2026-12-06',
      days: [],
    };
    const { client, calls } = clientAnswering(200, history);
    await client.getEntityScorecardHistory(ledger);
    await client.getEntityScorecardHistory(ledger, {
      from: '2026-09-01',
      to: '2026-12-06',
    });
    await client.getEntityScorecardHistory(ledger, { to: '2026-12-06' });
    expect(calls.map(c => c.url)).toEqual([
      'http://backend/api/scorecards/v1/entities/component/default/ledger/scorecard/history',
      'http://backend/api/scorecards/v1/entities/component/default/ledger/scorecard/history?from=2026-09-01&to=2026-12-06',
      'http://backend/api/scorecards/v1/entities/component/default/ledger/scorecard/history?to=2026-12-06',
    ]);
  });

  it('encodes the parts of the entity path', async () => {
    const { client, calls } = clientAnswering(200, {});
    await client.getEntityScorecard({
      kind: 'resource',
      namespace: 'team a',
      name: 'filing db/1',
    });
    expect(calls.map(c => c.url)).toEqual([
      'http://backend/api/scorecards/v1/entities/resource/team%20a/filing%20db%2F1/scorecard',
    ]);
  });

  it('lists the checks', async () => {
    const { client, calls } = clientAnswering(200, { checks: [] });
    await expect(client.listChecks()).resolves.toEqual({ checks: [] });
    expect(calls.map(c => c.url)).toEqual([
      'http://backend/api/scorecards/v1/checks',
    ]);
  });

  it('throws the backend’s error with its status and message', async () => {
    const { client } = clientAnswering(404, {
      error: {
        name: 'NotFoundError',
        message: 'No entity component:default/x',
      },
      request: { method: 'GET', url: '/v1/entities/component/default/x' },
      response: { statusCode: 404 },
    });
    const error = await client
      .getEntityScorecard({ ...ledger, name: 'x' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error).toMatchObject({
      statusCode: 404,
      body: { error: { message: 'No entity component:default/x' } },
    });
  });
});
