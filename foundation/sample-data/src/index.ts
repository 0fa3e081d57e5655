/**
 * What the sample-data modules of the plugin families share: the config
 * switch, UTC days counted back from today and repeatable figures.
 *
 * @packageDocumentation
 */
export * from './options';
export * from './days';
export * from './random';
export * from './seeding';
