import { screen } from '@testing-library/react';
import { Entity } from '@backstage/catalog-model';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { Route, Routes } from 'react-router-dom';
import { ledgerV2, mockApi } from './__testUtils__/apiPortal';
import { apiPortalApiRef } from './api';
import {
  apiPortalPlugin,
  ApisReadinessPage,
  EntityApiPortalContent,
  EntityProvidedApisCard,
} from './plugin';

/** Lazy extensions load their chunk first; a busy machine needs time. */
const LAZY = { timeout: 10_000 };

const ledger: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'ledger', namespace: 'default' },
};

function renderLegacy(element: JSX.Element, entity?: Entity) {
  const api = mockApi({
    getProvidedApis: jest.fn(async () => ({
      entityRef: 'component:default/ledger',
      apis: [],
      hidden: 0,
    })),
  });
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [apiPortalApiRef, api],
        // Apps provide it; the API Portal tab asks it whether to offer Refresh
        [permissionApiRef, mockApis.permission()],
      ]}
    >
      {entity ? (
        <EntityProvider entity={entity}>{element}</EntityProvider>
      ) : (
        element
      )}
    </TestApiProvider>,
    {
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

describe('the legacy api-portal plugin', () => {
  it('provides the client and the readiness route', () => {
    expect(apiPortalPlugin.getId()).toBe('api-portal');
    expect([...apiPortalPlugin.getApis()].map(f => f.api.id)).toEqual([
      apiPortalApiRef.id,
    ]);
    expect(apiPortalPlugin.routes.apisReadiness).toBeDefined();
  });

  it('renders the readiness page', async () => {
    // A routable extension is mounted at a path of the app's routes.
    await renderLegacy(
      <Routes>
        <Route path="/*" element={<ApisReadinessPage />} />
      </Routes>,
    );
    expect(
      await screen.findByText('No API families collected yet', {}, LAZY),
    ).toBeInTheDocument();
    expect(screen.getAllByText('APIs readiness').length).toBeGreaterThan(0);
  });

  it('renders the API Portal tab', async () => {
    await renderLegacy(<EntityApiPortalContent />, ledgerV2);
    expect(await screen.findByText('ledger-api', {}, LAZY)).toBeInTheDocument();
  });

  it('renders the API readiness card', async () => {
    await renderLegacy(<EntityProvidedApisCard />, ledger);
    expect(
      await screen.findByText('This component provides no APIs', {}, LAZY),
    ).toBeInTheDocument();
  });
});
