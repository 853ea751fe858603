//! privlint's own text in a notice, in Bokmål, Nynorsk and English: ONE table, each phrase in
//! the three languages side by side (a [`T`] cannot be built without all three, so a missing
//! translation does not compile). `{name}` marks where a value goes; the three versions of a
//! phrase have the same placeholders (tested). The terms are those of
//! shared/reference/terms.csv. `docs/notice-texts.md` is written from this table (see the
//! test `texts_doc_is_current`).
//!
//! Style (klarspråk): short sentences, "du" and "vi", no legal Latin; real Nynorsk
//! (opplysningar, behandlar, ikkje, korleis, kva, naudsynt, ålmenta).

use crate::vocab::{
    Claim, Condition, Cookie, DecisionSafeguard, DerogationGround, LegalBasis, Provision,
    RightKind, TimeUnit, TransferSafeguard, Vocabulary,
};

pub use crate::lang::{BOKMAL_FORMS, T, placeholders};

phrases! {
    // ---- The page
    SKIP = ["Hopp til hovedinnholdet", "Hopp til hovudinnhaldet", "Skip to main content"];
    DEFAULT_TITLE = ["Personvernerklæring for {controller}", "Personvernerklæring for {controller}", "Privacy notice for {controller}"];
    UNNAMED_CONTROLLER = ["virksomheten", "verksemda", "the organisation"];
    /// The draft banner (`--draft`).
    DRAFT_ERRORS = ["Utkast – skal ikke publiseres. Erklæringen har {count} feil som må rettes først.", "Utkast – skal ikkje publiserast. Erklæringa har {count} feil som må rettast først.", "Draft – not for publication. The declaration has {count} errors that must be fixed first."];
    DRAFT_ONE_ERROR = ["Utkast – skal ikke publiseres. Erklæringen har 1 feil som må rettes først.", "Utkast – skal ikkje publiserast. Erklæringa har 1 feil som må rettast først.", "Draft – not for publication. The declaration has 1 error that must be fixed first."];
    DRAFT_NO_ERRORS = ["Utkast – skal ikke publiseres ennå.", "Utkast – skal ikkje publiserast enno.", "Draft – not for publication yet."];

    // ---- Part 1: in brief
    SUMMARY = ["Kort fortalt", "Kort fortalt", "In brief"];
    WHO_BODY = ["{controller} er behandlingsansvarlig for personopplysningene dine. Det betyr at vi bestemmer hva opplysningene skal brukes til, og hvordan.", "{controller} er behandlingsansvarleg for personopplysningane dine. Det tyder at vi avgjer kva opplysningane skal brukast til, og korleis.", "{controller} is the controller of your personal data. This means that we decide what your data is used for, and how."];
    WHAT_FOR = ["Hva vi bruker opplysningene dine til", "Kva vi brukar opplysningane dine til", "What we use your data for"];
    NO_PURPOSES = ["Erklæringen beskriver ingen formål ennå.", "Erklæringa skildrar ingen formål enno.", "The declaration describes no purpose yet."];
    /// The rights in the first part: one sentence, the rights themselves are in their part.
    RIGHTS_BRIEF = ["Du har rettigheter når vi behandler opplysninger om deg, og du kan klage til {authority}. Se {section}.", "Du har rettar når vi behandlar opplysningar om deg, og du kan klage til {authority}. Sjå {section}.", "You have rights when we process data about you, and you can complain to {authority}. See {section}."];
    READ_MORE = ["Les mer under {section}.", "Les meir under {section}.", "Read more in {section}."];
    HOW_TO_REACH = ["Slik kontakter du oss", "Slik kontaktar du oss", "How to contact us"];
    AND = ["og", "og", "and"];

    // ---- Part 2: each purpose
    PURPOSES = ["Hva vi bruker opplysningene til, og hvorfor", "Kva vi brukar opplysningane til, og kvifor", "What we use your data for, and why"];
    BASIS = ["Behandlingsgrunnlag", "Behandlingsgrunnlag", "Legal basis"];
    NO_BASIS = ["Erklæringen nevner ikke noe behandlingsgrunnlag.", "Erklæringa nemner ikkje noko behandlingsgrunnlag.", "The declaration states no legal basis."];
    LAW = ["Dette følger av {law}.", "Dette følgjer av {law}.", "This follows from {law}."];
    INTEREST = ["Interessen vår er {interest}.", "Interessa vår er {interest}.", "Our interest is {interest}."];
    SPECIAL = ["Sensitive opplysninger (særlige kategorier)", "Sensitive opplysningar (særlege kategoriar)", "Sensitive data (special categories)"];
    SPECIAL_INTRO = ["Noen av opplysningene er sensitive (særlige kategorier av personopplysninger). Vi har lov til å behandle dem på dette grunnlaget:", "Nokre av opplysningane er sensitive (særlege kategoriar av personopplysningar). Vi har lov til å behandle dei på dette grunnlaget:", "Some of the data is sensitive (special categories of personal data). We may process it under this condition:"];
    CRIMINAL = ["Personopplysninger om straffedommer og lovovertredelser", "Personopplysningar om straffedommar og lovbrot", "Personal data relating to criminal convictions and offences"];
    CRIMINAL_INTRO = ["Noen av opplysningene gjelder straffedommer og lovovertredelser. Vi har lov til å behandle dem på dette grunnlaget:", "Nokre av opplysningane gjeld straffedommar og lovbrot. Vi har lov til å behandle dei på dette grunnlaget:", "Some of the data relates to criminal convictions and offences. We may process it under this condition:"];
    SPECIAL_MARK = ["sensitive", "sensitive", "sensitive"];
    CRIMINAL_MARK = ["straffedommer og lovovertredelser", "straffedommar og lovbrot", "criminal convictions and offences"];
    DATA = ["Personopplysninger vi behandler", "Personopplysningar vi behandlar", "Personal data we process"];
    SUBJECTS = ["Hvem opplysningene gjelder", "Kven opplysningane gjeld", "Who the data is about"];
    SOURCES = ["Hvor vi får opplysningene fra", "Kvar vi får opplysningane frå", "Where we get the data from"];
    PUBLIC_SOURCE = ["offentlig tilgjengelig kilde", "offentleg tilgjengeleg kjelde", "publicly accessible source"];
    RECIPIENTS = ["Hvem vi gir opplysningene til", "Kven vi gir opplysningane til", "Who we share the data with"];
    PUBLIC_AUTHORITY = ["offentlig myndighet", "offentleg styresmakt", "public authority"];
    PROCESSORS = ["Hvem som behandler opplysningene for oss", "Kven som behandlar opplysningane for oss", "Who handles the data for us"];
    PROCESSORS_INTRO = ["Disse leverandørene behandler opplysningene på våre vegne og bare etter våre instrukser (databehandlere):", "Desse leverandørane behandlar opplysningane på vegner av oss og berre etter instruksane våre (databehandlarar):", "These suppliers handle the data on our behalf and only on our instructions (processors):"];
    JOINT = ["Felles behandlingsansvarlige", "Felles behandlingsansvarlege", "Joint controllers"];
    JOINT_INTRO = ["Vi har ansvaret for behandlingen sammen med andre. Dette er hovedinnholdet i avtalen mellom oss:", "Vi har ansvaret for behandlinga saman med andre. Dette er hovudinnhaldet i avtalen mellom oss:", "We are responsible for the processing together with others. These are the main points of our arrangement:"];
    TRANSFERS = ["Overføring til land utenfor EØS", "Overføring til land utanfor EØS", "Transfers outside the EEA"];
    TRANSFERS_INTRO = ["Vi overfører noen opplysninger til land utenfor EØS. Slik sikrer vi dem:", "Vi overfører nokre opplysningar til land utanfor EØS. Slik sikrar vi dei:", "We transfer some data to countries outside the EEA. This is how we protect it:"];
    NO_SAFEGUARD = ["Erklæringen nevner ikke noe overføringsgrunnlag.", "Erklæringa nemner ikkje noko overføringsgrunnlag.", "The declaration states no safeguard."];
    COPY = ["Du kan få en kopi av garantiene hvis du skriver til oss på {contact}.", "Du kan få ein kopi av garantiane viss du skriv til oss på {contact}.", "You can get a copy of the safeguards by writing to us at {contact}."];
    SOMEWHERE_OUTSIDE_EEA = ["et land utenfor EØS", "eit land utanfor EØS", "a country outside the EEA"];
    SOMEWHERE_IN_EEA = ["EØS", "EØS", "the EEA"];
    RETENTION = ["Hvor lenge vi lagrer opplysningene", "Kor lenge vi lagrar opplysningane", "How long we keep the data"];
    RETENTION_FIXED = ["Vi lagrer opplysningene i {duration}.", "Vi lagrar opplysningane i {duration}.", "We keep the data for {duration}."];
    RETENTION_AFTER = ["Vi lagrer opplysningene i {duration} etter {event}.", "Vi lagrar opplysningane i {duration} etter {event}.", "We keep the data for {duration} after {event}."];
    RETENTION_UNTIL = ["Vi lagrer opplysningene til {event}.", "Vi lagrar opplysningane til {event}.", "We keep the data until {event}."];
    RETENTION_INDEFINITE = ["Vi lagrer opplysningene uten tidsgrense.", "Vi lagrar opplysningane utan tidsgrense.", "We keep the data indefinitely."];
    REASON = ["Grunnen er {reason}.", "Grunnen er {reason}.", "The reason is {reason}."];
    PROVISION = ["Må du gi oss opplysningene?", "Må du gi oss opplysningane?", "Do you have to give us the data?"];
    CONSEQUENCE = ["Gir du oss ikke opplysningene, {consequence}.", "Gir du oss ikkje opplysningane, {consequence}.", "If you do not give us the data, {consequence}."];
    DECISIONS = ["Automatiserte avgjørelser", "Automatiserte avgjerder", "Automated decisions"];
    DECISIONS_INTRO = ["Vi tar noen avgjørelser om deg automatisk, uten at et menneske er med.", "Vi tek nokre avgjerder om deg automatisk, utan at eit menneske er med.", "We make some decisions about you automatically, without any human involvement."];
    LOGIC = ["Slik fungerer det", "Slik verkar det", "How it works"];
    PROFILING = ["Profilering", "Profilering", "Profiling"];
    PROFILING_BODY = ["Vi bruker opplysningene til profilering. Det betyr at vi vurderer sider ved deg automatisk, for eksempel økonomi, interesser eller atferd.", "Vi brukar opplysningane til profilering. Det tyder at vi vurderer sider ved deg automatisk, til dømes økonomi, interesser eller åtferd.", "We use the data for profiling. This means that we automatically evaluate personal aspects of you, such as your finances, interests or behaviour."];
    DIRECT_MARKETING = ["Direkte markedsføring", "Direkte marknadsføring", "Direct marketing"];
    DIRECT_MARKETING_BODY = ["Vi bruker opplysningene til direkte markedsføring. Du kan når som helst si nei til det, se {section}.", "Vi brukar opplysningane til direkte marknadsføring. Du kan når som helst seie nei til det, sjå {section}.", "We use the data for direct marketing. You can object to this at any time – see {section}."];
    REUSES = ["Opplysninger samlet inn til et annet formål", "Opplysningar samla inn til eit anna formål", "Data collected for another purpose"];
    REUSES_INTRO = ["Her bruker vi også opplysninger som vi først samlet inn til et annet formål:", "Her brukar vi også opplysningar som vi først samla inn til eit anna formål:", "Here we also use data that we first collected for another purpose:"];

    // ---- Part 3: rights
    RIGHTS = ["Dine rettigheter", "Rettane dine", "Your rights"];
    RIGHTS_INTRO = ["Du har disse rettighetene når vi behandler opplysninger om deg. Det er gratis å bruke dem. Bare hvis en henvendelse er åpenbart grunnløs eller overdreven, kan vi ta et rimelig gebyr eller avslå den. Ta kontakt med oss for å bruke en rettighet, se {section}.", "Du har desse rettane når vi behandlar opplysningar om deg. Det er gratis å bruke dei. Berre viss ein førespurnad er openbert grunnlaus eller overdriven, kan vi ta eit rimeleg gebyr eller avslå førespurnaden. Ta kontakt med oss for å bruke ein rett, sjå {section}.", "You have these rights when we process data about you. You do not have to pay to exercise them. We can only charge a reasonable fee or refuse a request if it is manifestly unfounded or excessive. Contact us to exercise a right – see {section}."];
    /// The response time: the sentence stands as the line the extension is folded behind.
    RESPOND = ["Vi svarer deg så snart vi kan, og innen {duration} etter at vi har fått henvendelsen din.", "Vi svarar deg så snart vi kan, og innan {duration} etter at vi har fått førespurnaden din.", "We will reply as soon as we can, and within {duration} of receiving your request."];
    RESPOND_EXTENSION = ["Hvis henvendelsen er komplisert, eller du sender oss mange henvendelser, kan vi forlenge fristen med inntil to måneder. Da gir vi deg beskjed før den første fristen går ut, og forklarer hvorfor.", "Viss førespurnaden er komplisert, eller du sender oss mange førespurnader, kan vi forlengje fristen med inntil to månader. Då gir vi deg beskjed før den første fristen går ut, og forklarer kvifor.", "If your request is complex, or you send us many requests, we can extend the time limit by up to two months. If we do, we will tell you why before the first deadline."];
    OBJECT_MARKETING = ["Du kan alltid si nei til direkte markedsføring", "Du kan alltid seie nei til direkte marknadsføring", "You can always object to direct marketing"];
    OBJECT_MARKETING_BODY = ["Du kan når som helst protestere mot at vi bruker opplysningene dine til direkte markedsføring, også til profilering knyttet til markedsføringen. Da slutter vi med det. Du trenger ikke å begrunne det.", "Du kan når som helst protestere mot at vi brukar opplysningane dine til direkte marknadsføring, også til profilering knytt til marknadsføringa. Då sluttar vi med det. Du treng ikkje grunngi det.", "You can object at any time to our use of your data for direct marketing, including profiling related to it. We will then stop. You do not have to give a reason."];
    OBJECT_MARKETING_PURPOSES = ["Dette gjelder:", "Dette gjeld:", "This applies to:"];
    COMPLAINT = ["Klage til {authority}", "Klage til {authority}", "Complaint to {authority}"];
    COMPLAINT_BODY = ["Du kan klage til {authority} hvis du mener at vi behandler opplysningene dine i strid med personvernreglene.", "Du kan klage til {authority} viss du meiner at vi behandlar opplysningane dine i strid med personvernreglane.", "You can complain to {authority} if you think that we process your data in breach of data protection law."];
    THE_AUTHORITY = ["tilsynsmyndigheten", "tilsynsmyndigheita", "the supervisory authority"];

    // ---- Part 4: contact
    CONTACT = ["Kontakt oss", "Kontakt oss", "Contact us"];
    CONTROLLER = ["Behandlingsansvarlig", "Behandlingsansvarleg", "Controller"];
    NAME = ["Navn", "Namn", "Name"];
    ORG_NUMBER = ["Organisasjonsnummer", "Organisasjonsnummer", "Organisation number"];
    ADDRESS = ["Adresse", "Adresse", "Address"];
    MORE_CONTACT = ["Flere kontaktopplysninger", "Fleire kontaktopplysningar", "More contact details"];
    EMAIL = ["E-post", "E-post", "Email"];
    PHONE = ["Telefon", "Telefon", "Telephone"];
    WEBSITE = ["Nettsted", "Nettstad", "Website"];
    COUNTRY = ["Land", "Land", "Country"];
    DPO = ["Personvernombud", "Personvernombod", "Data protection officer"];
    DPO_INTRO = ["Du kan kontakte personvernombudet vårt hvis du har spørsmål om hvordan vi behandler opplysningene dine, eller om rettighetene dine.", "Du kan kontakte personvernombodet vårt viss du har spørsmål om korleis vi behandlar opplysningane dine, eller om rettane dine.", "You can contact our data protection officer with questions about how we process your data or about your rights."];
    REPRESENTATIVE = ["Representant i EØS", "Representant i EØS", "Representative in the EEA"];
    UPDATED = ["Sist oppdatert {date}", "Sist oppdatert {date}", "Last updated {date}"];
    PUBLISHED_AT = ["Denne personvernerklæringen finnes også på {url}.", "Denne personvernerklæringa finst også på {url}.", "This privacy notice is also available at {url}."];
    /// A reference to another part of the notice.
    SEE = ["«{section}»", "«{section}»", "“{section}”"];
    /// The ways to reach the controller or the DPO in the summary, as one sentence.
    REACH = ["Du kan {channels}.", "Du kan {channels}.", "You can {channels}."];
    REACH_EMAIL = ["sende e-post til {email}", "sende e-post til {email}", "email {email}"];
    REACH_PHONE = ["ringe {phone}", "ringje {phone}", "call {phone}"];
    REACH_ADDRESS = ["skrive til {address}", "skrive til {address}", "write to {address}"];
    REACH_WEB = ["gå til {url}", "gå til {url}", "visit {url}"];
    REACH_DPO = ["Personvernombudet vårt svarer på spørsmål om personvern.", "Personvernombodet vårt svarar på spørsmål om personvern.", "Our data protection officer answers questions about data protection."];
    REACH_DPO_NAMED = ["Personvernombudet vårt, {name}, svarer på spørsmål om personvern.", "Personvernombodet vårt, {name}, svarar på spørsmål om personvern.", "Our data protection officer, {name}, answers questions about data protection."];
    OR = ["eller", "eller", "or"];
    /// For a notice addressed to children only (Art. 12(1)): the same items in plainer words.
    ORIENT_CHILD = ["Her forteller vi i {controller} hva vi gjør med opplysninger om deg, og hva du kan be oss om.", "Her fortel vi i {controller} kva vi gjer med opplysningar om deg, og kva du kan be oss om.", "Here we at {controller} tell you what we do with information about you, and what you can ask us to do."];
    WHO_BODY_CHILD = ["{controller} har ansvaret for opplysningene om deg. Det er vi som bestemmer hva de skal brukes til, og hvordan.", "{controller} har ansvaret for opplysningane om deg. Det er vi som avgjer kva dei skal brukast til, og korleis.", "{controller} is responsible for the information about you. We decide what it is used for, and how."];
    RIGHTS_INTRO_CHILD = ["Du har disse rettighetene. Det koster ingenting å bruke dem, og en voksen du stoler på, kan hjelpe deg. Ta kontakt med oss, se {section}.", "Du har desse rettane. Det kostar ingenting å bruke dei, og ein vaksen du stolar på, kan hjelpe deg. Ta kontakt med oss, sjå {section}.", "You have these rights. Using them costs nothing, and an adult you trust can help you. Contact us – see {section}."];
    COMPLAINT_BODY_CHILD = ["Hvis du synes at vi gjør noe galt med opplysningene dine, kan du klage til {authority}.", "Viss du synest at vi gjer noko gale med opplysningane dine, kan du klage til {authority}.", "If you think that we are doing something wrong with your information, you can complain to {authority}."];
    /// The line under the title: whose notice it is and what it is for.
    ORIENT = ["Her forklarer vi i {controller} hvordan vi behandler personopplysninger om deg, og hvilke rettigheter du har.", "Her forklarer vi i {controller} korleis vi behandlar personopplysningar om deg, og kva rettar du har.", "This notice explains how {controller} uses personal data about you, and what your rights are."];
    /// The group of purposes that name no subject, when the summary groups by subject.
    EVERYONE = ["For alle", "For alle", "For everyone"];
    /// The high-impact lines of the summary.
    WORTH_KNOWING = ["Viktig å vite", "Viktig å vite", "Important to know"];
    HI_DECISIONS = ["Vi tar noen avgjørelser om deg helautomatisk. Se {purposes}.", "Vi tek nokre avgjerder om deg heilautomatisk. Sjå {purposes}.", "Some decisions about you are fully automated. See {purposes}."];
    HI_PROFILING = ["Vi vurderer sider ved deg automatisk (profilering). Se {purposes}.", "Vi vurderer sider ved deg automatisk (profilering). Sjå {purposes}.", "We evaluate personal aspects of you automatically (profiling). See {purposes}."];
    HI_CAMERA = ["Vi bruker kameraovervåking. Se {purposes}.", "Vi brukar kameraovervaking. Sjå {purposes}.", "We use camera surveillance. See {purposes}."];
    HI_MONITORING = ["Vi driver systematisk overvåking. Se {purposes}.", "Vi driv systematisk overvaking. Sjå {purposes}.", "We carry out systematic monitoring. See {purposes}."];
    HI_TRANSFERS = ["Vi overfører noen opplysninger til land utenfor EØS ({countries}).", "Vi overfører nokre opplysningar til land utanfor EØS ({countries}).", "We transfer some data to countries outside the EEA ({countries})."];
    HI_TRANSFERS_UNNAMED = ["Vi overfører noen opplysninger til land utenfor EØS.", "Vi overfører nokre opplysningar til land utanfor EØS.", "We transfer some data to countries outside the EEA."];
    HI_SPECIAL = ["Vi behandler sensitive opplysninger (særlige kategorier). Se {purposes}.", "Vi behandlar sensitive opplysningar (særlege kategoriar). Sjå {purposes}.", "We process sensitive data (special categories). See {purposes}."];
    HI_CRIMINAL = ["Vi behandler opplysninger om straffedommer og lovovertredelser. Se {purposes}.", "Vi behandlar opplysningar om straffedommar og lovbrot. Sjå {purposes}.", "We process data about criminal convictions and offences. See {purposes}."];
    HI_COOKIES = ["Med samtykket ditt lagrer og leser vi informasjonskapsler på enheten din. Se {purposes}.", "Med samtykket ditt lagrar og les vi informasjonskapslar på eininga di. Sjå {purposes}.", "With your consent, we store and read cookies on your device. See {purposes}."];
    /// Where a gap in a draft shows what the declaration does not say yet.
    RETENTION_GAP = ["Erklæringen sier ikke hvor lenge opplysningene lagres.", "Erklæringa seier ikkje kor lenge opplysningane blir lagra.", "The declaration does not say how long the data is kept."];
    PROVISION_GAP = ["Erklæringen sier ikke om du må gi oss opplysningene.", "Erklæringa seier ikkje om du må gi oss opplysningane.", "The declaration does not say whether you have to give us the data."];
    LOGIC_GAP = ["Erklæringen forklarer ikke hvordan avgjørelsen tas.", "Erklæringa forklarer ikkje korleis avgjerda blir teken.", "The declaration does not explain how the decision is made."];
    /// `provision conditional "om du vil søke om startlån"`: the writer's text reads after it.
    PROVISION_CONDITIONAL = ["Du må gi oss opplysningene {condition}.", "Du må gi oss opplysningane {condition}.", "You have to give us the data {condition}."];
    /// Beside other sources, the provision is about what the person gives.
    PROVISION_OWN = ["Dette gjelder opplysningene du gir oss selv.", "Dette gjeld opplysningane du gir oss sjølv.", "This applies to the data you give us yourself."];
    FROM_YOU = ["fra deg", "frå deg", "from you"];
    SIGNIFICANCE = ["Hva det betyr for deg", "Kva det tyder for deg", "What it means for you"];
    AUTHORISED = ["Hjemmel", "Heimel", "Legal authority"];
    AUTHORISED_BY = ["Avgjørelsen har hjemmel i {law}.", "Avgjerda har heimel i {law}.", "The decision is authorised by {law}."];
    AUTHORISED_BY_LAW = ["Avgjørelsen har hjemmel i lov.", "Avgjerda har heimel i lov.", "The decision is authorised by law."];
    WHAT_YOU_CAN_DO = ["Hva du kan gjøre", "Kva du kan gjere", "What you can do"];
    COOKIES = ["Informasjonskapsler", "Informasjonskapslar", "Cookies"];
    COOKIES_WITHDRAW = ["Du kan trekke samtykket tilbake like enkelt som du ga det.", "Du kan trekkje samtykket attende like enkelt som du gav det.", "You can withdraw your consent as easily as you gave it."];
    SELF_SERVICE = ["Du kan se opplysningene dine og sende oss henvendelser trygt på {url}.", "Du kan sjå opplysningane dine og sende oss førespurnader trygt på {url}.", "You can see your data and send us requests securely at {url}."];
    /// `--subject`: the notice for some audiences, and where the whole notice is.
    FOR_AUDIENCE = ["Denne versjonen av personvernerklæringen er for {subjects}. Hele erklæringen finner du på {url}.", "Denne versjonen av personvernerklæringa er for {subjects}. Heile erklæringa finn du på {url}.", "This version of the privacy notice is for {subjects}. The full notice is at {url}."];
    FOR_AUDIENCE_NO_URL = ["Denne versjonen av personvernerklæringen er for {subjects}.", "Denne versjonen av personvernerklæringa er for {subjects}.", "This version of the privacy notice is for {subjects}."];
    GDPR_ARTICLE = ["personvernforordningen artikkel {article}", "personvernforordninga artikkel {article}", "Article {article} GDPR"];
}

