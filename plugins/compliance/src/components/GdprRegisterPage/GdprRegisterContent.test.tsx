import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GdprRegister } from '@readiness/plugin-compliance-common';
import { forbidden, mockApi, renderPage } from '../../__testUtils__/compliance';
import { GdprRegisterContent } from './GdprRegisterContent';

const register: GdprRegister = {
  asOf: '2026-12-01T09:00:00.000Z',
  catalogAsOf: '2026-12-01T08:59:00.000Z',
  entries: [
    {
      entityRef: 'component:default/assistant',
      title: 'Assistant',
      owner: 'group:default/team-conversations',
      file: './gdpr.yaml',
      record: {
        role: 'controller',
        activities: [
          {
            id: 'answer-questions',
            purposes: ['answer'],
            lawfulBasis: 'contract',
            dataSubjects: ['users'],
            categories: [{ name: 'health', special: true }],
          },
        ],
        processors: [{ name: 'Language model provider', categories: [] }],
        recipients: [],
        transfers: [],
        flows: [],
      },
      problems: [],
      findings: [
        {
          kind: 'processor-without-dpa',
          subject: 'Language model provider',
          message: 'Language model provider: the record names no DPA',
        },
      ],
    },
    {
      entityRef: 'component:default/broken',
      title: 'Broken',
      owner: '',
      file: './gdpr.yaml',
      problems: [
        { file: './gdpr.yaml', path: '/spec', message: 'is required' },
      ],
      findings: [],
    },
  ],
};

describe('GdprRegisterContent', () => {
  it('lists every record with its findings and problems', async () => {
    renderPage(
      <GdprRegisterContent />,
      mockApi({ getGdprRegister: jest.fn(async () => register) }),
    );
    const table = await screen.findByRole('table', {
      name: 'Records of processing',
    });
    const [, assistant, broken] = within(table).getAllByRole('row');
    expect(assistant).toHaveTextContent(
      'Assistantteam-conversationscontrolleranswer-questionsContract (Art. 6(1)(b))yesLanguage model provider',
    );
    expect(assistant).toHaveTextContent(
      'Language model provider: the record names no DPA',
    );
    expect(broken).toHaveTextContent('1 problem in ./gdpr.yaml');
    expect(screen.getByTestId('gdpr-register-totals')).toHaveTextContent(
      '2 records · 1 finding',
    );
  });

  it('downloads the register as CSV', async () => {
    const createObjectURL = jest.fn(() => 'blob:register');
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => {});
    const api = mockApi({
      getGdprRegister: jest.fn(async () => register),
      getGdprRegisterCsv: jest.fn(async () => 'entity\r\n'),
    });
    renderPage(<GdprRegisterContent />, api);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Download CSV' }),
    );
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(api.getGdprRegisterCsv).toHaveBeenCalledTimes(1);
    expect(createObjectURL).toHaveBeenCalledWith(expect.any(Blob));
    expect(revokeObjectURL).toHaveBeenCalledWith('blob:register');
    click.mockRestore();
  });

  it('tells how to add a record when none of the caller’s entities has one', async () => {
    renderPage(
      <GdprRegisterContent />,
      mockApi({
        getGdprRegister: jest.fn(async () => ({ ...register, entries: [] })),
      }),
    );
    expect(
      await screen.findByText(
        'None of your entities has a record of processing',
      ),
    ).toBeInTheDocument();
  });

  it('says the register is internal to a caller who is refused', async () => {
    renderPage(
      <GdprRegisterContent />,
      mockApi({
        getGdprRegister: jest.fn(async () => {
          throw forbidden();
        }),
      }),
    );
    expect(
      await screen.findByText('The GDPR register is internal'),
    ).toBeInTheDocument();
  });
});
