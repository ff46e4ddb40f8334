/** French UI strings for the names of kinds, statuses, roles, policy areas and stakeholders. */
import type { VocabularyMessages } from '../en/vocabulary';

export const vocabularyMessages: VocabularyMessages = {
  kinds: {
    guideline: 'Ligne directrice',
    'case-study': 'Étude de cas',
    minutes: 'Compte rendu',
    note: 'Note',
  },
  statuses: {
    draft: 'Brouillon',
    'in-review': 'En relecture',
    approved: 'Approuvé',
    published: 'Publié',
  },
  roles: { owner: 'Propriétaire', editor: 'Rédacteur', reviewer: 'Relecteur', viewer: 'Lecteur' },
  policyAreas: {
    housing: 'Logement',
    'equality-diversity': 'Égalité et diversité dans l’emploi et les services',
    'intercultural-relations': 'Politiques interculturelles et relations entre groupes',
    'ethnic-entrepreneurship': 'Entrepreneuriat ethnique',
    other: 'Autre',
  },
  stakeholders: {
    enterprises: 'Entreprises',
    'social-partners': 'Partenaires sociaux',
    'religious-organisations': 'Organisations religieuses',
    ngos: 'ONG',
    charities: 'Associations caritatives',
    'migrant-organisations': 'Organisations de migrants',
  },
};
