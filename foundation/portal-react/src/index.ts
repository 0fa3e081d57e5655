/**
 * React parts every frontend plugin of the portal shares: how refused or
 * failing records are shown, formats, the page's entity and links into the
 * portal's own docs.
 *
 * @packageDocumentation
 */
export * from './format';
export * from './RecordErrorPanel';
export * from './entity';
export * from './docs';
