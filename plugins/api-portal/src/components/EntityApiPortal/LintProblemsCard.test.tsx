import { screen, within } from '@testing-library/react';
import {
  forbidden,
  ledgerLint,
  mockApi,
  pending,
  renderForEntity,
} from '../../__testUtils__/apiPortal';
import { groupProblemsByRule, LintProblemsCard } from './LintProblemsCard';
import { INTERNAL_RECORD_TITLE } from './PortalErrorPanel';

describe('groupProblemsByRule', () => {
  it('puts errors first and keeps each rule’s problems together', () => {
    const groups = groupProblemsByRule(ledgerLint);
    expect(groups.map(g => [g.ruleId, g.problems.length])).toEqual([
      ['no-server-example.com', 1],
      ['operation-4xx-response', 2],
    ]);
  });
});

describe('LintProblemsCard', () => {
  it('shows progress while the lint is read', async () => {
    renderForEntity(
      <LintProblemsCard revisionId="r2" />,
      mockApi({ getRevisionLint: jest.fn(() => pending()) }),
    );
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
  });

  it('says how a revision appears when there is none', async () => {
    renderForEntity(<LintProblemsCard />, mockApi());
    expect(
      await screen.findByText('No revision of this definition yet'),
    ).toBeInTheDocument();
  });

  it('groups problems by rule with severity, docs link and location', async () => {
    const api = mockApi({ getRevisionLint: jest.fn(async () => ledgerLint) });
    renderForEntity(<LintProblemsCard revisionId="r2" />, api);
    const rule = await screen.findByTestId('lint-rule-operation-4xx-response');
    expect(within(rule).getByText('warning')).toBeInTheDocument();
    expect(within(rule).getByText('2 problems')).toBeInTheDocument();
    expect(
      within(rule).getByRole('link', { name: /^operation-4xx-response/ }),
    ).toHaveAttribute(
      'href',
      'https://redocly.com/docs/cli/rules/oas/operation-4xx-response',
    );
    expect(
      within(rule).getByText('line 7:7 · #/paths/~1accounts/get/responses'),
    ).toBeInTheDocument();
    const error = screen.getByTestId('lint-rule-no-server-example.com');
    expect(within(error).getByText('error')).toBeInTheDocument();
    expect(within(error).getByText('1 problem')).toBeInTheDocument();
    expect(screen.getByText('1 error, 2 warnings')).toBeInTheDocument();
    expect(api.getRevisionLint).toHaveBeenCalledWith('r2');
  });

  it('writes the totals in number, "1 error" but "2 errors"', async () => {
    const lint = {
      ...ledgerLint,
      totals: { errors: 2, warnings: 1 },
    };
    renderForEntity(
      <LintProblemsCard revisionId="r2" />,
      mockApi({ getRevisionLint: jest.fn(async () => lint) }),
    );
    expect(await screen.findByText('2 errors, 1 warning')).toBeInTheDocument();
  });

  it('says the record is internal on 403', async () => {
    renderForEntity(
      <LintProblemsCard revisionId="r2" />,
      mockApi({
        getRevisionLint: jest.fn(async () => Promise.reject(forbidden())),
      }),
    );
    expect(await screen.findByText(INTERNAL_RECORD_TITLE)).toBeInTheDocument();
  });
});
