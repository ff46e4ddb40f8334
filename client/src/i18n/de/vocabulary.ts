/** German UI strings for the names of kinds, statuses, roles, policy areas and stakeholders. */
import type { VocabularyMessages } from '../en/vocabulary';

export const vocabularyMessages: VocabularyMessages = {
  kinds: {
    guideline: 'Leitlinie',
    'case-study': 'Fallstudie',
    minutes: 'Protokoll',
    note: 'Notiz',
  },
  statuses: {
    draft: 'Entwurf',
    'in-review': 'In Prüfung',
    approved: 'Freigegeben',
    published: 'Veröffentlicht',
  },
  roles: { owner: 'Eigentümer', editor: 'Bearbeiter', reviewer: 'Gutachter', viewer: 'Leser' },
  policyAreas: {
    housing: 'Wohnen',
    'equality-diversity': 'Gleichstellung und Vielfalt in Arbeit und Diensten',
    'intercultural-relations': 'Interkulturelle Politik und Beziehungen zwischen Gruppen',
    'ethnic-entrepreneurship': 'Ethnisches Unternehmertum',
    other: 'Sonstiges',
  },
  stakeholders: {
    enterprises: 'Unternehmen',
    'social-partners': 'Sozialpartner',
    'religious-organisations': 'Religiöse Organisationen',
    ngos: 'NGOs',
    charities: 'Wohlfahrtsverbände',
    'migrant-organisations': 'Migrantenorganisationen',
  },
};
