import {
  EmptyState,
  InfoCard,
  Link,
  Progress,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  Box,
  Chip,
  List,
  ListItem,
  ListItemText,
  Typography,
} from '@material-ui/core';
import { LintProblem, RevisionLint } from '@readiness/plugin-api-portal-common';
import { plural } from '@readiness/portal-react';
import useAsync from 'react-use/esm/useAsync';
import { apiPortalApiRef } from '../../api';
import { PortalErrorPanel } from './PortalErrorPanel';

type RuleGroup = {
  ruleId: string;
  severity: string;
  documentationUrl?: string;
  problems: LintProblem[];
};

/** Problems by rule, errors first, as the rule list of the lint says. */
export function groupProblemsByRule(lint: RevisionLint): RuleGroup[] {
  const groups = new Map<string, RuleGroup>();
  for (const rule of lint.rules) {
    groups.set(rule.ruleId, { ...rule, problems: [] });
  }
  for (const problem of lint.problems) {
    const group = groups.get(problem.ruleId) ?? {
      ruleId: problem.ruleId,
      severity: problem.severity,
      documentationUrl: problem.documentationUrl,
      problems: [],
    };
    group.problems.push(problem);
    groups.set(problem.ruleId, group);
  }
  const rank = (severity: string) => (severity === 'error' ? 0 : 1);
  return [...groups.values()].sort(
    (a, b) =>
      rank(a.severity) - rank(b.severity) || a.ruleId.localeCompare(b.ruleId),
  );
}

function SeverityChip(props: { severity: string }) {
  const error = props.severity === 'error';
  return (
    <Chip
      size="small"
      label={error ? 'error' : 'warning'}
      color={error ? 'secondary' : 'default'}
    />
  );
}

function location(problem: LintProblem): string | undefined {
  const parts = [];
  if (problem.line !== undefined) {
    parts.push(
      `line ${problem.line}${
        problem.column !== undefined ? `:${problem.column}` : ''
      }`,
    );
  }
  if (problem.pointer) parts.push(problem.pointer);
  return parts.length ? parts.join(' · ') : undefined;
}

/** What the linter found in one revision of the definition. */
export function LintProblemsView(props: { lint: RevisionLint }) {
  const { lint } = props;
  if (lint.status === 'not-linted') {
    return (
      <EmptyState
        missing="data"
        title="Not linted yet"
        description="The api-portal backend lints each new definition after it collects it; the rules are set by api-portal.lint.configPath (redocly.yaml)."
      />
    );
  }
  if (lint.status !== 'ok') {
    return (
      <Typography color="error">
        Lint {lint.status}: {lint.statusMessage ?? 'no message'}
      </Typography>
    );
  }
  const groups = groupProblemsByRule(lint);
  if (groups.length === 0) {
    return <Typography>No lint problems in this definition.</Typography>;
  }
  return (
    <>
      <Typography variant="body2" gutterBottom>
        {`${plural(lint.totals.errors, 'error')}, ${plural(
          lint.totals.warnings,
          'warning',
        )}`}
      </Typography>
      {groups.map(group => (
        <Box
          key={group.ruleId}
          mb={2}
          data-testid={`lint-rule-${group.ruleId}`}
        >
          <Box display="flex" alignItems="center" style={{ gap: 8 }}>
            <SeverityChip severity={group.severity} />
            <Typography variant="subtitle2">
              {group.documentationUrl ? (
                <Link to={group.documentationUrl}>{group.ruleId}</Link>
              ) : (
                group.ruleId
              )}
            </Typography>
            <Typography variant="caption">
              {plural(group.problems.length, 'problem')}
            </Typography>
          </Box>
          <List dense disablePadding>
            {group.problems.map((problem, index) => (
              <ListItem key={index}>
                <ListItemText
                  primary={problem.message}
                  secondary={location(problem)}
                />
              </ListItem>
            ))}
          </List>
        </Box>
      ))}
    </>
  );
}

/** The lint problems of a revision, grouped by rule. */
export function LintProblemsCard(props: { revisionId?: string }) {
  const api = useApi(apiPortalApiRef);
  const { revisionId } = props;
  const state = useAsync(
    async () => (revisionId ? api.getRevisionLint(revisionId) : undefined),
    [api, revisionId],
  );
  let content;
  if (!revisionId) {
    content = (
      <EmptyState
        missing="data"
        title="No revision of this definition yet"
        description="The api-portal backend collects API entities on its schedule (every 10 minutes by default); the revision and its lint show here once it has."
      />
    );
  } else if (state.loading) {
    content = <Progress />;
  } else if (state.error) {
    content = <PortalErrorPanel error={state.error} what="lint result" />;
  } else {
    content = <LintProblemsView lint={state.value!} />;
  }
  return <InfoCard title="Lint">{content}</InfoCard>;
}
