// @ts-check

/**
 * The catalog's etag of each collected API entity as last read, so that a
 * pass reads again only the entities the catalog changed.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('api_entities', table => {
    table
      .string('catalog_etag', 255)
      .nullable()
      .comment('metadata.etag of the entity when its definition was last read');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('api_entities', table => {
    table.dropColumn('catalog_etag');
  });
};
