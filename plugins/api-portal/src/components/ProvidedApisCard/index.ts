export { ProvidedApisCard } from './ProvidedApisCard';
