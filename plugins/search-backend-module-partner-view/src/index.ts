/**
 * The partner view of search results (docs/access/partner-view.md).
 *
 * @packageDocumentation
 */

export {
  default,
  PARTNER_DOCUMENT_FIELDS,
  createPartnerSearchFilter,
} from './module';
