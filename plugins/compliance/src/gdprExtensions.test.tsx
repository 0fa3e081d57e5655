import { Entity } from '@backstage/catalog-model';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import { coreExtensionData } from '@backstage/frontend-plugin-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import plugin, { complianceReaders } from './alpha';

const entityOf = (kind: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name: 'ledger' },
});

describe('the GDPR extensions of the compliance plugin', () => {
  it('puts the GDPR tab on components', () => {
    const tester = createExtensionTester(
      plugin.getExtension('entity-content:compliance/gdpr'),
    );
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe('GDPR');
    const shows = tester.get(EntityContentBlueprint.dataRefs.filterFunction)!;
    expect(shows(entityOf('Component'))).toBe(true);
    expect(shows(entityOf('Resource'))).toBe(false);
    expect(shows(entityOf('Group'))).toBe(false);
  });

  it('serves the register at /gdpr with a nav item', () => {
    const tester = createExtensionTester(
      plugin.getExtension('page:compliance/gdpr-register'),
    );
    expect(tester.get(coreExtensionData.routePath)).toBe('/gdpr');
    expect(tester.get(coreExtensionData.title)).toBe('GDPR register');
    expect(tester.get(coreExtensionData.icon)).toBeDefined();
  });

  it('shows the tab and the page only to callers allowed to read compliance records', () => {
    for (const id of [
      'entity-content:compliance/gdpr',
      'page:compliance/gdpr-register',
    ]) {
      const extension = plugin.getExtension(id as any) as unknown as {
        if?: unknown;
      };
      expect(extension.if).toEqual(complianceReaders);
    }
  });
});