/// A legal basis: its name (terms.csv) and what it means in plain words.
pub fn basis(kind: LegalBasis) -> (T, T) {
    match kind {
        LegalBasis::Consent => (
            T {
                nb: "Samtykke",
                nn: "Samtykke",
                en: "Consent",
            },
            T {
                nb: "Du har samtykket til at vi behandler opplysningene til dette formålet. Du kan når som helst trekke samtykket tilbake.",
                nn: "Du har samtykt til at vi behandlar opplysningane til dette formålet. Du kan når som helst trekkje samtykket attende.",
                en: "You have consented to our processing of the data for this purpose. You can withdraw your consent at any time.",
            },
        ),
        LegalBasis::Contract => (
            T {
                nb: "Oppfylle en avtale",
                nn: "Oppfylle ein avtale",
                en: "Performance of a contract",
            },
            T {
                nb: "Vi trenger opplysningene for å oppfylle en avtale med deg, eller for å gjøre det du ber om før vi inngår en avtale.",
                nn: "Vi treng opplysningane for å oppfylle ein avtale med deg, eller for å gjere det du ber om før vi inngår ein avtale.",
                en: "We need the data to perform a contract with you, or to do what you ask before we enter into one.",
            },
        ),
        LegalBasis::LegalObligation => (
            T {
                nb: "Rettslig forpliktelse",
                nn: "Rettsleg plikt",
                en: "Legal obligation",
            },
            T {
                nb: "Vi har en rettslig plikt til å behandle opplysningene.",
                nn: "Vi har ei rettsleg plikt til å behandle opplysningane.",
                en: "We have a legal obligation to process the data.",
            },
        ),
        LegalBasis::VitalInterests => (
            T {
                nb: "Vitale interesser",
                nn: "Vitale interesser",
                en: "Vital interests",
            },
            T {
                nb: "Behandlingen er nødvendig for å verne livet eller helsen til deg eller noen andre.",
                nn: "Behandlinga er naudsynt for å verne livet eller helsa til deg eller nokon andre.",
                en: "The processing is necessary to protect the life or health of you or someone else.",
            },
        ),
        LegalBasis::PublicTask => (
            T {
                nb: "Oppgave i allmennhetens interesse eller utøvelse av offentlig myndighet",
                nn: "Oppgåve i ålmenta si interesse eller utøving av offentleg styresmakt",
                en: "Task carried out in the public interest or in the exercise of official authority",
            },
            T {
                nb: "Vi trenger opplysningene for å utføre en oppgave eller utøve myndighet som vi har etter lov eller forskrift.",
                nn: "Vi treng opplysningane for å utføre ei oppgåve eller utøve styresmakt som vi har etter lov eller forskrift.",
                en: "We need the data to carry out a task or exercise powers that we have under the law.",
            },
        ),
        LegalBasis::LegitimateInterests => (
            T {
                nb: "Berettiget interesse",
                nn: "Berettiga interesse",
                en: "Legitimate interests",
            },
            T {
                nb: "Vi behandler opplysningene fordi det er nødvendig for en berettiget interesse. Loven tillater det bare når interessene og rettighetene dine ikke veier tyngre.",
                nn: "Vi behandlar opplysningane fordi det er naudsynt for ei berettiga interesse. Lova tillèt det berre når interessene og rettane dine ikkje veg tyngre.",
                en: "We process the data because it is necessary for a legitimate interest. The law only allows this if your interests and rights do not outweigh it.",
            },
        ),
    }
}

