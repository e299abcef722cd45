"""Real news in, the facts it reports out.

Each article here is a passage of an article of the team's corpus of French press, with the metadata its source
gave (often no publication date, sometimes only an address); the expected facts are what the passage says."""

from __future__ import annotations

import json

import pytest
from conftest import DATA, kg
from rdflib import Graph, Literal, Namespace
from rdflib.namespace import RDF, RDFS, SKOS, XSD

KG = Namespace("https://w3id.org/kg-news/ontology#")
SCHEMA = Namespace("https://schema.org/")

ARTICLES = [
    (
        "figaro-syndicat",
        {
            "url": "http://www.lefigaro.fr/conjoncture/2018/12/17/20002-20181217ARTFIG00322-gilets-jaunes-les-syndicats-de-policiers-appellent-eux-aussi-a-la-mobilisation.php",
            "outlet": "Le Figaro",
            "published": "2018-12-17",
        },
        "L'Unsa-Police a enjoint les policiers à se lancer dans un mouvement «service minimum - 100% prévention» dès ce mardi. «Les ronds-points ne sont pas réservés qu'aux seuls gilets jaunes», a souligné le syndicat dans un communiqué.\nUnité-SGP-FO a également lancé un appel à la mobilisation des policiers en plusieurs actes sur le modèle de la contestation des «gilets jaunes». Le syndicat a envoyé mardi un courrier au chef de l'État pour appeler à sa «reconnaissance au-delà des mots et gestes formulés à notre endroit mais demeurés insuffisants pour nos pairs», allusion aux nombreux gestes et messages de soutien adressés par l'exécutif aux forces de l'ordre ces derniers temps.",
    ),
    (
        "dh-schauvliege",
        {"title": 'Kristof Calvo se lâche: "Je me fous de la N-VA!"', "outlet": "La DH"},
        '"Les libéraux, tant côté francophone que néerlandophone, parlent beaucoup du climat - et c\'est une bonne chose - mais maintenant, ils doivent passer des paroles aux actes", a ajouté Kristof Calvo en balayant, par ailleurs, les "conneries" de Joke Schauvliege.\nLa ministre flamande de l\'Environnement a affirmé, au cours d\'une réunion avec l\'ABS, un syndicat agricole flamand, que les manifestations des jeunes pour le climat étaient "manipulées" et que la Sûreté de l\'État lui en avait apporté la preuve. Des propos qu\'elle a retirés ce mardi, admettant qu\'elle était allée "trop loin".',
    ),
    (
        "jdq-legault",
        {
            "url": "https://www.journaldequebec.com/2019/01/21/a-paris-legault-louange-la-chanteuse-zaza",
            "outlet": "www.journaldequebec.com",
            "published": "2019-01-21",
        },
        "Visiblement fébrile, le premier ministre François Legault a aussi demandé au président français de quelle manière il prononçait le chiffre 71. Parce que le sommet entre MM. Macron et M. Legault coïncidait en effet avec la 71e journée du drapeau québécois.",
    ),
    (
        "lepoint-nogent",
        {
            "url": "https://www.lepoint.fr/politique/gilets-jaunes-macron-rencontre-des-gendarmes-mobiles-07-12-2018-2277484_20.php",
            "outlet": "Le Point",
        },
        "Emmanuel Macron s'est rendu vendredi soir au fort de Nogent-sur-Marne (Val-de-Marne) pour y rencontrer des gendarmes mobiles à la veille d'une nouvelle journée de manifestation des \"gilets jaunes\" durant laquelle des violences sont redoutées, a annoncé l'Elysée.",
    ),
    (
        "lalibre-lendemain",
        {
            "title": "Six morts, 1400 blessés et 728.000 manifestants en France depuis mi-novembre: genèse de la fronde inédite des gilets jaunes",
            "outlet": "LaLibre",
        },
        "L'Intérieur recense 136.000 manifestants en France.\nRéunions de crise\nEmmanuel Macron convoque le 2 décembre une réunion de crise à l'Élysée, et Édouard Philippe reçoit le lendemain les chefs des partis politiques.",
    ),
    (
        "figaro-elysee",
        {
            "url": "http://www.lefigaro.fr/social/2018/12/10/20011-20181210ARTFIG00225-gilets-jaunes-macron-aurait-reconnu-avoir-neglige-les-corps-intermediaires.php",
            "outlet": "Le Figaro",
            "published": "2018-12-10",
        },
        "Les élus et partenaires sociaux étaient reçus ce lundi à l'Élysée, avant qu'Emmanuel Macron ne s'adresse aux Français à 20 heures.",
    ),
    (
        "figaro-angers",
        {
            "url": "http://www.lefigaro.fr/actualite-france/2018/11/23/01016-20181123ARTFIG00319-angers-un-gilet-jaune-arme-d-une-grenade-veut-rencontrer-macron.php",
            "outlet": "Le Figaro",
            "published": "2018-11-23",
        },
        "Alors que le gouvernement a mis en garde contre tout débordement samedi, un forcené s'est retranché vendredi après-midi sur le parking d'un centre commercial d'Angers. Armé d'une grenade qu'il tenait à la main, il a réclamé que les «gilets jaunes» soient reçus à l'Élysée.",
    ),
    (
        "dh-discours",
        {
            "title": 'Emmanuel Macron comprend la "colère des gilets jaunes" et prend plusieurs décisions, dont l\'augmentation du SMIC',
            "outlet": "La DH",
        },
        'Ce discours, prononcé à l\'Elysée, était présenté comme décisif pour le président Emmanuel Macron, confronté à la crise politique la plus grave depuis le début de son quinquennat il y a 18 mois.\nIl a été accueilli souvent avec déception par les "gilets jaunes" interrogés sur les plateaux de télévision ou sur les lieux occupés dans plusieurs régions.',
    ),
    (
        "humanite-choose",
        {
            "url": "https://www.humanite.fr/face-emmanuel-macron-et-au-patronat-la-cgt-riposte-dans-la-rue-666744",
            "outlet": "L'Humanité",
            "published": "2019-01-22",
        },
        "De son côté, le chef de l’État s’apprête à ­recevoir au sommet Choose France la crème de la crème du patronat international et français.",
    ),
    (
        "humanite-bello",
        {
            "url": "https://www.humanite.fr/la-reunion-face-aux-gilets-jaunes-girardin-veut-desamorcer-la-colere-sociale-664395",
            "outlet": "L'Humanité",
            "published": "2018-11-29",
        },
        "Sans véritable appui politique à La Réunion, la ministre Annick Girardin a été accueillie plutôt fraîchement par la députée Huguette Bello (Gauche démocratique et républicaine), du mouvement Pour La Réunion qui, dans un tweet, faisait un parallèle entre les dépenses par habitant.",
    ),
    (
        "humanite-charge",
        {
            "url": "https://www.humanite.fr/mouvement-social-les-gilets-jaunes-veulent-une-reponse-juste-voire-juste-une-reponse-664520",
            "outlet": "L'Humanité",
            "published": "2018-12-03",
        },
        "La réponse sera donc sécuritaire, même si le chef de l’état a chargé Edouard Philippe de recevoir les chefs de partis représentés à l’Assemblée nationale et les gilets jaunes cette semaine.",
    ),
    (
        "figaro-inter",
        {
            "url": "http://www.lefigaro.fr/vox/economie/2018/11/30/31007-20181130ARTFIG00192-le-macronisme-maladie-senile-du-hollandisme.php",
            "outlet": "Le Figaro",
            "published": "2018-11-30",
        },
        "Ce fut le cas ce lundi matin sur France Inter où il était reçu par Nicolas Demorant et Léa Salamé qui semblaient ravis de pouvoir en faire l'opposant responsable au macronisme déclinant.",
    ),
    (
        "lepoint-bfmtv",
        {
            "url": "https://www.lepoint.fr/economie/gilets-jaunes-le-plan-de-crise-a-l-epreuve-des-deputes-05-12-2018-2276637_28.php",
            "outlet": "Le Point",
        },
        'Les hausses de ces taxes prévues pour le 1er janvier sont "annulées pour l\'année 2019", a affirmé le ministre de la Transition écologique François de Rugy.\n"Le président (Emmanuel Macron) je l\'ai eu au téléphone il y a quelques minutes", a assuré le ministre lors d\'un débat avec des "gilets jaunes" sur BFMTV.',
    ),
    (
        "liberte-devait",
        {"title": "France : Première reculade du gouvernement devant les «gilets jaunes»", "outlet": "Liberté"},
        "Lundi, le Premier ministre Edouard Philippe a reçu dans un geste d’apaisement les représentants des partis de l’opposition française. Il devait continuer les négociations en rencontrant les représentants des «gilets jaunes». Mais au final, personne n’a pu se rendre à l’hôtel Matignon de peur de représailles.",
    ),
    (
        "lepoint-contacts",
        {
            "url": "https://www.lepoint.fr/politique/la-cgt-organise-son-grand-debat-sur-le-bitume-mardi-03-02-2019-2291010_20.php",
            "outlet": "Le Point",
        },
        "Côté syndical, des contacts ont eu lieu en tout début d'année entre Philippe Martinez et ses homologues de la CFDT et de Force Ouvrière. Mais ils n'ont à nouveau pas réussi à s'entendre sur une mobilisation commune.",
    ),
    (
        "dh-groupe",
        {
            "title": '"Gilets jaunes": le gouvernement français prend une première décision forte pour tenter d\'apaiser la crise',
            "outlet": "La DH",
        },
        '"Gilets jaunes": le gouvernement français prend une première décision forte pour tenter d\'apaiser la crise\n\n'
        "\"On doit apaiser la situation pour éviter qu'elle dégénère\", a déclaré Édouard Philippe mardi matin devant le groupe LREM et MoDem à l'Assemblée nationale, ont rapporté à l'AFP des participants à la réunion.",
    ),
    (
        "lepoint-reunion",
        {
            "url": "https://www.lepoint.fr/politique/un-depute-de-la-france-insoumise-brandit-un-gilet-jaune-a-l-assemblee-27-11-2018-2274615_20.php",
            "outlet": "Le Point",
        },
        "Après Jean Lassalle, c'est au tour du député de La Réunion Jean-Hugues Ratenon (La France insoumise) d'arborer le symbole de l'opposition à la taxe sur le carburant.",
    ),
    (
        "letemps-deroute",
        {
            "url": "https://www.letemps.ch/monde/2017/05/07/emmanuel-macron-president",
            "outlet": "Le Temps",
            "published": "2017-05-07",
        },
        "Les deux partis de gouvernement historiques, Les Républicains (héritier du RPR, droite) et le Parti socialiste, se retrouvent ni plus ni moins menacés de déroute.",
    ),
    (
        "lepoint-pret",
        {
            "url": "https://www.lepoint.fr/societe/philippe-pret-a-recevoir-une-delegation-representative-de-gilets-jaunes-28-11-2018-2274920_23.php",
            "outlet": "Le Point",
        },
        'Philippe prêt à recevoir une délégation "représentative" de "gilets jaunes"',
    ),
    (
        "humanite-gourault",
        {"url": "https://www.humanite.fr/editorial-derobade-663968", "outlet": "L'Humanité", "published": "2018-11-21"},
        "Jacqueline Gourault, la ministre de la Cohésion des territoires et des Relations avec les collectivités territoriales, dont le titre à rallonge est inversement proportionnel à sa marge de manœuvre, s’efforçait hier de botter en touche en opposant les maires, qu’elle assure rencontrer sur le terrain, à l’AMF.",
    ),
    (
        "lepoint-objet",
        {
            "url": "https://www.lepoint.fr/economie/gilets-jaunes-une-catastrophe-economique-pour-bruno-le-maire-09-12-2018-2277709_28.php",
            "outlet": "Le Point",
        },
        "Son caractère obligatoire ou facultatif fait néanmoins l'objet de débats entre patronat et syndicats.",
    ),
    (
        "dh-bourgmestres",
        {
            "title": "Notre grand entretien des bourgmestres : Carine De Saint-Martin est la surprise du chef !",
            "outlet": "La DH",
        },
        "Notre grand entretien des bourgmestres : Carine De Saint-Martin est la surprise du chef !",
    ),
    (
        "lepoint-hidalgo",
        {
            "url": "https://www.lepoint.fr/societe/gilets-jaunes-devant-le-chaos-l-elysee-en-situation-de-crise-02-12-2018-2275861_23.php",
            "outlet": "Le Point",
        },
        "La maire de Paris Anne Hidalgo demande au ministre de l'Intérieur de la recevoir avec les maires des arrondissements de Paris touchés samedi soir par les violences et les dégradations commises en marge du mouvement des Gilets jaunes, a-t-elle annoncé lors d'un point de presse dimanche.",
    ),
    (
        "lepoint-etapes",
        {
            "url": "https://www.lepoint.fr/politique/gilets-jaunes-les-etapes-d-une-fronde-inedite-en-france-11-12-2018-"
            "2278179_20.php",
            "outlet": "Le Point",
        },
        "Le\xa027\xa0novembre, Emmanuel Macron annonce vouloir adapter la fiscalité des carburants aux fluctuations de "
        'prix et organiser une "grande concertation" dans les territoires.\nLe 29, Édouard Philippe reçoit un "gilet '
        "jaune\". Le lendemain, deux autres répondent à son invitation, mais l'un d'eux repart aussitôt.",
    ),
    (
        "lepoint-barometre",
        {
            "url": "https://www.lepoint.fr/politique/barometre-ipsos-le-point-le-president-des-villes-et-des-cadres-"
            "16-01-2019-2286157_20.php",
            "outlet": "Le Point",
        },
        "Dans notre baromètre Ipsos du mois de janvier, réalisé avant la publication de la lettre d'Emmanuel Macron, "
        "le chef de l'État grappille quelques points. Avec 23\xa0% d'opinions favorables (+ 3) contre toujours 74\xa0% "
        "d'opinions défavorables (-\xa02), ce n'est pas une franche et solide remontée, mais enfin, les promesses que "
        "renferme le grand débat national qui a débuté mardi\xa015\xa0janvier avec la rencontre entre le chef de "
        "l'État et les maires dans l'Eure semblent mettre l'opinion dans de meilleures dispositions à l'égard du "
        "président et de l'exécutif.",
    ),
    (
        "lalibre-merkel",
        {
            "title": "Pourquoi la vente des bijoux de famille grecs se poursuit mais rapporte très peu",
            "outlet": "LaLibre",
        },
        "Pour la troisième fois depuis le début de la crise, la chancelière allemande est en visite officielle en "
        "Grèce. Entre le coup de pouce à Alexis Tsipras pour sa campagne électorale larvée et son appui marqué en "
        "faveur du règlement du dossier macédonien, Angela Merkel vient, selon les médias grecs, s’assurer que les "
        "reformes engagées vont bien rester dans les clous de l’austérité imposée, privatisations en tête.",
    ),
    (
        "dh-audience",
        {"outlet": "La DH"},
        "Le Roi a accepté vendredi la démission du gouvernement du Premier ministre Charles Michel. S'assurant un rôle "
        "dans les semaines à venir, le Roi a convenu avec le président de la Chambre, Siegfried Bracke, des "
        "représentants et avec le Premier ministre que ces derniers « l'informeront respectivement ».\n"
        'Voici le communiqué du Palais : "Le Roi a reçu en audience le Président de la Chambre des représentants et le '
        "Premier ministre, après avoir consulté les présidents de partis. Le Roi a accepté la démission du "
        'gouvernement et l’a chargé de l’expédition des affaires courantes."',
    ),
    (
        "figaro-bourges",
        {
            "url": "http://www.lefigaro.fr/actualite-france/2019/01/11/01016-20190111ARTFIG00167-gilets-jaunes-les-"
            "autorites-de-bourges-sur-le-qui-vive.php",
            "outlet": "Le Figaro",
            "published": "2019-01-11",
        },
        "Le maire de la ville, Pascal Blanc, a ainsi fait retirer une partie des horodateurs et a décidé la fermeture "
        "de plusieurs lieux publics, samedi. L'heure était à l'inquiétude, vendredi, dans la commune.\n«J'ai rencontré "
        "hier soir des “gilets jaunes” de la ville qui m'ont dit leur crainte d'être dépassés par l'événement», a "
        "affirmé le maire à La Croix.",
    ),
    (
        "figaro-ciotti",
        {
            "url": "http://www.lefigaro.fr/conjoncture/2018/11/17/20002-20181117ARTFIG00057-gilets-jaunes-1000-"
            "rassemblements-et-50000-manifestants-a-la-mi-journee.php",
            "outlet": "Le Figaro",
            "published": "2018-11-17",
        },
        "Depuis Nice, Éric Ciotti, député LR des Alpes-Maritimes, s'est rendu samedi devant l'hôtel des impôts de "
        "Nice. «Symboliquement, j'ai écrit au président de la République, à Emmanuel Macron, pour lui demander "
        "d'arrêter avec ce fardeau fiscal», a-t-il lancé au micro d'Europe 1.",
    ),
    (
        "lapresse-policiers",
        {
            "url": "https://www.lapresse.ca/international/europe/201812/24/01-5209081-gilets-jaunes-noel-offre-un-"
            "peu-de-repit-a-lexecutif-francais.php",
            "outlet": "La Presse",
        },
        "« Il faut distinguer ceux qui se comportent de cette façon et ceux qui pacifiquement expriment des "
        "revendications », a toutefois nuancé Edouard Philippe.\nLes déclarations du premier ministre suivaient sa "
        "rencontre avec des policiers pris à partie samedi sur l'avenue parisienne des Champs-Élysées par des "
        "manifestants.",
    ),
    (
        "figaro-sarkozy",
        {
            "url": "http://www.lefigaro.fr/politique/le-scan/2018/12/18/25001-20181218ARTFIG00118-macron-a-demande-"
            "a-sarkozy-de-le-representer-a-l-investiture-de-la-presidente-georgienne.php",
            "outlet": "Le Figaro",
            "published": "2018-12-18",
        },
        "Macron a demandé à Sarkozy de le représenter à l'investiture de la présidente géorgienne\nLE SCAN "
        "POLITIQUE - Selon l'Élysée, Emmanuel Macron a demandé ce service à Nicolas Sarkozy en raison de son «lien "
        "avec la Géorgie».",
    ),
    (
        "lepoint-delegation",
        {
            "url": "https://www.lepoint.fr/politique/une-delegation-de-gilets-jaunes-recue-vendredi-par-edouard-"
            "philippe-29-11-2018-2275317_20.php",
            "outlet": "Le Point",
        },
        'Deux d\'entre eux, les initiateurs du mouvement des "gilets jaunes" Priscillia Ludosky et Éric Drouet, ont '
        "été reçus mardi soir, à la demande d'Emmanuel Macron, par le ministre de la Transition écologique François "
        "de Rugy.",
    ),
    (
        "figaro-crs",
        {
            "url": "http://www.lefigaro.fr/conjoncture/2018/12/17/20002-20181217ARTFIG00322-gilets-jaunes-les-"
            "syndicats-de-policiers-appellent-eux-aussi-a-la-mobilisation.php",
            "outlet": "Le Figaro",
            "published": "2018-12-17",
        },
        "Cette annonce intervient à l'approche de la réception des syndicats de policiers à Beauvau par le ministre "
        "de l'Intérieur, Christophe Castaner, en fin d'après-midi.\n» LIRE AUSSI - Ces millions d'heures sup' non "
        "payées qui suscitent la colère des policiers\nLe président de la République avait promis le versement "
        "d'une prime au cours d'un déjeuner avec des CRS le 3 décembre, au surlendemain des violents affrontements "
        "à Paris.",
    ),
    (
        "lematin-philippe",
        {
            "url": "https://www.lematin.ch/monde/philippe-recevoir-gilets-jaunes-libres/story/10871024",
            "outlet": "Le Matin",
        },
        "Le Premier ministre, Edouard Philippe, a reçu quant à lui six membres du mouvement des «Gilets jaunes» en "
        "début de soirée à Matignon. Benjamin Cauchy, un des porte-parole des «Gilets jaunes libres», a précisé sur "
        "BFM TV qu'il demanderait notamment des états généraux de la fiscalité.",
    ),
    (
        "lepoint-matignon",
        {
            "url": "https://www.lepoint.fr/politique/edouard-philippe-se-prepare-a-recevoir-les-"
            "gilets-jaunes-29-11-2018-2275234_20.php",
            "outlet": "Le Point",
        },
        "Édouard Philippe se prépare à recevoir les Gilets jaunes\n\nLe Premier ministre doit dessiner les contours de "
        "la « grande concertation » d'Emmanuel Macron. Jeudi matin, il recevait plusieurs élus locaux. Le chef du "
        "gouvernement, qui a déjà rencontré les ONG environnementales mardi midi à l'issue du discours d'Emmanuel "
        "Macron, rencontre les autres collèges du CNTE.",
    ),
    (
        "lepoint-derugy",
        {
            "url": "https://www.lepoint.fr/societe/champs-elysees-les-gilets-jaunes-appellent-a-manifester-"
            "samedi-27-11-2018-2274863_23.php",
            "outlet": "Le Point",
        },
        "Deux porte-parole des Gilets jaunes étaient reçus ce mardi soir par le ministre de la Transition écologique "
        "et solidaire François de Rugy.",
    ),
    (
        "liberte-crise",
        {"published": "2018-12-03", "outlet": "Liberté"},
        "Le président français, Emmanuel Macron, a demandé hier au Premier ministre, Edouard Philippe, de recevoir les "
        "chefs de partis représentés au Parlement ainsi que des représentants des «gilets jaunes».",
    ),
    (
        "dh-serbie",
        {"outlet": "La DH"},
        "Face à l'urgence de la situation, Emmanuel Macron a reporté sa visite officielle en Serbie prévue mercredi.",
    ),
    (
        "lepoint-cgt",
        {"published": "2019-02-03", "outlet": "Le Point"},
        "Sans citer l'appel de la CGT, Eric Drouet, l'une des figures du mouvement des \"gilets jaunes\" a appelé à "
        'une "grève générale" ce mardi.',
    ),
    (
        "lalibre-0625",
        {"outlet": "LaLibre"},
        'Les prix de la mode britannique mettent en avant Clare Waight Keller de Givenchy, Kaia Gerber et... Meghan Markle !\n\n\nLa directrice artistique de Givenchy, Clare Waight Keller, a reçu lundi à Londres le prix de meilleure styliste britannique de l\'année (collections femmes) des mains de Meghan Markle, dont elle avait conçu la robe pour son mariage avec le prince Harry.\n\n"C\'est un tel plaisir que d\'être ici pour célébrer la mode britannique", a déclaré Meghan, duchesse de Sussex, lors de la cérémonie annuelle des British Fashion Awards, organisée en présence de nombreuses stars au Royal Albert Hall. Acclamée par le public, l\'ancienne actrice américaine, enceinte, a salué la "vision", la "créativité" mais aussi "l\'incroyable gentillesse" de Clare Waight Keller. La princesse avait préparé cette apparition surprise dans une longue robe de soirée asymétrique signée Givenchy pour rendre hommage à la créatrice de sa robe de mariée.\n\n\n\n\n\nLes deux femmes s\'étaient rencontrées début 2018, avant que la styliste ne signe la robe portée par Meghan, grande amatrice de mode, pour son mariage avec Harry, le 19 mai dernier, une création aux lignes épurées, à encolure bateau et manches trois quarts.\n\n\n\n\n\n\n© AFP\n\n\n\nLes British Fashion Awards ont également récompensé Vivienne Westwood, lauréate du prix pour le "changement positif", eu égard à son engagement contre le changement climatique. Jamais avare de discours militants, l\'icône punk de la mode britannique, 77 ans, en a profité pour dénoncer le "système financier pourri", cause de "tous nos problèmes". Elle a également taclé le président français Emmanuel Macron et la hausse des taxes sur les carburants, finalement annulée pour 2019 en raison du mouvement des "gilets jaunes". "Cette taxe frappe les pauvres plus que quiconque", a-t-elle souligné. "Et (M. Macron) ne pense pas au fait qu\'il a déjà accordé tous ces allégements fiscaux aux riches. Alors forcément, les gens sont énervés".\n\n\n\n\n\n\n\n© Reporters\n\n\n\nLe prix du mannequin 2018 est allé à Kaia Gerber, 17 ans, bien partie pour connaître le même destin que sa mère, l\'ancienne top model Cindy Crawford. "C\'est un tel honneur", a déclaré la jeune Américaine, au bord des larmes. "Je n\'ai qu\'un petit rôle à jouer dans la concrétisation d\'une vision créative, mais je suis très reconnaissante d\'en faire partie". La jeune fille était venue accompagnée de toute sa famille.\n\nVictoria Beckham qui a fêté récemment les 10 ans de sa griffe était venue accompagnée de son mari David Beckham et de son fils aîné, Brooklyn.\n\n\n\n\n\n© AFP\n\n\n\nParmi les autres récompenses, Gucci a reçu le prix de la "marque de l\'année" avec Alessandro Michele et l\'Italien Pierpaolo Piccioli, directeur artistique de Valentino, celui de meilleur designer.\n\n\n\n\n\n© AFP\n\n\n\nMiuccia Prada a reçu le Outstanding Achievement Award pour ses réalisations exceptionnelles au cours de sa carrière\n\n\n\n\n\n© AFP\n\n\n\nWinnie Harlow, Doutzen Kroes et la française Cindy Bruna, des top models en vogue.\n\n\n\n\n\n© AFP\n\n\n\nDes personnalités du show biz étaient également de la partie comme Ellie Goulding, Rita Ora et Uma Thurman\n\n\n\n\n\n© AFP\n\n\n\nIncroyable robe pour Alek Wek !\n\n\n\n\n\n© AFP\n\n\n\nPénelope Cruz très princesse fifties avec son chignon choucroute. Rosie Huntington avait opté pour un décolleté plongeant, au contraire de Constance Jablonski qui portait un sage et très élégant col claudine.\n\n\n\n\n\n© AFP',
    ),
    (
        "liberte-beauvau",
        {"outlet": "Liberté"},
        "S’agissant de la réaction du président français, Emmanuel Macron, ce dernier a exprimé sur Twitter, dans "
        "la soirée de mardi, la solidarité de la «nation toute entière», au terme de sa présidence, à Beauvau, d’une "
        "réunion de crise interministérielle, à laquelle a pris part son Premier ministre Edouard Philippe.",
    ),
    (
        "figaro-elysee-crise",
        {
            "url": "http://www.lefigaro.fr/politique/2018/12/02/01002-20181202ARTFIG00176-gilets-jaunes-emmanuel-"
            "macron-cherche-la-sortie-de-crise.php",
            "outlet": "Le Figaro",
            "published": "2018-12-02",
        },
        "Dans la foulée, le chef de l'État a tenu une réunion de crise à l'Élysée en présence du premier ministre, "
        "Édouard Philippe, du ministre de l'Intérieur, Christophe Castaner, et de son secrétaire d'État, Laurent "
        "Nunez.",
    ),
    (
        "lapresse-vatican",
        {
            "url": "https://www.lapresse.ca/international/europe/201902/15/01-5214838-le-representant-du-pape-en-"
            "france-vise-par-une-enquete-pour-agressions-sexuelles.php",
            "outlet": "La Presse",
        },
        "Le pape François, qui entend appliquer sa promesse de « tolérance zéro », a promis ces derniers mois qu'il "
        "serait intransigeant avec la haute hiérarchie ecclésiastique.\n\nIl a convoqué une réunion cruciale à "
        "laquelle participeront les présidents des conférences épiscopales du monde entier du 21 au 24 février au "
        "Vatican.",
    ),
    (
        "lepoint-bordeaux",
        {
            "url": "https://www.lepoint.fr/politique/casseurs-edouard-philippe-promet-une-enveloppe-pour-les-"
            "commercants-01-02-2019-2290748_20.php",
            "outlet": "Le Point",
        },
        "Le Premier ministre Édouard Philippe a affirmé vendredi à Bordeaux que l'État assurerait \"l'accompagnement "
        'financier" après les dégradations subies par les commerçants depuis le début du mouvement des "gilets '
        'jaunes".\n"Cela permettra d\'accompagner les initiatives prises par les collectivités territoriales", a '
        "précisé Édouard Philippe, après une rencontre avec plusieurs commerçants bordelais.",
    ),
    (
        "humanite-belloubet",
        {
            "url": "https://www.humanite.fr/gilets-jaunes-leurs-attroupements-troublent-ils-lordre-public-664577",
            "outlet": "L'Humanité",
            "published": "2018-12-04",
        },
        "La ministre de la justice, Nicole Belloubet, entend réserver un « traitement pénal des infractions "
        "commises par les Gilets jaunes extrêmement ferme ».\nC’est ce qu’elle a réclamé, lors d’une visite "
        "controversée au tribunal de Paris, dimanche 2 décembre, aux magistrats du parquet en charge des "
        "gardes-à-vues des personnes arrêtées samedi à l’occasion de la manifestation des Gilets jaunes.",
    ),
    (
        "tdg-caledonie",
        {
            "url": "https://www.tdg.ch/monde/La-NouvelleCaledonie-a-choisi-la-France-/story/27988077",
            "outlet": "Tribune de Genève",
        },
        "Édouard Philippe, venu du Vietnam avec la ministre des Outre-mer Annick Girardin, s'est entretenu avec "
        "chacun des groupes siégeant au Congrès de la Nouvelle-Calédonie, avant de se rendre dans la province nord.",
    ),
    (
        "figaro-cci",
        {
            "url": "http://www.lefigaro.fr/conso/2018/12/07/20010-20181207ARTFIG00005-gilets-jaunes-les-commercants-"
            "se-preparent-a-l-acte-iv.php",
            "outlet": "Le Figaro",
            "published": "2018-12-07",
        },
        "Ce vendredi, à la suite d'une réunion avec la préfecture de police de Paris qui a expliqué aux "
        "représentants des milieux économiques le dispositif mis en place pour demain, la Chambre de commerce et "
        "d'industrie de Paris Île-de-France a conseillé à ses ressortissants «de fermer leurs établissements au sein "
        "et à proximité du périmètre de protection».",
    ),
    (
        "dh-football",
        {"outlet": "La DH"},
        "En toute fin de rencontre, Pierre Lees-Melou, parfaitement servi par Youcef Attal, a même manqué le but de la "
        "victoire alors que Ruffier était battu (89e).",
    ),
    (
        "lepoint-prefet",
        {
            "url": "https://www.lepoint.fr/societe/gilets-jaunes-bourges-se-prepare-au-pire-11-01-2019-2284991_23.php",
            "outlet": "Le Point",
        },
        "«\xa0Nous observons semaine après semaine une dérive vers des comportements de plus en plus violents\xa0», "
        "qui sont le fait de «\xa0petits groupes\xa0», a commenté Michel Delpuech. Ils ciblent, selon lui, "
        "«\xa0d'abord les lieux de pouvoir\xa0».\n\nLe préfet a confirmé le dispositif de sécurité exceptionnel "
        "prévu samedi, qui va retrouver son niveau de la mi-décembre. Concernant les engins de chantier, le préfet a "
        "expliqué avoir donné des consignes pour limiter leur présence sur la voie publique lors d'une réunion avec "
        "la Mairie de Paris jeudi.",
    ),
    (
        "dh-liege",
        {"title": "Liège : les gilets jaunes ont bloqué le centre-ville", "outlet": "La DH"},
        "Liège : les gilets jaunes ont bloqué le centre-ville\n\n\nIls venaient d'être reçus par le bourgmestre.\n"
        "Après un barrage total, puis filtrant, les manifestants se sont dispersés vers 17 h 15.",
    ),
    (
        "lepoint-maires",
        {
            "url": "https://www.lepoint.fr/societe/grand-debat-acte-7-macron-replonge-dans-les-maux-de-la-france-"
            "rurale-14-02-2019-2293491_23.php",
            "outlet": "Le Point",
        },
        "a Gargilesse-Dampierre (Indre), Emmanuel Macron a de nouveau écouté jeudi les maires lui exposer les "
        "handicaps du monde rural avant de retrouver des chefs d'entreprise à Déols, au nord de Chateauroux.\n"
        "Loin des échanges marathon de ces dernières semaines, c'est en petit comité qu'Emmanuel Macron a ensuite "
        "écouté une trentaine de maires de l'Indre énumérer leur doléances.",
    ),
    (
        "lalibre-matignon",
        {
            "title": "Les mesures annoncées en novembre sont finalement toutes maintenues, annonce Matignon",
            "outlet": "LaLibre",
        },
        "L'économie totale envisagée pour les finances publiques s'élevait à 130 millions d'euros sur les 500 millions "
        'au total que devaient coûter ces premières mesures.\nMais "après discussion avec les parlementaires de la '
        "majorité, le gouvernement maintient l'ensemble des mesures annoncées par le Premier ministre en novembre\", a "
        "finalement affirmé Matignon à l'AFP en fin de journée.",
    ),
    (
        "figaro-cci",
        {
            "url": "http://www.lefigaro.fr/conso/2018/12/07/20010-20181207ARTFIG00005-gilets-jaunes-les-commercants-se-"
            "preparent-a-l-acte-iv.php",
            "outlet": "Le Figaro",
            "published": "2018-12-07",
        },
        "Ce vendredi, à la suite d'une réunion avec la préfecture de police de Paris qui a expliqué aux représentants "
        "des milieux économiques le dispositif mis en place pour demain, la Chambre de commerce et d'industrie de Paris "
        "Île-de-France a conseillé à ses ressortissants «de fermer leurs établissements au sein et à proximité du "
        "périmètre de protection».",
    ),
    (
        "lepoint-majorite",
        {
            "url": "https://www.lepoint.fr/economie/gilets-jaunes-le-gouvernement-renonce-a-certaines-mesures-18-12-2018-2280373_28.php",
            "outlet": "Le Point",
        },
        "Les\u00a0mesures annoncées en novembre par le gouvernement dans une première réponse aux\u00a0Gilets jaunes, et "
        "auxquelles Matignon avait dit mardi après-midi renoncer en\u00a0partie, sont finalement toutes maintenues, a "
        "annoncé à l'Agence France-Presse\u00a0l'entourage du Premier ministre Édouard Philippe. «\u00a0\u2009Après "
        "discussion avec les\u00a0parlementaires de la majorité, le gouvernement maintient l'ensemble des "
        "mesures\u00a0annoncées par le Premier ministre en novembre. L'accompagnement de la transition\u00a0écologique "
        "sera l'un des enjeux clefs du futur grand débat national\u2009\u00a0», a indiqué\u00a0cette source.",
    ),
    (
        "jdm-fiasco",
        {
            "url": "https://www.journaldemontreal.com/2018/12/01/france-les-gilets-jaunes-de-retour-au-cur-de-paris",
            "outlet": "Journal de Montréal",
            "published": "2018-12-01",
        },
        "Vendredi, une réunion de concertation avec le premier ministre Édouard Philippe a tourné au fiasco: seuls "
        "deux «gilets jaunes» y ont participé et l'un d'eux a rapidement quitté les lieux faute d'avoir obtenu que la "
        "rencontre soit diffusée en direct.",
    ),
    (
        "lepoint-tete-a-tete",
        {
            "url": "https://www.lepoint.fr/economie/grand-debat-macron-dans-la-drome-face-a-wauquiez-et-une-soixantaine-d-elus-24-01-2019-2288554_28.php",
            "outlet": "Le Point",
        },
        'Emmanuel Macron a joué les invités-surprises dans un débat-citoyen avec des "gilets jaunes" jeudi près de '
        "Valence, après avoir entendu les doléances d'une soixantaine d'élus lors d'un déjeuner-débat à Valence, et un "
        "tête-à-tête inédit avec le patron des Républicains Laurent Wauquiez, qui lui a reproché d'être \"dans une "
        'bulle".',
    ),
    (
        "soleil-beltrame",
        {
            "url": "https://www.lesoleil.com/actualite/monde/la-france-honore-arnaud-beltrame-heros-de-la-prise-dotages-de-trebes-a3a855afb3e4a304e201f0723df66329",
            "outlet": "Le Soleil",
        },
        "Devant le cercueil de l’officier recouvert d’un drapeau français, en présence de plus de 1200 invités et du gouvernement au complet, le président Emmanuel Macron a célébré le courage du gendarme et dénoncé «l’hydre islamiste», cet «ennemi insidieux».«Il rejoint le cortège valeureux des héros qu’il chérissait», a déclaré le chef de l’État dans son éloge funèbre au monument parisien des Invalides, affirmant que «sa mémoire vivra» et «son exemple demeurera».«Sa grandeur a sidéré la France», a-t-il lancé devant une foule émue et silencieuse, convoquant l’histoire pour le placer dans la lignée des héros français, de Jean Moulin à Jeanne d’Arc et Charles de Gaulle, des soldats de Verdun aux combattants du maquis et aux Justes. Tué vendredi lors de l’assaut de l’unité d’élite de la gendarmerie, Radouane Lakdim était fiché «S» (pour «sûreté de l’État») depuis 2014 et inscrit depuis novembre 2015 au Fichier des signalements pour la prévention et la radicalisation à caractère terroriste.L’hommage a réuni les anciens présidents François Hollande et Nicolas Sarkozy, les dirigeants politiques de tous bords et plus de 300 députés.Dans la foule figuraient aussi les familles des victimes, les personnes présentes lors de l’attaque, des élus des communes touchées ainsi que des centaines d’anonymes, dont de nombreux militaires.Après la cérémonie, le chef de l’État a reçu à huis clos les familles d’Arnaud Beltrame et des autres victimes.",
    ),
    (
        "tdg-pellerin",
        {"url": "https://www.tdg.ch/monde/exministre-viseur-justice/story/17414060", "outlet": "Tribune de Genève"},
        "Fleur Pellerin, à la tête de la société d'investissements qu'elle a créée, Korelya Consulting, gérait depuis "
        "septembre 2016 un fonds «intégralement doté par la société Naver Corp», un poids lourd du web sud-coréen, "
        "rappelle d'abord la haute-autorité. Or la HATVP s'est aperçue que Fleur Pellerin avait déjà tissé des liens "
        "avec ce groupe à l'époque où elle était au gouvernement. En octobre 2015, elle avait «évoqué» avec Naver Corp "
        "«à l'occasion d'une visite en Corée du Sud (...) un projet de partenariat en vue de la diffusion» par le groupe "
        "asiatique «des événements de l'année France-Corée (2015-2016, ndlr)», relate le rapport.",
    ),
    (
        "lepoint-journee",
        {
            "url": "https://www.lepoint.fr/monde/apres-berlin-macron-en-belgique-pour-une-rare-visite-d-etat-19-11-2018-2272487_24.php",
            "outlet": "Le Point",
        },
        "Visite d'Etat oblige, le protocole a rythmé cette journée qu'Emmanuel Macron et son épouse Brigitte ont passé "
        "en bonne partie avec le roi Philippe et la reine Mathilde, toute de rouge vêtue.",
    ),
    (
        "lalibre-lettre",
        {"title": "Voici les images des premiers pays à basculer en 2019", "outlet": "LaLibre"},
        "Kim Jong Un avait pris le monde entier de court le 1er janvier 2018 en tendant la main au Sud et en évoquant "
        "une participation d'athlètes nord-coréens aux JO d'hiver Pyeongchang. Il vient de promettre dans une lettre "
        'inhabituelle adressée au gouvernement sud-coréen de rencontrer "souvent" en 2019 son homologue Moon Jae-in '
        "pour débattre de la dénucléarisation de la péninsule.",
    ),
    (
        "dh-stories",
        {
            "title": "Nos animatrices attaquées sur les réseaux sociaux: \"Tu n'es qu'une miss météo ne l'oublie pas\"",
            "outlet": "La DH",
        },
        "Avec près de 38 000 followers sur Instagram, Sandrine Corman fait partie des animatrices de télé belges les plus suivies sur les réseaux sociaux. Très active sur ces nouveaux médias, la présentatrice de La Grande Balade sur RTL-TVI partage régulièrement quelques moments de ses quotidiens professionnel et privé avec les internautes.\nNombreux sont ceux qui commentent ses publications par de jolis messages de soutien, d’admiration ou encore d’affection. L’animatrice n’est toutefois pas à l’abri de quelques messages haineux comme celui qu’elle a reçu ce jeudi matin, en réponse à une de ses Stories Instagram.",
    ),
    (
        "lepoint-audience",
        {
            "url": "https://www.lepoint.fr/societe/une-petition-contre-l-utilisation-des-lbd-recolte-68-000-signatures-31-01-2019-2290504_23.php",
            "outlet": "Le Point",
        },
        "Le Conseil d'Etat a examiné mercredi des recours demandant la suspension immédiate de l'usage du lanceur de "
        'balles de défense. Cette arme aurait été utilisée dans "9.228 cas" lors de manifestations de "gilets jaunes" '
        "depuis le début du mouvement de contestation sociale mi-novembre, a indiqué Pascale Léglise, représentante du "
        "ministère de l'Intérieur, lors d'une audience au Conseil d'Etat.",
    ),
    (
        "lepoint-ferrand",
        {
            "url": "https://www.lepoint.fr/politique/gilets-jaunes-philippe-face-a-une-motion-de-censure-de-gauche-13-12-2018-2279002_20.php",
            "outlet": "Le Point",
        },
        "Alors que la date du débat venait d'être fixée, la présidente du groupe PS Valérie Rabault a écrit mercredi "
        "au président de l'Assemblée Richard Ferrand (LREM) pour demander un report.",
    ),
    (
        "lapresse-rencontre",
        {
            "url": "https://www.lapresse.ca/international/europe/201812/01/01-5206399-gilets-jaunes-une-revolution-jaune-fluo-a-paris.php",
            "outlet": "La Presse",
        },
        "Entre les gaz et les grenades assourdissantes, La Presse a rencontré les « gilets jaunes » hier à Paris, au "
        "cours d'une manifestation spectaculaire, marquée par les violences et le chaos.",
    ),
    (
        "liberte-onu",
        {"title": "Le président Nicolas Maduro sous la pression internationale", "outlet": "Liberté"},
        "Ainsi, peu avant une réunion du Conseil de sécurité de l’Organisation des Nations unies (ONU) consacrée à la "
        "crise de ce pays latino-américain, Madrid, Paris, Berlin et Londres ont lancé, de manière coordonnée, un "
        "ultimatum à Nicolas Maduro et annoncé qu’ils reconnaîtraient l’opposant Juan Guaido comme «président» du "
        "Venezuela, si des élections ne sont pas convoquées sous «huit jours».",
    ),
    (
        "soleil-ovale",
        {
            "url": "https://www.lesoleil.com/actualite/monde/trump-optimiste-dans-les-negociations-commerciales-avec-la-chine-005c0f93ab86261493bc4d33a7b37c58",
            "outlet": "Le Soleil",
        },
        "Dans le Bureau Ovale, en présence de Liu He, vice-premier ministre et principal négociateur de Pékin, M. Trump "
        "a évoqué «de très bonnes discussions avec la Chine» et jugé qu’il y avait de «très bonnes chances de parvenir "
        "à un accord» pour mettre fin au conflit commercial qu’il a déclenché à coup de tarifs douaniers.",
    ),
    (
        "lepoint-serbie",
        {
            "url": "https://www.lepoint.fr/politique/gilets-jaunes-le-pouvoir-passe-a-l-initiative-dans-l-urgence-03-12-2018-2276190_20.php",
            "outlet": "Le Point",
        },
        'Dans ce contexte, Emmanuel Macron a décidé de "reporter" sa visite en Serbie prévue mercredi et jeudi, a '
        "annoncé la présidence serbe. Une réunion de crise s'est tenue en fin de journée à l'Élysée en présence du "
        "tandem exécutif et de plusieurs ministres.",
    ),
    (
        "letemps-manche",
        {"url": "https://www.letemps.ch/monde/hautsdefrance-desarmes-face-no-deal", "outlet": "Le Temps"},
        "4,2 millions de camions traversent la Manche chaque année, entre ferries et Eurostar. 70% des échanges entre "
        "la France et la Grande-Bretagne passent par la route.",
    ),
    (
        "soleil-securite",
        {
            "url": "https://www.lesoleil.com/actualite/monde/macron-appelle-a-une-rencontre-avec-les-gilets-jaunes-60b6289f88ee99cf38751b16802ee9f6",
            "outlet": "Le Soleil",
        },
        "M. Macron, qui s’est entretenu avec son premier ministre et les ministres de l’Intérieur et de la Transition "
        "écologique, a promis que les responsables de la violence et des dommages paieraient pour leurs actes.Lors de "
        "la réunion sur la sécurité, M. Macron a demandé à son ministre de l’Intérieur d’envisager de modifier les "
        "procédures de sécurité afin de contenir les manifestations en cours, a indiqué le bureau de président dans un "
        "communiqué.M. Macron a également demandé au premier ministre Édouard Philippe de rencontrer les chefs des "
        "principaux partis politiques français et des représentants du mouvement populaire soutenant les "
        "manifestations.",
    ),
    (
        "lalibre-fugea",
        {
            "title": "Gilets jaunes : La Fugea ne participera pas au rassemblement des gilets jaunes samedi à Bruxelles",
            "outlet": "LaLibre",
        },
        "Sollicitée par des citoyens actifs au sein du mouvement des gilets jaunes pour se joindre au rassemblement "
        "de samedi à Bruxelles, la Fugea s'est entretenue avec quelques têtes pensantes de ce mouvement avant de "
        "prendre attitude.",
    ),
    (
        "lepoint-aubert",
        {
            "url": "https://www.lepoint.fr/societe/normandie-500-gilets-jaunes-manifestent-dans-un-bourg-de-2-000-habitants-24-11-2018-2274139_23.php",
            "outlet": "Le Point",
        },
        "Maire délégué de La Haye-du-Puits, Alain Aubert,\xa067\xa0ans, architecte retraité, a reçu,\xa0avec "
        "d'autres collègues maires, une délégation de Gilets jaunes\xa0: «\xa0Leurs revendications étaient un peu "
        "décousues, mais il en ressort un sentiment de malaise général dans la campagne.\xa0»",
    ),
    (
        "humanite-senat",
        {
            "url": "https://www.humanite.fr/dialogue-des-gilets-jaunes-sous-les-ors-du-senat-664800",
            "outlet": "L'Humanité",
            "published": "2018-12-07",
        },
        "Dialogue. Des gilets jaunes sous les ors du Sénat\nà l’initiative d’Esther Benbassa, sénatrice EELV, membre "
        "du groupe CRCE, onze gilets jaunes ont accepté de rencontrer des élus communistes, Verts et socialistes "
        "mercredi. Discussion à bâtons rompus.",
    ),
    (
        "dh-groupe-lrem",
        {
            "title": '"Gilets jaunes": le gouvernement français prend une première décision forte pour tenter '
            "d'apaiser la crise",
            "outlet": "La DH",
        },
        '"On doit apaiser la situation pour éviter qu\'elle dégénère", a déclaré Édouard Philippe mardi matin devant '
        "le groupe LREM et MoDem à l'Assemblée nationale, ont rapporté à l'AFP des participants à la réunion.",
    ),
]


