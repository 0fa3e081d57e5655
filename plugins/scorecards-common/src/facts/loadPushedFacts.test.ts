import { loadScorecardChecks } from '../checks/loadChecks';
import { loadPushedFacts } from './loadPushedFacts';
import { READINESS_FACTS } from './readinessFacts';

const declaration = (id: string, spec: string) => ({
  path: `scorecards/facts/${id}.yaml`,
  content: `apiVersion: readiness.dev/v1
kind: ScorecardFact
metadata:
  id: ${id}
  title: Title of ${id}
spec:
  description: What ${id} says.
${spec}`,
});

describe('loadPushedFacts', () => {
  it('reads every field of every type, with types in any case and one pusher as a list', () => {
    const set = loadPushedFacts([
      declaration(
        'ci.coverage.line',
        `  type: Number
  unit: percent
  minimum: 0
  maximum: 100
  pushedBy: scorecards-publisher
`,
      ),
      declaration(
        'ci.vulnerabilities.critical',
        `  type: number
  integer: true
  minimum: 0
  pushedBy: [scorecards-publisher, local-scorecards-publisher]
`,
      ),
      declaration(
        'ci.sast-clean',
        `  type: boolean
  pushedBy: [scorecards-publisher]
`,
      ),
      declaration(
        'ci.provenance.slsa-build-level',
        `  type: string
  values: [build-l0, build-l1]
  pushedBy: [scorecards-publisher]
`,
      ),
      declaration(
        'ci.default-branch.green-at',
        `  type: timestamp
  pushedBy: [scorecards-publisher]
`,
      ),
    ]);
    expect(set.problems).toEqual([]);
    expect(set.facts).toEqual([
      {
        id: 'ci.coverage.line',
        title: 'Title of ci.coverage.line',
        type: 'number',
        provider: 'ci',
        description: 'What ci.coverage.line says.',
        unit: 'percent',
        minimum: 0,
        maximum: 100,
        pushedBy: ['scorecards-publisher'],
        file: 'scorecards/facts/ci.coverage.line.yaml',
      },
      expect.objectContaining({
        id: 'ci.vulnerabilities.critical',
        integer: true,
        minimum: 0,
        pushedBy: ['scorecards-publisher', 'local-scorecards-publisher'],
      }),
      expect.objectContaining({ id: 'ci.sast-clean', type: 'boolean' }),
      expect.objectContaining({
        id: 'ci.provenance.slsa-build-level',
        type: 'string',
        values: ['build-l0', 'build-l1'],
      }),
      expect.objectContaining({
        id: 'ci.default-branch.green-at',
        type: 'timestamp',
      }),
    ]);
    expect(set.facts[2]).not.toHaveProperty('unit');
  });

  it('declares the first of two files with one id and names the second as the problem', () => {
    const first = declaration(
      'ci.sast-clean',
      '  type: boolean\n  pushedBy: scorecards-publisher\n',
    );
    const second = { ...first, path: 'elsewhere/ci.sast-clean.yaml' };
    const set = loadPushedFacts([first, second]);
    expect(set.facts.map(f => f.file)).toEqual([first.path]);
    expect(set.problems).toEqual([
      {
        file: 'elsewhere/ci.sast-clean.yaml',
        path: '/metadata/id',
        message:
          'fact id "ci.sast-clean" is already declared by scorecards/facts/ci.sast-clean.yaml',
      },
    ]);
  });

  it('gives checks facts they can test with the declared type', () => {
    const { facts } = loadPushedFacts([
      declaration(
        'ci.coverage.line',
        '  type: number\n  unit: percent\n  pushedBy: scorecards-publisher\n',
      ),
    ]);
    const check = (value: string) => ({
      path: 'scorecards/checks/coverage.yaml',
      content: `apiVersion: readiness.dev/v1
kind: ScorecardCheck
metadata: { id: coverage, title: Coverage }
spec:
  category: reliability
  level: silver
  weight: 2
  why: Untested code breaks.
  howToFix: { text: Write tests., docs: scorecards/facts }
  rule: { fact: ci.coverage.line, gte: ${value} }
`,
    });
    const catalogue = [...READINESS_FACTS, ...facts];
    expect(loadScorecardChecks([check('70')], catalogue).problems).toEqual([]);
    expect(
      loadScorecardChecks([check("'70'")], catalogue).problems[0].message,
    ).toMatch(/ci.coverage.line is a number/);
  });
});
