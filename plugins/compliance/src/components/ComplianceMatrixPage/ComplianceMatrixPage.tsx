import { Header, Page } from '@backstage/core-components';
import { ComplianceMatrixContent } from './ComplianceMatrixContent';

/** The matrix page with its own header, for apps on the old frontend system. */
export function ComplianceMatrixPage() {
  return (
    <Page themeId="tool">
      <Header
        title="Compliance"
        subtitle="A framework's controls across systems or owners: where the gaps are"
      />
      <ComplianceMatrixContent />
    </Page>
  );
}