/// An Art. 9(2) or Art. 10 condition in plain words.
pub fn condition(kind: Condition) -> T {
    match kind {
        Condition::ExplicitConsent => T {
            nb: "Du har gitt uttrykkelig samtykke.",
            nn: "Du har gitt uttrykkeleg samtykke.",
            en: "You have given your explicit consent.",
        },
        Condition::Employment => T {
            nb: "Det er nødvendig for å oppfylle plikter eller bruke rettigheter innen arbeidsliv, trygd og sosiale tjenester, og loven eller en tariffavtale tillater det.",
            nn: "Det er naudsynt for å oppfylle plikter eller bruke rettar innan arbeidsliv, trygd og sosiale tenester, og lova eller ein tariffavtale tillèt det.",
            en: "It is necessary to meet obligations or exercise rights in employment, social security or social protection, and the law or a collective agreement allows it.",
        },
        Condition::VitalInterests => T {
            nb: "Det er nødvendig for å verne livet eller helsen til deg eller noen andre, når du ikke kan samtykke.",
            nn: "Det er naudsynt for å verne livet eller helsa til deg eller nokon andre, når du ikkje kan samtykkje.",
            en: "It is necessary to protect the life or health of you or someone else, when you cannot consent.",
        },
        Condition::NonprofitBody => T {
            nb: "Vi er en ideell organisasjon, og opplysningene gjelder medlemmer eller personer vi har jevnlig kontakt med.",
            nn: "Vi er ein ideell organisasjon, og opplysningane gjeld medlemmer eller personar vi har jamleg kontakt med.",
            en: "We are a not-for-profit body, and the data is about our members or people in regular contact with us.",
        },
        Condition::MadePublic => T {
            nb: "Du har selv gjort opplysningene offentlige.",
            nn: "Du har sjølv gjort opplysningane offentlege.",
            en: "You have made the data public yourself.",
        },
        Condition::LegalClaims => T {
            nb: "Det er nødvendig for å fastsette, gjøre gjeldende eller forsvare et rettskrav.",
            nn: "Det er naudsynt for å fastsetje, gjere gjeldande eller forsvare eit rettskrav.",
            en: "It is necessary to establish, exercise or defend legal claims.",
        },
        Condition::SubstantialPublicInterest => T {
            nb: "Det er nødvendig av hensyn til viktige samfunnsinteresser, og loven tillater det.",
            nn: "Det er naudsynt av omsyn til viktige samfunnsinteresser, og lova tillèt det.",
            en: "It is necessary for reasons of substantial public interest, and the law allows it.",
        },
        Condition::HealthCare => T {
            nb: "Det er nødvendig for helsehjelp, forebyggende helsearbeid eller omsorg, og loven tillater det.",
            nn: "Det er naudsynt for helsehjelp, førebyggjande helsearbeid eller omsorg, og lova tillèt det.",
            en: "It is necessary for health care, preventive medicine or social care, and the law allows it.",
        },
        Condition::PublicHealth => T {
            nb: "Det er nødvendig av hensyn til folkehelsen, og loven tillater det.",
            nn: "Det er naudsynt av omsyn til folkehelsa, og lova tillèt det.",
            en: "It is necessary for reasons of public health, and the law allows it.",
        },
        Condition::ArchivingResearch => T {
            nb: "Det er nødvendig for arkiv i allmennhetens interesse, forskning eller statistikk, og loven tillater det.",
            nn: "Det er naudsynt for arkiv i ålmenta si interesse, forsking eller statistikk, og lova tillèt det.",
            en: "It is necessary for archiving in the public interest, research or statistics, and the law allows it.",
        },
        Condition::OfficialAuthority => T {
            nb: "Behandlingen skjer under kontroll av offentlig myndighet.",
            nn: "Behandlinga skjer under kontroll av offentleg styresmakt.",
            en: "The processing is carried out under the control of official authority.",
        },
        Condition::AuthorisedByLaw => T {
            nb: "Loven tillater behandlingen og gir nødvendige garantier for rettighetene dine.",
            nn: "Lova tillèt behandlinga og gir naudsynte garantiar for rettane dine.",
            en: "The law allows the processing and provides appropriate safeguards for your rights.",
        },
    }
}

