export {
  addDuration,
  controlStanding,
  controlState,
  stateAt,
  type ControlStanding,
  expiryOf,
  type ControlState,
  type ControlStateVerdict,
  type EvidenceResult,
  type EvidenceStanding,
} from './controlState';
