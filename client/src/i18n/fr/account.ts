/** French UI strings for signing in and accounts, and the admin pages. */
import type { AccountMessages } from '../en/account';

export const accountMessages: AccountMessages = {
  auth: {
    inviteIntroDocument: '« {{document}} » a été partagé avec vous en tant que {{role}}.',
    emailHint:
      'Les notifications apparaissent toujours dans l’application (la cloche dans l’en-tête).',
    emailInvitations:
      'M’envoyer par e-mail les invitations aux espaces de travail et aux documents',
    emailTitle: 'E-mail',
    emailNotifications:
      'M’envoyer un e-mail quand quelqu’un me mentionne ou répond dans mes fils de discussion',
    loginTitle: 'Connexion',
    loginIntro:
      'Rédigez à plusieurs des lignes directrices et des études de cas avec le réseau CLIP.',
    email: 'E-mail',
    password: 'Mot de passe',
    name: 'Nom complet',
    signIn: 'Se connecter',
    signingIn: 'Connexion…',
    invalidCredentials: 'Cet e-mail et ce mot de passe ne correspondent à aucun compte.',
    noAccount:
      'Pas encore de compte ? Demandez un lien d’invitation à un propriétaire d’espace de travail.',
    noAccountYet: 'Pas encore de compte ?',
    createOne: 'Créez-en un.',
    registerTitle: 'Créer votre compte',
    registerIntro:
      'L’inscription est ouverte : créez un compte, puis demandez à un propriétaire d’espace de vous ajouter.',
    registrationClosed:
      'Les comptes sont créés sur invitation. Demandez un lien d’invitation à un propriétaire d’espace de travail.',
    setupTitle: 'Créer le premier compte',
    setupIntro:
      'Ce compte devient l’administrateur du réseau. Vous pourrez inviter des collègues ensuite.',
    passwordHint: 'Au moins 8 caractères.',
    createAccount: 'Créer le compte',
    creating: 'Création…',
    inviteTitle: 'Rejoindre CLIP Workspace',
    inviteIntro: 'Vous avez été invité·e en tant que {{role}}.',
    inviteIntroWorkspace: 'Vous avez été invité·e dans « {{workspace}} » en tant que {{role}}.',
    inviteFor: 'Invitation pour {{email}}',
    inviteUnavailable:
      'Ce lien d’invitation n’est plus valable. Il a peut-être expiré ou déjà servi. Demandez-en un nouveau.',
    acceptInvite: 'Accepter et créer le compte',
    acceptInviteSignedIn: 'Accepter l’invitation',
    inviteSignedInAs: 'Vous êtes connecté·e en tant que {{email}}.',
    inviteHaveAccount: 'Vous avez déjà un compte ?',
    inviteSignInFirst: 'Connectez-vous pour accepter.',
    inviteAwaitsApproval:
      'Un administrateur du réseau n’a pas encore approuvé cette invitation : elle ne peut donc pas créer de compte. Réessayez plus tard, ou connectez-vous si vous avez déjà un compte.',
    accountTitle: 'Votre compte',
    currentPassword: 'Mot de passe actuel',
    newPassword: 'Nouveau mot de passe',
    confirmPassword: 'Répétez le nouveau mot de passe',
    passwordsDiffer: 'Les deux nouveaux mots de passe sont différents.',
    passwordChanged: 'Votre mot de passe a été modifié.',
    wrongPassword: 'Le mot de passe actuel est incorrect.',
  },
  admin: {
    title: 'Administration du réseau',
    nav: 'Réseau',
    onlyAdmins: 'Seuls les administrateurs du réseau peuvent ouvrir cette page.',
    organizations: 'Organisations',
    organizationsHint:
      'Villes, instituts de recherche et partenaires du réseau. Les études de cas portent sur une ville de cette liste.',
    orgName: 'Nom',
    orgType: 'Type',
    orgCountry: 'Code pays',
    orgCountryHint: 'Deux lettres, par ex. FR',
    addOrganization: 'Ajouter une organisation',
    noOrganizations: 'Aucune organisation pour l’instant.',
    removeOrganization: 'Retirer {{name}}',
    confirmRemoveOrganization: 'Retirer {{name}} ?',
    types: { city: 'Ville', research: 'Institut de recherche', partner: 'Partenaire' },
    settings: 'Paramètres',
    openRegistration: 'Tout le monde peut créer un compte sans invitation',
    settingsSaved: 'Paramètres enregistrés.',
    inviteTitle: 'Inviter quelqu’un dans le réseau',
    inviteHint: 'La personne obtient un compte sans rejoindre encore d’espace de travail.',
    inviteEmail: 'E-mail',
    sendInvite: 'Créer l’invitation',
    inviteCreated: 'Envoyez ce lien à {{email}} :',
    approvalsTitle: 'Invitations en attente d’approbation',
    approvalsHint:
      'Des propriétaires d’espace ont invité ces adresses alors que l’inscription est fermée. Approuvez pour leur permettre de créer un compte.',
    noApprovals: 'Rien n’attend d’approbation.',
    invitedTo: '{{email}} en tant que {{role}}',
    approve: 'Approuver',
    approveInvitation: 'Approuver l’invitation de {{email}}',
    rejectInvitation: 'Refuser l’invitation de {{email}}',
  },
};
