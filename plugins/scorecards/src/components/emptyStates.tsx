import { EmptyState, Link } from '@backstage/core-components';
import { plural } from '@readiness/portal-react';
import { DOCS } from './docs';

/** What the record says for an entity none of the checks applies to. */
export function NoCheckApplies(props: { kind: string }) {
  return (
    <EmptyState
      missing="field"
      title="No check applies to this entity"
      description={`Each check of scorecards/checks/ chooses the entities it applies to by kind, type, lifecycle and tags (its appliesTo), and none chooses this ${props.kind}. It has no level and no score until a check does: give the entity the type or lifecycle the checks expect, or add a check that applies to it.`}
      action={<Link to={DOCS.noCheckApplies}>How checks choose entities</Link>}
    />
  );
}

/** What the record says before any fact its checks read is known. */
export function NotScoredYet(props: { applicable: number }) {
  return (
    <EmptyState
      missing="data"
      title="No scorecard yet"
      description={`${plural(
        props.applicable,
        'check applies',
        'checks apply',
      )} to this entity, but none of the facts they read is known yet. The scorecards backend scores every entity shortly after it starts and every night, and at once when a family or a pipeline reports new facts; the level and the score show after that.`}
      action={
        <Link to={DOCS.notScoredYet}>How an entity gets its scorecard</Link>
      }
    />
  );
}
