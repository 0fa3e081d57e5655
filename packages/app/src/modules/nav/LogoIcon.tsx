import { makeStyles } from '@material-ui/core';

const useStyles = makeStyles({
  svg: {
    width: 'auto',
    height: 28,
  },
});

/** The product mark: a shield with a check, for readiness. */
export const LogoIcon = () => {
  const classes = useStyles();
  return (
    <svg
      className={classes.svg}
      xmlns="http://www.w3.org/2000/svg"
      viewBox="0 0 32 36"
      role="img"
      aria-label="Readiness Portal"
    >
      <path
        d="M16 1 3 6v10c0 8.3 5.5 15.6 13 18 7.5-2.4 13-9.7 13-18V6L16 1Z"
        fill="none"
        stroke="#7df3e1"
        strokeWidth="2.5"
        strokeLinejoin="round"
      />
      <path
        d="m10 18 4.5 4.5L23 13"
        fill="none"
        stroke="#7df3e1"
        strokeWidth="3"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
};