/// A transfer safeguard in plain words, and whether a copy of it can be asked for (the
/// safeguards of Art. 46 and 47, Art. 13(1)(f)).
pub fn safeguard(kind: TransferSafeguard) -> (T, bool) {
    match kind {
        TransferSafeguard::Adequacy => (
            T {
                nb: "EU-kommisjonen har fattet en beslutning om tilstrekkelig beskyttelsesnivå for landet.",
                nn: "EU-kommisjonen har teke ei avgjerd om tilstrekkeleg vernenivå for landet.",
                en: "The European Commission has adopted an adequacy decision for the country.",
            },
            false,
        ),
        TransferSafeguard::Dpf => (
            T {
                nb: "Mottakeren er sertifisert under EU–US Data Privacy Framework. Ordningen bygger på en beslutning om tilstrekkelig beskyttelsesnivå.",
                nn: "Mottakaren er sertifisert under EU–US Data Privacy Framework. Ordninga byggjer på ei avgjerd om tilstrekkeleg vernenivå.",
                en: "The recipient is certified under the EU–US Data Privacy Framework. The framework rests on an adequacy decision.",
            },
            false,
        ),
        TransferSafeguard::Scc => (
            T {
                nb: "Vi og mottakeren har avtalt å bruke standard personvernbestemmelser fra EU-kommisjonen.",
                nn: "Vi og mottakaren har avtalt å bruke standard personvernføresegner frå EU-kommisjonen.",
                en: "We have agreed the European Commission's standard contractual clauses with the recipient.",
            },
            true,
        ),
        TransferSafeguard::Bcr => (
            T {
                nb: "Mottakeren følger bindende virksomhetsregler som en tilsynsmyndighet har godkjent.",
                nn: "Mottakaren følgjer bindande verksemdsreglar som ei tilsynsmyndigheit har godkjent.",
                en: "The recipient follows binding corporate rules approved by a supervisory authority.",
            },
            true,
        ),
        TransferSafeguard::PublicInstrument => (
            T {
                nb: "Overføringen bygger på et rettslig bindende instrument mellom offentlige myndigheter eller organer.",
                nn: "Overføringa byggjer på eit rettsleg bindande instrument mellom offentlege styresmakter eller organ.",
                en: "The transfer rests on a legally binding instrument between public authorities or bodies.",
            },
            true,
        ),
        TransferSafeguard::AdministrativeArrangement => (
            T {
                nb: "Overføringen bygger på en administrativ ordning mellom offentlige myndigheter eller organer, godkjent av tilsynsmyndigheten.",
                nn: "Overføringa byggjer på ei administrativ ordning mellom offentlege styresmakter eller organ, godkjend av tilsynsmyndigheita.",
                en: "The transfer rests on an administrative arrangement between public authorities or bodies, authorised by the supervisory authority.",
            },
            true,
        ),
        TransferSafeguard::CodeOfConduct => (
            T {
                nb: "Mottakeren har forpliktet seg til å følge godkjente bransjenormer (atferdsnormer).",
                nn: "Mottakaren har forplikta seg til å følgje godkjende bransjenormer (åtferdsnormer).",
                en: "The recipient has committed to an approved code of conduct.",
            },
            true,
        ),
        TransferSafeguard::Certification => (
            T {
                nb: "Mottakeren er sertifisert etter en godkjent sertifiseringsordning.",
                nn: "Mottakaren er sertifisert etter ei godkjend sertifiseringsordning.",
                en: "The recipient is certified under an approved certification mechanism.",
            },
            true,
        ),
        TransferSafeguard::AdHocClauses => (
            T {
                nb: "Vi har avtalt egne personvernbestemmelser med mottakeren, og tilsynsmyndigheten har godkjent dem.",
                nn: "Vi har avtalt eigne personvernføresegner med mottakaren, og tilsynsmyndigheita har godkjent dei.",
                en: "We have agreed our own contractual clauses with the recipient, and the supervisory authority has authorised them.",
            },
            true,
        ),
        TransferSafeguard::Derogation => (
            T {
                nb: "Overføringen bygger på et unntak i en særlig situasjon.",
                nn: "Overføringa byggjer på eit unntak i ein særleg situasjon.",
                en: "The transfer relies on a derogation for a specific situation.",
            },
            false,
        ),
    }
}

