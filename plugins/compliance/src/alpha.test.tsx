import { Entity } from '@backstage/catalog-model';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import { coreExtensionData } from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import plugin, { complianceReaders } from './alpha';

function entityOf(kind: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name: 'ledger' },
  };
}

function required(
  filter: ((entity: Entity) => boolean) | undefined,
): (entity: Entity) => boolean {
  if (!filter) throw new Error('the extension has no entity filter');
  return filter;
}

describe('the compliance plugin', () => {
  it('puts the Compliance tab on the kinds controls apply to', () => {
    const tester = createExtensionTester(
      plugin.getExtension('entity-content:compliance/compliance'),
    );
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe(
      'Compliance',
    );
    const shows = required(
      tester.get(EntityContentBlueprint.dataRefs.filterFunction),
    );
    for (const kind of ['Component', 'System', 'API', 'Resource']) {
      expect(shows(entityOf(kind))).toBe(true);
    }
    expect(shows(entityOf('Group'))).toBe(false);
    expect(shows(entityOf('User'))).toBe(false);
  });

  it('puts the summary card on the overview of the same kinds', () => {
    const tester = createExtensionTester(
      plugin.getExtension('entity-card:compliance/compliance-summary'),
    );
    expect(tester.get(EntityCardBlueprint.dataRefs.type)).toBe('info');
    const shows = required(
      tester.get(EntityCardBlueprint.dataRefs.filterFunction),
    );
    expect(shows(entityOf('resource'))).toBe(true);
    expect(shows(entityOf('domain'))).toBe(false);
  });

  it('serves the framework matrix at /compliance with a nav item', () => {
    const tester = createExtensionTester(
      plugin.getExtension('page:compliance'),
    );
    expect(tester.get(coreExtensionData.routePath)).toBe('/compliance');
    expect(tester.get(coreExtensionData.title)).toBe('Compliance');
    expect(tester.get(coreExtensionData.routeRef)).toBeDefined();
    expect(tester.get(coreExtensionData.icon)).toBeDefined();
  });

  it('shows the tab, the card and the page only to callers allowed to read compliance records', () => {
    expect(complianceReaders).toEqual({
      permissions: { $contains: 'compliance.entity.read' },
    });
    for (const id of [
      'entity-content:compliance/compliance',
      'entity-card:compliance/compliance-summary',
      'page:compliance',
    ]) {
      const extension = plugin.getExtension(id as any) as unknown as {
        if?: unknown;
      };
      expect(extension.if).toEqual(complianceReaders);
    }
  });
});
