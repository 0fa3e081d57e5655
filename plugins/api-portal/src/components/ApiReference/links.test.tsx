import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/test-utils';
import { ApiReference } from './ApiReference';

/** URLs a definition may carry that must never become a link. */
const UNSAFE_URLS = [
  // eslint-disable-next-line no-script-url
  'javascript:alert(document.cookie)',
  // eslint-disable-next-line no-script-url
  'JavaScript:alert(1)',
  '  javascript:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  '//evil.example/docs',
  '/relative/docs',
];

/** Every link in the page whose address is not http(s) or mailto. */
function unsafeLinks(): string[] {
  return Array.from(document.querySelectorAll('a'))
    .map(a => a.getAttribute('href'))
    .filter((href): href is string => href !== null)
    .filter(href => !/^(https?:\/\/|mailto:)/.test(href));
}

function definition(options: {
  info?: Record<string, unknown>;
  externalDocs?: Record<string, unknown>;
  operation?: Record<string, unknown>;
}) {
  return {
    openapi: '3.0.3',
    info: { title: 'Ledger', version: '1', ...options.info },
    ...(options.externalDocs && { externalDocs: options.externalDocs }),
    paths: {
      '/accounts': {
        get: {
          operationId: 'listAccounts',
          summary: 'List accounts',
          responses: { '200': { description: 'ok' } },
          ...options.operation,
        },
      },
    },
  };
}

async function openAccounts() {
  await userEvent.click(
    within(await screen.findByRole('list', { name: 'Operations' })).getByRole(
      'button',
      { name: /^GET \/accounts/ },
    ),
  );
  return screen.getByRole('region', { name: 'Operation details' });
}

describe('links from an API definition', () => {
  it.each(UNSAFE_URLS)(
    'shows an operation’s externalDocs %j as plain text',
    async url => {
      await renderInTestApp(
        <ApiReference
          definition={definition({
            operation: {
              externalDocs: { url, description: 'Ledger guide' },
            },
          })}
        />,
      );
      const details = await openAccounts();
      expect(within(details).getByText('Ledger guide')).toBeInTheDocument();
      expect(
        within(details).queryByRole('link', { name: 'Ledger guide' }),
      ).not.toBeInTheDocument();
      expect(unsafeLinks()).toEqual([]);
    },
  );

  it('links an operation’s http(s) externalDocs', async () => {
    await renderInTestApp(
      <ApiReference
        definition={definition({
          operation: {
            externalDocs: { url: 'https://docs.example.com/ledger' },
          },
        })}
      />,
    );
    const details = await openAccounts();
    expect(
      within(details).getByRole('link', { name: 'More documentation' }),
    ).toHaveAttribute('href', 'https://docs.example.com/ledger');
  });

  it.each(UNSAFE_URLS)(
    'shows terms, contact, license and externalDocs of the API at %j as plain text',
    async url => {
      await renderInTestApp(
        <ApiReference
          definition={definition({
            info: {
              termsOfService: url,
              contact: { name: 'Ledger team', url, email: url },
              license: { name: 'Ledger licence', url },
            },
            externalDocs: { url, description: 'Ledger handbook' },
          })}
        />,
      );
      const about = await screen.findByRole('region', {
        name: 'About this API',
      });
      for (const text of [
        'Terms of service',
        'Ledger team',
        'Ledger licence',
        'Ledger handbook',
      ]) {
        expect(within(about).getByText(text)).toBeInTheDocument();
        expect(
          within(about).queryByRole('link', { name: text }),
        ).not.toBeInTheDocument();
      }
      expect(unsafeLinks()).toEqual([]);
    },
  );

  it('links terms, contact, its email, license and externalDocs of the API when they are http(s)', async () => {
    await renderInTestApp(
      <ApiReference
        definition={definition({
          info: {
            termsOfService: 'https://example.com/terms',
            contact: {
              name: 'Ledger team',
              url: 'https://example.com/team',
              email: 'ledger@example.com',
            },
            license: { name: 'Apache 2.0', url: 'http://example.com/license' },
          },
          externalDocs: { url: 'https://example.com/handbook' },
        })}
      />,
    );
    const about = await screen.findByRole('region', {
      name: 'About this API',
    });
    const link = (name: string) => within(about).getByRole('link', { name });
    expect(link('Terms of service')).toHaveAttribute(
      'href',
      'https://example.com/terms',
    );
    expect(link('Ledger team')).toHaveAttribute(
      'href',
      'https://example.com/team',
    );
    expect(link('ledger@example.com')).toHaveAttribute(
      'href',
      'mailto:ledger@example.com',
    );
    expect(link('Apache 2.0')).toHaveAttribute(
      'href',
      'http://example.com/license',
    );
    expect(link('More documentation')).toHaveAttribute(
      'href',
      'https://example.com/handbook',
    );
  });

  it('renders no link of a markdown or HTML description that is not http(s) or mailto', async () => {
    const description = [
      'See [the guide](javascript:alert(1)) and [data](data:text/html,x),',
      '<a href="javascript:alert(2)">raw HTML</a>,',
      '[the docs](https://docs.example.com/ledger) and',
      '[write to us](mailto:ledger@example.com).',
      '',
      'Second paragraph.',
    ].join('\n');
    await renderInTestApp(
      <ApiReference
        definition={definition({
          info: { description },
          operation: { description },
        })}
      />,
    );
    expect(
      await screen.findByRole('link', { name: /^the docs/ }),
    ).toHaveAttribute('href', 'https://docs.example.com/ledger');
    expect(screen.getByRole('link', { name: /^write to us/ })).toHaveAttribute(
      'href',
      'mailto:ledger@example.com',
    );
    expect(screen.getByText(/the guide/)).toBeInTheDocument();
    expect(unsafeLinks()).toEqual([]);

    const details = await openAccounts();
    await waitFor(() =>
      expect(
        within(details).getByRole('link', { name: /^the docs/ }),
      ).toBeInTheDocument(),
    );
    expect(
      within(details).queryByRole('link', { name: /the guide/ }),
    ).not.toBeInTheDocument();
    expect(
      within(details).queryByRole('link', { name: /raw HTML/ }),
    ).not.toBeInTheDocument();
    expect(unsafeLinks()).toEqual([]);
  });
});
