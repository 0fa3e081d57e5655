import { booleanCheck, factsOf } from '../__testUtils__/checks';
import { compileScorecard, scorecardSubjectOf } from './scorecard';

const NOW = '2026-11-20T12:00:00Z';
const service = { kind: 'Component', type: 'service', lifecycle: 'production' };

describe('compileScorecard', () => {
  const checks = [
    booleanCheck('owner', { level: 'bronze', weight: 3 }),
    booleanCheck('slos', {
      level: 'silver',
      weight: 2,
      category: 'reliability',
      appliesTo: { kinds: ['component'], types: ['service'] },
    }),
    booleanCheck('lint', {
      level: 'silver',
      weight: 4,
      category: 'api',
      appliesTo: { kinds: ['api'] },
    }),
    booleanCheck('drill', {
      level: 'gold',
      weight: 1,
      category: 'dr',
      appliesTo: { lifecycles: ['production'], tags: ['tier-1'] },
    }),
  ];
  const scorecard = compileScorecard(checks);

  it('gives every check an outcome, in order, with its reason', () => {
    const card = scorecard.evaluate(
      service,
      factsOf({ 'test.owner': true, 'test.slos': false }),
      NOW,
    );
    expect(card.outcomes).toEqual([
      {
        checkId: 'owner',
        status: 'pass',
        reason: 'test.owner is true; expected true',
      },
      {
        checkId: 'slos',
        status: 'fail',
        reason: 'test.slos is false; expected true',
      },
      {
        checkId: 'lint',
        status: 'not-applicable',
        reason: 'applies to kind api, not component',
      },
      {
        checkId: 'drill',
        status: 'not-applicable',
        reason: 'applies to entities tagged tier-1',
      },
    ]);
  });

  it('scores by weight, overall and per category, rounding down', () => {
    const card = scorecard.evaluate(
      service,
      factsOf({ 'test.owner': true, 'test.slos': false }),
      NOW,
    );
    expect(card).toMatchObject({
      score: 60,
      passed: 1,
      failed: 1,
      unknown: 0,
      applicable: 2,
      categories: {
        ownership: {
          score: 100,
          passed: 1,
          failed: 0,
          unknown: 0,
          applicable: 1,
        },
        reliability: {
          score: 0,
          passed: 0,
          failed: 1,
          unknown: 0,
          applicable: 1,
        },
      },
    });
    expect(Object.keys(card.categories).sort()).toEqual([
      'ownership',
      'reliability',
    ]);

    const thirds = compileScorecard([
      booleanCheck('a'),
      booleanCheck('b'),
      booleanCheck('c'),
    ]).evaluate(service, factsOf({ 'test.a': true, 'test.b': true }), NOW);
    expect(thirds.score).toBe(66);
  });

  it('counts unknown outcomes as not passing, apart from failures', () => {
    const card = scorecard.evaluate(
      service,
      factsOf({ 'test.owner': true }),
      NOW,
    );
    expect(card).toMatchObject({
      score: 60,
      failed: 0,
      unknown: 1,
      level: 'bronze',
      nextLevel: 'silver',
    });
    expect(card.outcomes[1]).toEqual({
      checkId: 'slos',
      status: 'unknown',
      reason: 'test.slos is not known yet',
    });
  });

  it('reaches a level when every applicable check of it and below passes', () => {
    const tier1 = { ...service, tags: ['tier-1'] };
    const all = factsOf({
      'test.owner': true,
      'test.slos': true,
      'test.drill': true,
    });
    expect(scorecard.evaluate(tier1, all, NOW)).toMatchObject({
      level: 'gold',
      nextLevel: null,
      score: 100,
    });
    // a failing bronze check holds the entity below bronze, whatever passes above
    expect(
      scorecard.evaluate(
        tier1,
        { ...all, ...factsOf({ 'test.owner': false }) },
        NOW,
      ),
    ).toMatchObject({ level: null, nextLevel: 'bronze' });
    // a gold check failing leaves silver
    expect(
      scorecard.evaluate(
        tier1,
        { ...all, ...factsOf({ 'test.drill': false }) },
        NOW,
      ),
    ).toMatchObject({ level: 'silver', nextLevel: 'gold' });
  });

  it('steps over a level without applicable checks, but never climbs on none', () => {
    const api = { kind: 'API', type: 'openapi', lifecycle: 'experimental' };
    // the API entity has bronze (owner) and silver (lint) checks, no gold one
    expect(
      scorecard.evaluate(
        api,
        factsOf({ 'test.owner': true, 'test.lint': true }),
        NOW,
      ),
    ).toMatchObject({ level: 'silver', nextLevel: null });

    const goldOnly = compileScorecard([
      booleanCheck('owner', { level: 'bronze' }),
      booleanCheck('drill', { level: 'gold' }),
    ]);
    expect(
      goldOnly.evaluate(
        api,
        factsOf({ 'test.owner': true, 'test.drill': false }),
        NOW,
      ),
    ).toMatchObject({ level: 'bronze', nextLevel: 'gold' });
    expect(
      goldOnly.evaluate(
        api,
        factsOf({ 'test.owner': true, 'test.drill': true }),
        NOW,
      ),
    ).toMatchObject({ level: 'gold' });
  });

  it('has no level or score when no check applies', () => {
    const card = compileScorecard([
      booleanCheck('lint', { appliesTo: { kinds: ['api'] } }),
    ]).evaluate({ kind: 'Group' }, factsOf({}), NOW);
    expect(card).toMatchObject({
      level: null,
      nextLevel: null,
      score: null,
      applicable: 0,
      categories: {},
    });
  });

  it('selects entities case-insensitively by kind, type and lifecycle, and by any tag', () => {
    const check = booleanCheck('x', {
      appliesTo: {
        kinds: ['component'],
        types: ['service', 'website'],
        lifecycles: ['production'],
        tags: ['tier-1', 'payments'],
      },
    });
    const card = compileScorecard([check]);
    const status = (subject: Parameters<typeof card.evaluate>[0]) =>
      card.evaluate(subject, factsOf({ 'test.x': true }), NOW).outcomes[0];
    expect(
      status({
        kind: 'COMPONENT',
        type: 'Website',
        lifecycle: 'Production',
        tags: ['payments'],
      }).status,
    ).toBe('pass');
    expect(status({ kind: 'Component', type: 'library' })).toEqual({
      checkId: 'x',
      status: 'not-applicable',
      reason: 'applies to type service or website, not library',
    });
    expect(status({ kind: 'Component', type: 'service' }).reason).toBe(
      'applies to lifecycle production, not an entity without a lifecycle',
    );
    expect(
      status({
        kind: 'Component',
        type: 'service',
        lifecycle: 'production',
        tags: ['Payments'],
      }).status,
    ).toBe('not-applicable');
  });

  it('measures ages from the time it is given', () => {
    const check = booleanCheck('recent', {
      rule: {
        type: 'youngerThan',
        fact: 'reliability.perf-run-newest-at',
        duration: { days: 7 },
      },
    });
    const card = compileScorecard([check]);
    const facts = factsOf({
      'reliability.perf-run-newest-at': '2026-11-15T00:00:00Z',
    });
    expect(card.evaluate(service, facts, NOW).score).toBe(100);
    expect(
      card.evaluate(service, facts, Date.parse('2026-11-23T00:00:00Z')).score,
    ).toBe(0);
    expect(
      card.evaluate(service, facts, new Date('2026-11-21T00:00:00Z')).score,
    ).toBe(100);
    expect(() => card.evaluate(service, facts, 'someday')).toThrow(
      '"someday" is not a time',
    );
  });
});

describe('scorecardSubjectOf', () => {
  it('reads kind, type, lifecycle and tags of an entity', () => {
    expect(
      scorecardSubjectOf({
        kind: 'Component',
        metadata: { tags: ['ledger'] },
        spec: { type: 'service', lifecycle: 'production', owner: 'x' },
      }),
    ).toEqual({
      kind: 'Component',
      type: 'service',
      lifecycle: 'production',
      tags: ['ledger'],
    });
    expect(scorecardSubjectOf({ kind: 'Group', metadata: {} })).toEqual({
      kind: 'Group',
    });
  });
});