/// The Art. 49(1) ground of a derogation, as a sentence.
pub fn derogation(ground: DerogationGround) -> T {
    match ground {
        DerogationGround::ExplicitConsent => T {
            nb: "Du har gitt uttrykkelig samtykke til overføringen.",
            nn: "Du har gitt uttrykkeleg samtykke til overføringa.",
            en: "You have explicitly consented to the transfer.",
        },
        DerogationGround::Contract => T {
            nb: "Overføringen er nødvendig for å oppfylle en avtale med deg.",
            nn: "Overføringa er naudsynt for å oppfylle ein avtale med deg.",
            en: "The transfer is necessary to perform a contract with you.",
        },
        DerogationGround::ContractInInterest => T {
            nb: "Overføringen er nødvendig for en avtale som er inngått i din interesse.",
            nn: "Overføringa er naudsynt for ein avtale som er inngått i di interesse.",
            en: "The transfer is necessary for a contract concluded in your interest.",
        },
        DerogationGround::PublicInterest => T {
            nb: "Overføringen er nødvendig av hensyn til viktige samfunnsinteresser.",
            nn: "Overføringa er naudsynt av omsyn til viktige samfunnsinteresser.",
            en: "The transfer is necessary for important reasons of public interest.",
        },
        DerogationGround::LegalClaims => T {
            nb: "Overføringen er nødvendig for å fastsette, gjøre gjeldende eller forsvare et rettskrav.",
            nn: "Overføringa er naudsynt for å fastsetje, gjere gjeldande eller forsvare eit rettskrav.",
            en: "The transfer is necessary to establish, exercise or defend legal claims.",
        },
        DerogationGround::VitalInterests => T {
            nb: "Overføringen er nødvendig for å verne livet eller helsen til noen som ikke kan samtykke.",
            nn: "Overføringa er naudsynt for å verne livet eller helsa til nokon som ikkje kan samtykkje.",
            en: "The transfer is necessary to protect the life or health of someone who cannot consent.",
        },
        DerogationGround::PublicRegister => T {
            nb: "Opplysningene kommer fra et offentlig register.",
            nn: "Opplysningane kjem frå eit offentleg register.",
            en: "The data comes from a public register.",
        },
        DerogationGround::CompellingInterests => T {
            nb: "Overføringen er nødvendig for tvingende berettigede interesser. Den skjer ikke jevnlig og gjelder få personer.",
            nn: "Overføringa er naudsynt for tvingande berettiga interesser. Ho skjer ikkje jamleg og gjeld få personar.",
            en: "The transfer is necessary for compelling legitimate interests. It does not happen regularly and concerns only a few people.",
        },
    }
}

