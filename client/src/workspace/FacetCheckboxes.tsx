/** The policy-area and stakeholder checkboxes a document is tagged with. */
import { useTranslation } from 'react-i18next';
import {
  POLICY_AREAS,
  STAKEHOLDER_TYPES,
  type PolicyArea,
  type StakeholderType,
} from '../../../shared/domain';
import { CheckboxGroup } from './CheckboxGroup';

/** Both facet groups, as the new-document form and the details panel show them. */
export function FacetCheckboxes({
  policyAreas,
  stakeholders,
  isDisabled = false,
  onPolicyAreas,
  onStakeholders,
}: {
  policyAreas: readonly PolicyArea[];
  stakeholders: readonly StakeholderType[];
  isDisabled?: boolean;
  onPolicyAreas: (policyAreas: PolicyArea[]) => void;
  onStakeholders: (stakeholders: StakeholderType[]) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <CheckboxGroup
        legend={t('newDocument.policyAreas')}
        options={POLICY_AREAS}
        selected={policyAreas}
        isDisabled={isDisabled}
        labelFor={(area) => t(`policyAreas.${area}`)}
        onChange={onPolicyAreas}
      />
      <CheckboxGroup
        legend={t('newDocument.stakeholders')}
        options={STAKEHOLDER_TYPES}
        selected={stakeholders}
        isDisabled={isDisabled}
        labelFor={(type) => t(`stakeholders.${type}`)}
        onChange={onStakeholders}
      />
    </>
  );
}
