/*
 * How the GDPR views write the parts of a record: retention, lawful bases
 * and findings in words.
 */
import { formatDuration } from '@readiness/data-files';
import {
  GdprFindingKind,
  LawfulBasis,
  RetentionPolicy,
} from '@readiness/plugin-compliance-common';
import { portalDocsLink } from '@readiness/portal-react';

export const GDPR_DOCS = {
  attaching: portalDocsLink('gdpr', 'attaching-a-record-to-an-entity'),
  findings: portalDocsLink('gdpr', 'findings'),
  register: portalDocsLink('gdpr', 'the-register-article-30'),
};

export const LAWFUL_BASIS_LABEL: Record<LawfulBasis, string> = {
  consent: 'Consent (Art. 6(1)(a))',
  contract: 'Contract (Art. 6(1)(b))',
  'legal-obligation': 'Legal obligation (Art. 6(1)(c))',
  'vital-interests': 'Vital interests (Art. 6(1)(d))',
  'public-task': 'Public task (Art. 6(1)(e))',
  'legitimate-interests': 'Legitimate interests (Art. 6(1)(f))',
};

export const FINDING_LABEL: Record<GdprFindingKind, string> = {
  'missing-retention': 'No retention',
  'retention-beyond-maximum': 'Retention beyond the maximum',
  'processor-without-dpa': 'Processor without a DPA',
  'transfer-without-safeguard': 'Transfer without a safeguard',
};

/** A retention as a sentence; empty when there is none. */
export function retentionText(retention: RetentionPolicy | undefined): string {
  if (!retention) return '';
  if (retention.period) return formatDuration(retention.period);
  return `${retention.rule} (at most ${formatDuration(
    retention.maximum ?? {},
  )})`;
}
