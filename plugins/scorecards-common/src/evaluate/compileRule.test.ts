import { ScorecardRule } from '../checks/types';
import { EntityFacts, FactValue } from '../facts/types';
import { compileRule, FAIL, PASS, UNKNOWN } from './compileRule';

const NOW = Date.parse('2026-11-20T12:00:00Z');
const clock = { nowMs: NOW };

function facts(values: Record<string, FactValue>): EntityFacts {
  return Object.fromEntries(
    Object.entries(values).map(([id, value]) => [
      id,
      { value, observedAt: '2026-11-20T11:00:00Z' },
    ]),
  );
}

const num = (
  operator: 'eq' | 'ne' | 'lt' | 'lte' | 'gt' | 'gte',
  value: number,
): ScorecardRule => ({
  type: 'compare',
  fact: 'api-portal.lint-errors',
  factType: 'number',
  operator,
  value,
});

const verdict = (value: string): ScorecardRule => ({
  type: 'compare',
  fact: 'reliability.gate-verdict',
  factType: 'string',
  operator: 'eq',
  value,
});

const slosMet: ScorecardRule = {
  type: 'compare',
  fact: 'reliability.slos-met',
  factType: 'boolean',
  operator: 'eq',
  value: true,
};

function run(rule: ScorecardRule, values: EntityFacts) {
  const compiled = compileRule(rule);
  return {
    status: compiled.test(values, clock),
    reason: compiled.explain(values, clock, false),
  };
}

