import { Theme } from '@material-ui/core/styles';

/**
 * How the portal's charts draw their axes and grid in the theme: tick text
 * in the secondary text colour, axis and grid lines in the divider colour.
 *
 * @public
 */
export function chartStyle(theme: Theme) {
  const axis = {
    tick: { fill: theme.palette.text.secondary, fontSize: 12 },
    stroke: theme.palette.divider,
  };
  return {
    axis,
    grid: { strokeDasharray: '3 3', stroke: theme.palette.divider },
  };
}
