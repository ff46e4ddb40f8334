/**
 * The skeleton of each document kind: section headings, each with one line of guidance saying
 * what belongs there (a placeholder in the editor, never text). Data only;
 * `buildInitialState` turns it into Yjs content.
 */
import type { DocumentKind, DocumentLanguage } from '../../shared/domain';
import { isTemplateLanguage } from '../../shared/domain';
import { guidedSection, type Section } from './content';
import { TRANSLATED_SECTIONS } from './translatedSections';

/** CLIP's case-study structure, so every city's study can be compared section by section. */
export const CASE_STUDY_SECTIONS: Section[] = [
  guidedSection(
    'City profile',
    'Describe the city: population, migrant population, main countries of origin and recent trends.',
  ),
  guidedSection(
    'Policy context',
    'Summarise the national, regional and local policies and the responsibilities the city holds.',
  ),
  guidedSection(
    'The practice',
    'Explain what the city does: aims, target groups, activities and since when.',
  ),
  guidedSection(
    'Implementation and resources',
    'Who runs it, with which budget, staff and partners; what obstacles came up and how they were handled.',
  ),
  guidedSection(
    'Role of stakeholders',
    'Describe the part played by enterprises, social partners, religious organisations, NGOs, charities and migrant organisations.',
  ),
  guidedSection(
    'Evaluation and evidence',
    'Which results are known, how they were measured, and which data sources support them.',
  ),
  guidedSection(
    'Lessons and transferability',
    'What other cities can learn from this practice and under which conditions it would work elsewhere.',
  ),
];

/** A policy guideline distilled from several case studies. */
export const GUIDELINE_SECTIONS: Section[] = [
  guidedSection(
    'Scope',
    'State the policy area, the audience and the cities whose experience this guideline draws on.',
  ),
  guidedSection(
    'Challenges',
    'List the main challenges cities face in this area, with evidence from the case studies.',
  ),
  guidedSection(
    'Recommendations',
    'Give concrete recommendations, each with the reasoning behind it.',
  ),
  guidedSection(
    'Good practice examples',
    'Point to practices from member cities that illustrate the recommendations.',
  ),
  guidedSection(
    'Implementation checklist',
    'Write the steps a city administration can follow to put the recommendations into practice.',
  ),
];

/** Minutes of a meeting or peer-review session. */
export const MINUTES_SECTIONS: Section[] = [
  guidedSection('Attendees', 'List who took part and for which organisation.'),
  guidedSection('Agenda', 'List the items discussed, in order.'),
  guidedSection('Decisions', 'Record what was decided, per agenda item.'),
  guidedSection('Actions', 'Record who does what, and by when.'),
];

/** A free-form note. */
export const NOTE_SECTIONS: Section[] = [guidedSection('Note', 'Write your note here.')];

/** The template sections of each document kind. */
export const TEMPLATE_SECTIONS: Record<DocumentKind, Section[]> = {
  'case-study': CASE_STUDY_SECTIONS,
  guideline: GUIDELINE_SECTIONS,
  minutes: MINUTES_SECTIONS,
  note: NOTE_SECTIONS,
};

/**
 * The template sections of `kind` in `language`; English when the language has no template
 * yet (the document keeps its own language, only the guidance is in English).
 */
export function templateSections(kind: DocumentKind, language: DocumentLanguage = 'en'): Section[] {
  if (language === 'en' || !isTemplateLanguage(language)) return TEMPLATE_SECTIONS[kind];
  return TRANSLATED_SECTIONS[language][kind];
}