describe('compileRule', () => {
  it.each([
    ['eq', 0, 0, PASS],
    ['eq', 0, 2, FAIL],
    ['ne', 0, 2, PASS],
    ['lt', 3, 2, PASS],
    ['lt', 3, 3, FAIL],
    ['lte', 3, 3, PASS],
    ['lte', 3, 4, FAIL],
    ['gt', 3, 4, PASS],
    ['gt', 3, 3, FAIL],
    ['gte', 3, 3, PASS],
    ['gte', 3, 2, FAIL],
  ] as const)('number %s %d with %d', (operator, constant, value, status) => {
    expect(
      run(num(operator, constant), facts({ 'api-portal.lint-errors': value }))
        .status,
    ).toBe(status);
  });

  it('says why a comparison holds or not', () => {
    expect(
      run(num('lte', 10), facts({ 'api-portal.lint-errors': 12 })).reason,
    ).toBe('api-portal.lint-errors is 12; expected at most 10');
    expect(
      run(verdict('pass'), facts({ 'reliability.gate-verdict': 'fail' })),
    ).toEqual({
      status: FAIL,
      reason: 'reliability.gate-verdict is "fail"; expected "pass"',
    });
  });

  it('is unknown when the fact is missing or of another type, and says which', () => {
    expect(run(num('eq', 0), facts({}))).toEqual({
      status: UNKNOWN,
      reason: 'api-portal.lint-errors is not known yet',
    });
    expect(run(num('eq', 0), facts({ 'api-portal.lint-errors': '0' }))).toEqual(
      {
        status: UNKNOWN,
        reason:
          'api-portal.lint-errors has the string value "0", where a number is expected',
      },
    );
    expect(run(slosMet, facts({ 'reliability.slos-met': 1 })).status).toBe(
      UNKNOWN,
    );
  });

  it('compares timestamps as instants', () => {
    const after = (operator: 'gte' | 'eq', value: string): ScorecardRule => ({
      type: 'compare',
      fact: 'reliability.gate-decided-at',
      factType: 'timestamp',
      operator,
      value,
    });
    const decided = facts({
      'reliability.gate-decided-at': '2026-11-01T02:00:00+02:00',
    });
    expect(run(after('gte', '2026-11-01T00:00:00Z'), decided)).toEqual({
      status: PASS,
      reason:
        'reliability.gate-decided-at is "2026-11-01T02:00:00+02:00"; expected at or after "2026-11-01T00:00:00Z"',
    });
    expect(run(after('eq', '2026-11-01T00:00:00Z'), decided).status).toBe(PASS);
    expect(
      run(
        after('gte', '2026-11-01T00:00:00Z'),
        facts({ 'reliability.gate-decided-at': 'yesterday' }),
      ).status,
    ).toBe(UNKNOWN);
  });

  it('tests whether a fact is known', () => {
    const known: ScorecardRule = {
      type: 'exists',
      fact: 'reliability.slos-met',
      exists: true,
    };
    const unknown: ScorecardRule = { ...known, exists: false };
    const withFact = facts({ 'reliability.slos-met': false });
    expect(run(known, withFact)).toEqual({
      status: PASS,
      reason: 'reliability.slos-met is known',
    });
    expect(run(known, facts({}))).toEqual({
      status: FAIL,
      reason: 'reliability.slos-met is not known; expected it known',
    });
    expect(run(unknown, facts({})).status).toBe(PASS);
    expect(run(unknown, withFact).status).toBe(FAIL);
  });

  it('measures ages from now, calendar-aware', () => {
    const recent: ScorecardRule = {
      type: 'youngerThan',
      fact: 'reliability.perf-run-newest-at',
      duration: { days: 7 },
    };
    expect(
      run(
        recent,
        facts({ 'reliability.perf-run-newest-at': '2026-11-15T12:00:00Z' }),
      ),
    ).toEqual({
      status: PASS,
      reason:
        'reliability.perf-run-newest-at is 2026-11-15T12:00:00Z, 5 days ago; expected within 7 days',
    });
    expect(
      run(
        recent,
        facts({ 'reliability.perf-run-newest-at': '2026-11-13T12:00:00Z' }),
      ).status,
    ).toBe(FAIL);
    expect(
      run(
        recent,
        facts({ 'reliability.perf-run-newest-at': '2026-11-20T02:00:00Z' }),
      ).reason,
    ).toContain('10 hours ago');

    // the threshold follows the clock from one call to the next
    const compiled = compileRule(recent);
    const at = facts({
      'reliability.perf-run-newest-at': '2026-11-15T12:00:00Z',
    });
    expect(compiled.test(at, { nowMs: NOW })).toBe(PASS);
    expect(
      compiled.test(at, { nowMs: Date.parse('2026-11-30T00:00:00Z') }),
    ).toBe(FAIL);
    expect(compiled.test(at, { nowMs: NOW })).toBe(PASS);
  });

  describe('all, any and not, three-valued', () => {
    const t = verdict('pass');
    const pass = facts({
      'reliability.gate-verdict': 'pass',
      'reliability.slos-met': true,
    });
    const oneFails = facts({
      'reliability.gate-verdict': 'pass',
      'reliability.slos-met': false,
    });
    const oneUnknown = facts({ 'reliability.gate-verdict': 'pass' });
    const failAndUnknown = facts({ 'reliability.gate-verdict': 'fail' });

    it('all: fails on any failure, else unknown on any unknown', () => {
      const all: ScorecardRule = { type: 'all', rules: [t, slosMet] };
      expect(run(all, pass).status).toBe(PASS);
      expect(run(all, oneFails)).toEqual({
        status: FAIL,
        reason: 'reliability.slos-met is false; expected true',
      });
      expect(run(all, oneUnknown)).toEqual({
        status: UNKNOWN,
        reason: 'reliability.slos-met is not known yet',
      });
      expect(run(all, failAndUnknown).status).toBe(FAIL);
    });

    it('any: passes on any pass, else unknown on any unknown', () => {
      const any: ScorecardRule = { type: 'any', rules: [slosMet, t] };
      expect(run(any, oneFails)).toEqual({
        status: PASS,
        reason: 'reliability.gate-verdict is "pass"; expected "pass"',
      });
      expect(run(any, oneUnknown).status).toBe(PASS);
      expect(run(any, failAndUnknown)).toEqual({
        status: UNKNOWN,
        reason: 'reliability.slos-met is not known yet',
      });
      expect(
        run(
          any,
          facts({
            'reliability.gate-verdict': 'fail',
            'reliability.slos-met': false,
          }),
        ),
      ).toEqual({
        status: FAIL,
        reason:
          'none holds: reliability.slos-met is false; expected true; reliability.gate-verdict is "fail"; expected "pass"',
      });
    });

    it('not: swaps pass and fail, keeps unknown, and words the expectation the other way', () => {
      const notFailing: ScorecardRule = { type: 'not', rule: verdict('fail') };
      expect(run(notFailing, failAndUnknown)).toEqual({
        status: FAIL,
        reason:
          'reliability.gate-verdict is "fail"; expected anything but "fail"',
      });
      expect(run(notFailing, pass).status).toBe(PASS);
      expect(run(notFailing, facts({})).status).toBe(UNKNOWN);

      // not(all) explains like any of the negations
      const notBoth: ScorecardRule = {
        type: 'not',
        rule: { type: 'all', rules: [t, slosMet] },
      };
      expect(run(notBoth, oneFails)).toEqual({
        status: PASS,
        reason: 'reliability.slos-met is false; expected anything but true',
      });
      expect(run(notBoth, pass).reason).toBe(
        'none holds: reliability.gate-verdict is "pass"; expected anything but "pass"; reliability.slos-met is true; expected anything but true',
      );
      expect(
        run(
          { type: 'not', rule: num('lte', 10) },
          facts({
            'api-portal.lint-errors': 3,
          }),
        ).reason,
      ).toBe('api-portal.lint-errors is 3; expected more than 10');
    });
  });
});
