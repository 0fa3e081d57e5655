import { Entity } from '@backstage/catalog-model';
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
    metadata: { name: 'ledger' },
  };
}

function required(
  filter: ((entity: Entity) => boolean) | undefined,
): (entity: Entity) => boolean {
  if (!filter) throw new Error('the extension has no entity filter');
  return filter;
}

describe('the reliability plugin', () => {
  it('puts the Reliability tab on Components and Systems only', () => {
    const tester = createExtensionTester(
      plugin.getExtension('entity-content:reliability/reliability'),
    );
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe(
      'Reliability',
    );
    const shows = required(
      tester.get(EntityContentBlueprint.dataRefs.filterFunction),
    );
    expect(shows(entityOf('Component'))).toBe(true);
    expect(shows(entityOf('System'))).toBe(true);
    expect(shows(entityOf('API'))).toBe(false);
    expect(shows(entityOf('Resource'))).toBe(false);
  });

  it('puts the summary card on the overview of Components and Systems only', () => {
    const tester = createExtensionTester(
      plugin.getExtension('entity-card:reliability/reliability-summary'),
    );
    expect(tester.get(EntityCardBlueprint.dataRefs.type)).toBe('info');
    const shows = required(
      tester.get(EntityCardBlueprint.dataRefs.filterFunction),
    );
    expect(shows(entityOf('component'))).toBe(true);
    expect(shows(entityOf('system'))).toBe(true);
    expect(shows(entityOf('group'))).toBe(false);
  });
});
