import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/test-utils';
import { readCorpusFile } from '@readiness/test-corpus';
import { ApiReference } from './ApiReference';

const ledger = readCorpusFile('openapi', 'formance-ledger', 'v2.yaml').toString(
  'utf8',
);

/** A definition whose schemas refer back to themselves in every way. */
const cyclic = {
  openapi: '3.0.3',
  info: { title: 'Trees', version: '1' },
  paths: {
    '/nodes': {
      post: {
        operationId: 'createNode',
        summary: 'Create a node',
        requestBody: {
          content: {
            'application/json': {
              schema: { $ref: '#/components/schemas/Node' },
            },
          },
        },
        responses: {
          '201': {
            description: 'Created',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/Loop' },
              },
            },
          },
        },
      },
    },
  },
  components: {
    schemas: {
      Node: {
        type: 'object',
        required: ['name'],
        properties: {
          name: { type: 'string' },
          parent: { $ref: '#/components/schemas/Node' },
          children: {
            type: 'array',
            items: { $ref: '#/components/schemas/Node' },
          },
          extended: { $ref: '#/components/schemas/Extended' },
        },
      },
      Extended: {
        allOf: [
          { $ref: '#/components/schemas/Node' },
          { $ref: '#/components/schemas/Extended' },
          { type: 'object', properties: { depth: { type: 'integer' } } },
        ],
      },
      Loop: { $ref: '#/components/schemas/Loop2' },
      Loop2: { $ref: '#/components/schemas/Loop' },
    },
  },
};

async function renderReference(definition: string | object) {
  await renderInTestApp(
    <ApiReference
      definition={definition}
      apiDocsLink={<a href="/api-docs/ledger">Open in API docs</a>}
    />,
  );
}

function operationList() {
  return screen.getByRole('list', { name: 'Operations' });
}

async function openOperation(name: RegExp) {
  await userEvent.click(within(operationList()).getByRole('button', { name }));
  return screen.getByRole('region', { name: 'Operation details' });
}

