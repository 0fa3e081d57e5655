import { ReactNode, useId, useMemo, useState } from 'react';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import Typography from '@material-ui/core/Typography';
import { makeStyles, Theme } from '@material-ui/core/styles';
import ChevronRightIcon from '@material-ui/icons/ChevronRight';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import type { RefResolver } from '@readiness/plugin-api-portal-common';
import { Description } from './Description';
import { SafeLink } from './SafeLink';
import { ExampleBlock } from './ExampleBlock';
import { MethodChip } from './MethodChip';
import { SchemaNode, SchemaTree } from './SchemaTree';
import { ApiDocument } from './model/document';
import {
  MediaTypeView,
  OperationView,
  ParameterView,
  readOperation,
  ResponseView,
  SecurityRequirementView,
} from './model/operationView';
import { OperationEntry } from './model/operations';

const useStyles = makeStyles((theme: Theme) => ({
  heading: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
    margin: 0,
    fontSize: theme.typography.h6.fontSize,
    fontWeight: theme.typography.h6.fontWeight,
    outline: 'none',
  },
  path: { fontFamily: 'monospace', wordBreak: 'break-all' },
  deprecated: {
    fontSize: theme.typography.caption.fontSize,
    color: theme.palette.warning.dark,
    border: `1px solid ${theme.palette.warning.dark}`,
    borderRadius: theme.shape.borderRadius,
    padding: theme.spacing(0, 0.5),
  },
  meta: { color: theme.palette.text.secondary, marginTop: theme.spacing(0.5) },
  code: { fontFamily: 'monospace', wordBreak: 'break-all' },
  section: { marginTop: theme.spacing(3) },
  sectionHeading: {
    margin: theme.spacing(0, 0, 1),
    fontSize: theme.typography.subtitle1.fontSize,
    fontWeight: theme.typography.fontWeightBold as number,
  },
  subHeading: {
    margin: theme.spacing(1.5, 0, 0.5),
    fontSize: theme.typography.body2.fontSize,
    fontWeight: theme.typography.fontWeightBold as number,
    color: theme.palette.text.secondary,
  },
  required: {
    color: theme.palette.error.main,
    fontSize: theme.typography.caption.fontSize,
    marginLeft: theme.spacing(1),
  },
  list: { listStyle: 'none', margin: 0, padding: 0 },
  security: { margin: 0, paddingLeft: theme.spacing(2.5) },
  response: {
    borderTop: `1px solid ${theme.palette.divider}`,
    '&:last-child': { borderBottom: `1px solid ${theme.palette.divider}` },
  },
  responseHeading: { margin: 0 },
  responseToggle: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    width: '100%',
    padding: theme.spacing(1, 0),
    border: 'none',
    background: 'none',
    color: 'inherit',
    font: 'inherit',
    fontSize: theme.typography.body2.fontSize,
    textAlign: 'left',
    cursor: 'pointer',
    '&:focus-visible': {
      outline: `2px solid ${theme.palette.primary.main}`,
      outlineOffset: 2,
    },
  },
  status: {
    fontFamily: 'monospace',
    fontWeight: theme.typography.fontWeightBold as number,
  },
  success: { color: theme.palette.success.dark },
  failure: { color: theme.palette.error.dark },
  responseBody: { padding: theme.spacing(0, 0, 2, 3.5) },
  tabs: { minHeight: 32, marginBottom: theme.spacing(1) },
  tab: { minHeight: 32, textTransform: 'none', fontFamily: 'monospace' },
}));

const LOCATIONS: Record<string, string> = {
  path: 'Path parameters',
  query: 'Query parameters',
  header: 'Header parameters',
  cookie: 'Cookie parameters',
};

function Parameters(props: {
  resolver: RefResolver;
  parameters: ParameterView[];
}) {
  const classes = useStyles();
  const { resolver, parameters } = props;
  const locations = [
    ...new Set(parameters.map(parameter => parameter.location)),
  ].sort(
    (a, b) =>
      Object.keys(LOCATIONS).indexOf(a) - Object.keys(LOCATIONS).indexOf(b),
  );
  return (
    <>
      {locations.map(location => (
        <div key={location}>
          <h5 className={classes.subHeading}>
            {LOCATIONS[location] ?? `${location} parameters`}
          </h5>
          <ul className={classes.list}>
            {parameters
              .filter(parameter => parameter.location === location)
              .map(parameter => (
                <SchemaNode
                  key={parameter.name}
                  resolver={resolver}
                  node={{
                    name: parameter.name,
                    kind: 'property',
                    required: parameter.required,
                    schema: parameter.schema ?? {},
                  }}
                  ancestors={[]}
                  description={parameter.description}
                />
              ))}
          </ul>
        </div>
      ))}
    </>
  );
}

