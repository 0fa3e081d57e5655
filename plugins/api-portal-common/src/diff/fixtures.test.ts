/*
 * One fixture folder per rule (`__fixtures__/<rule-id>/`): `before.yaml`,
 * `after.yaml` and `expected.yaml`, which lists every change of that rule
 * the diff must report (messages and pointers), the other rules the pair may
 * also trigger (`others`) and diff options when the rule needs them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { diffApiDefinitions } from './diffApiDefinitions';
import { API_DIFF_RULES } from './rules';
import type { ApiChange, DiffOptions } from './types';

type Expected = {
  changes: Array<Partial<ApiChange>>;
  others?: string[];
  options?: DiffOptions;
};

const FIXTURES = path.join(__dirname, '__fixtures__');

function read<T>(folder: string, file: string): T {
  return parse(fs.readFileSync(path.join(FIXTURES, folder, file), 'utf8'));
}

const folders = fs
  .readdirSync(FIXTURES, { withFileTypes: true })
  .filter(entry => entry.isDirectory())
  .map(entry => entry.name)
  .sort();

describe('rule fixtures', () => {
  it('exist for every rule, and only for rules', () => {
    expect(folders).toEqual(API_DIFF_RULES.map(rule => rule.id).sort());
  });

  describe.each(folders)('%s', id => {
    const rule = API_DIFF_RULES.find(r => r.id === id)!;
    const expected = read<Expected>(id, 'expected.yaml');
    const before = read<unknown>(id, 'before.yaml');
    const after = read<unknown>(id, 'after.yaml');
    const changes = diffApiDefinitions(before, after, expected.options);

    it('reports the rule where expected', () => {
      const found = changes.filter(c => c.ruleId === id);
      expect(found).toHaveLength(expected.changes.length);
      expect(found).toEqual(
        expect.arrayContaining(
          expected.changes.map(change =>
            expect.objectContaining({
              ...change,
              breaking: rule.breaking,
              severity: rule.severity,
            }),
          ),
        ),
      );
      expect(found.every(c => c.breaking === rule.breaking)).toBe(true);
    });

    it('reports nothing else unless listed', () => {
      const others = changes.filter(c => c.ruleId !== id).map(c => c.ruleId);
      expect(others.filter(o => !(expected.others ?? []).includes(o))).toEqual(
        [],
      );
    });

    it('finds no change between a version and itself', () => {
      expect(diffApiDefinitions(before, structuredClone(before))).toEqual([]);
      expect(diffApiDefinitions(after, structuredClone(after))).toEqual([]);
    });
  });
});