describe('ApiReference', () => {
  it('lists the operations of a corpus definition by tag, rendering only the rows in view', async () => {
    await renderReference(ledger);
    expect(
      await screen.findByRole('heading', { level: 2, name: 'Ledger API' }),
    ).toBeInTheDocument();
    expect(screen.getByText('version v2 · OpenAPI 3.0')).toBeInTheDocument();
    expect(screen.getByText('45 operations')).toBeInTheDocument();
    const list = operationList();
    expect(
      within(list).getByRole('heading', { level: 3, name: 'ledger' }),
    ).toBeInTheDocument();
    expect(
      within(list).getByRole('button', {
        name: 'GET /_/info — Show server information',
      }),
    ).toBeInTheDocument();
    // a windowed list: the 45 operations are not all in the document
    const rendered = within(list).getAllByRole('button').length;
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(45);
    expect(
      screen.getByRole('link', { name: 'Open in API docs' }),
    ).toHaveAttribute('href', '/api-docs/ledger');
  });

  it('filters operations by every word typed, across path, summary and tag', async () => {
    await renderReference(ledger);
    const filter = await screen.findByRole('textbox', {
      name: 'Filter operations',
    });
    await userEvent.type(filter, 'transactions metadata');
    expect(screen.getByText('2 of 45 operations')).toBeInTheDocument();
    const buttons = within(operationList()).getAllByRole('button');
    expect(buttons.map(button => button.getAttribute('aria-label'))).toEqual([
      'POST /v2/{ledger}/transactions/{id}/metadata — Set the metadata of a transaction by its ID',
      'DELETE /v2/{ledger}/transactions/{id}/metadata/{key} — Delete metadata by key',
    ]);

    await userEvent.clear(filter);
    await userEvent.type(filter, 'no such thing');
    expect(
      screen.getByText('No operation matches “no such thing”.'),
    ).toBeInTheDocument();
  });

  it('opens an operation with its parameters, request body, responses and security', async () => {
    await renderReference(ledger);
    await screen.findByText('45 operations');
    await userEvent.type(
      screen.getByRole('textbox', { name: 'Filter operations' }),
      'v2CreateTransaction',
    );
    const details = await openOperation(
      /^POST \/v2\/\{ledger\}\/transactions — /,
    );

    expect(
      within(details).getByRole('heading', {
        level: 3,
        name: 'POST /v2/{ledger}/transactions',
      }),
    ).toBeInTheDocument();
    expect(
      within(details).getByText('Create a new transaction to a ledger'),
    ).toBeInTheDocument();

    const parameters = within(details).getByRole('region', {
      name: 'Parameters',
    });
    expect(
      within(parameters).getByRole('heading', { name: 'Path parameters' }),
    ).toBeInTheDocument();
    expect(within(parameters).getByText('ledger')).toBeInTheDocument();
    expect(within(parameters).getByText('dryRun')).toBeInTheDocument();
    expect(within(parameters).getByText('Idempotency-Key')).toBeInTheDocument();
    expect(
      within(parameters).getByText(
        'Disable balance checks when passing postings',
      ),
    ).toBeInTheDocument();

    const body = within(details).getByRole('group', {
      name: 'Request body schema (application/json)',
    });
    expect(
      within(body).getByText(/^V2PostTransaction: object/),
    ).toBeInTheDocument();
    expect(
      within(body).getByRole('button', { name: /^postings/ }),
    ).toHaveAttribute('aria-expanded', 'false');
    // nested schemas open on demand
    await userEvent.click(
      within(body).getByRole('button', { name: /^postings/ }),
    );
    expect(within(body).getByText('destination')).toBeInTheDocument();

    const responses = within(details).getByRole('region', {
      name: 'Responses',
    });
    expect(
      within(responses).getByRole('button', { name: /^200 OK/ }),
    ).toHaveAttribute('aria-expanded', 'true');
    expect(within(responses).getByText('Idempotency-Hit')).toBeInTheDocument();
    const failure = within(responses).getByRole('button', {
      name: /^default Error/,
    });
    expect(failure).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(failure);
    expect(
      within(responses).getByRole('group', {
        name: 'Response default schema (application/json)',
      }),
    ).toHaveTextContent('errorCode');

    expect(
      within(details).getByText(
        'Authorization (OAuth 2.0; scopes: ledger:write)',
      ),
    ).toBeInTheDocument();
  });

  it('moves through operations with the arrow keys and opens one with Enter', async () => {
    await renderReference(ledger);
    const filter = await screen.findByRole('textbox', {
      name: 'Filter operations',
    });
    await userEvent.click(filter);
    await userEvent.keyboard('{ArrowDown}');
    await waitFor(() =>
      expect(
        within(operationList()).getByRole('button', {
          name: 'GET /_/info — Show server information',
        }),
      ).toHaveFocus(),
    );
    await userEvent.keyboard('{ArrowDown}');
    await waitFor(() =>
      expect(
        within(operationList()).getByRole('button', {
          name: 'GET /_/metrics — Read in memory metrics',
        }),
      ).toHaveFocus(),
    );
    await userEvent.keyboard('{Enter}');
    expect(
      within(
        screen.getByRole('region', { name: 'Operation details' }),
      ).getByRole('heading', { level: 3, name: 'GET /_/metrics' }),
    ).toBeInTheDocument();
    expect(
      within(operationList()).getByRole('button', {
        name: 'GET /_/metrics — Read in memory metrics',
      }),
    ).toHaveAttribute('aria-current', 'true');
  });

  it('shows references back to an enclosing schema as circular instead of expanding them', async () => {
    await renderReference(cyclic);
    await screen.findByText('1 operation');
    const details = await openOperation(/^POST \/nodes/);
    const body = within(details).getByRole('group', {
      name: 'Request body schema (application/json)',
    });
    expect(within(body).getByText('Node: object')).toBeInTheDocument();
    expect(
      within(body).getByText('circular reference to Node', {
        exact: false,
      }),
    ).toBeInTheDocument();
    // `parent` and `children` point back at Node: nothing to open
    expect(
      within(body).queryByRole('button', { name: /^parent/ }),
    ).not.toBeInTheDocument();
    expect(
      within(body).queryByRole('button', { name: /^children/ }),
    ).not.toBeInTheDocument();
    // allOf that includes itself and its parent merges what it can
    await userEvent.click(
      within(body).getByRole('button', { name: /^extended/ }),
    );
    expect(within(body).getByText('depth')).toBeInTheDocument();

    const responses = within(details).getByRole('region', {
      name: 'Responses',
    });
    expect(within(responses).getByText(/refers to itself/)).toBeInTheDocument();
  });

  it('reads Swagger 2.0 definitions, with body parameters as the request body', async () => {
    await renderReference(
      readCorpusFile('openapi', 'harbor', 'swagger.yaml').toString('utf8'),
    );
    expect(await screen.findByText('203 operations')).toBeInTheDocument();
    expect(screen.getByText(/Swagger 2\.0/)).toBeInTheDocument();
    await userEvent.type(
      screen.getByRole('textbox', { name: 'Filter operations' }),
      'post /ldap/ping',
    );
    const details = await openOperation(/^POST \/ldap\/ping/);
    expect(
      within(details).getByRole('region', { name: /^Request body/ }),
    ).toBeInTheDocument();
    expect(
      within(details).getByRole('group', {
        name: 'Request body schema (application/json)',
      }),
    ).toHaveTextContent('LdapConf');
  });

  it('shows why a definition that cannot be read is not shown', async () => {
    await renderReference('openapi: 3.0.0\npaths: [unclosed');
    expect(
      await screen.findByText(/This API definition cannot be shown/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/neither valid JSON nor valid YAML/),
    ).toBeInTheDocument();
  });

  it('says when a document is no OpenAPI definition', async () => {
    await renderReference({ asyncapi: '2.6.0', channels: {} });
    expect(
      await screen.findByText(/This API definition cannot be shown/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/neither an "openapi" nor a "swagger" field/),
    ).toBeInTheDocument();
  });
});
