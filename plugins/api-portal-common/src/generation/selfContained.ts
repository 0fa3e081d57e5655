/*
 * Generators are given self-contained documents: the api-portal backend
 * resolves a definition's references under its one reference policy before
 * any generator sees it. Every consumer (each generator, the Postman
 * conversion) checks that with the portal's reader, so a generator's own
 * parser never has a file or URL to follow.
 */
import { refuseExternalReferences } from '../reader';

/** Why SDK generators and the Postman conversion refuse external `$ref`s. */
const BUNDLED_FIRST =
  'SDKs and Postman collections are built from a definition whose references the API portal resolved first';

/**
 * Throws an `InputError` naming the external `$ref`s of a document (each
 * with its JSON pointer) unless it has internal references only.
 *
 * @public
 */
export function assertSelfContained(document: unknown): void {
  refuseExternalReferences(document, BUNDLED_FIRST);
}