@pytest.fixture(scope="module")
def graph(tmp_path_factory) -> Graph:
    folder = tmp_path_factory.mktemp("real-news")
    lines = [json.dumps({"id": i, "text": text, "meta": meta}, ensure_ascii=False) for i, meta, text in ARTICLES]
    (folder / "articles.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path_factory.mktemp("real-news-out")
    kg("build", folder / "articles.jsonl", "-o", out, check=True)
    g = Graph()
    g.parse(out / "graph.ttl")
    return g


def events_of(g: Graph, doc_id: str) -> list[dict]:
    rows = g.query(
        """
        PREFIX kg: <https://w3id.org/kg-news/ontology#>
        PREFIX prov: <http://www.w3.org/ns/prov#>
        PREFIX schema: <https://schema.org/>
        SELECT ?e WHERE { ?e prov:wasDerivedFrom ?a . ?a schema:identifier ?id }""",
        initBindings={"id": Literal(doc_id)},
    )
    out = []
    for (e,) in rows:
        out.append(
            {
                "people": {str(g.value(p, RDFS.label)) for p in g.objects(e, KG.participant)},
                "date": str(g.value(e, KG.date)) if g.value(e, KG.date) else None,
                "basis": str(g.value(e, KG.dateBasis)).split("#")[-1] if g.value(e, KG.dateBasis) else None,
                "kinds": {str(t).split("#")[-1] for t in g.objects(e, RDF.type)},
            }
        )
    return sorted(out, key=lambda e: (e["date"] or "", sorted(e["people"])))


def test_collectives_are_actors(graph):
    [meeting] = events_of(graph, "lematin-philippe")
    assert meeting["people"] == {"Édouard Philippe", "gilets jaunes"} and "Meeting" in meeting["kinds"]
    group = next(graph.subjects(RDFS.label, Literal("gilets jaunes")))
    assert (group, RDF.type, KG.Group) in graph
    assert Literal("six membres du mouvement des «Gilets jaunes") in set(graph.objects(group, SKOS.altLabel))
    assert meeting["date"] is None  # no publication date anywhere: the day cannot be known


def test_an_island_a_state_of_mind_a_readiness_a_claim_a_dispute_an_interview_and_a_request_are_not_exchanges(graph):
    """Audit round 4's wrong events: "La Réunion" is an island; "se retrouvent menacés de déroute"; "prêt à
    recevoir"; "les maires, qu'elle assure rencontrer sur le terrain"; "fait l'objet de débats entre patronat et
    syndicats"; the paper's own "grand entretien"; "demande au ministre de la recevoir"."""
    for doc_id in (
        "lepoint-reunion",
        "letemps-deroute",
        "lepoint-pret",
        "humanite-gourault",
        "lepoint-objet",
        "dh-bourgmestres",
        "lepoint-hidalgo",
    ):
        assert events_of(graph, doc_id) == [], doc_id


def test_the_people_spoken_to_at_a_meeting_its_participants_report(graph):
    """dh-0332: "a déclaré Édouard Philippe mardi matin devant le groupe LREM et MoDem …, ont rapporté à l'AFP des
    participants à la réunion": he met those he spoke to; no publication date, so no day. The quotation opens the
    paragraph under the headline: its opening mark starts the sentence, it does not end one."""
    [meeting] = events_of(graph, "dh-groupe")
    assert "Édouard Philippe" in meeting["people"] and len(meeting["people"]) > 1
    assert "Meeting" in meeting["kinds"] and meeting["date"] is None


def test_who_a_verb_of_taking_place_says_met(graph):
    """lepoint-0441: "Côté syndical, des contacts ont eu lieu en tout début d'année entre Philippe Martinez et ses
    homologues de la CFDT et de Force Ouvrière" (the model hangs "entre" on "début"): early in the year, no day."""
    [contacts] = events_of(graph, "lepoint-contacts")
    assert {"Philippe Martinez", "Laurent Berger"} <= contacts["people"] and contacts["date"] is None


def test_words_received_a_broadcast_a_task_given_and_a_meeting_about_to_be_or_that_was_to_be_are_not_exchanges(graph):
    """Audit round 5's wrong events: "accueilli avec déception par les gilets jaunes" (his speech), "accueillie
    plutôt fraîchement … dans un tweet"; "sur France Inter où il était reçu par", "lors d'un débat avec des gilets
    jaunes sur BFMTV"; "a chargé Edouard Philippe de recevoir"; "s'apprête à recevoir"; "il devait continuer les
    négociations en rencontrant les représentants des gilets jaunes"."""
    assert events_of(graph, "dh-discours") == []
    assert events_of(graph, "humanite-choose") == []
    assert events_of(graph, "humanite-bello") == []
    assert events_of(graph, "humanite-charge") == []
    assert events_of(graph, "figaro-inter") == []
    assert all("gilets jaunes" not in e["people"] for e in events_of(graph, "lepoint-bfmtv"))
    assert all("gilets jaunes" not in e["people"] for e in events_of(graph, "liberte-devait"))


def test_received_at_the_seat_of_an_office_is_received_by_its_holder_but_not_when_it_is_wished(graph):
    """figaro-0654: "Les élus et partenaires sociaux étaient reçus ce lundi à l'Élysée": by the President that day;
    figaro-0017: "il a réclamé que les «gilets jaunes» soient reçus à l'Élysée": a demand, no meeting."""
    [meeting] = events_of(graph, "figaro-elysee")
    assert meeting["people"] == {"Emmanuel Macron", "élus", "partenaires sociaux"} and meeting["date"] == "2018-12-10"
    assert events_of(graph, "figaro-angers") == []


def test_the_day_after_a_day_named_earlier_in_the_sentence(graph):
    """lalibre-0300 (no publication date): "Emmanuel Macron convoque le 2 décembre une réunion de crise …, et
    Édouard Philippe reçoit le lendemain les chefs des partis politiques": 3 December, of a year the article does
    not give."""
    [meeting] = [e for e in events_of(graph, "lalibre-lendemain") if "Édouard Philippe" in e["people"]]
    assert meeting["date"] == "--12-03"


def test_an_exchange_told_by_how_it_went_and_the_eve_of_something_else(graph):
    """ca-contraste-0061: "le sommet entre MM. Macron et M. Legault coïncidait avec la 71e journée du drapeau
    québécois" tells a summit that took place (the day's news); lepoint-0382: "vendredi soir … à la veille d'une
    nouvelle journée de manifestation" is Friday, not the day before Friday."""
    [summit] = events_of(graph, "jdq-legault")
    assert summit["people"] == {"Emmanuel Macron", "François Legault"} and summit["date"] == "2019-01-21"
    [visit] = events_of(graph, "lepoint-nogent")
    assert visit["date"] == "2018-12-07"


def test_a_day_of_the_month_the_chronology_is_in(graph):
    """lepoint-0369: "Le 27 novembre, … Le 29, Édouard Philippe reçoit un « gilet jaune »": 29 November."""
    meetings = [e for e in events_of(graph, "lepoint-etapes") if "Édouard Philippe" in e["people"]]
    assert [(e["date"], e["basis"]) for e in meetings] == [("2018-11-29", "DateFromText")]


def test_the_day_of_the_clause_a_noun_cue_is_in(graph):
    """lepoint-0235: "le grand débat national qui a débuté mardi 15 janvier avec la rencontre entre le chef de
    l'État et les maires": the day of the relative clause is the rencontre's, not only the débat's."""
    [meeting] = events_of(graph, "lepoint-barometre")
    assert meeting["people"] == {"Emmanuel Macron", "maires"}
    assert meeting["date"] == "2019-01-15" and meeting["basis"] == "DateFromText"


def test_a_noun_that_is_the_clause_s_predicate(graph):
    """lalibre-contraste-0012: "la chancelière allemande est en visite officielle en Grèce" — "être en visite",
    like "être en contact avec", is told by its noun; no publication date: no day."""
    assert events_of(graph, "lalibre-merkel") == [
        {
            "people": {"Angela Merkel", "Grèce"},
            "date": None,
            "basis": None,
            "kinds": {"Event", "Communication", "Meeting"},
        }
    ]


def test_a_second_title_the_parse_hangs_on_the_first_title_s_last_word(graph):
    """dh-0600: the model makes "le Premier ministre" a conjunct of "Chambre", inside the first title."""
    audiences = [e for e in events_of(graph, "dh-audience") if "Charles Michel" in e["people"]]
    assert [e["people"] for e in audiences] == [{"Philippe de Belgique", "Charles Michel", "Siegfried Bracke"}]
    assert "Meeting" in audiences[0]["kinds"] and audiences[0]["date"] is None


def test_the_day_comes_from_the_address_and_the_text(graph):
    article = next(graph.subjects(SCHEMA.identifier, Literal("lepoint-matignon")))
    assert graph.value(article, SCHEMA.datePublished) == Literal("2018-11-29", datatype=XSD.date)
    events = events_of(graph, "lepoint-matignon")
    assert {
        "people": {"Édouard Philippe", "ONG environnementales"},
        "date": "2018-11-27",
        "basis": "DateFromText",
        "kinds": {"Event", "Communication", "Meeting"},
    } in events  # "le chef du gouvernement": France's
    assert {
        "people": {"Édouard Philippe", "élus locaux"},
        "date": "2018-11-29",
        "basis": "DateFromText",
        "kinds": {"Event", "Communication", "Meeting"},
    } in events  # "il recevait": the man named before


def test_passives_and_titles_before_names_the_gazetteer_may_lack(graph):
    [meeting] = events_of(graph, "lepoint-derugy")
    assert meeting["people"] == {"François de Rugy", "gilets jaunes"} and meeting["date"] == "2018-11-27"


def test_a_request_made_yesterday(graph):
    [request] = events_of(graph, "liberte-crise")
    assert request["people"] == {"Emmanuel Macron", "Édouard Philippe"}
    assert request["date"] == "2018-12-02" and request["basis"] == "DateFromText"


def test_postponed_visits_calls_to_strike_and_football_are_not_exchanges(graph):
    assert events_of(graph, "dh-serbie") == []
    assert events_of(graph, "lepoint-cgt") == []
    assert events_of(graph, "dh-football") == []


def test_a_frame_the_parse_hangs_on_another_noun_and_a_teaser_line_between_paragraphs(graph):
    """figaro-0272: "avait promis le versement d'une prime au cours d'un déjeuner avec des CRS le 3 décembre" —
    the model hangs "au cours de" and "avec des CRS" on "versement"; the promise does not make the lunch planned;
    the link to another article ("» LIRE AUSSI - …") is not the start of the sentence after it."""
    assert {
        "people": {"Emmanuel Macron", "CRS"},
        "date": "2018-12-03",
        "basis": "DateFromText",
        "kinds": {"Event", "Communication", "Meeting"},
    } in events_of(graph, "figaro-crs")


def test_names_hung_deep_in_a_subject_and_someone_at_whose_request_it_was(graph):
    """lepoint-0532: the names after "les initiateurs du mouvement des gilets jaunes" are who was received;
    Macron, "à la demande" of whom, was not there."""
    [meeting] = events_of(graph, "lepoint-delegation")
    assert meeting["people"] == {"François de Rugy", "Priscillia Ludosky", "Éric Drouet"}
    assert meeting["date"] == "2018-11-27" and meeting["basis"] == "DateFromText"


def test_a_headline_is_read_apart_from_the_sentence_under_it(graph):
    """figaro-0576: the headline, on its own line and without a full stop, is not the start of the first
    sentence; "Macron", which the model tags as an adverb there, is who asked."""
    [request] = events_of(graph, "figaro-sarkozy")
    assert request["people"] == {"Emmanuel Macron", "Nicolas Sarkozy"}
    evidence = {str(s) for s in graph.objects(None, KG.evidence)}
    assert "Macron a demandé à Sarkozy de le représenter à l'investiture de la présidente géorgienne" in evidence
    assert request["date"] == "2018-12-18"


def test_i_in_a_quotation_is_who_says_it(graph):
    """figaro-0145: "« J'ai rencontré hier soir des “gilets jaunes” … », a affirmé le maire": the mayor named
    before (Pascal Blanc) met them the day before publication."""
    [meeting] = events_of(graph, "figaro-bourges")
    assert meeting["people"] == {"Pascal Blanc", "gilets jaunes"}
    assert meeting["date"] == "2019-01-10" and meeting["basis"] == "DateFromText"


def test_i_in_a_quotation_told_by_a_pronoun_after_it(graph):
    """figaro-0228: "« … j'ai écrit au président de la République, à Emmanuel Macron … », a-t-il lancé": "il"
    is the person named before the quotation, not Emmanuel Macron inside it."""
    [letter] = events_of(graph, "figaro-ciotti")
    assert letter["people"] == {"Éric Ciotti", "Emmanuel Macron"} and letter["date"] == "2018-11-17"


def test_the_day_of_a_participle_describing_a_participant_is_not_the_event_s(graph):
    """ca-0123: the policemen were attacked on Saturday ("pris à partie samedi"); the Prime Minister met them
    later, on a day the passage does not give."""
    [meeting] = events_of(graph, "lapresse-policiers")
    assert meeting["people"] == {"Édouard Philippe", "policiers"}
    assert meeting["date"] != "2018-12-22"


def test_who_chaired_and_who_took_part_in_a_relative_clause(graph):
    """liberte-0118: "au terme de sa présidence, à Beauvau, d'une réunion de crise interministérielle, à laquelle a
    pris part son Premier ministre Edouard Philippe" — the parse hangs the relative clause on the main verb."""
    [meeting] = events_of(graph, "liberte-beauvau")
    assert meeting["people"] == {"Emmanuel Macron", "Édouard Philippe"} and "Meeting" in meeting["kinds"]


def test_who_was_present_at_a_meeting_held_by_someone(graph):
    """figaro-0441: "a tenu une réunion de crise à l'Élysée en présence du premier ministre, …, du ministre de
    l'Intérieur, …, et de son secrétaire d'État, …"."""
    [meeting] = events_of(graph, "figaro-elysee-crise")
    assert meeting["people"] == {"Emmanuel Macron", "Édouard Philippe", "Christophe Castaner", "Laurent Nuñez"}


def test_a_meeting_others_will_take_part_in_has_not_happened(graph):
    """ca-contraste-0156: "une réunion cruciale à laquelle participeront les présidents des conférences…"."""
    assert events_of(graph, "lapresse-vatican") == []


def test_who_speaks_after_a_meeting_was_in_it(graph):
    """lepoint-0245: "a précisé Édouard Philippe, après une rencontre avec plusieurs commerçants bordelais"."""
    [meeting] = events_of(graph, "lepoint-bordeaux")
    assert meeting["people"] == {"Édouard Philippe", "commerçants bordelais"} and "Meeting" in meeting["kinds"]


def test_whom_a_visitor_spoke_to_during_the_visit(graph):
    """humanite-0297: "ce qu'elle a réclamé, lors d'une visite … au tribunal de Paris, dimanche 2 décembre, aux
    magistrats du parquet en charge des gardes-à-vues …": the group keeps the words that say which magistrates."""
    [meeting] = events_of(graph, "humanite-belloubet")
    assert meeting["people"] == {"Nicole Belloubet", "magistrats du parquet"} and meeting["date"] == "2018-12-02"


def test_a_group_named_by_where_it_sits(graph):
    """ch-contraste-0260: "chacun des groupes siégeant au Congrès de la Nouvelle-Calédonie", not just "groupes"."""
    [talk] = events_of(graph, "tdg-caledonie")
    assert talk["people"] == {"Édouard Philippe", "groupes siégeant au Congrès de la Nouvelle-Calédonie"}
    assert "Meeting" in talk["kinds"]  # talks with groups, several people: a meeting, not a call


def test_the_subject_of_a_clause_framed_by_a_meeting_took_part_in_it(graph):
    """figaro-0316: "à la suite d'une réunion avec la préfecture de police de Paris …, la Chambre de commerce et
    d'industrie de Paris Île-de-France a conseillé …" — a name with an elided "d'" is found in the gazetteer."""
    [meeting] = events_of(graph, "figaro-cci")
    assert meeting["people"] == {"CCI Paris Île-de-France", "Préfecture de police de Paris"}
    assert meeting["date"] == "2018-12-07"


@pytest.mark.slow
@pytest.mark.parametrize("split, events_f1, pairs_f1", [("dev", 0.45, 0.5)])
def test_real_articles_annotated_by_hand(tmp_path, split, events_f1, pairs_f1):
    """A floor against regressions on the real articles the extractor was tuned on (figures in the README)."""
    kg("build", DATA / "real" / f"{split}.jsonl", "-o", tmp_path, check=True)
    result = kg("eval", tmp_path, "--gold", DATA / "real" / f"{split}.gold.json", "--json")
    report = json.loads(result.stdout)
    assert report["events"]["f1"] >= events_f1, report["false_events"]
    assert report["pairs"]["f1"] >= pairs_f1, report["pairs"]
    assert report["intruders"] == []


def test_a_whole_article_with_unnamed_people_and_plural_pronouns_is_read(graph):
    """lalibre-0625: "ils" after someone the text gives only a title once broke the reading of the article."""
    assert events_of(graph, "lalibre-0625") != []


def test_a_title_shortened_to_its_first_word_is_the_office_holder_named_before(graph):
    """lepoint-0655: "le préfet" after "a commenté Michel Delpuech" is him, the préfet de police that day: his
    meeting with the Mairie de Paris on Thursday (the article's address says Friday 11 January 2019)."""
    [meeting] = events_of(graph, "lepoint-prefet")
    assert meeting["people"] == {"Michel Delpuech", "Mairie de Paris"} and meeting["date"] == "2019-01-10"


PLURAL_TITLES = (
    "Le président «aura des messages à passer aux Français», a dit la ministre des Transports, Elisabeth Borne. La "
    "ministre de la Cohésion des territoires et des Relations avec les collectivités territoriales, Jacqueline "
    "Gourault, a quant à elle reçu les associations d'élus avec d'autres ministres. Annonces reportées A l'issue "
    "d'une réunion avec les ministres du Travail, des Transports et de la Cohésion des territoires pour présenter "
    "des pistes de solution à la crise, quatre syndicats ont demandé le report de la prochaine séance de "
    "négociation sur l'assurance chômage, jugeant la situation trop tendue."
)


def test_one_plural_title_shared_by_several_offices_names_their_holders():
    """ch-0052 (no publication date): "les ministres du Travail, des Transports et de la Cohésion des
    territoires" are the holders of the three offices the article named before; Muriel Pénicaud, whom it never
    names, cannot be told from a guessed day."""
    from kg.extract.actors import ArticleActors
    from kg.model import Document
    from kg.nlp import analysed
    from kg.pipeline.workers import extraction_tools

    pipeline, extractor = extraction_tools("fr_core_news_md")
    [(_, [doc])] = list(analysed([Document("ch-0052", PLURAL_TITLES, None)], pipeline))
    mentions = extractor.actors.find(doc, None, ArticleActors({}, {}, None))
    [title] = [m for m in mentions if m.text.startswith("ministres du Travail")]
    assert set(title.keys) == {"elisabeth-borne", "jacqueline-gourault"}
    assert title.text.endswith("Cohésion des territoires")


def test_a_town_s_officer_the_text_does_not_name_and_they_for_the_collective_before(graph):
    """dh-0533: "Ils venaient d'être reçus par le bourgmestre" under "Liège : les gilets jaunes ont bloqué…":
    the gilets jaunes, received by the bourgmestre of Liège (no day: the article has no date)."""
    [meeting] = events_of(graph, "dh-liege")
    assert meeting["people"] == {"gilets jaunes", "bourgmestre de Liège"} and meeting["date"] is None


def test_hearing_a_collective_speak_is_meeting_it_and_its_shorter_name_is_the_same_collective(graph):
    """lepoint-0797: "a écouté jeudi les maires lui exposer…", then "une trentaine de maires de l'Indre": one
    meeting on Thursday 14 February 2019 with the mayors of the Indre."""
    [meeting] = events_of(graph, "lepoint-maires")
    assert meeting["people"] == {"Emmanuel Macron", "maires de l'Indre"} and meeting["date"] == "2019-02-14"
    assert "Meeting" in meeting["kinds"]


def test_the_government_of_the_state_the_article_is_about(graph):
    """lalibre-0537: in a Belgian paper, "le gouvernement" of an article about Matignon is France's."""
    [talks] = events_of(graph, "lalibre-matignon")
    assert talks["people"] == {"gouvernement français", "parlementaires de la majorité"}
    government = next(graph.subjects(RDFS.label, Literal("gouvernement français")))
    assert (government, RDF.type, KG.Organization) in graph


def test_organisations_of_the_gazetteer_with_an_elided_article_and_common_words(graph):
    """figaro-0316: "la Chambre de commerce et d'industrie de Paris Île-de-France" is a gazetteer name (names with
    "d'" or "l'" once never matched); lalibre-0537: "au total" is not the oil company Total."""
    meetings = [e for e in events_of(graph, "figaro-cci") if "Préfecture de police de Paris" in e["people"]]
    assert [e["people"] for e in meetings] == [{"Préfecture de police de Paris", "CCI Paris Île-de-France"}]
    assert meetings[0]["date"] == "2018-12-07"
    assert next(graph.subjects(RDFS.label, Literal("Total")), None) is None


def test_a_discussion_quoted_between_typographic_spaces_is_the_day_s_news(graph):
    """lepoint-0071 (its address gives 18 December 2018): "«\u00a0\u2009Après discussion avec les parlementaires de la
    majorité, le gouvernement maintient l'ensemble des mesures annoncées par le Premier ministre en novembre»". A
    thin space beside the no-break one is a space like any other (not a word the parser hangs the clause on), and
    "en novembre" tells when the measures were announced, not when the discussion took place."""
    [discussion] = events_of(graph, "lepoint-majorite")
    assert "parlementaires de la majorité" in discussion["people"] and len(discussion["people"]) == 2
    assert discussion["date"] == "2018-12-18"


def test_talks_with_people_named_by_a_plural_title_are_a_meeting(graph):
    """ca-0221 (no publication date): "M. Macron, qui s’est entretenu avec son premier ministre et les ministres de
    l’Intérieur et de la Transition écologique": more than two people, a meeting, on a day the text does not give."""
    [meeting] = [e for e in events_of(graph, "soleil-securite") if "Édouard Philippe" in e["people"]]
    assert meeting["people"] == {"Emmanuel Macron", "Édouard Philippe"}
    assert "Meeting" in meeting["kinds"] and meeting["date"] is None


def test_who_took_part_there_in_a_meeting_told_by_how_it_went(graph):
    """ca-0014: "Vendredi, une réunion de concertation avec le premier ministre Édouard Philippe a tourné au fiasco:
    seuls deux «gilets jaunes» y ont participé": they met him on Friday 30 November."""
    [meeting] = events_of(graph, "jdm-fiasco")
    assert meeting["people"] == {"Édouard Philippe", "gilets jaunes"} and meeting["date"] == "2018-11-30"


def test_the_union_a_description_stands_for_is_the_one_named_just_before(graph):
    """figaro-0272: "Unité-SGP-FO a également lancé un appel (…). Le syndicat a envoyé mardi un courrier au chef
    de l'État": "le syndicat" is the union the sentence before names (Unsa-Police, named two sentences before
    that, is "le syndicat" of its own paragraph); its letter to Emmanuel Macron, Tuesday 11 December 2018."""
    letters = [e for e in events_of(graph, "figaro-syndicat") if "Unité SGP Police-FO" in e["people"]]
    assert [e["people"] for e in letters] == [{"Unité SGP Police-FO", "Emmanuel Macron"}]
    assert letters[0]["date"] == "2018-12-11"


def test_a_minister_named_before_her_title_and_a_union_given_its_sort(graph):
    """dh-0065 (no publication date): "la ministre flamande de l'Environnement" after "Joke Schauvliege" is her,
    the Flemish minister; "l'ABS, un syndicat agricole flamand" is the Algemeen Boerensyndicaat. Their meeting
    has no day."""
    [meeting] = events_of(graph, "dh-schauvliege")
    assert meeting["people"] == {"Joke Schauvliege", "Algemeen Boerensyndicaat"} and meeting["date"] is None


SUCCESSIONS = [
    (
        "dh-0561",
        None,
        "La DH",
        "Le ton monte entre Emmanuel Macron et François Hollande\n\n\nNouvelle passe d'armes entre Emmanuel Macron et "
        "François Hollande. Le président français, en déplacement en Argentine pour le sommet du G20, a répondu aux "
        'attaques de son prédécesseur qui avait rencontré des "gilets jaunes" en Ardèche ce jeudi.',
        "francois-hollande",
    ),
    (
        "figaro-0576",
        "2018-12-18",
        "Le Figaro",
        "Nicolas Sarkozy était en Géorgie dimanche dernier à la demande... d'Emmanuel Macron. Le chef de l'État a "
        "demandé à son prédécesseur de le représenter à l'occasion de l'investiture de la nouvelle présidente Salomé "
        "Zourabichvili.",
        "nicolas-sarkozy",
    ),
]


@pytest.mark.parametrize("doc_id, published, outlet, text, predecessor", SUCCESSIONS)
def test_his_predecessor_held_his_office_before_him(doc_id, published, outlet, text, predecessor):
    """dh-0561 (La DH, no publication date): "Le président français (…) a répondu aux attaques de son
    prédécesseur": the subject, Emmanuel Macron (a text telling a succession between two people it names is
    read after it, not while Macron was Hollande's minister), and his predecessor, François Hollande.
    figaro-0576: "son prédécesseur" is the former president the text named just before, Nicolas Sarkozy."""
    from datetime import date

    from kg.extract.actors import ArticleActors
    from kg.model import Document
    from kg.nlp import analysed
    from kg.pipeline.workers import extraction_tools

    pipeline, extractor = extraction_tools("fr_core_news_md")
    day = date.fromisoformat(published) if published else None
    [(_, [doc])] = list(analysed([Document(doc_id, text, day, outlet=outlet)], pipeline))
    mentions = extractor.actors.find(doc, day, ArticleActors({}, {}, extractor.actors.outlet_state(outlet)))
    [described] = [m for m in mentions if m.text == "son prédécesseur"]
    assert described.keys == (predecessor,)
    assert all(m.keys == ("emmanuel-macron",) for m in mentions if m.text in ("président français", "chef de l'État"))


def test_a_meeting_the_parse_makes_a_second_predicate_of_the_verb(graph):
    """lepoint-0085 (its address gives 24 January 2019): "Emmanuel Macron a joué les invités-surprises dans un
    débat-citoyen avec des "gilets jaunes" jeudi …, et un tête-à-tête inédit avec … Laurent Wauquiez": the model
    hangs "tête-à-tête" on "a joué"; the subject of that verb had it, with him only."""
    meetings = events_of(graph, "lepoint-tete-a-tete")
    assert {"Emmanuel Macron", "Laurent Wauquiez"} in [e["people"] for e in meetings]
    assert {"Emmanuel Macron", "gilets jaunes"} in [e["people"] for e in meetings]
    assert all(e["date"] == "2019-01-24" for e in meetings)


def test_those_who_speak_for_the_movement_named_before_and_a_delegation_received_with_colleagues(graph):
    """lalibre-0275: "la Fugea s'est entretenue avec quelques têtes pensantes de ce mouvement", the gilets jaunes
    named before; lepoint-0857: "a reçu, avec d'autres collègues maires, une délégation de Gilets jaunes": the mayors
    received with him, the delegation was received."""
    [talks] = events_of(graph, "lalibre-fugea")
    fugea = "Fédération unie de groupements d'éleveurs et d'agriculteurs"
    assert talks["people"] == {fugea, "gilets jaunes"} and talks["date"] is None
    [meeting] = events_of(graph, "lepoint-aubert")
    assert meeting["people"] == {"Alain Aubert", "gilets jaunes"} and "Meeting" in meeting["kinds"]


def test_the_head_of_state_of_an_undated_article_that_calls_the_others_former_presidents(graph):
    """ca-contraste-0256 (no publication date; the years it names are 2014 and 2015): "L’hommage a réuni les
    anciens présidents François Hollande et Nicolas Sarkozy (…) Après la cérémonie, le chef de l’État a reçu à huis
    clos les familles d’Arnaud Beltrame et des autres victimes": the article is later than their terms, so the head
    of state is Emmanuel Macron; the families are a collective, written with one apostrophe across articles."""
    [meeting] = events_of(graph, "soleil-beltrame")
    assert meeting["people"] == {"Emmanuel Macron", "familles d'Arnaud Beltrame"}
    assert meeting["date"] is None


def test_an_organisation_a_description_stands_for_keeps_the_name_the_text_gave_it(graph):
    """ch-contraste-0232: "un fonds «intégralement doté par la société Naver Corp» (…) avait déjà tissé des liens
    avec ce groupe": "ce groupe" is Naver Corp, and no name of it."""
    assert next(graph.subjects(RDFS.label, Literal("ce groupe")), None) is None
    assert next(graph.subjects(SKOS.altLabel, Literal("ce groupe")), None) is None


def test_a_day_spent_with_a_king_is_a_meeting_with_him(graph):
    """lepoint-0205 (its address gives 19 November 2018): "cette journée qu'Emmanuel Macron et son épouse Brigitte
    ont passé en bonne partie avec le roi Philippe et la reine Mathilde": time spent with people is a meeting, and
    "roi Philippe", a name the gazetteer writes with its title, is the King of the Belgians."""
    [meeting] = events_of(graph, "lepoint-journee")
    assert {"Emmanuel Macron", "Philippe de Belgique"} <= meeting["people"] and meeting["date"] == "2018-11-19"


def test_a_letter_just_sent_by_whom_the_pronoun_stands_for(graph):
    """lalibre-0483 (no publication date): "Kim Jong Un avait pris le monde entier de court le 1er janvier 2018 (…).
    Il vient de promettre dans une lettre inhabituelle adressée au gouvernement sud-coréen…": "il" wrote to the
    South Korean government, just before the article, not on the day the sentence before names."""
    [letter] = events_of(graph, "lalibre-lettre")
    assert letter["people"] == {"Kim Jong-un", "gouvernement sud-coréen"} and letter["date"] is None


def test_a_message_received_and_a_hearing_before_a_court_named_in_words_are_not_exchanges(graph):
    """dh-0578: "quelques messages haineux comme celui qu’elle a reçu ce jeudi matin, en réponse à une de ses
    Stories Instagram": what "qu'" stands for was received, not the words after it. lepoint-0900: "a indiqué
    Pascale Léglise, représentante du ministère de l'Intérieur, lors d'une audience au Conseil d'Etat": a hearing."""
    assert events_of(graph, "dh-stories") == []
    assert events_of(graph, "lepoint-audience") == []


def test_the_person_a_title_names_a_place_the_journalists_and_an_acronym_spelled_out(graph):
    """Audit round 5's wrong events. lepoint-0400: "au président de l'Assemblée Richard Ferrand (LREM)" is Richard
    Ferrand, not LREM's leader; its day is Wednesday 12 December. ca-0095: "La Presse a rencontré les « gilets jaunes »
    hier à Paris": the paper's reporters, and Paris is where, not France. liberte-0090: "une réunion du Conseil de
    sécurité de l’Organisation des Nations unies (ONU)" is one body, and Berlin, hung on "réunion" from far away
    by the parse, did not meet it."""
    [letter] = events_of(graph, "lepoint-ferrand")
    assert letter["people"] == {"Valérie Rabault", "Richard Ferrand"} and letter["date"] == "2018-12-12"
    assert events_of(graph, "lapresse-rencontre") == []
    assert events_of(graph, "liberte-onu") == []


def test_an_acceptance_told_as_done_with_a_past_day_and_the_member_at_whose_initiative_it_was(graph):
    """humanite-0162 (published 7 December 2018): "à l'initiative d'Esther Benbassa, sénatrice EELV, (…) onze
    gilets jaunes ont accepté de rencontrer des élus communistes, Verts et socialistes mercredi": accepted in a past
    tense with a past day, the meeting took place; the senator whose initiative it was is one of the élus; the
    colours listed after "élus" are one group, not the party "Verts"."""
    [meeting] = events_of(graph, "humanite-senat")
    assert meeting["people"] == {"Esther Benbassa", "gilets jaunes", "élus communistes, Verts et socialistes"}
    assert meeting["date"] == "2018-12-05" and "Meeting" in meeting["kinds"]


def test_a_parliamentary_group_named_by_its_party_is_a_group_not_the_party(graph):
    """dh-0332 (no publication date): "a déclaré Édouard Philippe mardi matin devant le groupe LREM et MoDem à
    l'Assemblée nationale, ont rapporté à l'AFP des participants à la réunion": he met the deputies' group."""
    [meeting] = events_of(graph, "dh-groupe-lrem")
    assert meeting["people"] == {"Édouard Philippe", "groupe LREM et MoDem"}
    group = next(graph.subjects(RDFS.label, Literal("groupe LREM et MoDem")))
    assert (group, RDF.type, KG.Group) in graph


def test_what_someone_said_in_the_presence_of_another_and_a_meeting_after_a_postponed_visit(graph):
    """ca-contraste-0269 (no publication date): "Dans le Bureau Ovale, en présence de Liu He, …, M. Trump a évoqué…":
    the two were together, on a day the text does not give. lepoint-0361: "Emmanuel Macron a décidé de « reporter »
    sa visite en Serbie (…). Une réunion de crise s'est tenue…": the crisis meeting is not the postponed visit."""
    [meeting] = events_of(graph, "soleil-ovale")
    assert meeting["people"] == {"Donald Trump", "Liu He"} and meeting["date"] is None
    assert all("Serbie" not in e["people"] for e in events_of(graph, "lepoint-serbie"))


def test_exchanges_counted_are_trade(graph):
    """ch-contraste-0157 (audit round 5, wrong): "70% des échanges entre la France et la Grande-Bretagne passent par
    la route": goods, not talks between the two states."""
    assert events_of(graph, "letemps-manche") == []
