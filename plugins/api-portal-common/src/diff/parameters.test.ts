import type { ParameterModel } from './model';
import { pairParameters } from './parameters';

function parameter(
  name: string,
  location: string,
  position: number,
  type?: string,
): ParameterModel {
  return {
    name,
    in: location,
    required: false,
    deprecated: false,
    pointer: `/p/${location}/${name}`,
    definition: `/p/${location}/${name}`,
    key: `${location}:${location === 'header' ? name.toLowerCase() : name}`,
    position,
    type,
  };
}

const names = (list: Array<{ name: string }>) => list.map(p => p.name);
const pairNames = (
  list: Array<{ before: ParameterModel; after: ParameterModel }>,
) => list.map(p => `${p.before.name}→${p.after.name}`);

describe('pairParameters', () => {
  it('matches by location and name', () => {
    const pairing = pairParameters(
      [parameter('limit', 'query', 0)],
      [parameter('limit', 'query', 0)],
    );
    expect(pairNames(pairing.matched)).toEqual(['limit→limit']);
    expect(pairing.removed).toEqual([]);
    expect(pairing.added).toEqual([]);
  });

  it('sees a rename at the same position, even with other parameters added', () => {
    const pairing = pairParameters(
      [
        parameter('from', 'query', 0),
        parameter('to', 'query', 1),
        parameter('status', 'query', 2),
      ],
      [
        parameter('since', 'query', 0),
        parameter('until', 'query', 1),
        parameter('reference', 'query', 2),
        parameter('status', 'query', 3),
      ],
    );
    expect(pairNames(pairing.renamed)).toEqual(['from→since', 'to→until']);
    expect(names(pairing.added)).toEqual(['reference']);
    expect(pairing.removed).toEqual([]);
  });

  it('sees a rename of the only changed parameter of a location', () => {
    const pairing = pairParameters(
      [parameter('q', 'query', 0), parameter('page', 'query', 1)],
      [parameter('page', 'query', 0), parameter('search', 'query', 1)],
    );
    expect(pairNames(pairing.renamed)).toEqual(['q→search']);
  });

  it('does not rename across types or locations', () => {
    const pairing = pairParameters(
      [parameter('limit', 'query', 0, 'integer'), parameter('x', 'header', 0)],
      [parameter('q', 'query', 0, 'string'), parameter('y', 'cookie', 0)],
    );
    expect(pairing.renamed).toEqual([]);
    expect(names(pairing.removed)).toEqual(['limit', 'x']);
    expect(names(pairing.added)).toEqual(['q', 'y']);
  });

  it('sees a parameter that moved to another location', () => {
    const pairing = pairParameters(
      [parameter('tenant', 'query', 0)],
      [parameter('Tenant', 'header', 0)],
    );
    expect(pairNames(pairing.relocated)).toEqual(['tenant→Tenant']);
    expect(pairing.renamed).toEqual([]);
  });
});
