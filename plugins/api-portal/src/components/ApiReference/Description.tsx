import { MarkdownContent } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { makeStyles, Theme } from '@material-ui/core/styles';
import { markdownLinkUri } from './SafeLink';

const useStyles = makeStyles((theme: Theme) => ({
  markdown: {
    '& p': { margin: theme.spacing(0.5, 0) },
    '& p:first-child': { marginTop: 0 },
    '& p:last-child': { marginBottom: 0 },
    fontSize: theme.typography.body2.fontSize,
    color: theme.palette.text.secondary,
  },
  summary: {
    fontSize: theme.typography.subtitle1.fontSize,
    color: theme.palette.text.primary,
  },
}));

// Plain prose is most descriptions; it skips the markdown parser
const MARKUP = /[[\]*_`<#|]|\n\s*\n|^\s*[-+]\s/m;

/**
 * A description from the API definition: markdown, or plain text. The
 * summary variant is the larger first line of an operation.
 */
export function Description(props: {
  text?: string;
  variant?: 'summary' | 'description';
}) {
  const classes = useStyles();
  const { text, variant = 'description' } = props;
  if (!text || text.trim().length === 0) {
    return null;
  }
  const summary = variant === 'summary';
  if (!MARKUP.test(text)) {
    return (
      <Typography
        variant={summary ? 'subtitle1' : 'body2'}
        color={summary ? 'textPrimary' : 'textSecondary'}
        component="p"
      >
        {text}
      </Typography>
    );
  }
  return (
    <MarkdownContent
      content={text}
      transformLinkUri={markdownLinkUri}
      className={`${classes.markdown} ${summary ? classes.summary : ''}`}
    />
  );
}
