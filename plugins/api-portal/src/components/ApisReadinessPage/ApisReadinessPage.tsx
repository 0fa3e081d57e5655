import { Header, Page } from '@backstage/core-components';
import { ApisReadinessContent } from './ApisReadinessContent';

/** The readiness page with its own header, for apps on the old frontend system. */
export function ApisReadinessPage() {
  return (
    <Page themeId="tool">
      <Header
        title="APIs readiness"
        subtitle="Every API family: versions, lint, breaking changes and SDK downloads"
      />
      <ApisReadinessContent />
    </Page>
  );
}
