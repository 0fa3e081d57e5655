import { FormEvent, useId, useMemo, useRef, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import {
  EntityControlRecord,
  EVIDENCE_RESULTS,
  EvidenceItem,
  EvidenceResult,
} from '@readiness/plugin-compliance-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import CircularProgress from '@material-ui/core/CircularProgress';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormHelperText from '@material-ui/core/FormHelperText';
import FormLabel from '@material-ui/core/FormLabel';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles, Theme } from '@material-ui/core/styles';
import { complianceApiRef } from '../../api';
import { toLocalInput } from '../format';
import { RESULT_LABEL } from '../states';
import {
  backendMessage,
  checkFiling,
  FilingDraft,
  FilingProblems,
  filingOf,
  SubmissionKeys,
} from './filing';

const useStyles = makeStyles((theme: Theme) => ({
  controls: {
    maxHeight: 220,
    overflowY: 'auto',
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
    padding: theme.spacing(0, 1),
    marginTop: theme.spacing(1),
  },
  framework: { marginTop: theme.spacing(1) },
  control: { display: 'flex', marginRight: 0 },
  controlId: { fontFamily: 'monospace', marginRight: theme.spacing(1) },
  times: {
    display: 'grid',
    gridTemplateColumns: '1fr 1fr 1fr',
    gap: theme.spacing(2),
  },
  refusal: {
    padding: theme.spacing(1.5),
    marginTop: theme.spacing(2),
    borderRadius: theme.shape.borderRadius,
    border: `1px solid ${theme.palette.error.main}`,
    color: theme.palette.error.main,
    whiteSpace: 'pre-wrap',
  },
}));

function emptyDraft(controls: string[]): FilingDraft {
  return {
    controls,
    title: '',
    description: '',
    link: '',
    collected: toLocalInput(new Date()),
    expires: '',
    result: 'satisfied',
  };
}

/**
 * The "File evidence" form: the controls it is for, what it is, where to
 * look at it, when it was collected and until when it counts, and its
 * result. Checked here first; a filing the backend refuses shows the
 * backend's words next to the form.
 */
