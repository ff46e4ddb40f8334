/** Italian UI strings for the names of kinds, statuses, roles, policy areas and stakeholders. */
import type { VocabularyMessages } from '../en/vocabulary';

export const vocabularyMessages: VocabularyMessages = {
  kinds: {
    guideline: 'Linea guida',
    'case-study': 'Caso di studio',
    minutes: 'Verbale',
    note: 'Nota',
  },
  statuses: {
    draft: 'Bozza',
    'in-review': 'In revisione',
    approved: 'Approvato',
    published: 'Pubblicato',
  },
  roles: { owner: 'Proprietario', editor: 'Redattore', reviewer: 'Revisore', viewer: 'Lettore' },
  policyAreas: {
    housing: 'Casa',
    'equality-diversity': 'Uguaglianza e diversità nel lavoro e nei servizi',
    'intercultural-relations': 'Politiche interculturali e relazioni tra gruppi',
    'ethnic-entrepreneurship': 'Imprenditoria etnica',
    other: 'Altro',
  },
  stakeholders: {
    enterprises: 'Imprese',
    'social-partners': 'Parti sociali',
    'religious-organisations': 'Organizzazioni religiose',
    ngos: 'ONG',
    charities: 'Enti di beneficenza',
    'migrant-organisations': 'Organizzazioni di migranti',
  },
};
