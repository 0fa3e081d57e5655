import { useMemo, useState } from 'react';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { makeStyles, Theme } from '@material-ui/core/styles';
import { JsonValue } from './model/json';
import { ExampleView } from './model/operationView';

const useStyles = makeStyles((theme: Theme) => ({
  example: { marginTop: theme.spacing(1) },
  code: {
    margin: theme.spacing(0.5, 0, 0),
    padding: theme.spacing(1),
    maxHeight: 400,
    overflow: 'auto',
    fontFamily: 'monospace',
    fontSize: theme.typography.caption.fontSize,
    backgroundColor: theme.palette.action.hover,
    borderRadius: theme.shape.borderRadius,
    whiteSpace: 'pre',
  },
}));

// Long examples (some are hundreds of kilobytes) are cut until asked for
const SHOWN_CHARACTERS = 8_000;

function exampleText(value: JsonValue | undefined): string {
  if (typeof value === 'string') {
    return value;
  }
  return JSON.stringify(value, null, 2) ?? '';
}

/** One example value, pretty-printed. */
export function ExampleBlock(props: { example: ExampleView }) {
  const classes = useStyles();
  const { example } = props;
  const [full, setFull] = useState(false);
  const text = useMemo(() => exampleText(example.value), [example.value]);
  const cut = !full && text.length > SHOWN_CHARACTERS;
  return (
    <div className={classes.example}>
      <Typography variant="caption" component="p">
        {example.name}
        {example.summary ? ` — ${example.summary}` : ''}
      </Typography>
      {example.externalValue ? (
        <Typography variant="body2">
          Example at {example.externalValue}
        </Typography>
      ) : (
        // a scrollable block must be reachable by keyboard to be scrolled
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        <pre className={classes.code} tabIndex={0} aria-label={example.name}>
          {cut ? `${text.slice(0, SHOWN_CHARACTERS)}\n…` : text}
        </pre>
      )}
      {cut && (
        <Button size="small" onClick={() => setFull(true)}>
          Show the whole example ({Math.round(text.length / 1024)} KB)
        </Button>
      )}
    </div>
  );
}
