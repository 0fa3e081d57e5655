import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { CATALOG_FACTS } from '@readiness/plugin-scorecards-common';
import { CatalogFactProvider } from './catalogFactProvider';

const group = (name: string, namespace = 'default'): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace },
  spec: { type: 'team', children: [] },
});

const component = (
  name: string,
  spec: Record<string, unknown>,
  metadata: Partial<Entity['metadata']> = {},
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default', ...metadata },
  spec: { type: 'service', ...spec },
});

const ENTITIES: Entity[] = [
  group('payments'),
  group('ops', 'infra'),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'jane', namespace: 'default' },
    spec: {},
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name: 'filing', namespace: 'default' },
    spec: { owner: 'payments' },
  },
];

describe('CatalogFactProvider', () => {
  const catalog = catalogServiceMock({ entities: ENTITIES });
  const provider = new CatalogFactProvider({
    catalog,
    auth: mockServices.auth(),
  });
  const compute = (entities: Entity[]) =>
    provider.computeFacts({
      entities,
      now: '2026-12-01T02:00:00Z',
      signal: new AbortController().signal,
    });

  it('declares the catalog facts of the fact catalogue', () => {
    expect(provider.id).toBe('catalog');
    expect(provider.facts).toBe(CATALOG_FACTS);
  });

  it('gives every catalog fact of a well described entity', async () => {
    const [ledger] = await compute([
      component(
        'ledger',
        { owner: 'payments', lifecycle: 'production', system: 'filing' },
        {
          description: 'Double-entry ledger',
          annotations: {
            'backstage.io/source-location': 'url:https://git.example.com/x',
            'backstage.io/techdocs-ref': 'dir:.',
          },
          links: [
            {
              url: 'https://wiki.example.com/ledger',
              title: 'On-call Runbook',
            },
          ],
        },
      ),
    ]);
    expect(ledger).toEqual({
      entityRef: 'component:default/ledger',
      facts: {
        'catalog.owner-is-group': true,
        'catalog.lifecycle-set': true,
        'catalog.system-set': true,
        'catalog.description-set': true,
        'catalog.source-location-set': true,
        'catalog.techdocs-present': true,
        'catalog.runbook-link': true,
      },
    });
  });

  it('tells owners that are not existing groups and systems that do not exist apart', async () => {
    const facts = (
      await compute([
        component('a', { owner: 'user:jane', system: 'filing' }),
        component('b', { owner: 'no-such-team', system: 'no-such-system' }),
        component('c', { owner: 'group:infra/ops', system: 'system:filing' }),
        component('d', { owner: 'ops', lifecycle: ' ' }),
        component('e', { owner: 'group:default/Payments' }),
      ])
    ).map(answer => [
      answer.entityRef,
      answer.facts['catalog.owner-is-group'],
      answer.facts['catalog.system-set'],
      answer.facts['catalog.lifecycle-set'],
    ]);
    expect(facts).toEqual([
      ['component:default/a', false, true, false],
      ['component:default/b', false, false, false],
      ['component:default/c', true, true, false],
      // ops lives in namespace infra, not in the entity's
      ['component:default/d', false, false, false],
      ['component:default/e', true, false, false],
    ]);
  });

  it('finds a runbook by link type or title, and nothing in other links', async () => {
    const [byType, none] = await compute([
      component(
        'a',
        {},
        {
          links: [{ url: 'https://x.example.com', type: 'runbook' }],
        },
      ),
      component(
        'b',
        {},
        {
          links: [{ url: 'https://x.example.com', title: 'Dashboard' }],
          annotations: { 'backstage.io/techdocs-ref': '' },
        },
      ),
    ]);
    expect(byType.facts['catalog.runbook-link']).toBe(true);
    expect(none.facts['catalog.runbook-link']).toBe(false);
    expect(none.facts['catalog.techdocs-present']).toBe(false);
    expect(none.facts['catalog.description-set']).toBe(false);
  });

  it('looks owners and systems up once per batch', async () => {
    const lookups = jest.spyOn(catalog, 'getEntitiesByRefs');
    await compute(
      Array.from({ length: 30 }, (_, i) =>
        component(`s${i}`, { owner: 'payments', system: 'filing' }),
      ),
    );
    expect(lookups).toHaveBeenCalledTimes(1);
    expect(lookups.mock.calls[0][0].entityRefs).toEqual([
      'group:default/payments',
      'system:default/filing',
    ]);
  });
});
