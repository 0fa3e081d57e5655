export { EntityApiPortalContent } from './EntityApiPortalContent';
