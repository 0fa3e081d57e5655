import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { HumanDuration } from '@backstage/types';
import { readOptionalDuration } from '@readiness/backend-http-utils';
import { GdprOptions, readGdprOptions } from './gdpr/options';

/** Everything the plugin reads from `compliance`, with the defaults applied. */
export type ComplianceOptions = {
  files: {
    /** Framework and mapping files or folders of them. */
    frameworks: string[];
    applicability?: string;
    portalEvidence?: string;
  };
  expiringWithin: HumanDuration;
  evidence: EvidenceLimits;
  gdpr: GdprOptions;
};

/** What a filing may hold. */
export type EvidenceLimits = {
  maxBodyBytes: number;
  maxAttachmentBytes: number;
  attachmentMediaTypes: string[];
};

const MIB = 1024 * 1024;

export const DEFAULT_ATTACHMENT_MEDIA_TYPES = [
  'application/pdf',
  'application/json',
  'text/plain',
  'text/csv',
  'image/png',
  'image/jpeg',
];

function positiveInteger(config: Config, key: string, fallback: number) {
  const value = config.getOptionalNumber(key) ?? fallback;
  if (!Number.isInteger(value) || value < 1) {
    throw new InputError(`compliance.${key}: expected a whole number above 0`);
  }
  return value;
}

/** Reads the `compliance` section of the app config; nothing in it is required. */
export function readComplianceOptions(root: Config): ComplianceOptions {
  const config = root.getOptionalConfig('compliance');
  const evidence = config?.getOptionalConfig('evidence');
  const limits: EvidenceLimits = {
    maxBodyBytes: evidence
      ? positiveInteger(evidence, 'maxBodyBytes', 2 * MIB)
      : 2 * MIB,
    maxAttachmentBytes: evidence
      ? positiveInteger(evidence, 'maxAttachmentBytes', MIB)
      : MIB,
    attachmentMediaTypes:
      evidence?.getOptionalStringArray('attachmentMediaTypes') ??
      DEFAULT_ATTACHMENT_MEDIA_TYPES,
  };
  if (limits.maxAttachmentBytes >= limits.maxBodyBytes) {
    throw new InputError(
      'compliance.evidence.maxAttachmentBytes: must be below maxBodyBytes (the attachment travels base64 in the body)',
    );
  }
  const applicability = config?.getOptionalString('applicability');
  const portalEvidence = config?.getOptionalString('portalEvidence');
  return {
    files: {
      frameworks: config?.getOptionalStringArray('frameworks') ?? [],
      ...(applicability && { applicability }),
      ...(portalEvidence && { portalEvidence }),
    },
    expiringWithin: config
      ? readOptionalDuration(config, 'expiringWithin', {
          fallback: { days: 30 },
        })
      : { days: 30 },
    evidence: limits,
    gdpr: readGdprOptions(config),
  };
}
