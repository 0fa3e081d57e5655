/**
 * React parts every frontend plugin of the portal shares.
 *
 * @packageDocumentation
 */
export * from './format';
export * from './RecordErrorPanel';
