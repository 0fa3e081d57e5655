import { Suspense, useEffect, useState } from 'react';
import Typography from '@material-ui/core/Typography';
import { makeStyles, Theme } from '@material-ui/core/styles';
import { plainText } from './model/operations';
import { LazyMarkdownContent } from './lazyParts';
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

/** A busy page still shows formatted descriptions after this long. */
const IDLE_AT_MOST_MS = 500;

/**
 * False until the browser has painted what was rendered with it and has a
 * moment to spare: each markdown description (and, the first time, the
 * markdown renderer's code) waits for the operation list or the operation's
 * outline to be on screen, and one description's rendering does not hold up
 * another's or the reader's next click.
 */
function useIdleAfterPaint(): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    let idleCallback: number | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      if (typeof window.requestIdleCallback === 'function') {
        idleCallback = window.requestIdleCallback(() => setIdle(true), {
          timeout: IDLE_AT_MOST_MS,
        });
      } else {
        timer = setTimeout(() => setIdle(true), 0);
      }
    });
    return () => {
      cancelAnimationFrame(frame);
      if (idleCallback !== undefined) {
        window.cancelIdleCallback(idleCallback);
      }
      clearTimeout(timer);
    };
  }, []);
  return idle;
}

function PlainDescription(props: { text: string; summary: boolean }) {
  const { text, summary } = props;
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

function MarkdownDescription(props: { text: string; summary: boolean }) {
  const classes = useStyles();
  const { text, summary } = props;
  const idle = useIdleAfterPaint();
  // the same words without their markup (and without links) for a frame
  const plain = <PlainDescription text={plainText(text)} summary={summary} />;
  if (!idle) {
    return plain;
  }
  return (
    <Suspense fallback={plain}>
      <LazyMarkdownContent
        content={text}
        transformLinkUri={markdownLinkUri}
        className={`${classes.markdown} ${summary ? classes.summary : ''}`}
      />
    </Suspense>
  );
}

/**
 * A description from the API definition: markdown, or plain text. The
 * summary variant is the larger first line of an operation.
 */
export function Description(props: {
  text?: string;
  variant?: 'summary' | 'description';
}) {
  const { text, variant = 'description' } = props;
  if (!text || text.trim().length === 0) {
    return null;
  }
  const summary = variant === 'summary';
  return MARKUP.test(text) ? (
    <MarkdownDescription text={text} summary={summary} />
  ) : (
    <PlainDescription text={text} summary={summary} />
  );
}
