//! The supervisory authority of each EEA state (Art. 51), for messages that tell the controller
//! whom people may complain to (Art. 77).
//!
//! Source: the members of the European Data Protection Board (EDPB, "Members"), names in the
//! authorities' own language; written on 2026-12-01 from that list as known then, not checked
//! again online — verify an entry before citing it. Germany is not listed: the competent
//! authority depends on the Land (and on the sector), so no single name is right.

/// A supervisory authority: a suggested ID for `authority ID "Name"` and its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SupervisoryAuthority {
    pub country: &'static str,
    pub id: &'static str,
    pub name: &'static str,
}

const fn authority(
    country: &'static str,
    id: &'static str,
    name: &'static str,
) -> SupervisoryAuthority {
    SupervisoryAuthority { country, id, name }
}

pub const SUPERVISORY_AUTHORITIES: &[SupervisoryAuthority] = &[
    authority("AT", "dsb", "Österreichische Datenschutzbehörde"),
    authority(
        "BE",
        "apd_gba",
        "Autorité de protection des données / Gegevensbeschermingsautoriteit",
    ),
    authority("BG", "cpdp", "Комисия за защита на личните данни"),
    authority(
        "CY",
        "dataprotection_cy",
        "Γραφείο Επιτρόπου Προστασίας Δεδομένων Προσωπικού Χαρακτήρα",
    ),
    authority("CZ", "uoou", "Úřad pro ochranu osobních údajů"),
    authority("DK", "datatilsynet", "Datatilsynet"),
    authority("EE", "aki", "Andmekaitse Inspektsioon"),
    authority("ES", "aepd", "Agencia Española de Protección de Datos"),
    authority("FI", "tietosuoja", "Tietosuojavaltuutetun toimisto"),
    authority(
        "FR",
        "cnil",
        "Commission nationale de l'informatique et des libertés",
    ),
    authority(
        "GR",
        "hdpa",
        "Αρχή Προστασίας Δεδομένων Προσωπικού Χαρακτήρα",
    ),
    authority("HR", "azop", "Agencija za zaštitu osobnih podataka"),
    authority(
        "HU",
        "naih",
        "Nemzeti Adatvédelmi és Információszabadság Hatóság",
    ),
    authority("IE", "dpc", "Data Protection Commission"),
    authority("IS", "personuvernd", "Persónuvernd"),
    authority(
        "IT",
        "garante",
        "Garante per la protezione dei dati personali",
    ),
    authority("LI", "datenschutzstelle", "Datenschutzstelle Liechtenstein"),
    authority("LT", "vdai", "Valstybinė duomenų apsaugos inspekcija"),
    authority(
        "LU",
        "cnpd_lu",
        "Commission nationale pour la protection des données",
    ),
    authority("LV", "dvi", "Datu valsts inspekcija"),
    authority("MT", "idpc", "Information and Data Protection Commissioner"),
    authority("NL", "ap", "Autoriteit Persoonsgegevens"),
    authority("NO", "datatilsynet", "Datatilsynet"),
    authority("PL", "uodo", "Urząd Ochrony Danych Osobowych"),
    authority("PT", "cnpd", "Comissão Nacional de Proteção de Dados"),
    authority(
        "RO",
        "anspdcp",
        "Autoritatea Naţională de Supraveghere a Prelucrării Datelor cu Caracter Personal",
    ),
    authority("SE", "imy", "Integritetsskyddsmyndigheten"),
    authority("SI", "ip", "Informacijski pooblaščenec"),
    authority(
        "SK",
        "dataprotection_sk",
        "Úrad na ochranu osobných údajov Slovenskej republiky",
    ),
];

/// The supervisory authority of an EEA state, if privlint lists one.
pub fn supervisory_authority(country: &str) -> Option<&'static SupervisoryAuthority> {
    SUPERVISORY_AUTHORITIES
        .iter()
        .find(|a| a.country == country)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_eea_state_but_germany_has_one_authority() {
        for state in crate::vocab::EEA_STATES {
            let found = SUPERVISORY_AUTHORITIES
                .iter()
                .filter(|a| a.country == *state)
                .count();
            assert_eq!(found, usize::from(*state != "DE"), "{state}");
        }
        assert_eq!(
            supervisory_authority("NO").map(|a| a.name),
            Some("Datatilsynet")
        );
    }
}
