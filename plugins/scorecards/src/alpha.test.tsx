import { Entity } from '@backstage/catalog-model';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import plugin, { scorecardReaders } from './alpha';

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

describe('the scorecards plugin', () => {
  it('puts the Scorecard tab on the kinds checks apply to', () => {
    const tester = createExtensionTester(
      plugin.getExtension('entity-content:scorecards/scorecard'),
    );
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe('Scorecard');
    const shows = required(
      tester.get(EntityContentBlueprint.dataRefs.filterFunction),
    );
    for (const kind of ['Component', 'System', 'API', 'Resource']) {
      expect(shows(entityOf(kind))).toBe(true);
    }
    expect(shows(entityOf('Group'))).toBe(false);
    expect(shows(entityOf('User'))).toBe(false);
  });

  it('puts the Readiness record card on the overview of the same kinds', () => {
    const tester = createExtensionTester(
      plugin.getExtension('entity-card:scorecards/readiness-record'),
    );
    expect(tester.get(EntityCardBlueprint.dataRefs.type)).toBe('info');
    const shows = required(
      tester.get(EntityCardBlueprint.dataRefs.filterFunction),
    );
    expect(shows(entityOf('resource'))).toBe(true);
    expect(shows(entityOf('domain'))).toBe(false);
  });

  it('puts the Readiness ritual card on Groups only', () => {
    const tester = createExtensionTester(
      plugin.getExtension('entity-card:scorecards/team-ritual'),
    );
    const shows = required(
      tester.get(EntityCardBlueprint.dataRefs.filterFunction),
    );
    expect(shows(entityOf('Group'))).toBe(true);
    expect(shows(entityOf('Component'))).toBe(false);
  });

  it('shows the tab and the card only to callers allowed to read scorecards', () => {
    expect(scorecardReaders).toEqual({
      permissions: { $contains: 'scorecards.entity.read' },
    });
    for (const id of [
      'entity-content:scorecards/scorecard',
      'entity-card:scorecards/readiness-record',
      'entity-card:scorecards/team-ritual',
      'page:scorecards',
    ]) {
      const extension = plugin.getExtension(id as any) as unknown as {
        if?: unknown;
      };
      expect(extension.if).toEqual(scorecardReaders);
    }
  });
});