export function FileEvidenceDialog(props: {
  entityRef: string;
  /** The controls evidence may be filed for (those that apply). */
  controls: EntityControlRecord[];
  /** The controls ticked when the form opens. */
  initialControls: string[];
  onClose: () => void;
  onFiled: (item: EvidenceItem) => void;
}) {
  const classes = useStyles();
  const api = useApi(complianceApiRef);
  const [draft, setDraft] = useState(() => emptyDraft(props.initialControls));
  const [problems, setProblems] = useState<FilingProblems>({});
  const [refusal, setRefusal] = useState<string>();
  const [sending, setSending] = useState(false);
  const [find, setFind] = useState('');
  const keys = useRef(new SubmissionKeys());
  // Labels name their fields through ids, for screen readers
  const id = useId();

  const byFramework = useMemo(() => {
    const text = find.trim().toLocaleLowerCase();
    const groups = new Map<string, EntityControlRecord[]>();
    for (const control of props.controls) {
      const shown =
        text === '' ||
        draft.controls.includes(control.control) ||
        `${control.control} ${control.title}`
          .toLocaleLowerCase()
          .includes(text);
      if (!shown) continue;
      groups.set(control.framework, [
        ...(groups.get(control.framework) ?? []),
        control,
      ]);
    }
    return [...groups.entries()];
  }, [props.controls, find, draft.controls]);

  const set = <K extends keyof FilingDraft>(key: K, value: FilingDraft[K]) => {
    setDraft(previous => ({ ...previous, [key]: value }));
    // A field changed since the last check is not wrong until checked again
    setProblems(previous => ({ ...previous, [key]: undefined }));
  };

  const toggle = (control: string, on: boolean) =>
    set(
      'controls',
      on
        ? [...draft.controls, control]
        : draft.controls.filter(c => c !== control),
    );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = checkFiling(draft, new Date());
    setProblems(found);
    setRefusal(undefined);
    if (Object.keys(found).length > 0) return;
    const filing = filingOf(draft, props.entityRef);
    setSending(true);
    try {
      const filed = await api.fileEvidence({
        ...filing,
        idempotencyKey: keys.current.keyFor(filing),
      });
      props.onFiled(filed.item);
    } catch (e) {
      setRefusal(backendMessage(e as Error));
      setSending(false);
    }
  };

  return (
    <Dialog
      open
      onClose={sending ? undefined : props.onClose}
      maxWidth="md"
      fullWidth
      aria-labelledby="compliance-file-evidence-title"
    >
      <form onSubmit={submit} noValidate aria-label="File evidence">
        <DialogTitle id="compliance-file-evidence-title">
          File evidence
        </DialogTitle>
        <DialogContent>
          <FormControl
            component="fieldset"
            error={!!problems.controls}
            fullWidth
          >
            <FormLabel component="legend">
              Controls it is for ({draft.controls.length} chosen)
            </FormLabel>
            <TextField
              id={`${id}-find`}
              label="Find a control"
              value={find}
              onChange={e => setFind(e.target.value)}
              size="small"
              margin="dense"
            />
            <Box className={classes.controls}>
              {byFramework.map(([framework, controls]) => (
                <Box key={framework} className={classes.framework}>
                  <Typography variant="overline">{framework}</Typography>
                  {controls.map(control => (
                    <FormControlLabel
                      key={control.control}
                      className={classes.control}
                      control={
                        <Checkbox
                          size="small"
                          checked={draft.controls.includes(control.control)}
                          onChange={e =>
                            toggle(control.control, e.target.checked)
                          }
                          inputProps={{
                            'aria-label': `${control.control} ${control.title}`,
                          }}
                        />
                      }
                      label={
                        <Typography variant="body2">
                          <span className={classes.controlId}>
                            {control.control}
                          </span>
                          {control.title}
                        </Typography>
                      }
                    />
                  ))}
                </Box>
              ))}
              {byFramework.length === 0 && (
                <Typography variant="body2" color="textSecondary">
                  No control matches "{find}"
                </Typography>
              )}
            </Box>
            {problems.controls && (
              <FormHelperText>{problems.controls}</FormHelperText>
            )}
          </FormControl>
          <TextField
            id={`${id}-title`}
            label="Title"
            required
            fullWidth
            margin="normal"
            value={draft.title}
            onChange={e => set('title', e.target.value)}
            error={!!problems.title}
            helperText={
              problems.title ?? 'What it is, e.g. "Access review Q4 2026"'
            }
          />
          <TextField
            id={`${id}-description`}
            label="Description"
            fullWidth
            multiline
            minRows={2}
            margin="normal"
            value={draft.description}
            onChange={e => set('description', e.target.value)}
            error={!!problems.description}
            helperText={problems.description}
          />
          <TextField
            id={`${id}-link`}
            label="Link"
            fullWidth
            margin="normal"
            type="url"
            value={draft.link}
            onChange={e => set('link', e.target.value)}
            error={!!problems.link}
            helperText={
              problems.link ?? 'Where it can be looked at (http or https)'
            }
          />
          <Box className={classes.times}>
            <TextField
              id={`${id}-collected`}
              label="Collected"
              required
              type="datetime-local"
              margin="normal"
              InputLabelProps={{ shrink: true }}
              value={draft.collected}
              onChange={e => set('collected', e.target.value)}
              error={!!problems.collected}
              helperText={problems.collected ?? 'When what it shows was true'}
            />
            <TextField
              id={`${id}-expires`}
              label="Expires"
              type="datetime-local"
              margin="normal"
              InputLabelProps={{ shrink: true }}
              value={draft.expires}
              onChange={e => set('expires', e.target.value)}
              error={!!problems.expires}
              helperText={
                problems.expires ??
                'Empty: the shortest validity of its controls'
              }
            />
            <TextField
              id={`${id}-result`}
              label="Result"
              select
              margin="normal"
              SelectProps={{ native: true }}
              InputLabelProps={{ shrink: true }}
              value={draft.result}
              onChange={e => set('result', e.target.value as EvidenceResult)}
              helperText="What it says about the controls"
            >
              {EVIDENCE_RESULTS.map(result => (
                <option key={result} value={result}>
                  {RESULT_LABEL[result]}
                </option>
              ))}
            </TextField>
          </Box>
          {refusal && (
            <Typography
              role="alert"
              variant="body2"
              className={classes.refusal}
            >
              The portal refused the filing: {refusal}
            </Typography>
          )}
        </DialogContent>
        <DialogActions>
          {sending && <CircularProgress size={20} aria-label="Filing" />}
          <Button onClick={props.onClose} disabled={sending}>
            Cancel
          </Button>
          <Button
            type="submit"
            color="primary"
            variant="contained"
            disabled={sending}
          >
            File evidence
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
