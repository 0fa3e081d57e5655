import { LintSummary } from '@readiness/plugin-api-portal-common';
import { plural } from '@readiness/portal-react';

export const LINT_UNAVAILABLE = 'Lint unavailable (internal or not linted yet)';

/** Lint totals as a short phrase; absent lint is internal or still pending. */
export function lintTotals(lint: LintSummary | undefined): string {
  if (!lint) return 'unavailable';
  if (lint.status === 'timeout') return 'timed out';
  if (lint.status === 'error') return 'failed';
  return `${plural(lint.errors, 'error')}, ${plural(lint.warnings, 'warning')}`;
}

/** Lint totals as a sentence, for places without a "Lint" heading. */
export function lintText(lint: LintSummary | undefined): string {
  if (!lint) return LINT_UNAVAILABLE;
  const totals = lintTotals(lint);
  return lint.status === 'ok' ? `Lint: ${totals}` : `Lint ${totals}`;
}
