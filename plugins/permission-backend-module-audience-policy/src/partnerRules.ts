/*
 * What partners may do, one entry per plugin family: the one place a family
 * registers its partner rules. Each entry names every permission the
 * family's common package exports, imported rather than spelled, with the
 * decision partners get: a condition on the catalog entity the permission is
 * bound to, or an explicit deny. The audience policy reads nothing else for
 * partners, and denies a permission no entry names.
 *
 * A new family adds its `-common` package to this module's dependencies and
 * one entry to PARTNER_RULES. AudiencePermissionPolicy.test.ts fails while a
 * permission exported by any `plugins/*-common` package, or by the Backstage
 * packages named here, has no decision.
 */
import { parseEntityRef } from '@backstage/catalog-model';
import { catalogConditions } from '@backstage/plugin-catalog-backend/alpha';
import {
  catalogEntityCreatePermission,
  catalogEntityDeletePermission,
  catalogEntityReadPermission,
  catalogEntityRefreshPermission,
  catalogEntityValidatePermission,
  catalogIngestionManagePermission,
  catalogIngestionReadPermission,
  catalogLocationAnalyzePermission,
  catalogLocationCreatePermission,
  catalogLocationDeletePermission,
  catalogLocationReadPermission,
} from '@backstage/plugin-catalog-common/alpha';
import {
  Permission,
  PermissionCondition,
  PermissionCriteria,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import { techdocsActionsReadPermission } from '@backstage/plugin-techdocs-common/alpha';
import {
  apiPortalEntityReadPermission,
  apiPortalEntityRefreshPermission,
  apiPortalLintReadPermission,
  apiPortalSdkDownloadPermission,
} from '@readiness/plugin-api-portal-common';
import {
  complianceEntityReadPermission,
  complianceEvidenceFilePermission,
  complianceEvidenceWithdrawPermission,
} from '@readiness/plugin-compliance-common';
import {
  AUDIENCE_ANNOTATION,
  CallerAudience,
  PARTNER_AUDIENCE,
  PARTNER_RELIABILITY_ANNOTATION,
  PUBLISHED,
} from '@readiness/plugin-partner-common';
import {
  partnerAppAdminPermission,
  partnerAppManagePermission,
  partnerEventPushPermission,
  partnerKeyVerifyPermission,
} from '@readiness/plugin-partner-common';
import {
  scorecardsCampaignManagePermission,
  scorecardsEntityReadPermission,
  scorecardsExemptionApprovePermission,
  scorecardsExemptionRequestPermission,
  scorecardsFactsPushPermission,
  scorecardsRitualRecordPermission,
} from '@readiness/plugin-scorecards-common';
import {
  reliabilityBackupPublishPermission,
  reliabilityBaselineManagePermission,
  reliabilityDrillDetailsReadPermission,
  reliabilityDrillPublishPermission,
  reliabilityEntityReadPermission,
  reliabilityGateRecordPermission,
  reliabilityRunPublishPermission,
} from '@readiness/plugin-reliability-common';

/** A caller the audience rules found to be a partner. */
export type PartnerCaller = Extract<CallerAudience, { type: 'partner' }>;

/** The catalog entities a partner may use a permission on. */
export type PartnerCondition = (
  partner: PartnerCaller,
) => PermissionCriteria<PermissionCondition<'catalog-entity'>>;

/** The decision partners get for one permission. */
export type PartnerRule =
  | { permission: Permission; partners: 'deny' }
  /**
   * Allowed, for a permission whose plugin confines partners itself (for
   * example to their own organisation's records, by their partner groups).
   */
  | { permission: Permission; partners: 'allow' }
  | {
      permission: ResourcePermission<'catalog-entity'>;
      partners: PartnerCondition;
    };

/** The partner rules of one plugin family. */
export type FamilyPartnerRules = {
  /** The family, e.g. `api-portal`, and where its permissions come from. */
  family: string;
  rules: PartnerRule[];
};

function deny(...permissions: Permission[]): PartnerRule[] {
  return permissions.map(permission => ({ permission, partners: 'deny' }));
}

const partnerFacing = catalogConditions.hasAnnotation({
  annotation: AUDIENCE_ANNOTATION,
  value: PARTNER_AUDIENCE,
});

function entityRefIs(
  ref: string,
): PermissionCriteria<PermissionCondition<'catalog-entity'>> {
  const { kind, namespace, name } = parseEntityRef(ref);
  return {
    allOf: [
      catalogConditions.isEntityKind({ kinds: [kind] }),
      catalogConditions.hasMetadata({ key: 'namespace', value: namespace }),
      catalogConditions.hasMetadata({ key: 'name', value: name }),
    ],
  };
}

/** Entities published to partners, plus the partner's own User and Groups. */
const partnerFacingOrOwn: PartnerCondition = partner => ({
  anyOf: [
    partnerFacing,
    entityRefIs(partner.userEntityRef),
    ...partner.groupRefs.map(entityRefIs),
  ],
});

/** Partner-facing entities only: internal ones stay internal. */
const partnerFacingOnly: PartnerCondition = () => partnerFacing;

/** Partner-facing entities that also publish their reliability record. */
const reliabilityPublished: PartnerCondition = () => ({
  allOf: [
    partnerFacing,
    catalogConditions.hasAnnotation({
      annotation: PARTNER_RELIABILITY_ANNOTATION,
      value: PUBLISHED,
    }),
  ],
});

/** What partners may do, per family. */
export const PARTNER_RULES: readonly FamilyPartnerRules[] = [
  {
    family: 'catalog (@backstage/plugin-catalog-common/alpha)',
    rules: [
      { permission: catalogEntityReadPermission, partners: partnerFacingOrOwn },
      ...deny(
        catalogEntityCreatePermission,
        catalogEntityDeletePermission,
        catalogEntityRefreshPermission,
        catalogEntityValidatePermission,
        catalogLocationReadPermission,
        catalogLocationCreatePermission,
        catalogLocationAnalyzePermission,
        catalogLocationDeletePermission,
        catalogIngestionReadPermission,
        catalogIngestionManagePermission,
      ),
    ],
  },
  {
    // Partners read docs through catalogEntityReadPermission
    family: 'techdocs (@backstage/plugin-techdocs-common/alpha)',
    rules: deny(techdocsActionsReadPermission),
  },
  {
    family: 'reliability (@readiness/plugin-reliability-common)',
    rules: [
      {
        permission: reliabilityEntityReadPermission,
        partners: reliabilityPublished,
      },
      ...deny(
        reliabilityDrillDetailsReadPermission,
        reliabilityBaselineManagePermission,
        reliabilityRunPublishPermission,
        reliabilityDrillPublishPermission,
        reliabilityBackupPublishPermission,
        reliabilityGateRecordPermission,
      ),
    ],
  },
  {
    family: 'api-portal (@readiness/plugin-api-portal-common)',
    rules: [
      {
        permission: apiPortalEntityReadPermission,
        partners: partnerFacingOnly,
      },
      { permission: apiPortalLintReadPermission, partners: partnerFacingOnly },
      {
        permission: apiPortalSdkDownloadPermission,
        partners: partnerFacingOnly,
      },
      ...deny(apiPortalEntityRefreshPermission),
    ],
  },
  {
    // Controls, evidence and its state are internal, on every entity
    family: 'compliance (@readiness/plugin-compliance-common)',
    rules: deny(
      complianceEntityReadPermission,
      complianceEvidenceFilePermission,
      complianceEvidenceWithdrawPermission,
    ),
  },
  {
    // Levels, scores, exemptions, campaigns and team rituals are internal,
    // on every entity
    family: 'scorecards (@readiness/plugin-scorecards-common)',
    rules: deny(
      scorecardsEntityReadPermission,
      scorecardsExemptionRequestPermission,
      scorecardsExemptionApprovePermission,
      scorecardsCampaignManagePermission,
      scorecardsFactsPushPermission,
      scorecardsRitualRecordPermission,
    ),
  },
  {
    // The partner backend confines a partner to the apps, keys and webhooks
    // of the orgs of their partner-<org> groups
    family: 'partner (@readiness/plugin-partner-common)',
    rules: [
      { permission: partnerAppManagePermission, partners: 'allow' },
      ...deny(
        partnerAppAdminPermission,
        partnerKeyVerifyPermission,
        partnerEventPushPermission,
      ),
    ],
  },
];

/**
 * The rules by permission name, as the policy looks them up. A permission
 * named twice is a mistake in the table, not a choice between two rules.
 */
export function partnerRulesByName(
  families: readonly FamilyPartnerRules[],
): ReadonlyMap<string, PartnerRule> {
  const byName = new Map<string, PartnerRule>();
  for (const { family, rules } of families) {
    for (const rule of rules) {
      if (byName.has(rule.permission.name)) {
        throw new Error(
          `${family}: ${rule.permission.name} already has a partner rule`,
        );
      }
      byName.set(rule.permission.name, rule);
    }
  }
  return byName;
}
