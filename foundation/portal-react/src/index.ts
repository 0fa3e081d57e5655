/**
 * React parts every frontend plugin of the portal shares: how refused or
 * failing records are shown, formats, the page's entity, links into the
 * portal's own docs and the mark on sample data.
 *
 * @packageDocumentation
 */
export * from './format';
export * from './RecordErrorPanel';
export * from './entity';
export * from './docs';
export * from './SampleData';
export * from './ToneChip';
export * from './chartStyle';
export * from './useCursorPages';
export * from './RecordCardPlaceholder';
export * from './tables';
export * from './extensions';
export * from './CountTiles';
