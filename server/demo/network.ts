/**
 * The CLIP demo network as data (see `seed/clip-network.txt`): partner organisations, the
 * five research centres of the Scientific Support Group, member cities, the demo accounts
 * and the workspace they share. `seedDemo.ts` turns it into records.
 */
import type { OrganizationType, UserRole, WorkspaceRole } from '../../shared/domain';

/** An organisation of the network; `key` links accounts and documents to it. */
export interface DemoOrganization {
  key: string;
  name: string;
  type: OrganizationType;
  country: string;
}

/** A demo account; its password is generated at seeding time and printed once. */
export interface DemoAccount {
  key: 'coordinator' | 'stuttgart' | 'bologna' | 'bamberg';
  name: string;
  email: string;
  role: UserRole;
  organizationKey: string;
  /** Role in the demo workspace. */
  workspaceRole: WorkspaceRole;
  /** What the person does, printed next to the credentials. */
  description: string;
}

export const DEMO_ORGANIZATIONS: DemoOrganization[] = [
  // Partners that founded the network in 2006.
  {
    key: 'congress',
    name: 'Congress of Local and Regional Authorities of the Council of Europe',
    type: 'partner',
    country: 'FR',
  },
  { key: 'eurofound', name: 'Eurofound', type: 'partner', country: 'IE' },
  // The Scientific Support Group.
  {
    key: 'bamberg',
    name: 'european forum for migration studies (efms), University of Bamberg',
    type: 'research',
    country: 'DE',
  },
  {
    key: 'oxford',
    name: 'Centre on Migration, Policy and Society (COMPAS), University of Oxford',
    type: 'research',
    country: 'GB',
  },
  {
    key: 'amsterdam-imes',
    name: 'Institute for Migration and Ethnic Studies (IMES), University of Amsterdam',
    type: 'research',
    country: 'NL',
  },
  { key: 'vienna-academy', name: 'Austrian Academy of Sciences', type: 'research', country: 'AT' },
  {
    key: 'liege-cedem',
    name: 'Center for Ethnic and Migration Studies (CEDEM), University of Liège',
    type: 'research',
    country: 'BE',
  },
  // Member cities (Stuttgart also coordinates the network).
  { key: 'stuttgart', name: 'City of Stuttgart', type: 'city', country: 'DE' },
  { key: 'bologna', name: 'City of Bologna', type: 'city', country: 'IT' },
  { key: 'vienna', name: 'City of Vienna', type: 'city', country: 'AT' },
  { key: 'amsterdam', name: 'City of Amsterdam', type: 'city', country: 'NL' },
  { key: 'barcelona', name: 'City of Barcelona', type: 'city', country: 'ES' },
  { key: 'liege', name: 'City of Liège', type: 'city', country: 'BE' },
  { key: 'antwerp', name: 'City of Antwerp', type: 'city', country: 'BE' },
  { key: 'arnsberg', name: 'City of Arnsberg', type: 'city', country: 'DE' },
  { key: 'breda', name: 'City of Breda', type: 'city', country: 'NL' },
  { key: 'budapest', name: 'City of Budapest', type: 'city', country: 'HU' },
  { key: 'copenhagen', name: 'City of Copenhagen', type: 'city', country: 'DK' },
  { key: 'dublin', name: 'Dublin City Council', type: 'city', country: 'IE' },
  { key: 'frankfurt', name: 'City of Frankfurt am Main', type: 'city', country: 'DE' },
  { key: 'malmo', name: 'City of Malmö', type: 'city', country: 'SE' },
  { key: 'prague', name: 'City of Prague', type: 'city', country: 'CZ' },
  { key: 'turin', name: 'City of Turin', type: 'city', country: 'IT' },
  { key: 'wolverhampton', name: 'City of Wolverhampton', type: 'city', country: 'GB' },
  { key: 'zagreb', name: 'City of Zagreb', type: 'city', country: 'HR' },
];

/** The first account is the network admin, as on any fresh install. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    key: 'coordinator',
    name: 'Katrin Hoffmann',
    email: 'coordinator@clip-demo.example',
    role: 'admin',
    organizationKey: 'stuttgart',
    workspaceRole: 'owner',
    description: 'network admin, CLIP coordination office (Stuttgart)',
  },
  {
    key: 'stuttgart',
    name: 'Markus Schneider',
    email: 'm.schneider@stuttgart.clip-demo.example',
    role: 'member',
    organizationKey: 'stuttgart',
    workspaceRole: 'editor',
    description: 'city official, Stuttgart (editor)',
  },
  {
    key: 'bologna',
    name: 'Giulia Rossi',
    email: 'g.rossi@bologna.clip-demo.example',
    role: 'member',
    organizationKey: 'bologna',
    workspaceRole: 'reviewer',
    description: 'city official, Bologna (reviewer)',
  },
  {
    key: 'bamberg',
    name: 'Dr. Jonas Becker',
    email: 'j.becker@efms.clip-demo.example',
    role: 'member',
    organizationKey: 'bamberg',
    workspaceRole: 'editor',
    description: 'researcher, efms Bamberg (editor)',
  },
];

export const DEMO_WORKSPACE = {
  name: 'Housing and integration',
  description:
    'CLIP research module on access to housing for migrants and on segregation and integration in European cities: case studies of member cities and the resulting guideline.',
};
