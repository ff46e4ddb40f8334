/**
 * The document templates in German, French and Italian: the same sections, in the same order,
 * as the English ones in `sections.ts` (templates.test.ts checks that), so a city can start a
 * case study in the language it writes in and the studies still line up section by section.
 */
import type { DocumentKind, TemplateLanguage } from '../../shared/domain';
import { guidedSection, type Section } from './content';

type Translated = Record<Exclude<TemplateLanguage, 'en'>, Record<DocumentKind, Section[]>>;

/** Each kind's sections as [heading, guidance] pairs, per language. */
const PAIRS: Record<Exclude<TemplateLanguage, 'en'>, Record<DocumentKind, [string, string][]>> = {
  de: {
    'case-study': [
      [
        'Stadtprofil',
        'Beschreiben Sie die Stadt: Bevölkerung, Bevölkerung mit Migrationsgeschichte, wichtigste Herkunftsländer und aktuelle Entwicklungen.',
      ],
      [
        'Politischer Rahmen',
        'Fassen Sie die nationalen, regionalen und kommunalen Politiken sowie die Zuständigkeiten der Stadt zusammen.',
      ],
      [
        'Die Praxis',
        'Erklären Sie, was die Stadt tut: Ziele, Zielgruppen, Aktivitäten und seit wann.',
      ],
      [
        'Umsetzung und Ressourcen',
        'Wer führt sie durch, mit welchem Budget, Personal und welchen Partnern; welche Hindernisse gab es und wie wurde damit umgegangen.',
      ],
      [
        'Rolle der Akteure',
        'Beschreiben Sie die Rolle von Unternehmen, Sozialpartnern, Religionsgemeinschaften, NGOs, Wohlfahrtsverbänden und Migrantenorganisationen.',
      ],
      [
        'Evaluation und Belege',
        'Welche Ergebnisse sind bekannt, wie wurden sie gemessen und welche Datenquellen stützen sie.',
      ],
      [
        'Lehren und Übertragbarkeit',
        'Was andere Städte aus dieser Praxis lernen können und unter welchen Bedingungen sie anderswo funktionieren würde.',
      ],
    ],
    guideline: [
      [
        'Geltungsbereich',
        'Nennen Sie das Politikfeld, die Zielgruppe und die Städte, auf deren Erfahrungen diese Leitlinie beruht.',
      ],
      [
        'Herausforderungen',
        'Listen Sie die wichtigsten Herausforderungen der Städte in diesem Bereich auf, mit Belegen aus den Fallstudien.',
      ],
      ['Empfehlungen', 'Geben Sie konkrete Empfehlungen, jeweils mit ihrer Begründung.'],
      [
        'Beispiele guter Praxis',
        'Verweisen Sie auf Praktiken aus Mitgliedsstädten, die die Empfehlungen veranschaulichen.',
      ],
      [
        'Checkliste zur Umsetzung',
        'Schreiben Sie die Schritte auf, mit denen eine Stadtverwaltung die Empfehlungen umsetzen kann.',
      ],
    ],
    minutes: [
      ['Teilnehmende', 'Listen Sie auf, wer für welche Organisation teilgenommen hat.'],
      ['Tagesordnung', 'Listen Sie die besprochenen Punkte in ihrer Reihenfolge auf.'],
      ['Beschlüsse', 'Halten Sie fest, was zu jedem Tagesordnungspunkt beschlossen wurde.'],
      ['Aufgaben', 'Halten Sie fest, wer was bis wann erledigt.'],
    ],
    note: [['Notiz', 'Schreiben Sie hier Ihre Notiz.']],
  },
  fr: {
    'case-study': [
      [
        'Profil de la ville',
        'Décrivez la ville : population, population immigrée, principaux pays d’origine et tendances récentes.',
      ],
      [
        'Contexte politique',
        'Résumez les politiques nationales, régionales et locales ainsi que les compétences de la ville.',
      ],
      [
        'La pratique',
        'Expliquez ce que fait la ville : objectifs, publics visés, activités et depuis quand.',
      ],
      [
        'Mise en œuvre et ressources',
        'Qui la met en œuvre, avec quel budget, quel personnel et quels partenaires ; quels obstacles sont apparus et comment ils ont été surmontés.',
      ],
      [
        'Rôle des parties prenantes',
        'Décrivez le rôle des entreprises, des partenaires sociaux, des organisations religieuses, des ONG, des associations caritatives et des organisations de migrants.',
      ],
      [
        'Évaluation et données',
        'Quels résultats sont connus, comment ils ont été mesurés et quelles sources de données les étayent.',
      ],
      [
        'Enseignements et transférabilité',
        'Ce que d’autres villes peuvent apprendre de cette pratique et à quelles conditions elle fonctionnerait ailleurs.',
      ],
    ],
    guideline: [
      [
        'Champ d’application',
        'Indiquez le domaine d’action, le public et les villes dont l’expérience nourrit cette ligne directrice.',
      ],
      [
        'Défis',
        'Énumérez les principaux défis des villes dans ce domaine, avec des éléments tirés des études de cas.',
      ],
      ['Recommandations', 'Formulez des recommandations concrètes, chacune avec sa justification.'],
      [
        'Exemples de bonnes pratiques',
        'Citez des pratiques de villes membres qui illustrent les recommandations.',
      ],
      [
        'Liste de mise en œuvre',
        'Écrivez les étapes qu’une administration municipale peut suivre pour appliquer les recommandations.',
      ],
    ],
    minutes: [
      ['Participants', 'Indiquez qui a participé et pour quelle organisation.'],
      ['Ordre du jour', 'Énumérez les points abordés, dans l’ordre.'],
      ['Décisions', 'Consignez ce qui a été décidé, point par point.'],
      ['Actions', 'Consignez qui fait quoi, et pour quand.'],
    ],
    note: [['Note', 'Écrivez votre note ici.']],
  },
  it: {
    'case-study': [
      [
        'Profilo della città',
        'Descrivete la città: popolazione, popolazione immigrata, principali paesi di origine e tendenze recenti.',
      ],
      [
        'Contesto politico',
        'Riassumete le politiche nazionali, regionali e locali e le competenze della città.',
      ],
      [
        'La pratica',
        'Spiegate che cosa fa la città: obiettivi, destinatari, attività e da quando.',
      ],
      [
        'Attuazione e risorse',
        'Chi la gestisce, con quale bilancio, personale e partner; quali ostacoli sono emersi e come sono stati affrontati.',
      ],
      [
        'Ruolo dei portatori di interesse',
        'Descrivete il ruolo di imprese, parti sociali, organizzazioni religiose, ONG, enti di beneficenza e organizzazioni di migranti.',
      ],
      [
        'Valutazione ed evidenze',
        'Quali risultati sono noti, come sono stati misurati e quali fonti di dati li sostengono.',
      ],
      [
        'Lezioni e trasferibilità',
        'Che cosa possono imparare altre città da questa pratica e a quali condizioni funzionerebbe altrove.',
      ],
    ],
    guideline: [
      [
        'Ambito',
        'Indicate l’ambito politico, i destinatari e le città sulla cui esperienza si basa questa linea guida.',
      ],
      [
        'Sfide',
        'Elencate le principali sfide delle città in questo ambito, con evidenze tratte dai casi di studio.',
      ],
      ['Raccomandazioni', 'Formulate raccomandazioni concrete, ciascuna con la sua motivazione.'],
      [
        'Esempi di buone pratiche',
        'Indicate pratiche delle città aderenti che illustrano le raccomandazioni.',
      ],
      [
        'Lista di controllo per l’attuazione',
        'Scrivete i passi che un’amministrazione comunale può seguire per mettere in pratica le raccomandazioni.',
      ],
    ],
    minutes: [
      ['Partecipanti', 'Elencate chi ha partecipato e per quale organizzazione.'],
      ['Ordine del giorno', 'Elencate i punti discussi, in ordine.'],
      ['Decisioni', 'Registrate che cosa è stato deciso, punto per punto.'],
      ['Azioni', 'Registrate chi fa che cosa, ed entro quando.'],
    ],
    note: [['Nota', 'Scrivete qui la vostra nota.']],
  },
};

function toSections(pairs: [string, string][]): Section[] {
  return pairs.map(([heading, guidance]) => guidedSection(heading, guidance));
}

/** The German, French and Italian templates, shaped like the English ones. */
export const TRANSLATED_SECTIONS: Translated = {
  de: mapKinds(PAIRS.de),
  fr: mapKinds(PAIRS.fr),
  it: mapKinds(PAIRS.it),
};

function mapKinds(
  byKind: Record<DocumentKind, [string, string][]>,
): Record<DocumentKind, Section[]> {
  return {
    'case-study': toSections(byKind['case-study']),
    guideline: toSections(byKind.guideline),
    minutes: toSections(byKind.minutes),
    note: toSections(byKind.note),
  };
}
