export { ScorecardsPage } from './ScorecardsPage';
export { ScorecardsPageContent } from './ScorecardsPageContent';
export { TeamRitualContent } from './TeamRitualContent';
