import fs from 'node:fs';
import path from 'node:path';
import { repositoryPath } from '@readiness/test-corpus';
import { API_DIFF_RULES } from '.';

describe('API_DIFF_RULES', () => {
  const ids = API_DIFF_RULES.map(rule => rule.id);

  it('has unique kebab-case ids', () => {
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
    }
  });

  it('keeps each rule in a file named after its id', () => {
    for (const id of ids) {
      expect(fs.existsSync(path.join(__dirname, `${id}.ts`))).toBe(true);
    }
  });

  it('describes every rule and ranks breaking ones as errors', () => {
    for (const rule of API_DIFF_RULES) {
      expect(rule.description.length).toBeGreaterThan(10);
      expect(rule.severity === 'error').toBe(rule.breaking);
    }
  });

  it('documents every rule, with its breaking flag, in docs/api-portal/diff-rules.md', () => {
    const doc = fs.readFileSync(
      repositoryPath('docs', 'api-portal', 'diff-rules.md'),
      'utf8',
    );
    for (const rule of API_DIFF_RULES) {
      const line = doc.split('\n').find(l => l.includes(`\`${rule.id}\``));
      expect(line).toBeDefined();
      expect(line).toContain(rule.breaking ? '| yes ' : '| no ');
    }
  });
});
