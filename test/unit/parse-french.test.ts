import { describeRows, email, named, SELF } from './parse-table';

describe('parseUtterance in French', () => {
  describeRows('French', 'fr', [
    { text: "Attribue un forfait d'appels à Alice", products: ['MCOPSTN1'], person: named('Alice') },
    { text: "retire l'audioconférence de Bob", action: 'remove', products: ['MCOMEETADV'], person: named('Bob') },
    { text: "Donne-moi un forfait d'appels", products: ['MCOPSTN1'], person: SELF },
    { text: 'attribue le système téléphonique à Megan Bowen', products: ['MCOEV'], person: named('Megan Bowen') },
    { text: 'Supprime le système téléphonique de Megan', action: 'remove', products: ['MCOEV'], person: named('Megan') },
    { text: "Enlève les crédits de communication d'Alice", action: 'remove', products: ['MCOPSTNC'], person: named('Alice') },
    { text: "Alice a besoin d'une audioconférence", products: ['MCOMEETADV'], person: named('Alice') },
    { text: "J'ai besoin d'un forfait d'appels", products: ['MCOPSTN1'], person: SELF },
    { text: 'attribue E5 à alex@contoso.com', products: ['ENTERPRISEPREMIUM'], person: email('alex@contoso.com') },
    { text: "donne à Élodie un forfait d'appels internationaux", products: ['MCOPSTN2'], person: named('Élodie') },
    {
      text: "Pourriez-vous attribuer un forfait d'appels nationaux et internationaux à Jean-Luc, s'il vous plaît ?",
      products: ['MCOPSTN2'],
      person: named('Jean-Luc'),
    },
    { text: 'assigne une conférence audio à Chloé', products: ['MCOMEETADV'], person: named('Chloé') },
    { text: 'ajoute des crédits de communication pour Bob', products: ['MCOPSTNC'], person: named('Bob') },
    { text: "retire le forfait d'appels nationaux (120 minutes) de Lee Gu", action: 'remove', products: ['MCOPSTN5'], person: named('Lee Gu') },
    { text: 'attribue une licence Entreprise E5 sans audioconférence à Marie', products: ['ENTERPRISEPREMIUM_NOPSTNCONF'], person: named('Marie') },
    { text: "attribue les offres d'appels à Paul", products: ['MCOPSTN1'], person: named('Paul') },
    { text: "donne un plan d'appel à Luc", products: ['MCOPSTN1'], person: named('Luc') },
    { text: "Attribuez l'audioconférence paiement à la minute à Sophie, merci", products: ['MCOMEETACPEA'], person: named('Sophie') },
    { text: 'systeme telephonique pour Zoé', products: ['MCOEV'], person: named('Zoé') },
    { text: 'attribue une licence de licorne à Alice', products: [], person: named('Alice'), unmatched: 'licorne' },
    { text: "attribue le forfait d'appels nationaux (240 min) et le système téléphonique à <at>Megan Bowen</at>", products: ['MCOPSTN6', 'MCOEV'], person: named('Megan Bowen') },
  ]);

  describeRows("today's product names in French", 'fr', [
    { text: 'attribue Teams Phone à Marie', products: ['MCOEV'], person: named('Marie') },
    { text: 'attribue Teams Phone Standard à Marie', products: ['MCOEV'], person: named('Marie') },
    { text: "attribue Teams Phone avec forfait d'appels à Marie", products: ['MCOTEAMS_ESSENTIALS'], person: named('Marie') },
    { text: 'attribue Teams Entreprise à Marie', products: ['Microsoft_Teams_Enterprise_New'], person: named('Marie') },
    { text: 'attribue Microsoft Teams Enterprise à Marie', products: ['Microsoft_Teams_Enterprise_New'], person: named('Marie') },
    { text: 'attribue Microsoft Teams à Marie', products: ['TEAMS1'], person: named('Marie') },
    { text: 'attribue Microsoft 365 E5 à Marie', products: ['SPE_E5'], person: named('Marie') },
    { text: 'attribue une licence M365 E3 à Marie', products: ['SPE_E3'], person: named('Marie') },
    { text: 'attribue Microsoft 365 E5 (sans Teams) à Marie', products: ['Microsoft_365_E5_(no_Teams)'], person: named('Marie') },
    { text: 'attribue E3 sans Teams à Marie', products: ['Microsoft_365_E3_(no_Teams)'], person: named('Marie') },
    { text: "attribue un forfait d'appels à l'usage à Marie", products: ['MCOPSTN_PAYG_1'], person: named('Marie') },
    { text: "attribue un forfait d'appels avec paiement à l'utilisation à Marie", products: ['MCOPSTN_PAYG_1'], person: named('Marie') },
    { text: 'attribue le Téléphone Teams à Marie', products: ['MCOEV'], person: named('Marie') },
    { text: "attribue le Téléphone Teams avec forfait d'appels à Marie", products: ['MCOTEAMS_ESSENTIALS'], person: named('Marie') },
    { text: 'retire Teams Phone de Marie', action: 'remove', products: ['MCOEV'], person: named('Marie') },
  ]);
});