/// Whether you must provide the data (Art. 13(2)(e)).
pub fn provision(kind: Provision) -> T {
    match kind {
        Provision::Statutory => T {
            nb: "Ja. Loven krever at du gir oss opplysningene.",
            nn: "Ja. Lova krev at du gir oss opplysningane.",
            en: "Yes. The law requires you to give us the data.",
        },
        Provision::Contractual => T {
            nb: "Ja. Avtalen med oss krever at du gir oss opplysningene.",
            nn: "Ja. Avtalen med oss krev at du gir oss opplysningane.",
            en: "Yes. Your contract with us requires you to give us the data.",
        },
        Provision::Precontractual => T {
            nb: "Ja, hvis du vil inngå en avtale med oss. Vi trenger opplysningene for å inngå avtalen.",
            nn: "Ja, viss du vil inngå ein avtale med oss. Vi treng opplysningane for å inngå avtalen.",
            en: "Yes, if you want to enter into a contract with us. We need the data to enter into it.",
        },
        Provision::Voluntary => T {
            nb: "Nei. Du velger selv om du vil gi oss opplysningene.",
            nn: "Nei. Du vel sjølv om du vil gi oss opplysningane.",
            en: "No. You choose whether to give us the data.",
        },
        Provision::Conditional => T {
            nb: "Ja, hvis du vil få det du søker om.",
            nn: "Ja, viss du vil få det du søkjer om.",
            en: "Yes, if you want what you are applying for.",
        },
    }
}

/// What a safeguard of an automated decision lets you do (Art. 22(3)).
pub fn decision_safeguard(kind: DecisionSafeguard) -> T {
    match kind {
        DecisionSafeguard::HumanReview => T {
            nb: "Du kan be om at et menneske vurderer avgjørelsen.",
            nn: "Du kan be om at eit menneske vurderer avgjerda.",
            en: "You can ask for a person to review the decision.",
        },
        DecisionSafeguard::ExpressView => T {
            nb: "Du kan si hva du mener om saken.",
            nn: "Du kan seie kva du meiner om saka.",
            en: "You can tell us your point of view.",
        },
        DecisionSafeguard::Contest => T {
            nb: "Du kan klage på avgjørelsen.",
            nn: "Du kan klage på avgjerda.",
            en: "You can challenge the decision.",
        },
    }
}

/// A right: its name (terms.csv, in the form that follows "Du har"), what it means, and its
/// gist in a few words, for the one line that stands for the right until it is opened.
pub fn right(kind: RightKind) -> (T, T, T) {
    match kind {
        RightKind::Access => (
            T {
                nb: "rett til innsyn",
                nn: "rett til innsyn",
                en: "right of access",
            },
            T {
                nb: "Du kan få vite om vi behandler opplysninger om deg. Gjør vi det, kan du få en kopi av opplysningene og vite hva vi bruker dem til.",
                nn: "Du kan få vite om vi behandlar opplysningar om deg. Gjer vi det, kan du få ein kopi av opplysningane og vite kva vi brukar dei til.",
                en: "You can find out whether we process data about you. If we do, you can get a copy of it and find out what we use it for.",
            },
            T {
                nb: "du kan få vite hva vi har om deg",
                nn: "du kan få vite kva vi har om deg",
                en: "you can find out what data we hold about you",
            },
        ),
        RightKind::Rectification => (
            T {
                nb: "rett til retting",
                nn: "rett til retting",
                en: "right to rectification",
            },
            T {
                nb: "Du kan be oss rette opplysninger som er feil, og fylle ut opplysninger som mangler.",
                nn: "Du kan be oss rette opplysningar som er feil, og fylle ut opplysningar som manglar.",
                en: "You can ask us to correct data that is wrong, and to complete data that is incomplete.",
            },
            T {
                nb: "du kan be oss rette feil",
                nn: "du kan be oss rette feil",
                en: "you can ask us to correct mistakes",
            },
        ),
        RightKind::Erasure => (
            T {
                nb: "rett til sletting",
                nn: "rett til sletting",
                en: "right to erasure",
            },
            T {
                nb: "Du kan be oss slette opplysninger om deg, for eksempel når vi ikke lenger trenger dem.",
                nn: "Du kan be oss slette opplysningar om deg, til dømes når vi ikkje lenger treng dei.",
                en: "You can ask us to erase data about you, for example when we no longer need it.",
            },
            T {
                nb: "du kan be oss slette opplysninger",
                nn: "du kan be oss slette opplysningar",
                en: "you can ask us to erase your data",
            },
        ),
        RightKind::Restriction => (
            T {
                nb: "rett til begrensning av behandlingen",
                nn: "rett til avgrensing av behandlinga",
                en: "right to restriction of processing",
            },
            T {
                nb: "Du kan be oss begrense behandlingen, for eksempel mens vi undersøker om opplysningene er riktige. Da tar vi vare på opplysningene, men som hovedregel bruker vi dem ikke.",
                nn: "Du kan be oss avgrense behandlinga, til dømes medan vi undersøkjer om opplysningane er rette. Då tek vi vare på opplysningane, men som hovudregel brukar vi dei ikkje.",
                en: "You can ask us to restrict the processing, for example while we check whether the data is correct. We will then keep the data but, as a rule, not use it.",
            },
            T {
                nb: "du kan be oss la være å bruke opplysningene en tid",
                nn: "du kan be oss la vere å bruke opplysningane ei tid",
                en: "you can ask us to stop using your data for a while",
            },
        ),
        RightKind::Portability => (
            T {
                nb: "rett til dataportabilitet",
                nn: "rett til dataportabilitet",
                en: "right to data portability",
            },
            T {
                nb: "Du kan få opplysninger du har gitt oss, i et maskinlesbart format, og be oss sende dem til en annen virksomhet. Det gjelder når vi behandler dem på grunnlag av samtykke eller avtale.",
                nn: "Du kan få opplysningar du har gitt oss, i eit maskinlesbart format, og be oss sende dei til ei anna verksemd. Det gjeld når vi behandlar dei på grunnlag av samtykke eller avtale.",
                en: "You can get the data you gave us in a machine-readable format, and ask us to send it to another organisation. This applies when we process it on the basis of consent or a contract.",
            },
            T {
                nb: "du kan ta med deg opplysningene dine",
                nn: "du kan ta med deg opplysningane dine",
                en: "you can take your data with you",
            },
        ),
        RightKind::Objection => (
            T {
                nb: "rett til å protestere",
                nn: "rett til å protestere",
                en: "right to object",
            },
            T {
                nb: "Du kan protestere mot behandling som bygger på berettiget interesse eller på en oppgave i allmennhetens interesse. Fortell oss hvorfor, ut fra situasjonen din. Da stanser vi, med mindre vi kan vise at vi har tungtveiende grunner som går foran interessene og rettighetene dine, eller trenger opplysningene for et rettskrav.",
                nn: "Du kan protestere mot behandling som byggjer på berettiga interesse eller på ei oppgåve i ålmenta si interesse. Fortel oss kvifor, ut frå situasjonen din. Då stansar vi, med mindre vi kan vise at vi har tungtvegande grunnar som går føre interessene og rettane dine, eller treng opplysningane for eit rettskrav.",
                en: "You can object to processing based on legitimate interests or on a task in the public interest. Tell us why, based on your particular situation. We will then stop, unless we can show compelling legitimate grounds that override your interests and rights, or we need the data for legal claims.",
            },
            T {
                nb: "du kan si nei til at vi bruker opplysningene",
                nn: "du kan seie nei til at vi brukar opplysningane",
                en: "you can object to our use of your data",
            },
        ),
        RightKind::WithdrawConsent => (
            T {
                nb: "rett til å trekke tilbake samtykke",
                nn: "rett til å trekkje attende samtykke",
                en: "right to withdraw consent",
            },
            T {
                nb: "Når behandlingen bygger på samtykke, kan du når som helst trekke samtykket tilbake. Det skal være like enkelt som å gi det. Det vi har gjort fram til da, er fortsatt lovlig.",
                nn: "Når behandlinga byggjer på samtykke, kan du når som helst trekkje samtykket attende. Det skal vere like enkelt som å gi det. Det vi har gjort fram til då, er framleis lovleg.",
                en: "When the processing is based on consent, you can withdraw your consent at any time. It must be as easy as giving it. What we have done up to then remains lawful.",
            },
            T {
                nb: "du kan ombestemme deg når du vil",
                nn: "du kan ombestemme deg når du vil",
                en: "you can change your mind at any time",
            },
        ),
        RightKind::HumanReview => (
            T {
                nb: "rett til å få saken vurdert av et menneske",
                nn: "rett til å få saka vurdert av eit menneske",
                en: "right to have a person review an automated decision",
            },
            T {
                nb: "Når vi tar en avgjørelse om deg bare ved automatisk behandling, kan du be om at et menneske vurderer saken.",
                nn: "Når vi tek ei avgjerd om deg berre ved automatisk behandling, kan du be om at eit menneske vurderer saka.",
                en: "When we make a decision about you by automated processing alone, you can ask for a person to review it.",
            },
            T {
                nb: "du kan be om at et menneske ser på saken",
                nn: "du kan be om at eit menneske ser på saka",
                en: "you can ask for a person to look at your case",
            },
        ),
    }
}

