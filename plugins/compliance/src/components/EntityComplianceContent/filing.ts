/*
 * The "File evidence" and "Withdraw" forms without their widgets: what a
 * draft must hold before it is sent (the backend checks again and has the
 * last word), the body it becomes, and the idempotency key of a submission.
 */
import {
  EvidenceResult,
  NewEvidence,
} from '@readiness/plugin-compliance-common';
import { fromLocalInput } from '../format';

export type FilingDraft = {
  controls: string[];
  title: string;
  description: string;
  link: string;
  /** `datetime-local` values, in the reader's time zone. */
  collected: string;
  expires: string;
  result: EvidenceResult;
};

export type FilingProblems = Partial<Record<keyof FilingDraft, string>>;

const MAX_TITLE = 200;
const MAX_DESCRIPTION = 4000;
export const MIN_REASON = 10;
export const MAX_REASON = 1000;
// The clock of the reader's machine may run a little ahead of the backend's
const CLOCK_SKEW_MS = 60_000;

function isWebLink(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** What is wrong with a draft, field by field; empty when it may be sent. */
export function checkFiling(draft: FilingDraft, now: Date): FilingProblems {
  const problems: FilingProblems = {};
  if (draft.controls.length === 0) {
    problems.controls = 'Choose at least one control the evidence is for';
  }
  const title = draft.title.trim();
  if (title === '') problems.title = 'Required';
  else if (title.length > MAX_TITLE) {
    problems.title = `${title.length} characters, over the limit of ${MAX_TITLE}`;
  }
  if (draft.description.trim().length > MAX_DESCRIPTION) {
    problems.description = `Over the limit of ${MAX_DESCRIPTION} characters`;
  }
  const link = draft.link.trim();
  if (link !== '' && !isWebLink(link)) {
    problems.link =
      'An absolute http or https address, e.g. https://ci.example.com/runs/42';
  }
  const collected = fromLocalInput(draft.collected);
  if (!collected) problems.collected = 'Required: when what it shows was true';
  else if (Date.parse(collected) > now.getTime() + CLOCK_SKEW_MS) {
    problems.collected = 'In the future: evidence is filed once collected';
  }
  if (draft.expires.trim() !== '') {
    const expires = fromLocalInput(draft.expires);
    if (!expires) problems.expires = 'Not a date and time';
    else if (collected && Date.parse(expires) <= Date.parse(collected)) {
      problems.expires = 'Must be after the collection time';
    }
  }
  return problems;
}

/** The body of `POST /v1/evidence` for a checked draft, without its key. */
export function filingOf(
  draft: FilingDraft,
  entityRef: string,
): Omit<NewEvidence, 'idempotencyKey'> {
  const description = draft.description.trim();
  const link = draft.link.trim();
  const expiresAt = fromLocalInput(draft.expires);
  return {
    entityRef,
    controls: draft.controls,
    source: 'manual',
    title: draft.title.trim(),
    ...(description !== '' && { description }),
    ...(link !== '' && { link }),
    collectedAt: fromLocalInput(draft.collected)!,
    ...(expiresAt !== undefined && { expiresAt }),
    result: draft.result,
  };
}

/** What is wrong with a withdrawal reason, if anything. */
export function checkReason(reason: string): string | undefined {
  const text = reason.trim();
  if (text.length < MIN_REASON) {
    return `Say why it no longer counts, in ${MIN_REASON} characters at least`;
  }
  if (text.length > MAX_REASON) {
    return `${text.length} characters, over the limit of ${MAX_REASON}`;
  }
  return undefined;
}

/**
 * A new idempotency key: random, from the browser's crypto (which pages
 * served over plain http have too, unlike randomUUID).
 */
export function newIdempotencyKey(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  const hex = Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
  return `portal-ui:${hex}`;
}

/**
 * The key of a submission: the same while the same filing is sent again
 * (a retry after a lost answer files it once), a new one for other content.
 */
export class SubmissionKeys {
  private last?: { content: string; key: string };

  constructor(private readonly generate: () => string = newIdempotencyKey) {}

  keyFor(filing: object): string {
    const content = JSON.stringify(filing);
    if (this.last?.content !== content) {
      this.last = { content, key: this.generate() };
    }
    return this.last.key;
  }
}

/** The message of a backend refusal (its error body), else the error's own. */
export function backendMessage(error: Error): string {
  const body = (error as { body?: { error?: { message?: unknown } } }).body;
  const message = body?.error?.message;
  return typeof message === 'string' && message !== ''
    ? message
    : error.message;
}