function MediaTypes(props: {
  resolver: RefResolver;
  content: MediaTypeView[];
  label: string;
}) {
  const classes = useStyles();
  const { resolver, content, label } = props;
  const [selected, setSelected] = useState(0);
  const media = content[Math.min(selected, content.length - 1)];
  if (!media) {
    return null;
  }
  return (
    <>
      {content.length > 1 ? (
        <Tabs
          value={selected}
          onChange={(_event, value: number) => setSelected(value)}
          aria-label={`${label} media types`}
          indicatorColor="primary"
          variant="scrollable"
          className={classes.tabs}
        >
          {content.map(item => (
            <Tab
              key={item.mediaType}
              label={item.mediaType}
              className={classes.tab}
            />
          ))}
        </Tabs>
      ) : (
        <Typography variant="caption" component="p" className={classes.code}>
          {media.mediaType}
        </Typography>
      )}
      {media.schema !== undefined && (
        <SchemaTree
          key={media.mediaType}
          resolver={resolver}
          schema={media.schema}
          label={`${label} schema (${media.mediaType})`}
        />
      )}
      {media.examples.map(example => (
        <ExampleBlock key={example.name} example={example} />
      ))}
    </>
  );
}

function Response(props: {
  resolver: RefResolver;
  response: ResponseView;
  initiallyOpen: boolean;
}) {
  const classes = useStyles();
  const { resolver, response, initiallyOpen } = props;
  const [open, setOpen] = useState(initiallyOpen);
  const bodyId = useId();
  const success = /^[23]/.test(response.status);
  return (
    <li className={classes.response}>
      <h5 className={classes.responseHeading}>
        <button
          type="button"
          className={classes.responseToggle}
          aria-expanded={open}
          aria-controls={open ? bodyId : undefined}
          onClick={() => setOpen(!open)}
        >
          {open ? (
            <ExpandMoreIcon fontSize="small" aria-hidden />
          ) : (
            <ChevronRightIcon fontSize="small" aria-hidden />
          )}
          <span
            className={`${classes.status} ${
              success ? classes.success : classes.failure
            }`}
          >
            {response.status}
          </span>{' '}
          <span>{response.description ?? ''}</span>
        </button>
      </h5>
      {open && (
        <div id={bodyId} className={classes.responseBody}>
          {response.headers.length > 0 && (
            <>
              <h6 className={classes.subHeading}>Headers</h6>
              <ul className={classes.list}>
                {response.headers.map(header => (
                  <SchemaNode
                    key={header.name}
                    resolver={resolver}
                    node={{
                      name: header.name,
                      kind: 'property',
                      required: header.required,
                      schema: header.schema ?? {},
                    }}
                    ancestors={[]}
                    description={header.description}
                  />
                ))}
              </ul>
            </>
          )}
          {response.content.length > 0 ? (
            <MediaTypes
              resolver={resolver}
              content={response.content}
              label={`Response ${response.status}`}
            />
          ) : (
            <Typography variant="body2" color="textSecondary">
              No response body.
            </Typography>
          )}
        </div>
      )}
    </li>
  );
}

function Security(props: { requirements: SecurityRequirementView[] }) {
  const classes = useStyles();
  const { requirements } = props;
  if (requirements.length === 0 || requirements.every(r => !r.schemes.length)) {
    return <Typography variant="body2">No authentication required.</Typography>;
  }
  return (
    <>
      {requirements.length > 1 && (
        <Typography variant="body2">Any one of:</Typography>
      )}
      <ul className={classes.security}>
        {requirements.map((requirement, index) => (
          <li key={index}>
            <Typography variant="body2" component="span">
              {requirement.schemes.length === 0
                ? 'No authentication'
                : requirement.schemes
                    .map(
                      scheme =>
                        `${scheme.name} (${scheme.kind}${
                          scheme.scopes.length
                            ? `; scopes: ${scheme.scopes.join(', ')}`
                            : ''
                        })`,
                    )
                    .join(' and ')}
            </Typography>
          </li>
        ))}
      </ul>
    </>
  );
}

