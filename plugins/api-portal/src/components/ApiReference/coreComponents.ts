// The core components the reference loads late (see lazyParts.tsx), named
// here so that a bundler brings only these instead of the whole library.
export { MarkdownContent, WarningPanel } from '@backstage/core-components';
