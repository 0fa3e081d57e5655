/**
 * The partner view of the catalog (docs/access/partner-view.md).
 *
 * @packageDocumentation
 */

export { default } from './module';
export { createPartnerViewFilter } from './partnerViewFilter';
