/** Demo text: Stuttgart's case study for the housing module (illustrative content). */
import type { Section } from '../templates';

export const STUTTGART_CASE_STUDY = {
  title: 'Stuttgart: mixed neighbourhoods through municipal housing allocation',
  sections: [
    {
      heading: 'City profile',
      paragraphs: [
        'Stuttgart is the capital of Baden-Württemberg and one of the strongest industrial regions in Europe. Roughly four in ten residents have a migration background, a share that has been high since the recruitment of guest workers from Italy, Greece, the former Yugoslavia and Turkey in the 1960s and 1970s.',
        'Newer arrivals come from other EU member states, in particular from Central and Eastern Europe, and since 2015 from Syria, Afghanistan and Iraq. The housing market is tight: the city is framed by hills and forests, land for new building is scarce, and rents have risen faster than wages for low-income households.',
      ],
    },
    {
      heading: 'Policy context',
      paragraphs: [
        'Housing policy in Germany is shared between the federal level (rent law, housing benefit), the Länder (social housing programmes) and the municipalities (land use, allocation of subsidised flats). Stuttgart adopted a city-wide integration concept in 2001, the "Pact for Integration", which treats housing as one of the conditions for equal participation rather than as a separate technical field.',
        'The city council has repeatedly set targets for the share of subsidised units in new developments and holds allocation rights in a large part of the stock of its municipal housing company.',
      ],
    },
    {
      heading: 'The practice',
      paragraphs: [
        'The case study describes how the housing office and the municipal housing company allocate vacant subsidised flats with the explicit aim of avoiding concentrations of disadvantaged households in single buildings, while never refusing a household because of its origin. Allocation panels look at the composition of a building and its immediate surroundings, and combine it with the urgency of each application.',
        'The allocation is accompanied by neighbourhood work: caretakers who speak several languages, tenant councils open to non-German citizens, and a mediation service that steps in early when conflicts between neighbours arise.',
      ],
    },
    {
      heading: 'Implementation and resources',
      paragraphs: [
        'The practice is run jointly by the housing office, the municipal housing company and the department for integration. Neighbourhood mediation is financed from the integration budget and delivered by two welfare organisations under contract.',
        'The main obstacle has been the small number of vacancies: in years with very few moves, the room for a balanced allocation shrinks and urgent cases take precedence. The city responded by buying allocation rights in private buildings and by requiring subsidised units in new private developments.',
      ],
    },
    {
      heading: 'Role of stakeholders',
      paragraphs: [
        'Migrant organisations sit on the advisory board of the integration department and were consulted on the allocation guidelines. Welfare organisations linked to the churches run the mediation service and counselling for households threatened with eviction. Employers in the region support staff housing initiatives, which relieve the lower segment of the market.',
      ],
    },
    {
      heading: 'Evaluation and evidence',
      paragraphs: [
        'Small-area statistics show that the segregation index for non-German nationals has stayed moderate compared with other large German cities. Surveys of tenants in the municipal stock point to high satisfaction with neighbourhood relations, though residents of a few large estates report persistent problems with noise and shared spaces.',
        'There is no controlled evaluation of the allocation practice itself; the evidence is descriptive and the effect of the tight housing market is hard to separate from that of the policy.',
      ],
    },
    {
      heading: 'Lessons and transferability',
      paragraphs: [
        "Allocation rights are the city's strongest lever, and they only exist where the municipality owns or subsidises a substantial part of the stock. Cities with a small social sector can borrow the neighbourhood work and the mediation service, which do not depend on ownership.",
        'Transparency matters: the allocation criteria are published, which has helped to counter suspicions of discrimination from both long-standing residents and newcomers.',
      ],
    },
  ] satisfies Section[],
};