function OperationSection(props: {
  title: string;
  children: ReactNode;
  extra?: ReactNode;
}) {
  const classes = useStyles();
  const id = useId();
  return (
    <section className={classes.section} aria-labelledby={id}>
      <h4 id={id} className={classes.sectionHeading}>
        {props.title}
        {props.extra}
      </h4>
      {props.children}
    </section>
  );
}

function OperationBody(props: { document: ApiDocument; view: OperationView }) {
  const classes = useStyles();
  const { document, view } = props;
  const { resolver } = document.reader;
  const { entry } = view;
  const firstSuccess = view.responses.findIndex(r => /^2/.test(r.status));
  const openResponse = firstSuccess >= 0 ? firstSuccess : 0;
  return (
    <>
      <h3 className={classes.heading} id={`operation-${entry.key}`}>
        <MethodChip method={entry.method} />{' '}
        <span className={classes.path}>{entry.path}</span>
        {entry.deprecated && (
          <span className={classes.deprecated}>deprecated</span>
        )}
      </h3>
      <Description text={view.summary} variant="summary" />
      <Typography variant="caption" component="p" className={classes.meta}>
        {entry.kind === 'webhook' ? 'Webhook' : 'Operation'}
        {entry.operationId && (
          <>
            {' '}
            <code className={classes.code}>{entry.operationId}</code>
          </>
        )}
        {view.servers[0] && entry.kind === 'path' && (
          <>
            {' · '}
            <code className={classes.code}>
              {view.servers[0].replace(/\/$/, '')}
              {entry.path}
            </code>
          </>
        )}
      </Typography>
      <Description text={view.description} />
      {view.externalDocs && (
        <Typography variant="body2">
          <SafeLink href={view.externalDocs.url}>
            {view.externalDocs.description ?? 'More documentation'}
          </SafeLink>
        </Typography>
      )}
      {view.security && (
        <OperationSection title="Security">
          <Security requirements={view.security} />
        </OperationSection>
      )}
      {view.parameters.length > 0 && (
        <OperationSection title="Parameters">
          <Parameters resolver={resolver} parameters={view.parameters} />
        </OperationSection>
      )}
      {view.requestBody && (
        <OperationSection
          title="Request body"
          extra={
            view.requestBody.required ? (
              <span className={classes.required}>required</span>
            ) : undefined
          }
        >
          <Description text={view.requestBody.description} />
          <MediaTypes
            resolver={resolver}
            content={view.requestBody.content}
            label="Request body"
          />
        </OperationSection>
      )}
      <OperationSection title="Responses">
        {view.responses.length === 0 ? (
          <Typography variant="body2" color="textSecondary">
            The definition lists no responses.
          </Typography>
        ) : (
          <ul className={classes.list}>
            {view.responses.map((response, index) => (
              <Response
                key={response.status}
                resolver={resolver}
                response={response}
                initiallyOpen={index === openResponse}
              />
            ))}
          </ul>
        )}
      </OperationSection>
    </>
  );
}

// Operations read once per document: opening one again costs nothing
const readOperations = new WeakMap<ApiDocument, Map<string, OperationView>>();

function operationView(
  document: ApiDocument,
  entry: OperationEntry,
): OperationView {
  let views = readOperations.get(document);
  if (!views) {
    views = new Map();
    readOperations.set(document, views);
  }
  let view = views.get(entry.key);
  if (!view) {
    view = readOperation(document, entry);
    views.set(entry.key, view);
  }
  return view;
}

/** Everything about one operation, read from the document when opened. */
export interface OperationDetailsProps {
  document: ApiDocument;
  entry: OperationEntry;
}

export function OperationDetails(props: OperationDetailsProps) {
  const { document, entry } = props;
  const view = useMemo(() => operationView(document, entry), [document, entry]);
  return <OperationBody key={entry.key} document={document} view={view} />;
}
