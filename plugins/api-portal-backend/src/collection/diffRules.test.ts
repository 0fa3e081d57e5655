import {
  API_DIFF_RULES,
  type ApiChange,
  type DiffRule,
} from '@readiness/plugin-api-portal-common';
import { createStoreTestDatabases } from '@readiness/backend-test-utils';
import { apiEntity, openapi, startPortal } from '../__testUtils__/portal';

const databases = createStoreTestDatabases();

/** Replaces a rule of the running rule set until `restore` is called. */
function correctRule(id: string, change: (rule: DiffRule) => DiffRule) {
  const rules = API_DIFF_RULES as DiffRule[];
  const index = rules.findIndex(rule => rule.id === id);
  const original = rules[index];
  rules[index] = change(original);
  return () => {
    rules[index] = original;
  };
}

type Entry = {
  breaking: boolean;
  summary: string;
  changes: ApiChange[];
};

describe.each(databases.eachSupportedId())(
  'kept diffs and the rules that made them, on %s',
  databaseId => {
    async function start() {
      const knex = await databases.init(databaseId);
      // The family gains a path from 1.0.0 to 1.1.0: not breaking
      const entities = [
        apiEntity('ledger-v1', openapi('1.0.0', ['/entries']), {
          family: 'ledger',
        }),
        apiEntity('ledger-v2', openapi('1.1.0', ['/entries', '/balances']), {
          family: 'ledger',
        }),
      ];
      const portal = await startPortal({ knex, entities });
      await portal.collect();
      const changelog = async (): Promise<Entry[]> =>
        (await portal.get('/v1/families/ledger/changelog').expect(200)).body
          .items;
      return { ...portal, knex, changelog };
    }

    let restore: (() => void) | undefined;
    afterEach(() => {
      restore?.();
      restore = undefined;
    });

    it('a corrected rule changes the stored changelog on the next pass', async () => {
      const { collect, changelog, knex } = await start();
      const [before] = await changelog();
      expect(before.breaking).toBe(false);
      expect(before.changes.map(c => c.ruleId)).toEqual(['path-added']);

      // The rule is corrected: a new path now counts as breaking
      restore = correctRule('path-added', rule => ({
        ...rule,
        breaking: true,
        severity: 'error',
      }));
      // Reading changes nothing: the entry is made again by a pass
      expect(await changelog()).toEqual([before]);
      await collect();

      const [after] = await changelog();
      expect(after.breaking).toBe(true);
      expect(after.changes).toEqual([
        expect.objectContaining({ ruleId: 'path-added', breaking: true }),
      ]);
      expect(after.summary).not.toBe(before.summary);
      expect(after.summary).toMatch(/breaking/i);
      const digests = await knex('api_spec_diffs').pluck('rules_digest');
      expect(new Set(digests).size).toBe(1);
    });

    it('a new rule reaches entries made before it', async () => {
      const { collect, changelog } = await start();
      const flagsNewPaths: DiffRule = {
        id: 'path-added',
        description: 'Every new path is announced to partners.',
        breaking: false,
        severity: 'info',
        scope: 'path',
        check({ path, before, after }, report) {
          if (!before && after) {
            report({ message: `new path ${path}`, after: after.pointer });
          }
        },
      };
      restore = correctRule('path-added', () => flagsNewPaths);
      await collect();
      const [entry] = await changelog();
      expect(entry.changes.map(c => c.message)).toEqual(['new path /balances']);
    });

    it('compares nothing again while the rules are the same', async () => {
      const { collect, changelog, knex } = await start();
      const computed = await knex('api_spec_diffs').pluck('computed_at');
      const before = await changelog();
      await collect();
      expect(await knex('api_spec_diffs').pluck('computed_at')).toEqual(
        computed,
      );
      expect(await changelog()).toEqual(before);
    });
  },
);
