import { LintSummary } from '@readiness/plugin-api-portal-common';
import { plural } from '@readiness/portal-react';
import { lintText, lintTotals, LINT_UNAVAILABLE } from './format';

const lint = (overrides: Partial<LintSummary>): LintSummary => ({
  errors: 1,
  warnings: 2,
  status: 'ok',
  lintedAt: '2026-11-01T00:00:00Z',
  ...overrides,
});

describe('lint phrases', () => {
  it('count errors and warnings of a finished lint', () => {
    expect(lintTotals(lint({}))).toBe('1 error, 2 warnings');
    expect(lintText(lint({ errors: 0, warnings: 1 }))).toBe(
      'Lint: 0 errors, 1 warning',
    );
  });

  it('say when the linter did not finish', () => {
    expect(lintText(lint({ status: 'timeout' }))).toBe('Lint timed out');
    expect(lintText(lint({ status: 'error' }))).toBe('Lint failed');
  });

  it('say when lint is not available to the reader', () => {
    expect(lintTotals(undefined)).toBe('unavailable');
    expect(lintText(undefined)).toBe(LINT_UNAVAILABLE);
  });
});

describe('plural', () => {
  it('takes an irregular plural', () => {
    expect(plural(1, 'family', 'families')).toBe('1 family');
    expect(plural(3, 'family', 'families')).toBe('3 families');
  });
});
