import { makeStyles, Theme } from '@material-ui/core/styles';
import type { HttpMethod } from '@readiness/plugin-api-portal-common';

function colored(theme: Theme, color: string) {
  return {
    color: theme.palette.getContrastText(color),
    backgroundColor: color,
  };
}

const useStyles = makeStyles((theme: Theme) => ({
  chip: {
    display: 'inline-block',
    minWidth: '4.5em',
    padding: theme.spacing(0.25, 0.75),
    borderRadius: theme.shape.borderRadius,
    fontFamily: 'monospace',
    fontSize: '0.75rem',
    fontWeight: theme.typography.fontWeightBold as number,
    textAlign: 'center',
    textTransform: 'uppercase',
    lineHeight: 1.6,
    flexShrink: 0,
    ...colored(theme, theme.palette.grey[600]),
  },
  get: colored(theme, theme.palette.info.dark),
  post: colored(theme, theme.palette.success.dark),
  put: colored(theme, theme.palette.warning.dark),
  patch: colored(theme, theme.palette.warning.dark),
  delete: colored(theme, theme.palette.error.dark),
}));

type ColoredMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

function isColored(method: HttpMethod): method is ColoredMethod {
  return ['get', 'post', 'put', 'patch', 'delete'].includes(method);
}

/** The HTTP method of an operation, coloured by what it does. */
export function MethodChip(props: { method: HttpMethod }) {
  const classes = useStyles();
  const { method } = props;
  return (
    <span
      className={
        isColored(method) ? `${classes.chip} ${classes[method]}` : classes.chip
      }
    >
      {method.toUpperCase()}
    </span>
  );
}
