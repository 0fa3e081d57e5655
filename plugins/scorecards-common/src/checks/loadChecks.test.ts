import { READINESS_FACTS } from '../facts';
import { FactDefinition } from '../facts/types';
import { loadScorecardChecks } from './loadChecks';

const checkFile = (id: string, rule: string, extra = '') => ({
  path: `scorecards/checks/${id}.yaml`,
  content: `apiVersion: readiness.dev/v1
kind: ScorecardCheck
metadata:
  id: ${id}
  title: Title of ${id}
spec:
  category: Reliability
  level: Gold
  weight: 5
  why: It matters.
  howToFix:
    text: Fix it.
    docs: https://docs.example.com/fix#${id}
${extra}  rule:
${rule}
`,
});

describe('loadScorecardChecks', () => {
  it('reads every field of a check, with levels and categories in any case', () => {
    const set = loadScorecardChecks(
      [
        checkFile(
          'drills-recent',
          `    all:
      - fact: reliability.drill-newest-at
        youngerThan: P3M
      - any:
          - fact: reliability.rto-met
            eq: true
          - not:
              fact: reliability.dr-targets-declared
              exists: true
      - fact: reliability.gate-decided-at
        gte: '2026-01-01T00:00:00Z'
      - fact: reliability.backup-verified-at
        youngerThan: { days: 8, hours: 12 }`,
          `  appliesTo:
    kind: Component
    type: [service, Website]
    lifecycle: production
    tags: [tier-1, Payments]
`,
        ),
      ],
      READINESS_FACTS,
    );
    expect(set.problems).toEqual([]);
    expect(set.checks).toEqual([
      {
        id: 'drills-recent',
        title: 'Title of drills-recent',
        why: 'It matters.',
        howToFix: {
          text: 'Fix it.',
          docs: 'https://docs.example.com/fix#drills-recent',
        },
        category: 'reliability',
        level: 'gold',
        weight: 5,
        appliesTo: {
          kinds: ['component'],
          types: ['service', 'website'],
          lifecycles: ['production'],
          tags: ['tier-1', 'Payments'],
        },
        rule: {
          type: 'all',
          rules: [
            {
              type: 'youngerThan',
              fact: 'reliability.drill-newest-at',
              duration: { months: 3 },
            },
            {
              type: 'any',
              rules: [
                {
                  type: 'compare',
                  fact: 'reliability.rto-met',
                  factType: 'boolean',
                  operator: 'eq',
                  value: true,
                },
                {
                  type: 'not',
                  rule: {
                    type: 'exists',
                    fact: 'reliability.dr-targets-declared',
                    exists: true,
                  },
                },
              ],
            },
            {
              type: 'compare',
              fact: 'reliability.gate-decided-at',
              factType: 'timestamp',
              operator: 'gte',
              value: '2026-01-01T00:00:00Z',
            },
            {
              type: 'youngerThan',
              fact: 'reliability.backup-verified-at',
              duration: { days: 8, hours: 12 },
            },
          ],
        },
        file: 'scorecards/checks/drills-recent.yaml',
      },
    ]);
  });

  it('applies a check without appliesTo to every entity', () => {
    const set = loadScorecardChecks(
      [
        checkFile(
          'any-entity',
          '    fact: catalog.owner-is-group\n    eq: true',
        ),
      ],
      READINESS_FACTS,
    );
    expect(set.checks[0].appliesTo).toEqual({});
  });

  it('checks rules against the catalogue it is given', () => {
    const pushed: FactDefinition = {
      id: 'ci.test-coverage',
      type: 'number',
      provider: 'ci',
      unit: 'percent',
      description: 'Line coverage of the unit tests.',
    };
    const file = checkFile(
      'coverage',
      '    fact: ci.test-coverage\n    gte: 80',
    );
    expect(loadScorecardChecks([file], READINESS_FACTS).checks).toEqual([]);
    expect(
      loadScorecardChecks([file], [...READINESS_FACTS, pushed]).checks,
    ).toHaveLength(1);
  });

  it('loads the first of two checks with one id and names the second as the problem', () => {
    const first = checkFile(
      'owner',
      '    fact: catalog.owner-is-group\n    eq: true',
    );
    const second = { ...first, path: 'elsewhere/owner.yaml' };
    const set = loadScorecardChecks([first, second], READINESS_FACTS);
    expect(set.checks.map(c => c.file)).toEqual([first.path]);
    expect(set.problems).toEqual([
      {
        file: 'elsewhere/owner.yaml',
        path: '/metadata/id',
        message:
          'check id "owner" is already used by scorecards/checks/owner.yaml',
      },
    ]);
  });

  it('names a file that is not YAML, with its line, and loads the others', () => {
    const set = loadScorecardChecks(
      [
        {
          path: 'scorecards/checks/broken.yaml',
          content: 'apiVersion: readiness.dev/v1\nmetadata: { id: broken\n',
        },
        checkFile('fine', '    fact: catalog.lifecycle-set\n    eq: true'),
      ],
      READINESS_FACTS,
    );
    expect(set.checks.map(c => c.id)).toEqual(['fine']);
    expect(set.problems).toEqual([
      expect.objectContaining({
        file: 'scorecards/checks/broken.yaml',
        path: '',
        line: expect.any(Number),
        message: expect.stringMatching(/^not valid YAML: /),
      }),
    ]);
  });

  it('reports every problem of a file in one pass, each on its line', () => {
    const set = loadScorecardChecks(
      [
        {
          path: 'checks/many.yaml',
          content: `apiVersion: readiness.dev/v1
kind: ScorecardCheck
metadata:
  id: many
  title: Many problems
spec:
  category: api
  level: diamond
  weight: 0
  why: It matters.
  howToFix:
    text: Fix it.
    docs: api-portal/lint
  rule:
    all:
      - fact: api-portal.lint-errors
        eq: '0'
      - fact: api-portal.no-such-fact
        eq: 0
`,
        },
      ],
      READINESS_FACTS,
    );
    // the structure is read first; facts are checked once it holds
    expect(set.problems).toEqual([
      {
        file: 'checks/many.yaml',
        path: '/spec/level',
        line: 8,
        message: 'expected one of bronze, silver, gold',
      },
      {
        file: 'checks/many.yaml',
        path: '/spec/weight',
        line: 9,
        message: 'expected a whole number from 1 to 100',
      },
    ]);
  });

  it('reports every fact problem of a rule, not only the first', () => {
    const set = loadScorecardChecks(
      [
        checkFile(
          'facts',
          `    all:
      - fact: api-portal.lint-errors
        eq: '0'
      - fact: api-portal.no-such-fact
        eq: 0`,
        ),
      ],
      READINESS_FACTS,
    );
    expect(set.problems.map(p => [p.path, p.line])).toEqual([
      ['/spec/rule/all/0/eq', 17],
      ['/spec/rule/all/1/fact', 18],
    ]);
  });
});
