import { MenuItem, TextField } from '@material-ui/core';
import { FamilyVersion } from '@readiness/plugin-api-portal-common';

/** The family's versions; picking one opens that version's entity. */
export function VersionPicker(props: {
  versions: FamilyVersion[];
  entityRef: string;
  onPick: (version: FamilyVersion) => void;
}) {
  const { versions, entityRef, onPick } = props;
  // One entry per version: the entity's current revision stands for it.
  const choices = versions.filter(v => v.current);
  const picked = choices.find(v => v.entityRef === entityRef);
  return (
    <TextField
      select
      label="Version"
      variant="outlined"
      size="small"
      value={picked?.version ?? ''}
      inputProps={{ 'aria-label': 'Version' }}
      onChange={event => {
        const next = choices.find(v => v.version === event.target.value);
        if (next && next.entityRef !== entityRef) onPick(next);
      }}
    >
      {choices.map(v => (
        <MenuItem key={v.entityRef} value={v.version}>
          {v.version}
          {v.latest ? ' (latest)' : ''}
        </MenuItem>
      ))}
    </TextField>
  );
}
