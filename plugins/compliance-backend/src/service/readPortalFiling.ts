/*
 * Reads a portal filing: evidence of an event of another plugin of the
 * portal (a drill within its targets, a tested restore, ...). The filer
 * names the kind of event, never the controls or the source: those come
 * from the portal evidence file, and the filing is then checked as any
 * other (readFiling).
 */
import { InputError } from '@backstage/errors';
import {
  formatControlRef,
  PORTAL_EVIDENCE_KINDS,
  PortalEvidenceKind,
  PortalEvidenceRule,
} from '@readiness/plugin-compliance-common';

/** A portal filing as the caller sent it, its kind and key checked. */
export type PortalFiling = {
  portalKind: PortalEvidenceKind;
  idempotencyKey: string;
  fields: Record<string, unknown>;
};

const FIELDS = [
  'portalKind',
  'entityRef',
  'title',
  'description',
  'link',
  'collectedAt',
  'result',
  'idempotencyKey',
];

// Leaves room for the kind's prefix within the 200 characters of a key
const PORTAL_KEY = /^[A-Za-z0-9._:/@+-]{1,160}$/;

/** Whether a body is a portal filing (it names a portalKind). */
export function isPortalFiling(body: unknown): boolean {
  return (
    typeof body === 'object' &&
    body !== null &&
    !Array.isArray(body) &&
    (body as Record<string, unknown>).portalKind !== undefined
  );
}

export function readPortalFiling(body: unknown): PortalFiling {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new InputError('request body: expected a JSON object');
  }
  const record = body as Record<string, unknown>;
  const unknown = Object.keys(record).find(k => !FIELDS.includes(k));
  if (unknown !== undefined) {
    throw new InputError(
      `${unknown}: not accepted with portalKind (the portal evidence file maps each kind to its source and controls); expected ${FIELDS.join(
        ', ',
      )}`,
    );
  }
  if (
    !(PORTAL_EVIDENCE_KINDS as readonly unknown[]).includes(record.portalKind)
  ) {
    throw new InputError(
      `portalKind: expected one of ${PORTAL_EVIDENCE_KINDS.join(', ')}`,
    );
  }
  if (
    typeof record.idempotencyKey !== 'string' ||
    !PORTAL_KEY.test(record.idempotencyKey)
  ) {
    throw new InputError(
      'idempotencyKey: required with portalKind, 1 to 160 letters, digits and . _ : / @ + -',
    );
  }
  const { portalKind, idempotencyKey, ...fields } = record;
  return {
    portalKind: portalKind as PortalEvidenceKind,
    idempotencyKey,
    fields,
  };
}

/** The filing the portal evidence file makes of a portal filing. */
export function portalFilingBody(
  portal: PortalFiling,
  rule: PortalEvidenceRule,
): Record<string, unknown> {
  return {
    result: 'satisfied',
    ...portal.fields,
    controls: rule.controls.map(formatControlRef),
    source: rule.source,
    idempotencyKey: `portal:${portal.portalKind}:${portal.idempotencyKey}`,
  };
}
