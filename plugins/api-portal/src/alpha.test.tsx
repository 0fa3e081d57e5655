import { Entity } from '@backstage/catalog-model';
import { coreExtensionData } from '@backstage/frontend-plugin-api';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import plugin from './alpha';

function entityOf(kind: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name: 'ledger-api-v2' },
  };
}

describe('the api-portal plugin', () => {
  it('puts the API Portal tab on API entities only', () => {
    const tester = createExtensionTester(
      plugin.getExtension('entity-content:api-portal/api-portal'),
    );
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe(
      'API Portal',
    );
    expect(tester.get(coreExtensionData.routePath)).toBe('/api-portal');
    const shows = tester.get(EntityContentBlueprint.dataRefs.filterFunction);
    if (!shows) throw new Error('the tab has no entity filter');
    expect(shows(entityOf('API'))).toBe(true);
    expect(shows(entityOf('Component'))).toBe(false);
  });

  it('puts the API readiness card on the overview of components', () => {
    const tester = createExtensionTester(
      plugin.getExtension('entity-card:api-portal/provided-apis'),
    );
    expect(tester.get(EntityCardBlueprint.dataRefs.type)).toBe('info');
    const shows = tester.get(EntityCardBlueprint.dataRefs.filterFunction);
    if (!shows) throw new Error('the card has no entity filter');
    expect(shows(entityOf('Component'))).toBe(true);
    expect(shows(entityOf('API'))).toBe(false);
  });

  it('mounts the APIs readiness page with a title and icon for the sidebar', () => {
    const tester = createExtensionTester(
      plugin.getExtension('page:api-portal'),
    );
    expect(tester.get(coreExtensionData.routePath)).toBe('/api-readiness');
    expect(tester.get(coreExtensionData.title)).toBe('APIs readiness');
    expect(tester.get(coreExtensionData.icon)).toBeDefined();
    expect(tester.get(coreExtensionData.routeRef)).toBe(
      plugin.routes.apisReadiness,
    );
  });
});