/// What a purpose stores on or reads from the device (`cookies`), and whether it needs consent.
pub fn cookie(kind: Cookie) -> T {
    match kind {
        Cookie::StrictlyNecessary => T {
            nb: "Informasjonskapsler som tjenesten ikke virker uten, for eksempel for innlogging og sikkerhet. De krever ikke samtykke.",
            nn: "Informasjonskapslar som tenesta ikkje verkar utan, til dømes for innlogging og tryggleik. Dei krev ikkje samtykke.",
            en: "Cookies the service cannot work without, for example for logging in and security. They do not need your consent.",
        },
        Cookie::Functional => T {
            nb: "Informasjonskapsler som husker valgene dine, for eksempel språk. Vi bruker dem bare hvis du samtykker.",
            nn: "Informasjonskapslar som hugsar vala dine, til dømes språk. Vi brukar dei berre viss du samtykkjer.",
            en: "Cookies that remember your choices, such as your language. We only use them if you consent.",
        },
        Cookie::Analytics => T {
            nb: "Informasjonskapsler som måler hvordan tjenesten blir brukt. Vi bruker dem bare hvis du samtykker.",
            nn: "Informasjonskapslar som måler korleis tenesta blir brukt. Vi brukar dei berre viss du samtykkjer.",
            en: "Cookies that measure how the service is used. We only use them if you consent.",
        },
        Cookie::Marketing => T {
            nb: "Informasjonskapsler for annonser og sporing på tvers av tjenester. Vi bruker dem bare hvis du samtykker.",
            nn: "Informasjonskapslar for annonsar og sporing på tvers av tenester. Vi brukar dei berre viss du samtykkjer.",
            en: "Cookies for advertising and for tracking you across services. We only use them if you consent.",
        },
    }
}

/// A statement the notice makes about itself (`claims`), as the summary says it.
pub fn claim(kind: Claim) -> T {
    match kind {
        Claim::NoConsent => T {
            nb: "Ingen av behandlingene våre bygger på samtykke.",
            nn: "Ingen av behandlingane våre byggjer på samtykke.",
            en: "None of our processing is based on consent.",
        },
        Claim::NoSpecialCategories => T {
            nb: "Vi behandler ingen sensitive opplysninger (særlige kategorier).",
            nn: "Vi behandlar ingen sensitive opplysningar (særlege kategoriar).",
            en: "We process no sensitive data (special categories).",
        },
        Claim::NoCriminalData => T {
            nb: "Vi behandler ingen opplysninger om straffedommer og lovovertredelser.",
            nn: "Vi behandlar ingen opplysningar om straffedommar og lovbrot.",
            en: "We process no data about criminal convictions and offences.",
        },
        Claim::NoAutomatedDecisions => T {
            nb: "Vi tar ingen automatiserte avgjørelser om deg.",
            nn: "Vi tek ingen automatiserte avgjerder om deg.",
            en: "We make no automated decisions about you.",
        },
        Claim::NoProfiling => T {
            nb: "Vi bruker ikke profilering.",
            nn: "Vi brukar ikkje profilering.",
            en: "We do not use profiling.",
        },
        Claim::NoTransfersOutsideEea => T {
            nb: "Vi overfører ingen opplysninger til land utenfor EØS.",
            nn: "Vi overfører ingen opplysningar til land utanfor EØS.",
            en: "We transfer no data to countries outside the EEA.",
        },
        Claim::NoDisclosure => T {
            nb: "Vi gir ikke opplysningene dine videre, bortsett fra til leverandører som behandler dem for oss.",
            nn: "Vi gir ikkje opplysningane dine vidare, bortsett frå til leverandørar som behandlar dei for oss.",
            en: "We do not pass your data on, except to suppliers who process it for us.",
        },
    }
}

/// The numbers up to twelve in words, as running text writes them before a unit ("fem år");
/// index 0 is one. The gender of "one" follows the unit: see [`one`].
pub const NUMBERS: [T; 11] = [
    T {
        nb: "to",
        nn: "to",
        en: "two",
    },
    T {
        nb: "tre",
        nn: "tre",
        en: "three",
    },
    T {
        nb: "fire",
        nn: "fire",
        en: "four",
    },
    T {
        nb: "fem",
        nn: "fem",
        en: "five",
    },
    T {
        nb: "seks",
        nn: "seks",
        en: "six",
    },
    T {
        nb: "sju",
        nn: "sju",
        en: "seven",
    },
    T {
        nb: "åtte",
        nn: "åtte",
        en: "eight",
    },
    T {
        nb: "ni",
        nn: "ni",
        en: "nine",
    },
    T {
        nb: "ti",
        nn: "ti",
        en: "ten",
    },
    T {
        nb: "elleve",
        nn: "elleve",
        en: "eleven",
    },
    T {
        nb: "tolv",
        nn: "tolv",
        en: "twelve",
    },
];

