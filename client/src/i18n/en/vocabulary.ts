/** English UI strings for the names of kinds, statuses, roles, policy areas and stakeholders. */
import type { Widen } from '../widen';

export const vocabularyMessages = {
  kinds: { guideline: 'Guideline', 'case-study': 'Case study', minutes: 'Minutes', note: 'Note' },
  statuses: {
    draft: 'Draft',
    'in-review': 'In review',
    approved: 'Approved',
    published: 'Published',
  },
  roles: { owner: 'Owner', editor: 'Editor', reviewer: 'Reviewer', viewer: 'Viewer' },
  policyAreas: {
    housing: 'Housing',
    'equality-diversity': 'Equality and diversity in jobs and services',
    'intercultural-relations': 'Intercultural policies and intergroup relations',
    'ethnic-entrepreneurship': 'Ethnic entrepreneurship',
    other: 'Other',
  },
  stakeholders: {
    enterprises: 'Enterprises',
    'social-partners': 'Social partners',
    'religious-organisations': 'Religious organisations',
    ngos: 'NGOs',
    charities: 'Charities',
    'migrant-organisations': 'Migrant organisations',
  },
};

/** The shape of this part in every language: same keys, any text. */
export type VocabularyMessages = Widen<typeof vocabularyMessages>;
