import { makeStyles } from '@material-ui/core';
import { LogoIcon } from './LogoIcon';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    alignItems: 'center',
    gap: 10,
    color: '#7df3e1',
    whiteSpace: 'nowrap',
  },
  name: {
    fontSize: 17,
    fontWeight: 700,
    lineHeight: 1.1,
    letterSpacing: 0.2,
  },
});

/** The product mark with its name, for the open sidebar. */
export const LogoFull = () => {
  const classes = useStyles();
  return (
    <div className={classes.root}>
      <LogoIcon />
      <span className={classes.name}>Readiness Portal</span>
    </div>
  );
};