/// "One" before a unit, in the unit's gender: "én måned", "ett år" / "ein månad", "ei veke",
/// "eitt år".
pub fn one(unit: TimeUnit) -> T {
    match unit {
        TimeUnit::Day => T {
            nb: "én",
            nn: "ein",
            en: "one",
        },
        TimeUnit::Week => T {
            nb: "én",
            nn: "ei",
            en: "one",
        },
        TimeUnit::Month => T {
            nb: "én",
            nn: "ein",
            en: "one",
        },
        TimeUnit::Year => T {
            nb: "ett",
            nn: "eitt",
            en: "one",
        },
    }
}

/// A unit of time, singular and plural.
pub fn unit(unit: TimeUnit) -> (T, T) {
    match unit {
        TimeUnit::Day => (
            T {
                nb: "dag",
                nn: "dag",
                en: "day",
            },
            T {
                nb: "dager",
                nn: "dagar",
                en: "days",
            },
        ),
        TimeUnit::Week => (
            T {
                nb: "uke",
                nn: "veke",
                en: "week",
            },
            T {
                nb: "uker",
                nn: "veker",
                en: "weeks",
            },
        ),
        TimeUnit::Month => (
            T {
                nb: "måned",
                nn: "månad",
                en: "month",
            },
            T {
                nb: "måneder",
                nn: "månader",
                en: "months",
            },
        ),
        TimeUnit::Year => (
            T {
                nb: "år",
                nn: "år",
                en: "year",
            },
            T {
                nb: "år",
                nn: "år",
                en: "years",
            },
        ),
    }
}

/// The months, for dates ("1. september 2026", "1 September 2026").
pub const MONTHS: [T; 12] = [
    T {
        nb: "januar",
        nn: "januar",
        en: "January",
    },
    T {
        nb: "februar",
        nn: "februar",
        en: "February",
    },
    T {
        nb: "mars",
        nn: "mars",
        en: "March",
    },
    T {
        nb: "april",
        nn: "april",
        en: "April",
    },
    T {
        nb: "mai",
        nn: "mai",
        en: "May",
    },
    T {
        nb: "juni",
        nn: "juni",
        en: "June",
    },
    T {
        nb: "juli",
        nn: "juli",
        en: "July",
    },
    T {
        nb: "august",
        nn: "august",
        en: "August",
    },
    T {
        nb: "september",
        nn: "september",
        en: "September",
    },
    T {
        nb: "oktober",
        nn: "oktober",
        en: "October",
    },
    T {
        nb: "november",
        nn: "november",
        en: "November",
    },
    T {
        nb: "desember",
        nn: "desember",
        en: "December",
    },
];

/// A country's name, from the one table of country names (every ISO 3166-1 code).
pub fn country(code: &str) -> Option<T> {
    crate::vocab::country_names(code).map(|names| T {
        nb: names.nb,
        nn: names.nn,
        en: names.en,
    })
}

/// Whether a source's label is only the reader ("Deg selv", "You"), in any of the three
/// languages (a label may be shown untranslated): the note "fra deg" after it would then say
/// the same thing twice.
pub fn names_the_reader(label: &str) -> bool {
    const THE_READER: &[&str] = &[
        "deg",
        "deg selv",
        "deg sjølv",
        "du",
        "du selv",
        "du sjølv",
        "you",
        "yourself",
    ];
    THE_READER.contains(&label.trim().to_lowercase().as_str())
}

/// Every phrase of the table with a name, for the review document and the tests.
pub fn table() -> Vec<(String, T)> {
    let mut all: Vec<(String, T)> = PHRASES.iter().map(|(n, t)| (n.to_string(), *t)).collect();
    for &k in LegalBasis::ALL {
        let (name, meaning) = basis(k);
        all.push((format!("basis {}", k.word()), name));
        all.push((format!("basis {} (meaning)", k.word()), meaning));
    }
    for &k in Condition::ALL {
        all.push((format!("condition {}", k.word()), condition(k)));
    }
    for &k in TransferSafeguard::ALL {
        all.push((format!("safeguard {}", k.word()), safeguard(k).0));
    }
    for &k in DerogationGround::ALL {
        all.push((format!("derogation {}", k.word()), derogation(k)));
    }
    for &k in Provision::ALL {
        all.push((format!("provision {}", k.word()), provision(k)));
    }
    for &k in DecisionSafeguard::ALL {
        all.push((
            format!("decision safeguard {}", k.word()),
            decision_safeguard(k),
        ));
    }
    for &k in RightKind::ALL {
        let (name, meaning, gist) = right(k);
        all.push((format!("right {}", k.word()), name));
        all.push((format!("right {} (meaning)", k.word()), meaning));
        all.push((format!("right {} (in a line)", k.word()), gist));
    }
    for &k in Cookie::ALL {
        all.push((format!("cookies {}", k.word()), cookie(k)));
    }
    for &k in Claim::ALL {
        all.push((format!("claim {}", k.word()), claim(k)));
    }
    for (i, n) in NUMBERS.iter().enumerate() {
        all.push((format!("number {}", i + 2), *n));
    }
    for u in [
        TimeUnit::Day,
        TimeUnit::Week,
        TimeUnit::Month,
        TimeUnit::Year,
    ] {
        let (one, many) = unit(u);
        all.push((format!("unit {u:?}"), one));
        all.push((format!("unit {u:?} (plural)"), many));
        all.push((format!("one {u:?}"), self::one(u)));
    }
    for (i, m) in MONTHS.iter().enumerate() {
        all.push((format!("month {}", i + 1), *m));
    }
    all
}

/// The review document: the three languages side by side.
pub fn review_document() -> String {
    let mut out = String::from(
        "# The fixed text of `privlint notice`\n\n\
         Written from the table in `core/src/publish/notice/text.rs` (regenerate with\n\
         `PRIVLINT_BLESS=1 cargo test -p privlint-core --lib texts_doc_is_current`). \
         `{name}` marks where a value from the declaration goes.\n\n\
         Terms from `shared/reference/terms.csv`. Style: short sentences, \"du\" and \"vi\", no legal Latin;\n\
         the Nynorsk is written as Nynorsk, not as Bokmål with a few words changed.\n\n\
         | Key | Bokmål (nb) | Nynorsk (nn) | English (en) |\n|---|---|---|---|\n",
    );
    for (name, t) in table() {
        out.push_str(&format!("| `{name}` | {} | {} | {} |\n", t.nb, t.nn, t.en));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_phrase_is_well_formed_in_each_language() {
        let problems: Vec<String> = table()
            .into_iter()
            .flat_map(|(name, t)| crate::lang::problems(&name, t))
            .collect();
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    /// `docs/notice-texts.md` is the table as a reviewer reads it; `PRIVLINT_BLESS=1` rewrites it.
    #[test]
    fn texts_doc_is_current() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/notice-texts.md");
        let expected = review_document();
        if std::env::var_os("PRIVLINT_BLESS").is_some() {
            std::fs::write(path, &expected).unwrap();
            return;
        }
        let actual = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            actual == expected,
            "docs/notice-texts.md is out of date: run PRIVLINT_BLESS=1 cargo test -p privlint-core --lib texts_doc_is_current"
        );
    }
}
