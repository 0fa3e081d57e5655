/*
 * The operations, grouped, in a windowed list: only the rows in view are
 * rendered, whatever the size of the document. Arrow keys move between
 * operations (one tab stop for the whole list); Enter opens one.
 */
import {
  CSSProperties,
  ForwardedRef,
  forwardRef,
  HTMLAttributes,
  KeyboardEvent,
  memo,
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import { ListChildComponentProps, VariableSizeList } from 'react-window';
import Typography from '@material-ui/core/Typography';
import { makeStyles, Theme } from '@material-ui/core/styles';
import SearchIcon from '@material-ui/icons/Search';
import { MethodChip } from './MethodChip';
import {
  filterGroups,
  OperationEntry,
  OperationGroup,
} from './model/operations';

const GROUP_ROW_HEIGHT = 36;
const OPERATION_ROW_HEIGHT = 52;

const useStyles = makeStyles((theme: Theme) => ({
  // a native input drawn like an outlined text field: the list's first paint
  // needs none of the text field's components (and their select and menu)
  filter: { marginBottom: theme.spacing(1) },
  filterLabel: {
    display: 'block',
    marginBottom: theme.spacing(0.5),
    color: theme.palette.text.secondary,
    fontFamily: theme.typography.fontFamily,
    fontSize: theme.typography.caption.fontSize,
  },
  filterField: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    padding: theme.spacing(0, 1.5),
    border: `1px solid ${
      theme.palette.type === 'light'
        ? 'rgba(0, 0, 0, 0.23)'
        : 'rgba(255, 255, 255, 0.23)'
    }`,
    borderRadius: theme.shape.borderRadius,
    backgroundColor: theme.palette.background.paper,
    color: theme.palette.text.secondary,
    '&:hover': { borderColor: theme.palette.text.primary },
    '&:focus-within': {
      borderColor: theme.palette.primary.main,
      boxShadow: `inset 0 0 0 1px ${theme.palette.primary.main}`,
    },
  },
  filterInput: {
    flex: 1,
    minWidth: 0,
    padding: theme.spacing(1.25, 0),
    border: 'none',
    outline: 'none',
    background: 'none',
    color: theme.palette.text.primary,
    font: 'inherit',
    fontFamily: theme.typography.fontFamily,
    fontSize: theme.typography.body1.fontSize,
    '&::placeholder': { color: theme.palette.text.secondary, opacity: 0.7 },
  },
  count: {
    color: theme.palette.text.secondary,
    margin: theme.spacing(0, 0, 1),
  },
  frame: {
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
  },
  group: {
    display: 'flex',
    alignItems: 'flex-end',
    justifyContent: 'space-between',
    padding: theme.spacing(0, 1.5, 0.5),
    boxSizing: 'border-box',
    borderBottom: `1px solid ${theme.palette.divider}`,
  },
  groupName: {
    margin: 0,
    fontFamily: theme.typography.fontFamily,
    fontSize: theme.typography.body2.fontSize,
    fontWeight: theme.typography.fontWeightBold as number,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  groupCount: {
    color: theme.palette.text.secondary,
    fontSize: theme.typography.caption.fontSize,
  },
  operation: {
    display: 'block',
    width: '100%',
    height: '100%',
    boxSizing: 'border-box',
    padding: theme.spacing(0.75, 1.5),
    border: 'none',
    borderLeft: '3px solid transparent',
    background: 'none',
    color: theme.palette.text.primary,
    font: 'inherit',
    textAlign: 'left',
    cursor: 'pointer',
    '&:hover': { backgroundColor: theme.palette.action.hover },
    '&:focus-visible': {
      outline: `2px solid ${theme.palette.primary.main}`,
      outlineOffset: -2,
    },
  },
  selected: {
    backgroundColor: theme.palette.action.selected,
    borderLeftColor: theme.palette.primary.main,
  },
  line: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    overflow: 'hidden',
  },
  path: {
    fontFamily: 'monospace',
    fontSize: theme.typography.body2.fontSize,
    lineHeight: 1.5,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  deprecated: { textDecoration: 'line-through' },
  summary: {
    display: 'block',
    marginTop: 2,
    color: theme.palette.text.secondary,
    fontSize: theme.typography.caption.fontSize,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  empty: { padding: theme.spacing(2) },
}));

type Classes = ReturnType<typeof useStyles>;

type Row =
  | { type: 'group'; group: OperationGroup }
  | { type: 'operation'; entry: OperationEntry };

interface RowData {
  rows: Row[];
  selectedKey?: string;
  focusIndex: number;
  classes: Classes;
  onOpen: (index: number) => void;
  onKeyDown: (event: KeyboardEvent<HTMLButtonElement>) => void;
}

function OperationListRow(props: ListChildComponentProps<RowData>) {
  const { index, style, data } = props;
  const { rows, selectedKey, focusIndex, classes, onOpen, onKeyDown } = data;
  const row = rows[index];
  if (row.type === 'group') {
    return (
      <li style={style as CSSProperties} className={classes.group}>
        <h3 className={classes.groupName}>{row.group.name}</h3>
        <span className={classes.groupCount}>
          {row.group.operations.length}
        </span>
      </li>
    );
  }
  const { entry } = row;
  const selected = entry.key === selectedKey;
  return (
    <li style={style as CSSProperties}>
      <button
        type="button"
        data-index={index}
        tabIndex={index === focusIndex ? 0 : -1}
        aria-current={selected ? 'true' : undefined}
        className={
          selected
            ? `${classes.operation} ${classes.selected}`
            : classes.operation
        }
        onClick={() => onOpen(index)}
        onKeyDown={onKeyDown}
        aria-label={`${entry.method.toUpperCase()} ${entry.path}${
          entry.summary ? ` — ${entry.summary}` : ''
        }${entry.deprecated ? ' (deprecated)' : ''}`}
      >
        <span className={classes.line}>
          <MethodChip method={entry.method} />
          <span
            className={
              entry.deprecated
                ? `${classes.path} ${classes.deprecated}`
                : classes.path
            }
          >
            {entry.path}
          </span>
        </span>
        <span className={classes.summary}>
          {entry.summary ?? entry.operationId ?? ''}
        </span>
      </button>
    </li>
  );
}

const ListRow = memo(OperationListRow);

function OperationRowList(
  props: HTMLAttributes<HTMLUListElement>,
  ref: ForwardedRef<HTMLUListElement>,
) {
  return (
    <ul
      ref={ref}
      aria-label="Operations"
      {...props}
      style={{ ...props.style, margin: 0, padding: 0, listStyle: 'none' }}
    />
  );
}

const OperationRows = forwardRef(OperationRowList);

function rowsOf(groups: OperationGroup[]): Row[] {
  const rows: Row[] = [];
  for (const group of groups) {
    rows.push({ type: 'group', group });
    for (const entry of group.operations) {
      rows.push({ type: 'operation', entry });
    }
  }
  return rows;
}

export interface OperationListProps {
  groups: OperationGroup[];
  /** How many operations the document has. */
  total: number;
  selectedKey?: string;
  onSelect: (entry: OperationEntry) => void;
  height: number;
}

/** A filter box over a windowed list of the operations, by group. */
export function OperationList(props: OperationListProps) {
  const classes = useStyles();
  const { groups, total, selectedKey, onSelect, height } = props;
  const filterId = useId();
  const [query, setQuery] = useState('');
  const filtered = useMemo(() => filterGroups(groups, query), [groups, query]);
  const rows = useMemo(() => rowsOf(filtered), [filtered]);
  const shown = useMemo(
    () =>
      new Set(
        rows.flatMap(row => (row.type === 'operation' ? [row.entry.key] : [])),
      ).size,
    [rows],
  );
  const listRef = useRef<VariableSizeList<RowData>>(null);
  const frameRef = useRef<HTMLDivElement>(null);
  const [focusIndex, setFocusIndex] = useState(1);
  // each request moves focus once, even to the row that already has it
  const [focusRequest, setFocusRequest] = useState(0);
  const focusPending = useRef(false);

  const firstOperation = rows.findIndex(row => row.type === 'operation');
  const focusable =
    rows[focusIndex]?.type === 'operation' ? focusIndex : firstOperation;

  useEffect(() => {
    listRef.current?.resetAfterIndex(0);
    listRef.current?.scrollTo(0);
  }, [rows]);

  useEffect(() => {
    if (!focusPending.current) {
      return undefined;
    }
    let frame = 0;
    let tries = 0;
    const attempt = () => {
      const button = frameRef.current?.querySelector<HTMLElement>(
        `[data-index="${focusable}"]`,
      );
      if (button) {
        focusPending.current = false;
        button.focus();
      } else if (tries++ < 10) {
        frame = requestAnimationFrame(attempt);
      }
    };
    attempt();
    return () => cancelAnimationFrame(frame);
  }, [focusable, focusRequest]);

  const moveFocus = useCallback((index: number) => {
    focusPending.current = true;
    setFocusIndex(index);
    setFocusRequest(request => request + 1);
    listRef.current?.scrollToItem(index);
  }, []);

  const onOpen = useCallback(
    (index: number) => {
      const row = rows[index];
      if (row?.type === 'operation') {
        setFocusIndex(index);
        onSelect(row.entry);
      }
    },
    [rows, onSelect],
  );

  // Stable between renders that change none of its inputs, so the memoized
  // rows skip re-rendering while the list only scrolls.
  const onListKeyDown = useCallback(
    (event: KeyboardEvent<HTMLButtonElement>) => {
      /** The nearest operation row after (or before) `from`; else the focused. */
      const nextOperation = (from: number, step: 1 | -1): number => {
        for (let i = from + step; i >= 0 && i < rows.length; i += step) {
          if (rows[i].type === 'operation') {
            return i;
          }
        }
        return focusable;
      };
      const page = Math.max(1, Math.floor(height / OPERATION_ROW_HEIGHT) - 1);
      let target: number | undefined;
      switch (event.key) {
        case 'ArrowDown':
          target = nextOperation(focusable, 1);
          break;
        case 'ArrowUp':
          target = nextOperation(focusable, -1);
          break;
        case 'Home':
          target = firstOperation;
          break;
        case 'End':
          target = nextOperation(rows.length, -1);
          break;
        case 'PageDown':
          target = nextOperation(
            Math.min(rows.length - 1, focusable + page) - 1,
            1,
          );
          break;
        case 'PageUp':
          target = nextOperation(Math.max(0, focusable - page) + 1, -1);
          break;
        default:
          return;
      }
      event.preventDefault();
      moveFocus(target);
    },
    [rows, focusable, firstOperation, height, moveFocus],
  );

  const onFilterKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' && firstOperation >= 0) {
      event.preventDefault();
      moveFocus(firstOperation);
    } else if (event.key === 'Enter' && firstOperation >= 0) {
      event.preventDefault();
      onOpen(firstOperation);
    }
  };

  const itemData = useMemo<RowData>(
    () => ({
      rows,
      selectedKey,
      focusIndex: focusable,
      classes,
      onOpen,
      onKeyDown: onListKeyDown,
    }),
    [rows, selectedKey, focusable, classes, onOpen, onListKeyDown],
  );

  return (
    <>
      <div className={classes.filter}>
        <label htmlFor={filterId} className={classes.filterLabel}>
          Filter operations
        </label>
        <div className={classes.filterField}>
          <SearchIcon fontSize="small" aria-hidden="true" />
          <input
            id={filterId}
            type="text"
            className={classes.filterInput}
            placeholder="Method, path, summary or tag"
            value={query}
            onChange={event => setQuery(event.target.value)}
            onKeyDown={onFilterKeyDown}
          />
        </div>
      </div>
      <Typography
        variant="caption"
        component="p"
        className={classes.count}
        aria-live="polite"
      >
        {shown === total
          ? `${total} ${total === 1 ? 'operation' : 'operations'}`
          : `${shown} of ${total} operations`}
      </Typography>
      <div className={classes.frame} ref={frameRef}>
        {rows.length === 0 ? (
          <Typography variant="body2" className={classes.empty}>
            {query
              ? `No operation matches “${query}”.`
              : 'This definition has no operations.'}
          </Typography>
        ) : (
          <VariableSizeList<RowData>
            ref={listRef}
            height={Math.min(height, rows.length * OPERATION_ROW_HEIGHT)}
            width="100%"
            itemCount={rows.length}
            itemData={itemData}
            itemSize={index =>
              rows[index].type === 'group'
                ? GROUP_ROW_HEIGHT
                : OPERATION_ROW_HEIGHT
            }
            estimatedItemSize={OPERATION_ROW_HEIGHT}
            innerElementType={OperationRows}
            overscanCount={6}
            itemKey={index => {
              const row = rows[index];
              return row.type === 'group'
                ? `group ${row.group.name}`
                : `${row.entry.key} in ${index}`;
            }}
          >
            {ListRow}
          </VariableSizeList>
        )}
      </div>
    </>
  );
}
