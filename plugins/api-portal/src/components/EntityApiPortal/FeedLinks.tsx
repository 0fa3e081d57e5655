import { Link } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Box, Typography } from '@material-ui/core';
import RssFeedIcon from '@material-ui/icons/RssFeed';
import useAsync from 'react-use/esm/useAsync';
import { apiPortalApiRef } from '../../api';

/** The RSS and Atom feeds of the family's changelog. */
export function FeedLinks(props: { family: string }) {
  const api = useApi(apiPortalApiRef);
  const { value } = useAsync(
    () => api.getFeedUrls(props.family),
    [api, props.family],
  );
  if (!value) return null;
  return (
    <Box display="flex" alignItems="center" style={{ gap: 8 }}>
      <RssFeedIcon fontSize="small" />
      <Typography variant="body2">
        Follow the changelog: <Link to={value.rss}>RSS</Link> ·{' '}
        <Link to={value.atom}>Atom</Link>
      </Typography>
    </Box>
  );
}
