/** Demo text: Bologna's case study for the housing module (illustrative content). */
import type { Section } from '../templates';

export const BOLOGNA_CASE_STUDY = {
  title: 'Bologna: social rental agency and support for newcomers',
  sections: [
    {
      heading: 'City profile',
      paragraphs: [
        'Bologna is the capital of Emilia-Romagna and a university city with a long tradition of municipal social services. Foreign residents make up around one in seven inhabitants, with large communities from Romania, Morocco, Albania, Ukraine, Pakistan, Bangladesh and the Philippines.',
        'Students and short-term rentals compete with families for the same central flats, which pushes low-income households, many of them migrants, towards the outskirts and into overcrowded or informal arrangements.',
      ],
    },
    {
      heading: 'Policy context',
      paragraphs: [
        'Public housing in Italy is a small sector, managed in Emilia-Romagna by regional agencies on behalf of the municipalities. Access depends on residence and income criteria set regionally. The city of Bologna complements this with its own measures for the private rental market and with reception services for asylum seekers and refugees.',
      ],
    },
    {
      heading: 'The practice',
      paragraphs: [
        'The municipality runs a social rental agency that acts as an intermediary between private owners and households who find it hard to rent, including many migrants. Owners receive a guaranteed rent, fiscal advantages for agreed-rent contracts and a fund that covers arrears and damage; tenants receive a contract at a rent below market level and a reference person they can turn to.',
        'For refugees leaving reception centres, the agency works with the reception system to prepare the move months in advance, so that people do not fall into homelessness at the end of their reception period.',
      ],
    },
    {
      heading: 'Implementation and resources',
      paragraphs: [
        'The agency has a small team in the housing department and relies on partnerships with cooperatives and tenant and owner associations. The guarantee fund is financed from the municipal budget and regional programmes.',
        'The hardest part has been convincing owners: prejudice against foreign tenants is widespread, and many owners prefer to leave flats empty or rent them to students. Personal contact, a quick response when problems arise and visible public recognition for participating owners have made the difference.',
      ],
    },
    {
      heading: 'Role of stakeholders',
      paragraphs: [
        'Housing cooperatives provide flats and manage them. Catholic charities and secular NGOs accompany tenants during the first months, help with contracts and utility bills, and mediate with neighbours. Migrant associations help to reach families who would not come to a municipal office on their own.',
      ],
    },
    {
      heading: 'Evaluation and evidence',
      paragraphs: [
        'Monitoring data of the agency show that most contracts are renewed and that arrears covered by the fund stay low. Interviews with owners suggest that the guarantee, more than the tax advantage, persuaded them to take part. The number of flats remains modest compared with demand, so the practice mitigates rather than solves the problem.',
      ],
    },
    {
      heading: 'Lessons and transferability',
      paragraphs: [
        'A social rental agency is a way to mobilise the private stock in cities with little public housing, which makes it relevant for many Southern and Eastern European members of the network. It needs a stable guarantee fund, staff who can build trust with owners, and close links with the reception system for refugees.',
      ],
    },
  ] satisfies Section[],
};
