/*
 * Reads an evidence filing from a request body: every field checked and a
 * bad one refused with a 400 that names it, before anything is looked up or
 * stored. The validating router has checked the shape; this checks what
 * the schema cannot say (known controls, a link that is http(s), times in
 * order, an attachment's type and decoded size).
 */
import { createHash } from 'node:crypto';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  ControlIndex,
  EVIDENCE_RESULTS,
  EVIDENCE_SOURCES,
  EvidenceResult,
  EvidenceSource,
  expiryOf,
  formatControlRef,
  parseControlRef,
} from '@readiness/plugin-compliance-common';
import { contentHash } from '@readiness/store-utils';
import { EvidenceLimits } from '../config';
import { EvidenceToStore } from '../database/DatabaseEvidenceStore';

/** A filing, checked: what the store keeps but who filed it. */
export type CheckedFiling = Omit<EvidenceToStore, 'filedBy'>;

const FIELDS = [
  'entityRef',
  'controls',
  'source',
  'title',
  'description',
  'link',
  'attachment',
  'collectedAt',
  'expiresAt',
  'result',
  'idempotencyKey',
];
const ATTACHMENT_FIELDS = ['name', 'mediaType', 'content'];

const MAX_TITLE = 200;
const MAX_DESCRIPTION = 4000;
const MAX_LINK = 2048;
const MAX_CONTROLS = 50;
const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:/@+-]{1,200}$/;
// ISO 8601 date-time with a zone, as the OpenAPI date-time format
const DATE_TIME =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
// Clocks of pipelines differ a little from ours
const CLOCK_SKEW_MS = 5 * 60 * 1000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function unknownFields(
  value: Record<string, unknown>,
  known: string[],
  at: string,
) {
  const unknown = Object.keys(value).find(k => !known.includes(k));
  if (unknown !== undefined) {
    throw new InputError(
      `${at}${unknown}: unknown field; expected ${known.join(', ')}`,
    );
  }
}

function requiredText(value: unknown, field: string, max: number): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InputError(`${field}: required, a non-empty string`);
  }
  return optionalText(value, field, max)!;
}

function optionalText(
  value: unknown,
  field: string,
  max: number,
): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    throw new InputError(`${field}: expected a string`);
  }
  const trimmed = value.trim();
  if (trimmed.length > max) {
    throw new InputError(
      `${field}: ${trimmed.length} characters, over the limit of ${max}`,
    );
  }
  return trimmed === '' ? undefined : trimmed;
}

function dateTime(value: unknown, field: string): Date {
  const at = typeof value === 'string' ? Date.parse(value) : NaN;
  if (typeof value !== 'string' || !DATE_TIME.test(value) || Number.isNaN(at)) {
    throw new InputError(
      `${field}: expected an ISO 8601 date-time with a time zone, e.g. 2026-12-01T10:00:00Z`,
    );
  }
  return new Date(at);
}

/** The entity ref as stored: full and lower-case. */
export function normalEntityRef(value: unknown, field = 'entityRef'): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InputError(
      `${field}: required, an entity ref such as component:default/ledger`,
    );
  }
  try {
    const ref = parseEntityRef(value.trim());
    return stringifyEntityRef(ref).toLocaleLowerCase('en-US');
  } catch {
    throw new InputError(
      `${field}: "${value}" is not an entity ref such as component:default/ledger`,
    );
  }
}

function readLink(value: unknown): string | undefined {
  const link = optionalText(value, 'link', MAX_LINK);
  if (link === undefined) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(link);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new InputError(
      'link: expected an absolute http or https URL, e.g. https://ci.example.com/runs/42',
    );
  }
  return url.toString();
}

function readControls(value: unknown, controls: ControlIndex): string[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new InputError(
      'controls: required, a list of controls such as ["SOC2:CC8.1", "ISO27001:8.32"]',
    );
  }
  if (value.length > MAX_CONTROLS) {
    throw new InputError(
      `controls: ${value.length} controls, over the limit of ${MAX_CONTROLS}`,
    );
  }
  const known = controls.frameworks.map(f => `${f.id} (${f.file})`).join(', ');
  const where = `valid ids are the controls of the loaded frameworks: ${
    known || 'none is loaded'
  }; GET /v1/entities/{kind}/{namespace}/{name}/controls lists those that apply to an entity`;
  return [
    ...new Set(
      value.map((item, i) => {
        const ref =
          typeof item === 'string' ? parseControlRef(item) : undefined;
        if (!ref) {
          throw new InputError(
            `controls/${i}: ${JSON.stringify(
              item,
            )} is not a control reference such as SOC2:CC8.1; ${where}`,
          );
        }
        const problem = controls.problemOf(ref);
        if (problem) {
          throw new InputError(`controls/${i}: ${problem}; ${where}`);
        }
        return formatControlRef(ref);
      }),
    ),
  ];
}

