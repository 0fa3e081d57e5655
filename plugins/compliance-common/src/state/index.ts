export {
  addDuration,
  controlState,
  expiryOf,
  type ControlState,
  type ControlStateVerdict,
  type EvidenceResult,
  type EvidenceStanding,
} from './controlState';
