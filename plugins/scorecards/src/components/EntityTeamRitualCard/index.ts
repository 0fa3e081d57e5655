export { EntityTeamRitualCard } from './EntityTeamRitualCard';
