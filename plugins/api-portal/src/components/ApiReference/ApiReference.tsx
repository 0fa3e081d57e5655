import {
  Component,
  Fragment,
  ReactNode,
  Suspense,
  useCallback,
  useEffect,
  useId,
  useMemo,
  useState,
} from 'react';
import Typography from '@material-ui/core/Typography';
import { makeStyles, Theme } from '@material-ui/core/styles';
import { Description } from './Description';
import { OperationList } from './OperationList';
import type { ApiDialect } from '@readiness/plugin-api-portal-common';
import { ApiDocument } from './model/document';
import {
  arrayField,
  isJsonObject,
  objectField,
  stringField,
} from './model/json';
import {
  LazyOperationDetails,
  LazyWarningPanel,
  preloadLateParts,
} from './lazyParts';
import { mailtoHref, SafeLink } from './SafeLink';
import { groupOperations, OperationEntry } from './model/operations';
import { useApiDocument } from './useApiDocument';

const SPECIFICATIONS: Record<ApiDialect, string> = {
  'swagger-2.0': 'Swagger 2.0',
  'openapi-3.0': 'OpenAPI 3.0',
  'openapi-3.1': 'OpenAPI 3.1',
};

const useStyles = makeStyles((theme: Theme) => ({
  header: {
    display: 'flex',
    alignItems: 'baseline',
    flexWrap: 'wrap',
    gap: theme.spacing(1, 2),
    marginBottom: theme.spacing(2),
  },
  title: { margin: 0 },
  meta: { color: theme.palette.text.secondary },
  link: { marginLeft: 'auto' },
  columns: {
    display: 'grid',
    gridTemplateColumns: 'minmax(280px, 2fr) minmax(0, 3fr)',
    gap: theme.spacing(3),
    alignItems: 'start',
    [theme.breakpoints.down('sm')]: { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  operations: { position: 'sticky', top: theme.spacing(1) },
  details: {
    minWidth: 0,
    padding: theme.spacing(2),
    backgroundColor: theme.palette.background.paper,
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
  },
  servers: { margin: theme.spacing(1, 0), paddingLeft: theme.spacing(2.5) },
  about: { margin: theme.spacing(1, 0) },
  code: { fontFamily: 'monospace', wordBreak: 'break-all' },
}));

/** @public */
export interface ApiReferenceProps {
  /** An OpenAPI 3.x or Swagger 2.0 definition: JSON or YAML text, or parsed. */
  definition: string | object;
  /**
   * Shown in the reference's header and beside an error, e.g. a link to the
   * same definition in api-docs' own view.
   */
  apiDocsLink?: ReactNode;
  /** Height of the operation list in pixels; 640 unless given. */
  listHeight?: number;
}

/**
 * Terms of service, contact, license and further documentation from the
 * definition, each a link only where its address may be one.
 */
function About(props: { document: ApiDocument }) {
  const classes = useStyles();
  const { root } = props.document;
  const info = objectField(root, 'info');
  const contact = objectField(info, 'contact');
  const license = objectField(info, 'license');
  const externalDocs = objectField(root, 'externalDocs');
  const terms = stringField(info, 'termsOfService');
  const contactUrl = stringField(contact, 'url');
  const email = stringField(contact, 'email');
  const items: ReactNode[] = [];
  if (terms) {
    items.push(<SafeLink href={terms}>Terms of service</SafeLink>);
  }
  const name = stringField(contact, 'name');
  const person =
    contactUrl || name ? (
      <SafeLink href={contactUrl}>{name ?? contactUrl}</SafeLink>
    ) : undefined;
  const mail = email ? (
    <SafeLink href={mailtoHref(email)} kind="web-or-mailto">
      {email}
    </SafeLink>
  ) : undefined;
  if (person || mail) {
    items.push(
      <>
        Contact: {person}
        {person && mail && ', '}
        {mail}
      </>,
    );
  }
  if (license) {
    items.push(
      <>
        License:{' '}
        <SafeLink href={stringField(license, 'url')}>
          {stringField(license, 'name') ?? stringField(license, 'url')}
        </SafeLink>
      </>,
    );
  }
  if (externalDocs && stringField(externalDocs, 'url')) {
    items.push(
      <SafeLink href={stringField(externalDocs, 'url')}>
        {stringField(externalDocs, 'description') ?? 'More documentation'}
      </SafeLink>,
    );
  }
  if (items.length === 0) return null;
  return (
    <Typography
      variant="body2"
      component="section"
      aria-label="About this API"
      className={classes.about}
    >
      {items.map((item, i) => (
        <Fragment key={i}>
          {i > 0 && ' · '}
          {item}
        </Fragment>
      ))}
    </Typography>
  );
}

function Overview(props: { document: ApiDocument }) {
  const classes = useStyles();
  const { document } = props;
  const servers = arrayField(document.root, 'servers')
    .map(server =>
      isJsonObject(server) ? stringField(server, 'url') : undefined,
    )
    .filter((url): url is string => Boolean(url));
  return (
    <>
      <Description text={document.description} />
      <About document={document} />
      {servers.length > 0 && (
        <>
          <Typography variant="subtitle2" component="h3">
            Servers
          </Typography>
          <ul className={classes.servers}>
            {servers.map(url => (
              <li key={url}>
                <code className={classes.code}>{url}</code>
              </li>
            ))}
          </ul>
        </>
      )}
      <Typography variant="body2" color="textSecondary">
        Choose an operation to see its parameters, request body, responses and
        security.
      </Typography>
    </>
  );
}

/**
 * A large YAML definition is read section by section as it is shown, so a
 * section that cannot be read fails where it is shown, not the whole page.
 */
class UnreadableSection extends Component<
  { children: ReactNode },
  { error?: Error }
> {
  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  state: { error?: Error } = {};

  render() {
    const { error } = this.state;
    if (error) {
      return (
        <Suspense fallback={null}>
          <LazyWarningPanel
            severity="error"
            title="This part of the API definition cannot be shown"
            message={error.message}
          />
        </Suspense>
      );
    }
    return this.props.children;
  }
}

function ApiReferenceView(props: {
  document: ApiDocument;
  apiDocsLink?: ReactNode;
  listHeight: number;
}) {
  const classes = useStyles();
  const { document, apiDocsLink, listHeight } = props;
  const titleId = useId();
  const groups = useMemo(
    () => groupOperations(document.root, document.operations),
    [document],
  );
  const [selected, setSelected] = useState<OperationEntry>();
  const onSelect = useCallback(
    (entry: OperationEntry) => setSelected(entry),
    [],
  );
  useEffect(() => {
    // the details' code loads once the list is painted, before any click
    const frame = requestAnimationFrame(preloadLateParts);
    return () => cancelAnimationFrame(frame);
  }, []);
  return (
    <section aria-labelledby={titleId}>
      <div className={classes.header}>
        <Typography
          variant="h5"
          component="h2"
          id={titleId}
          className={classes.title}
        >
          {document.title}
        </Typography>
        <Typography variant="body2" component="span" className={classes.meta}>
          {document.version ? `version ${document.version} · ` : ''}
          {SPECIFICATIONS[document.specification]}
        </Typography>
        {apiDocsLink && <span className={classes.link}>{apiDocsLink}</span>}
      </div>
      <div className={classes.columns}>
        <nav aria-label="API operations" className={classes.operations}>
          <OperationList
            groups={groups}
            total={document.operations.length}
            selectedKey={selected?.key}
            onSelect={onSelect}
            height={listHeight}
          />
        </nav>
        <section aria-label="Operation details" className={classes.details}>
          <UnreadableSection key={selected?.key ?? ''}>
            {selected ? (
              <Suspense fallback={null}>
                <LazyOperationDetails document={document} entry={selected} />
              </Suspense>
            ) : (
              <Overview document={document} />
            )}
          </UnreadableSection>
        </section>
      </div>
    </section>
  );
}

/**
 * An API reference that stays responsive on large definitions: operations in
 * a windowed, filterable list; an operation's details and its schemas read
 * from the definition only when opened.
 *
 * @public
 */
export function ApiReference(props: ApiReferenceProps) {
  const { definition, apiDocsLink, listHeight = 640 } = props;
  const state = useApiDocument(definition);
  if (state.status === 'failed') {
    return (
      <Suspense fallback={null}>
        <LazyWarningPanel
          severity="error"
          title="This API definition cannot be shown"
          message={state.error.message}
        >
          {apiDocsLink}
        </LazyWarningPanel>
      </Suspense>
    );
  }
  return (
    <ApiReferenceView
      document={state.document}
      apiDocsLink={apiDocsLink}
      listHeight={listHeight}
    />
  );
}
