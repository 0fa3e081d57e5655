import {
  FactDefinition,
  READINESS_FACTS,
} from '@readiness/plugin-scorecards-common';
import { ScorecardFactProvider } from '@readiness/plugin-scorecards-node';
import { FactProviderRegistry } from './FactProviderRegistry';

const fact = (id: string): FactDefinition => ({
  id,
  type: 'boolean',
  provider: id.split('.')[0],
  description: 'A fact.',
});

const provider = (id: string, ...factIds: string[]): ScorecardFactProvider => ({
  id,
  facts: factIds.map(fact),
  computeFacts: async () => [],
});

describe('FactProviderRegistry', () => {
  it('keeps providers in the order they were added, with their facts', () => {
    const registry = new FactProviderRegistry();
    registry.addFactProvider(
      provider('security', 'security.scanned'),
      provider('cost', 'cost.tagged'),
    );
    expect(registry.providers().map(p => p.id)).toEqual(['security', 'cost']);
    expect(registry.facts().map(f => f.id)).toEqual([
      'security.scanned',
      'cost.tagged',
    ]);
  });

  it('throws instead of replacing a provider or a fact', () => {
    const registry = new FactProviderRegistry();
    registry.addFactProvider(provider('security', 'security.scanned'));
    expect(() =>
      registry.addFactProvider(provider('security', 'security.other')),
    ).toThrow('Scorecards fact provider "security" is already added');
    expect(() =>
      registry.addFactProvider(
        provider('security2', 'security2.a', 'security2.a'),
      ),
    ).toThrow('fact "security2.a" is already declared');
    expect(registry.providers().map(p => p.id)).toEqual(['security']);
  });

  it("throws for a fact id outside the provider's family or not in the fact id shape", () => {
    const registry = new FactProviderRegistry();
    expect(() =>
      registry.addFactProvider(provider('cost', 'security.scanned')),
    ).toThrow(/fact id "security.scanned" must be "cost\."/);
    expect(() =>
      registry.addFactProvider(provider('cost', 'cost.Tagged')),
    ).toThrow(/fact id "cost.Tagged"/);
    expect(registry.providers()).toEqual([]);
  });

  it('throws for a provider that takes the id of the facts CI pushes', () => {
    const registry = new FactProviderRegistry();
    expect(() =>
      registry.addFactProvider(provider('ci', 'ci.coverage.line')),
    ).toThrow(/"ci": the id of the facts CI pushes is not a provider's/);
    expect(registry.providers()).toEqual([]);
  });

  it("builds the catalogue from the portal's facts and every provider's, a provider's definition first", () => {
    const registry = new FactProviderRegistry();
    const slos = {
      ...fact('reliability.slos-met'),
      description: 'As the module says.',
    };
    registry.addFactProvider(
      { ...provider('reliability'), facts: [slos] },
      provider('cost', 'cost.tagged'),
    );
    const catalogue = registry.catalogue();
    expect(catalogue).toHaveLength(READINESS_FACTS.length + 1);
    expect(catalogue.find(f => f.id === 'reliability.slos-met')).toBe(slos);
    expect(catalogue.some(f => f.id === 'cost.tagged')).toBe(true);
  });
});
