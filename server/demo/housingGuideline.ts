/** Demo text: the draft guideline of the housing module (illustrative content). */
import type { Section } from '../templates';

export const HOUSING_GUIDELINE = {
  title: 'Housing and integration of migrants: guidance for cities (draft)',
  sections: [
    {
      heading: 'Scope',
      paragraphs: [
        'This guideline draws on the case studies of the CLIP member cities on access to housing and on segregation and integration in neighbourhoods. It is written for city administrations, municipal housing companies and their partners, and covers the rental market, social housing and neighbourhood development.',
      ],
    },
    {
      heading: 'Challenges',
      paragraphs: [
        'Migrants are over-represented among households in overcrowded, poor-quality or insecure housing, and they face discrimination when looking for a flat. Where cities own little of the housing stock, they have few direct levers; where they own much of it, allocation decisions can reinforce or reduce concentrations of disadvantage.',
        'Tight housing markets in growing cities push low-income households to the outskirts, far from jobs and services. Newly recognised refugees are particularly exposed when their time in reception ends.',
      ],
    },
    {
      heading: 'Recommendations',
      paragraphs: [
        "Treat housing as a condition for integration and address it in the city's integration strategy, with shared targets for the housing, social and integration departments.",
        'Use allocation rights and intermediary schemes to open the existing stock to households who are excluded from the market, and publish the criteria so that decisions are seen to be fair.',
        "Combine bricks-and-mortar measures with neighbourhood work: mediation, tenant participation open to all residents regardless of nationality, and staff who speak the residents' languages.",
      ],
    },
    {
      heading: 'Good practice examples',
      paragraphs: [
        'Stuttgart links the allocation of municipal flats with neighbourhood mediation to keep buildings socially mixed. Bologna mobilises private flats through a social rental agency that guarantees rents to owners and accompanies tenants.',
      ],
    },
    {
      heading: 'Implementation checklist',
      paragraphs: ['Before starting, check that the city can answer the following questions:'],
      bullets: [
        'Which share of the housing stock can the city allocate or influence?',
        'Who is responsible for monitoring discrimination in access to housing?',
        'Is there a fund to guarantee rents or cover damage for intermediary schemes?',
        'How are refugees prepared for the move out of reception centres?',
        "Which NGOs, migrant organisations and landlords' associations are partners?",
      ],
    },
  ] satisfies Section[],
};
