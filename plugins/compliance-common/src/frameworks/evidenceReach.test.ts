import { formatControlRef } from './controlRef';
import { EvidenceReach, evidenceDirection } from './evidenceReach';
import { FrameworkMapping, MappingRelationship } from './types';

const a = (control: string) => ({ framework: 'A', control });
const b = (control: string) => ({ framework: 'B', control });

function mappingOf(
  ...entries: Array<[string, MappingRelationship, string]>
): FrameworkMapping {
  return {
    id: 'a-to-b',
    title: 'A to B',
    file: 'a-to-b.yaml',
    source: 'A',
    target: 'B',
    entries: entries.map(([source, relationship, target]) => ({
      source: a(source),
      relationship,
      target: b(target),
    })),
  };
}

describe('evidence across mappings', () => {
  const reach = EvidenceReach.fromMappings([
    mappingOf(
      ['eq', 'equivalent-to', 'eq'],
      ['small', 'subset-of', 'large'],
      ['large', 'superset-of', 'small'],
      ['some', 'intersects-with', 'some'],
      // a chain: A:small ⊂ B:large, and B:large ≡ A:chained
      ['chained', 'equivalent-to', 'large'],
    ),
  ]);
  const reachOf = (ref: { framework: string; control: string }) =>
    reach.reachOf(ref).map(c => formatControlRef(c.control));
  const sourcesOf = (ref: { framework: string; control: string }) =>
    reach.sourcesOf(ref).map(c => formatControlRef(c.control));

  it('counts evidence both ways between equivalent controls', () => {
    expect(reachOf(a('eq'))).toEqual(['B:eq']);
    expect(reachOf(b('eq'))).toEqual(['A:eq']);
  });

  it('counts evidence for the larger control towards the smaller one only', () => {
    // A:small subset-of B:large: meeting B:large meets A:small
    expect(reachOf(b('large'))).toContain('A:small');
    expect(reachOf(a('small'))).toEqual([]);
    // A:large superset-of B:small: meeting A:large meets B:small
    expect(reachOf(a('large'))).toEqual(['B:small']);
    expect(reachOf(b('small'))).toEqual([]);
  });

  it('never counts evidence across intersects-with', () => {
    expect(reachOf(a('some'))).toEqual([]);
    expect(reachOf(b('some'))).toEqual([]);
  });

  it('follows one entry, not a chain of them', () => {
    // A:chained ≡ B:large ⊃ A:small, but evidence for A:chained does not reach A:small
    expect(reachOf(a('chained'))).toEqual(['B:large']);
    expect(sourcesOf(a('small'))).toEqual(['B:large']);
  });

  it('answers from the side of the control that needs evidence', () => {
    expect(sourcesOf(b('small'))).toEqual(['A:large']);
    expect(sourcesOf(a('eq'))).toEqual(['B:eq']);
    expect(reach.creditFor(b('large'), a('small'))).toMatchObject({
      control: a('small'),
      mappingId: 'a-to-b',
      mapping: { relationship: 'subset-of' },
    });
    expect(reach.creditFor(a('small'), b('large'))).toBeUndefined();
    expect(reach.creditFor(a('some'), a('some'))).toBe('direct');
  });

  it.each([
    ['equivalent-to', 'both'],
    ['subset-of', 'target-to-source'],
    ['superset-of', 'source-to-target'],
    ['intersects-with', 'none'],
  ] as const)('%s lets evidence count %s', (relationship, direction) => {
    expect(evidenceDirection(relationship)).toBe(direction);
  });
});
