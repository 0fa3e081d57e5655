export { ComplianceMatrixContent } from './ComplianceMatrixContent';
export { ComplianceMatrixPage } from './ComplianceMatrixPage';
