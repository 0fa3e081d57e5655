// @ts-check

/**
 * Each kept diff names the rule set that made it (a digest of the rules and
 * the comparison limits), so a new or corrected rule reaches diffs and
 * changelog entries made before it: collection passes compare such pairs
 * again. Diffs kept before this migration name none ('') and are compared
 * again on the next pass. Going down forgets which rules made a diff.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('api_spec_diffs', table => {
    table
      .string('rules_digest', 64)
      .notNullable()
      .defaultTo('')
      .comment('Digest of the diff rules and limits that made the diff');
  });
  // Entries are found by their pair of texts when a pair is compared again
  await knex.schema.alterTable('api_changelog', table => {
    table.index(['from_hash', 'to_hash'], 'api_changelog_hashes_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('api_changelog', table => {
    table.dropIndex(['from_hash', 'to_hash'], 'api_changelog_hashes_idx');
  });
  await knex.schema.alterTable('api_spec_diffs', table => {
    table.dropColumn('rules_digest');
  });
};
