/**
 * Backend of the scorecards plugins. So far: the store of every entity's
 * facts and their history; the plugin that computes and serves levels and
 * scores from them comes next.
 *
 * @packageDocumentation
 */

export {
  DatabaseFactStore,
  type FactRecord,
} from './database/DatabaseFactStore';
