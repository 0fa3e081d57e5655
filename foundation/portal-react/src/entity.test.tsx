import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderHook } from '@testing-library/react';
import { PropsWithChildren } from 'react';
import { entityRefOf, useEntityName } from './entity';
import { portalDocsLink } from './docs';

function withEntity(entity: Entity) {
  return ({ children }: PropsWithChildren) => (
    <EntityProvider entity={entity}>{children}</EntityProvider>
  );
}

const ledger: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'ledger' },
  spec: {},
};

describe('useEntityName', () => {
  it('names the page entity as the clients address it', () => {
    const { result } = renderHook(() => useEntityName(), {
      wrapper: withEntity(ledger),
    });
    expect(result.current).toEqual({
      kind: 'component',
      namespace: 'default',
      name: 'ledger',
    });
    expect(entityRefOf(result.current)).toBe('component:default/ledger');
  });

  it('keeps the same object while the entity is the same', () => {
    const { result, rerender } = renderHook(() => useEntityName(), {
      wrapper: withEntity(ledger),
    });
    const first = result.current;
    rerender();
    expect(result.current).toBe(first);
  });
});

describe('portalDocsLink', () => {
  it('links a page of the portal docs, with an anchor when given', () => {
    expect(portalDocsLink('reliability/slos')).toBe(
      '/docs/default/system/readiness-portal/reliability/slos/',
    );
    expect(portalDocsLink('/drills/', 'cadence')).toBe(
      '/docs/default/system/readiness-portal/drills/#cadence',
    );
  });
});
