import {
  ControlState,
  EvidenceResult,
  EvidenceSource,
} from '@readiness/plugin-compliance-common';
import { useCallback } from 'react';
import { makeStyles, Theme } from '@material-ui/core/styles';
import { Tone, ToneChip, useToneClasses } from '@readiness/portal-react';

/** The states in the order that needs attention first. */
export const STATE_ORDER: ControlState[] = [
  'failing',
  'expired',
  'expiring',
  'missing',
  'fresh',
  'not-applicable',
];

export const STATE_LABEL: Record<ControlState, string> = {
  fresh: 'fresh',
  expiring: 'expiring',
  expired: 'expired',
  failing: 'failing',
  missing: 'missing',
  'not-applicable': 'not applicable',
};

/** What each state means, for tooltips and the docs. */
export const STATE_MEANING: Record<ControlState, string> = {
  fresh:
    'Satisfied by evidence that is valid for longer than the expiry window',
  expiring: 'Satisfied, but the evidence expires within the expiry window',
  expired: 'The newest evidence said satisfied, and it has expired',
  failing: 'The newest evidence that counts says not satisfied',
  missing: 'No evidence counts for this control yet',
  'not-applicable': 'The entity declares the control not applicable',
};

export const SOURCE_LABEL: Record<EvidenceSource, string> = {
  manual: 'filed by hand',
  pipeline: 'pipeline',
  drill: 'DR drill',
  backup: 'backup verification',
  gate: 'release gate',
  'api-lint': 'API lint',
  scorecard: 'scorecard',
  external: 'external system',
};

export const RESULT_LABEL: Record<EvidenceResult, string> = {
  satisfied: 'satisfied',
  'not-satisfied': 'not satisfied',
  informational: 'informational',
};

const STATE_TONE: Record<ControlState, Tone> = {
  fresh: 'ok',
  expiring: 'warning',
  expired: 'error',
  failing: 'error',
  missing: 'missing',
  'not-applicable': 'neutral',
};

const RESULT_TONE: Record<EvidenceResult, Tone> = {
  satisfied: 'ok',
  'not-satisfied': 'error',
  informational: 'neutral',
};

/** The state of a control, coloured by how much it needs attention. */
export function ControlStateChip(props: { state: ControlState }) {
  return (
    <ToneChip
      tone={STATE_TONE[props.state]}
      label={STATE_LABEL[props.state]}
      title={STATE_MEANING[props.state]}
    />
  );
}

const useTagStyles = makeStyles((theme: Theme) => ({
  tag: {
    display: 'inline-block',
    padding: theme.spacing(0, 1),
    borderRadius: 12,
    fontSize: '0.8125rem',
    lineHeight: '22px',
    fontWeight: 500,
    whiteSpace: 'nowrap',
    backgroundColor: theme.palette.action.selected,
  },
}));

/**
 * The class names that draw a control's state as a small tag like
 * ControlStateChip's, for tables with thousands of states (the matrix
 * drill-down): a plain element per cell instead of a component.
 */
export function useStateTagClass(): (state: ControlState) => string {
  const tones = useToneClasses();
  const { tag } = useTagStyles();
  return useCallback(
    (state: ControlState) => `${tag} ${tones[STATE_TONE[state]]}`,
    [tag, tones],
  );
}

/** What an evidence item says about its controls. */
export function EvidenceResultChip(props: { result: EvidenceResult }) {
  return (
    <ToneChip
      tone={RESULT_TONE[props.result]}
      label={RESULT_LABEL[props.result]}
    />
  );
}

/** Counts of controls by state. */
export function countStates(
  states: ControlState[],
): Record<ControlState, number> {
  const counts = Object.fromEntries(
    STATE_ORDER.map(state => [state, 0]),
  ) as Record<ControlState, number>;
  for (const state of states) counts[state] += 1;
  return counts;
}
