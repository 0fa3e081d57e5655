import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';
import { MarkdownContent } from '@backstage/core-components';

const content = `
The portal turns every catalog entity page into the **readiness record** of a
service: its API contract, its performance against its SLOs, its
recoverability and its compliance evidence.

- **[Catalog](/catalog)**: the sample document-to-filing platform, nine
  services with their APIs, teams and resources.
- **[APIs](/api-docs)**: every API version; \`ledger\` and \`filings\` have a
  v1 and a v2 with a breaking change between them.
- **[Docs](/docs/default/system/readiness-portal)**: how to feed the portal,
  runbooks, DR drills, the partner tenant and the architecture decisions.

Partners see only what is published to them: sign out and choose
*Partner guest* to see their view.
`;

const gettingStartedWidget = HomePageWidgetBlueprint.make({
  name: 'getting-started',
  params: {
    name: 'GettingStarted',
    title: 'Readiness Portal',
    description: 'What the portal holds and where to start',
    components: async () => ({
      Content: () => <MarkdownContent content={content} />,
    }),
  },
});

export const homeModule = createFrontendModule({
  pluginId: 'home',
  extensions: [gettingStartedWidget],
});
