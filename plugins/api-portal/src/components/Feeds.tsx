import { Link } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Box, Typography } from '@material-ui/core';
import RssFeedIcon from '@material-ui/icons/RssFeed';
import { FeedUrls } from '@readiness/plugin-api-portal-common';
import useAsync from 'react-use/esm/useAsync';
import { apiPortalApiRef } from '../api';

/** The RSS and Atom links of a changelog, after an optional label. */
export function Feeds(props: { feeds: FeedUrls; label?: string }) {
  const { feeds, label } = props;
  return (
    <Box display="flex" alignItems="center" style={{ gap: 4 }}>
      <RssFeedIcon fontSize="small" />
      <Typography variant="body2" component="span">
        {label}
        <Link to={feeds.rss}>RSS</Link> · <Link to={feeds.atom}>Atom</Link>
      </Typography>
    </Box>
  );
}

/**
 * The feeds of one family's changelog, or of every family's when no family
 * is given; nothing until the backend says where they are.
 */
export function ChangelogFeeds(props: { family?: string; label: string }) {
  const api = useApi(apiPortalApiRef);
  const { family, label } = props;
  const { value } = useAsync(() => api.getFeedUrls(family), [api, family]);
  if (!value) return null;
  return <Feeds feeds={value} label={label} />;
}
