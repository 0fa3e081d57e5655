/*
 * The api-portal's one reference policy. Whoever reads a definition's
 * `$ref`s (lint, and the bundling that SDK builds and Postman collections
 * start from) follows it: files are never read (a definition is read on its
 * own), and remote (http/https) documents are fetched only when
 * `apiPortal.lint.allowRemoteRefs` is true, and then only from public
 * addresses, within size and time limits (see publicFetch.ts).
 */
import { fetchPublicDocument, PublicFetchOptions } from './publicFetch';

/** What a reader of definitions may follow. */
export type ReferencePolicy = {
  /** `apiPortal.lint.allowRemoteRefs`: whether http(s) documents are fetched. */
  allowRemoteRefs: boolean;
};

/** Whether a reference names an http(s) document. */
export function isRemoteReference(ref: string): boolean {
  return /^https?:\/\//i.test(ref);
}

/**
 * Why the policy does not follow a reference to another document, or
 * `undefined` when it may be fetched.
 */
export function refusalOf(
  ref: string,
  policy: ReferencePolicy,
): string | undefined {
  if (!isRemoteReference(ref)) {
    return `external $ref ${ref} not read: a definition is read on its own, without other files`;
  }
  if (!policy.allowRemoteRefs) {
    return `remote $ref ${ref} not fetched (apiPortal.lint.allowRemoteRefs is false)`;
  }
  return undefined;
}

/** A referenced document, as loaded. */
export type ReferencedDocument = { body: string; mimeType?: string };

/** Loads the document an absolute reference names, or rejects saying why not. */
export type ReferenceLoader = (
  absoluteRef: string,
  policy: ReferencePolicy,
) => Promise<ReferencedDocument>;

/** Size and time limits of one remote document, unless configured. */
export const DEFAULT_REMOTE_LIMITS: PublicFetchOptions = {
  maxBytes: 10 * 1024 * 1024,
  timeoutMs: 10_000,
};

/** Documents one lint or bundle may load at most. */
export const MAX_REFERENCED_DOCUMENTS = 100;

/** The loader of the policy, fetching remote documents within these limits. */
export function referenceLoader(
  limits: PublicFetchOptions = DEFAULT_REMOTE_LIMITS,
): ReferenceLoader {
  return async (absoluteRef, policy) => {
    const refusal = refusalOf(absoluteRef, policy);
    if (refusal) throw new Error(refusal);
    try {
      return await fetchPublicDocument(absoluteRef, limits);
    } catch (error) {
      throw new Error(
        `remote $ref ${absoluteRef} not fetched: ${(error as Error).message}`,
      );
    }
  };
}
