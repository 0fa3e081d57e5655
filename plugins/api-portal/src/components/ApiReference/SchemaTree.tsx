/*
 * A schema as nested disclosure lists. A node computes its children only when
 * opened, and a reference back to one of its ancestors is shown as circular,
 * so neither a large nor a cyclic schema is walked ahead of the reader.
 */
import { useId, useMemo, useState } from 'react';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { makeStyles, Theme } from '@material-ui/core/styles';
import ChevronRightIcon from '@material-ui/icons/ChevronRight';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import type { RefResolver } from '@readiness/plugin-api-portal-common';
import { Description } from './Description';
import { isJsonObject, JsonValue } from './model/json';
import {
  SchemaChild,
  schemaChildren,
  SchemaSummary,
  summarizeSchema,
} from './model/schema';

const PAGE = 50;
const SHOWN_ENUM_VALUES = 24;

const useStyles = makeStyles((theme: Theme) => ({
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
  },
  nested: {
    listStyle: 'none',
    margin: theme.spacing(0.5, 0, 0, 1.25),
    padding: theme.spacing(0, 0, 0, 1.5),
    borderLeft: `1px solid ${theme.palette.divider}`,
  },
  node: {
    padding: theme.spacing(0.75, 0),
    borderBottom: `1px solid ${theme.palette.divider}`,
    '&:last-child': { borderBottom: 'none' },
  },
  line: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1),
  },
  toggle: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    padding: 0,
    border: 'none',
    background: 'none',
    color: 'inherit',
    font: 'inherit',
    cursor: 'pointer',
    textAlign: 'left',
    borderRadius: theme.shape.borderRadius,
    '&:focus-visible': {
      outline: `2px solid ${theme.palette.primary.main}`,
      outlineOffset: 2,
    },
    '&:hover $name': { textDecoration: 'underline' },
  },
  icon: { fontSize: '1.1rem', color: theme.palette.text.secondary },
  spacer: { display: 'inline-block', width: '1.1rem' },
  name: {
    fontFamily: 'monospace',
    fontWeight: theme.typography.fontWeightBold as number,
    wordBreak: 'break-all',
  },
  type: {
    fontFamily: 'monospace',
    color: theme.palette.text.secondary,
    fontSize: theme.typography.caption.fontSize,
  },
  required: {
    color: theme.palette.error.main,
    fontSize: theme.typography.caption.fontSize,
  },
  tag: {
    fontSize: theme.typography.caption.fontSize,
    color: theme.palette.text.secondary,
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
    padding: theme.spacing(0, 0.5),
  },
  body: { marginLeft: theme.spacing(3.5), marginTop: theme.spacing(0.25) },
  facts: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(0.5),
    marginTop: theme.spacing(0.25),
  },
  value: {
    fontFamily: 'monospace',
    fontSize: theme.typography.caption.fontSize,
    backgroundColor: theme.palette.action.hover,
    borderRadius: theme.shape.borderRadius,
    padding: theme.spacing(0, 0.5),
    wordBreak: 'break-all',
  },
  problem: {
    color: theme.palette.warning.dark,
    fontSize: theme.typography.caption.fontSize,
  },
}));

function valueText(value: JsonValue): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function SchemaFacts(props: { summary: SchemaSummary }) {
  const classes = useStyles();
  const { summary } = props;
  const values = summary.enumValues ?? [];
  const example = summary.example;
  const showExample =
    example !== undefined && !isJsonObject(example) && !Array.isArray(example);
  if (summary.facts.length === 0 && values.length === 0 && !showExample) {
    return null;
  }
  return (
    <div className={classes.facts}>
      {summary.facts.map(fact => (
        <span key={fact} className={classes.tag}>
          {fact}
        </span>
      ))}
      {values.length > 0 && (
        <Typography variant="caption" component="span">
          one of:
        </Typography>
      )}
      {values.slice(0, SHOWN_ENUM_VALUES).map((value, index) => (
        <code key={index} className={classes.value}>
          {valueText(value)}
        </code>
      ))}
      {values.length > SHOWN_ENUM_VALUES && (
        <Typography variant="caption" component="span">
          and {values.length - SHOWN_ENUM_VALUES} more
        </Typography>
      )}
      {showExample && (
        <Typography variant="caption" component="span">
          example: <code className={classes.value}>{valueText(example)}</code>
        </Typography>
      )}
    </div>
  );
}

function SchemaTags(props: {
  summary: SchemaSummary;
  required: boolean;
  circular: boolean;
}) {
  const classes = useStyles();
  const { summary, required, circular } = props;
  return (
    <>
      {required && <span className={classes.required}>required</span>}
      {summary.nullable && <span className={classes.tag}>nullable</span>}
      {summary.readOnly && <span className={classes.tag}>read-only</span>}
      {summary.writeOnly && <span className={classes.tag}>write-only</span>}
      {summary.deprecated && <span className={classes.tag}>deprecated</span>}
      {circular && (
        <span className={classes.tag}>
          circular reference to {summary.refName ?? 'an enclosing schema'}
        </span>
      )}
      {summary.problem && (
        <span className={classes.problem}>{summary.problem}</span>
      )}
    </>
  );
}

