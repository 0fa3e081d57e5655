import fs from 'node:fs';
import { repositoryPath } from '@readiness/test-corpus';
import { drillCadence, judgeDrill, readDrillRecord } from './drills';

const markdown = (frontMatter: string) =>
  `---\n${frontMatter}\n---\n\n# Drill\n`;
const valid = `entities:
  - component:default/ledger
scenario: Primary database lost
disruptionType: region
started: '2026-11-01T10:00:00Z'
serviceRestored: '2026-11-01T11:15:00Z'
dataFreshnessAtRestore: '2026-11-01T09:50:00Z'
result: partial
evidence: [https://tickets.example.com/REL-9]`;

describe('readDrillRecord', () => {
  it('reads the example drill of the docs with its achieved RTO and RPO', () => {
    const file = repositoryPath('docs', 'drills', '2026-10-14.md');
    const { drill, problems } = readDrillRecord(
      'docs/drills/2026-10-14.md',
      fs.readFileSync(file, 'utf8'),
    );
    expect(problems).toEqual([]);
    expect(drill).toMatchObject({
      entities: [
        'resource:default/filing-db',
        'component:default/ledger',
        'component:default/filings',
      ],
      disruptionType: 'zone',
      result: 'passed',
      achievedRtoMinutes: 38,
      achievedRpoMinutes: 4,
    });
    expect(judgeDrill(drill!)).toEqual({
      rtoMet: true,
      rpoMet: true,
      targets: { rtoMinutes: 60, rpoMinutes: 15 },
    });
  });

  it('judges against other targets', () => {
    const { drill } = readDrillRecord('d.md', markdown(valid));
    expect(drill).toMatchObject({
      achievedRtoMinutes: 75,
      achievedRpoMinutes: 10,
    });
    expect(judgeDrill(drill!)).toMatchObject({ rtoMet: false, rpoMet: true });
    expect(judgeDrill(drill!, { rtoMinutes: 90, rpoMinutes: 5 })).toMatchObject(
      { rtoMet: true, rpoMet: false },
    );
  });

  it('reads a pushed drill without front matter', () => {
    const { drill, problems } = readDrillRecord('push:drill-7', {
      entities: ['component:default/ledger'],
      scenario: 'Restore from backup',
      disruptionType: 'data-corruption',
      started: '2026-11-01T10:00:00Z',
      serviceRestored: '2026-11-01T10:30:00Z',
      dataFreshnessAtRestore: '2026-11-01T10:00:00Z',
      result: 'passed',
    });
    expect(problems).toEqual([]);
    expect(drill).toMatchObject({ achievedRpoMinutes: 0, evidence: [] });
  });

  it('reports every bad field with its line', () => {
    const { drill, problems } = readDrillRecord(
      'bad.md',
      markdown(`entities: ledger
scenario: ''
disruptionType: meteor
started: yesterday
serviceRestored: '2026-11-01T09:00:00Z'
dataFreshnessAtRestore: '2026-11-01T09:00:00Z'
result: fine`),
    );
    expect(drill).toBeUndefined();
    expect(problems.map(p => [p.field, p.line])).toEqual([
      ['entities', 2],
      ['scenario', 3],
      ['disruptionType', 4],
      ['started', 5],
      ['result', 8],
    ]);
  });

  it('refuses times in the wrong order, and files without front matter', () => {
    const backwards = readDrillRecord(
      'b.md',
      markdown(
        valid
          .replace(
            "serviceRestored: '2026-11-01T11:15:00Z'",
            "serviceRestored: '2026-11-01T09:15:00Z'",
          )
          .replace(
            "dataFreshnessAtRestore: '2026-11-01T09:50:00Z'",
            "dataFreshnessAtRestore: '2026-11-01T10:50:00Z'",
          ),
      ),
    );
    expect(backwards.problems.map(p => p.message)).toEqual([
      'is before started',
      'is after started: restored data cannot be newer than the disruption',
    ]);
    expect(
      readDrillRecord('x.md', '# no front matter').problems[0].message,
    ).toMatch(/no YAML front matter/);
    expect(
      readDrillRecord('y.md', '---\n[a, b\n---\n').problems[0].message,
    ).toMatch(/not valid YAML/);
  });
});

describe('drillCadence', () => {
  const now = new Date('2026-11-28T00:00:00Z');

  it('is due a month after the last drill', () => {
    expect(
      drillCadence(
        [
          { started: '2026-10-14T09:02:00Z' },
          { started: '2026-09-01T00:00:00Z' },
        ],
        now,
      ),
    ).toEqual({
      lastDrill: '2026-10-14T09:02:00Z',
      nextDue: '2026-11-13T09:02:00.000Z',
      overdue: true,
      daysOverdue: 14,
    });
    expect(
      drillCadence([{ started: '2026-11-20T00:00:00Z' }], now),
    ).toMatchObject({ overdue: false, daysOverdue: 0 });
  });

  it('is due now for an entity never drilled', () => {
    expect(drillCadence([], now)).toEqual({
      nextDue: now.toISOString(),
      overdue: false,
      daysOverdue: 0,
    });
  });
});