function readAttachment(
  value: unknown,
  limits: EvidenceLimits,
): CheckedFiling['attachment'] {
  if (value === undefined) return undefined;
  if (!isRecord(value)) {
    throw new InputError(
      'attachment: expected an object with name, mediaType and content (base64)',
    );
  }
  unknownFields(value, ATTACHMENT_FIELDS, 'attachment/');
  const name = requiredText(value.name, 'attachment/name', 200);
  if (/[/\\]/.test(name) || [...name].some(c => c.charCodeAt(0) < 0x20)) {
    throw new InputError(
      'attachment/name: a file name without folders or control characters',
    );
  }
  const mediaType = requiredText(value.mediaType, 'attachment/mediaType', 100)
    .toLocaleLowerCase('en-US')
    .replace(/\s*;.*$/, '');
  if (!limits.attachmentMediaTypes.includes(mediaType)) {
    throw new InputError(
      `attachment/mediaType: ${mediaType} is not accepted; accepted are ${limits.attachmentMediaTypes.join(
        ', ',
      )}`,
    );
  }
  if (
    typeof value.content !== 'string' ||
    value.content.length % 4 !== 0 ||
    !BASE64.test(value.content)
  ) {
    throw new InputError('attachment/content: expected the file as base64');
  }
  const content = Buffer.from(value.content, 'base64');
  if (content.length === 0) {
    throw new InputError('attachment/content: the file is empty');
  }
  if (content.length > limits.maxAttachmentBytes) {
    throw new InputError(
      `attachment/content: ${content.length} bytes, over the limit of ${limits.maxAttachmentBytes} bytes`,
    );
  }
  return {
    name,
    mediaType,
    sizeBytes: content.length,
    sha256: createHash('sha256').update(content).digest('hex'),
    content,
  };
}

/**
 * Reads and checks a filing. The entity's existence is checked by the
 * service; everything else here.
 */
export function readFiling(
  body: unknown,
  options: {
    controls: ControlIndex;
    limits: EvidenceLimits;
    now: Date;
  },
): CheckedFiling {
  if (!isRecord(body)) {
    throw new InputError('request body: expected a JSON object');
  }
  unknownFields(body, FIELDS, '');
  const entityRef = normalEntityRef(body.entityRef);
  const controls = readControls(body.controls, options.controls);
  if (!(EVIDENCE_SOURCES as readonly unknown[]).includes(body.source)) {
    throw new InputError(
      `source: expected one of ${EVIDENCE_SOURCES.join(', ')}`,
    );
  }
  if (!EVIDENCE_RESULTS.includes(body.result as EvidenceResult)) {
    throw new InputError(
      `result: expected one of ${EVIDENCE_RESULTS.join(', ')}`,
    );
  }
  const title = requiredText(body.title, 'title', MAX_TITLE);
  const description = optionalText(
    body.description,
    'description',
    MAX_DESCRIPTION,
  );
  const link = readLink(body.link);
  const collected = dateTime(body.collectedAt, 'collectedAt');
  if (collected.getTime() > options.now.getTime() + CLOCK_SKEW_MS) {
    throw new InputError(
      'collectedAt: in the future; evidence is filed once collected',
    );
  }
  const collectedAt = collected.toISOString();
  let expiresAt: string;
  if (body.expiresAt !== undefined) {
    const expires = dateTime(body.expiresAt, 'expiresAt');
    if (expires.getTime() <= collected.getTime()) {
      throw new InputError(
        `expiresAt: ${expires.toISOString()} is not after collectedAt ${collectedAt}`,
      );
    }
    expiresAt = expires.toISOString();
  } else {
    // The shortest validity among its controls: evidence proves no control longer
    expiresAt = controls
      .map(text => {
        const control = options.controls.control(parseControlRef(text)!)!;
        return expiryOf(collectedAt, control.validity);
      })
      .reduce((a, b) => (a < b ? a : b));
  }
  let idempotencyKey: string | undefined;
  if (body.idempotencyKey !== undefined) {
    if (
      typeof body.idempotencyKey !== 'string' ||
      !IDEMPOTENCY_KEY.test(body.idempotencyKey)
    ) {
      throw new InputError(
        'idempotencyKey: 1 to 200 letters, digits and . _ : / @ + -',
      );
    }
    idempotencyKey = body.idempotencyKey;
  }
  const attachment = readAttachment(body.attachment, options.limits);
  const filing: Omit<CheckedFiling, 'contentHash'> = {
    entityRef,
    controls: [...controls].sort(),
    source: body.source as EvidenceSource,
    title,
    ...(description !== undefined && { description }),
    ...(link !== undefined && { link }),
    ...(attachment && { attachment }),
    collectedAt,
    expiresAt,
    result: body.result as EvidenceResult,
    ...(idempotencyKey !== undefined && { idempotencyKey }),
  };
  const { attachment: attached, ...hashed } = filing;
  return {
    ...filing,
    contentHash: contentHash({ ...hashed, attachment: attached?.sha256 }),
  };
}