interface NodeListProps {
  id?: string;
  resolver: RefResolver;
  nodes: SchemaChild[];
  ancestors: readonly string[];
  nested: boolean;
}

function SchemaNodeList(props: NodeListProps) {
  const classes = useStyles();
  const { id, resolver, nodes, ancestors, nested } = props;
  const [shown, setShown] = useState(PAGE);
  const rest = nodes.length - shown;
  return (
    <ul id={id} className={nested ? classes.nested : classes.list}>
      {nodes.slice(0, shown).map((node, index) => (
        <SchemaNode
          key={`${node.kind} ${node.name} ${index}`}
          resolver={resolver}
          node={node}
          ancestors={ancestors}
        />
      ))}
      {rest > 0 && (
        <li className={classes.node}>
          <Button size="small" onClick={() => setShown(shown + PAGE)}>
            Show {Math.min(rest, PAGE)} more of {rest}
          </Button>
        </li>
      )}
    </ul>
  );
}

interface SchemaNodeProps {
  resolver: RefResolver;
  node: SchemaChild;
  ancestors: readonly string[];
  /** Replaces the schema's own description (a parameter's, a header's). */
  description?: string;
}

/** One property, variant or item of a schema, opened on demand. */
export function SchemaNode(props: SchemaNodeProps) {
  const classes = useStyles();
  const { resolver, node, ancestors, description } = props;
  const [open, setOpen] = useState(false);
  const groupId = useId();
  const summary = useMemo(
    () => summarizeSchema(resolver, node.schema),
    [resolver, node.schema],
  );
  const circular =
    summary.refs.some(ref => ancestors.includes(ref)) ||
    (summary.itemsRef !== undefined && ancestors.includes(summary.itemsRef));
  const expandable = summary.expandable && !circular;
  const children = useMemo(
    () => (open && expandable ? schemaChildren(resolver, summary) : undefined),
    [open, expandable, resolver, summary],
  );
  const label = (
    <>
      <span className={classes.name}>{node.name}</span>
      <span className={classes.type}>{summary.typeLabel}</span>
    </>
  );
  return (
    <li className={classes.node}>
      <div className={classes.line}>
        {expandable ? (
          <button
            type="button"
            className={classes.toggle}
            aria-expanded={open}
            aria-controls={open ? groupId : undefined}
            onClick={() => setOpen(!open)}
          >
            {open ? (
              <ExpandMoreIcon className={classes.icon} aria-hidden />
            ) : (
              <ChevronRightIcon className={classes.icon} aria-hidden />
            )}
            {label}
          </button>
        ) : (
          <span className={classes.line}>
            <span className={classes.spacer} />
            {label}
          </span>
        )}
        <SchemaTags
          summary={summary}
          required={node.required}
          circular={circular}
        />
      </div>
      <div className={classes.body}>
        <Description text={description ?? summary.description} />
        <SchemaFacts summary={summary} />
      </div>
      {children && (
        <SchemaNodeList
          id={groupId}
          resolver={resolver}
          nodes={children.children}
          ancestors={[...ancestors, ...summary.refs, ...children.refs]}
          nested
        />
      )}
    </li>
  );
}

export interface SchemaTreeProps {
  resolver: RefResolver;
  schema: JsonValue | undefined;
  /** Names the tree for assistive technology, e.g. "Request body schema". */
  label: string;
}

/** A schema with its first level open and everything deeper on demand. */
export function SchemaTree(props: SchemaTreeProps) {
  const classes = useStyles();
  const { resolver, schema, label } = props;
  const summary = useMemo(
    () => summarizeSchema(resolver, schema),
    [resolver, schema],
  );
  const children = useMemo(
    () =>
      summary.expandable
        ? schemaChildren(resolver, summary)
        : { children: [], refs: [] },
    [resolver, summary],
  );
  return (
    <div role="group" aria-label={label}>
      <div className={classes.line}>
        <span className={classes.type}>
          {summary.refName ? `${summary.refName}: ` : ''}
          {summary.typeLabel}
        </span>
        <SchemaTags summary={summary} required={false} circular={false} />
      </div>
      <Description text={summary.description} />
      <SchemaFacts summary={summary} />
      {children.children.length > 0 && (
        <SchemaNodeList
          resolver={resolver}
          nodes={children.children}
          ancestors={[...summary.refs, ...children.refs]}
          nested={false}
        />
      )}
    </div>
  );
}
