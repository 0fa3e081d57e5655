import { repositoryFrameworkFiles } from '../__testUtils__/repository';
import { formatControlRef } from './controlRef';
import { EvidenceReach } from './evidenceReach';
import { loadFrameworks } from './loadFrameworks';
import { Framework } from './types';

function range(prefix: string, from: number, to: number): string[] {
  return Array.from(
    { length: to - from + 1 },
    (_, i) => `${prefix}${from + i}`,
  );
}

describe('the frameworks of compliance/frameworks', () => {
  const set = loadFrameworks(repositoryFrameworkFiles());
  const framework = (id: string) => set.frameworks.find(f => f.id === id)!;
  const ids = (f: Framework) => f.controls.map(c => c.id);

  it('load without a problem', () => {
    expect(set.problems).toEqual([]);
    expect(set.frameworks.map(f => [f.id, f.origin])).toEqual([
      ['ISO27001', 'framework-file'],
      ['SOC2', 'framework-file'],
    ]);
    expect(set.mappings.map(m => [m.id, m.source, m.target])).toEqual([
      ['soc2-iso27001', 'SOC2', 'ISO27001'],
    ]);
  });

  it('hold every SOC 2 criterion, common and additional, in order', () => {
    expect(ids(framework('SOC2'))).toEqual([
      ...range('CC1.', 1, 5),
      ...range('CC2.', 1, 3),
      ...range('CC3.', 1, 4),
      ...range('CC4.', 1, 2),
      ...range('CC5.', 1, 3),
      ...range('CC6.', 1, 8),
      ...range('CC7.', 1, 5),
      'CC8.1',
      ...range('CC9.', 1, 2),
      ...range('A1.', 1, 3),
      ...range('C1.', 1, 2),
      ...range('PI1.', 1, 5),
      'P1.1',
      'P2.1',
      ...range('P3.', 1, 2),
      ...range('P4.', 1, 3),
      ...range('P5.', 1, 2),
      ...range('P6.', 1, 7),
      'P7.1',
      'P8.1',
    ]);
    expect(framework('SOC2').groups.map(g => g.id)).toEqual([
      ...range('CC', 1, 9),
      'A1',
      'C1',
      'PI1',
      ...range('P', 1, 8),
    ]);
  });

  it('hold all 93 controls of ISO/IEC 27001:2022 Annex A in their four themes', () => {
    const iso = framework('ISO27001');
    expect(ids(iso)).toEqual([
      ...range('5.', 1, 37),
      ...range('6.', 1, 8),
      ...range('7.', 1, 14),
      ...range('8.', 1, 34),
    ]);
    expect(iso.groups.map(g => g.id)).toEqual(['5', '6', '7', '8']);
    expect(iso.controls.every(c => c.group === c.id.split('.')[0])).toBe(true);
  });

  it('give every control a title, a validity and tags', () => {
    for (const control of set.frameworks.flatMap(f => f.controls)) {
      expect(control.title.length).toBeGreaterThan(10);
      expect(Object.values(control.validity)[0]).toBeGreaterThan(0);
      expect(control.tags.length).toBeGreaterThan(0);
    }
    const iso = framework('ISO27001');
    expect(iso.controls.find(c => c.id === '8.13')).toMatchObject({
      title: 'Backups of information are taken and tested',
      validity: { days: 90 },
      tags: ['backup'],
    });
    expect(iso.controls.find(c => c.id === '5.32')?.validity).toEqual({
      days: 365,
    });
    const titles = set.frameworks.flatMap(f => f.controls.map(c => c.title));
    expect(new Set(titles).size).toBe(titles.length);
  });

  it('map SOC 2 to ISO 27001 with the relationships auditors expect', () => {
    const [mapping] = set.mappings;
    const targets = (source: string, relationship: string) =>
      mapping.entries
        .filter(
          e => e.source.control === source && e.relationship === relationship,
        )
        .map(e => e.target.control);
    expect(targets('CC6.1', 'intersects-with')).toEqual(
      expect.arrayContaining(['5.15', '8.2', '8.3', '8.5']),
    );
    expect(targets('A1.2', 'intersects-with')).toEqual(
      expect.arrayContaining(['8.13', '8.14']),
    );
    expect(targets('CC7.4', 'intersects-with')).toEqual(
      expect.arrayContaining(['5.24', '5.25', '5.26']),
    );
    expect(targets('CC8.1', 'intersects-with')).toContain('8.32');
    expect(targets('A1.1', 'equivalent-to')).toEqual(['8.6']);
    expect(targets('C1.2', 'subset-of')).toEqual(['8.10']);
    expect(targets('CC9.2', 'superset-of')).toEqual(['5.19']);
  });

  it('let evidence count across the mapping only as its relationships allow', () => {
    const reach = EvidenceReach.fromMappings(set.mappings);
    const reachOf = (frameworkId: string, control: string) =>
      reach
        .reachOf({ framework: frameworkId, control })
        .map(c => formatControlRef(c.control));
    // equivalent: both ways
    expect(reachOf('SOC2', 'A1.1')).toEqual(['ISO27001:8.6']);
    expect(reachOf('ISO27001', '8.6')).toEqual(['SOC2:A1.1']);
    // C1.2 subset-of 8.10 and P4.3 subset-of 8.10: deletion evidence counts for both
    expect(reachOf('ISO27001', '8.10')).toEqual(['SOC2:C1.2', 'SOC2:P4.3']);
    expect(reachOf('SOC2', 'C1.2')).toEqual([]);
    // CC9.2 superset-of 5.19: vendor risk evidence counts for supplier security
    expect(reachOf('SOC2', 'CC9.2')).toEqual(['ISO27001:5.19']);
    // intersects-with counts for nothing on its own
    expect(reachOf('SOC2', 'CC6.1')).toEqual([]);
    expect(reachOf('ISO27001', '8.13')).toEqual([]);
  });
});
