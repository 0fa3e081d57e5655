import { FormEvent, useId, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { EvidenceItem } from '@readiness/plugin-compliance-common';
import Button from '@material-ui/core/Button';
import CircularProgress from '@material-ui/core/CircularProgress';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { complianceApiRef } from '../../api';
import { backendMessage, checkReason, MAX_REASON } from './filing';

/**
 * Takes an evidence item out of counting, with a reason. Nothing is
 * deleted: the item stays listed, struck, with its reason.
 */
export function WithdrawEvidenceDialog(props: {
  item: EvidenceItem;
  onClose: () => void;
  onWithdrawn: (item: EvidenceItem) => void;
}) {
  const api = useApi(complianceApiRef);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string>();
  const [refusal, setRefusal] = useState<string>();
  const [sending, setSending] = useState(false);
  const id = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = checkReason(reason);
    setProblem(found);
    setRefusal(undefined);
    if (found) return;
    setSending(true);
    try {
      const withdrawn = await api.withdrawEvidence(props.item.id, {
        reason: reason.trim(),
      });
      props.onWithdrawn(withdrawn.item);
    } catch (e) {
      setRefusal(backendMessage(e as Error));
      setSending(false);
    }
  };

  return (
    <Dialog
      open
      onClose={sending ? undefined : props.onClose}
      maxWidth="sm"
      fullWidth
      aria-labelledby="compliance-withdraw-title"
    >
      <form onSubmit={submit} noValidate aria-label="Withdraw evidence">
        <DialogTitle id="compliance-withdraw-title">
          Withdraw evidence
        </DialogTitle>
        <DialogContent>
          <DialogContentText>
            "{props.item.title}" will count for no control from now on. It stays
            on record, struck, with the reason you give.
          </DialogContentText>
          <TextField
            id={`${id}-reason`}
            label="Reason"
            required
            fullWidth
            multiline
            minRows={3}
            value={reason}
            onChange={e => setReason(e.target.value)}
            error={!!problem}
            helperText={
              problem ??
              `Why it no longer counts (10 to ${MAX_REASON} characters)`
            }
          />
          {refusal && (
            <Typography role="alert" variant="body2" color="error">
              The portal refused the withdrawal: {refusal}
            </Typography>
          )}
        </DialogContent>
        <DialogActions>
          {sending && <CircularProgress size={20} aria-label="Withdrawing" />}
          <Button onClick={props.onClose} disabled={sending}>
            Cancel
          </Button>
          <Button
            type="submit"
            color="secondary"
            variant="contained"
            disabled={sending}
          >
            Withdraw
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
