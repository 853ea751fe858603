"""`privlint export --format dpv`: the export is JSON-LD that a real RDF library reads, and every
DPV term it uses (`dpv:`, `eu-gdpr:`, `pd:`) is defined in DPV 2.3.

The vocabulary is the copy in tests/fixtures/dpv/ (w3c/dpv, folder 2.3, with its W3C licence).
The binary is target/release/privlint, as scripts/test.sh builds it.
"""

import json
import pathlib
import subprocess

import pytest
from rdflib import RDF, Graph, Namespace, URIRef

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = ROOT / "target" / "release" / "privlint"
VOCABULARY = ROOT / "tests" / "fixtures" / "dpv"
EXAMPLES = sorted((ROOT / "examples").glob("*.privacy"))

DPV = Namespace("https://w3id.org/dpv#")
EU_GDPR = Namespace("https://w3id.org/dpv/legal/eu/gdpr#")
PD = Namespace("https://w3id.org/dpv/pd#")
LOC = Namespace("https://w3id.org/dpv/loc#")
# rdflib's JSON-LD parser uses its own deprecated ConjunctiveGraph internally.
pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")

CHECKED = {"dpv:": str(DPV), "eu-gdpr:": str(EU_GDPR), "pd:": str(PD)}

# Every word of every closed vocabulary privlint maps, so that every row of the mapping table in
# core/src/publish/dpv.rs that a declaration can reach is exported and checked, not only those the
# examples happen to use.
KITCHEN_SINK = """\
notice "Alt" { languages nb, en }
controller c "C AS" {
  org_number "999 888 777"
  country NO
  email "post@c.example"
  public_authority
  authority dt "Datatilsynet"
}
dpo "Personvernombud" { email "pvo@c.example" }
representative "R GmbH" {
  country DE
  email "r@r.example"
}
category contact "Kontakt" en "Contact" { includes "navn" en "name", "e-post" }
category health "Helse" { special }
category crime "Straffedommer" { criminal }
category other "Annet"
category identity "Identitet"
category national_id "Fødselsnummer"
category financial "Økonomi"
category payment "Betaling"
category orders "Ordre"
category debt "Gjeld"
category union_membership "Fagforening" { special }
category device "Enhet"
category web_usage "Nettbruk"
category correspondence "Korrespondanse"
category next_of_kin "Pårørende"
subject customers "Kunder"
subject patients "Pasienter"
subject kids "Barn" { child }
subject staff "Ansatte" { employee }
subject consumers "Forbrukere"
subject visitors "Besøkende"
subject subscribers "Abonnenter"
subject others "Andre"
source register "Folkeregisteret" {
  public
  country NO
}
source abroad "Utlandet" { country eea }
processor p_adequacy "P1" {
  country JP
  safeguard adequacy
  agreement "A1"
}
processor p_dpf "P2" {
  country US
  safeguard dpf
}
processor p_scc "P3" {
  country IN
  safeguard scc
}
processor p_bcr "P4" {
  country IN
  safeguard bcr
}
processor p_coc "P5" {
  country IN
  safeguard code_of_conduct
}
processor p_cert "P6" {
  country IN
  safeguard certification
}
processor p_adhoc "P7" {
  country IN
  safeguard ad_hoc_clauses
}
processor p_outside "P8" {
  country outside_eea
  safeguard scc
}
recipient r1 "R1" {
  country BR
  safeguard derogation explicit_consent "kunden ber om det"
}
recipient r2 "R2" {
  country BR
  safeguard derogation contract "kontrakten"
}
recipient r3 "R3" {
  country BR
  safeguard derogation contract_in_interest "kontrakten"
}
recipient r4 "R4" {
  country BR
  safeguard derogation public_interest "lov"
}
recipient r5 "R5" {
  country BR
  safeguard derogation legal_claims "søksmål"
}
recipient r6 "R6" {
  country BR
  safeguard derogation vital_interests "liv"
}
recipient r7 "R7" {
  country BR
  safeguard derogation public_register "register"
}
recipient r8 "R8" {
  country BR
  safeguard derogation compelling_interests "én gang"
}
recipient r9 "R9" {
  country BR
  safeguard derogation "uten grunn"
}
recipient police "Politiet" {
  country NO
  public_authority
}
joint_controller jc "J AS" {
  country NO
  arrangement "J svarer på innsyn"
}
purpose a "A" {
  basis consent
  basis contract
  basis legal_obligation "lov A"
  basis vital_interests
  basis public_task "lov B"
  basis legitimate_interests "interessen"
  condition explicit_consent
  condition employment "arbeidsmiljøloven"
  condition vital_interests
  condition nonprofit_body
  condition made_public
  condition legal_claims
  condition substantial_public_interest "lov C"
  condition health_care "lov D"
  condition public_health "lov E"
  condition archiving_research "lov F"
  condition official_authority
  condition authorised_by_law "lov G"
  direct_marketing
  profiling
  data contact, health, crime, other, identity, national_id, financial, payment, orders, debt, union_membership, device, web_usage, correspondence, next_of_kin
  subjects customers, patients, kids, staff, consumers, visitors, subscribers, others
  sources register, abroad
  processors p_adequacy, p_dpf, p_scc, p_bcr, p_coc, p_cert, p_adhoc, p_outside
  recipients r1, r2, r3, r4, r5, r6, r7, r8, r9, police
  joint_controllers jc
  dpia "DPIA-1"
  retention 90 days
}
purpose b "B" {
  basis contract
  data contact
  subjects customers
  retention 5 years after "siste kjøp"
}
purpose e "E" {
  basis contract
  data contact
  subjects customers
  retention until "kunden sier opp"
}
purpose d "D" {
  basis contract
  data contact
  subjects customers
  retention indefinite "arkivlova"
}
rights {
  access; rectification; erasure; restriction; portability; objection; withdraw_consent; human_review
  complaint dt
  respond_within 30 days
}
"""


def export(path: pathlib.Path) -> str:
    if not BINARY.exists():
        pytest.skip(f"{BINARY} is not built (cargo build --release)")
    out = subprocess.run(
        [str(BINARY), "export", str(path), "--format", "dpv"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    return out.stdout


@pytest.fixture(scope="module")
def vocabulary() -> Graph:
    graph = Graph()
    for name in ("dpv.ttl", "eu-gdpr.ttl", "pd.ttl"):
        graph.parse(VOCABULARY / name, format="turtle")
    return graph


def parse(text: str) -> Graph:
    graph = Graph()
    graph.parse(data=text, format="json-ld")
    return graph


def terms(graph: Graph) -> set[URIRef]:
    """Every IRI the export uses, as subject, predicate, object or class."""
    used = set()
    for triple in graph:
        used.update(t for t in triple if isinstance(t, URIRef))
    return used


def undefined(graph: Graph, vocabulary: Graph) -> list[str]:
    """The `dpv:`, `eu-gdpr:` and `pd:` terms used but not defined (no `rdf:type`) in DPV 2.3."""
    missing = []
    for term in sorted(terms(graph)):
        if any(str(term).startswith(ns) for ns in CHECKED.values()):
            if (term, RDF.type, None) not in vocabulary:
                missing.append(str(term))
    return missing


@pytest.fixture(scope="module")
def kitchen_sink(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("dpv") / "alt.privacy"
    path.write_text(KITCHEN_SINK, encoding="utf-8")
    return export(path)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_every_term_of_an_example_is_defined_in_dpv(example, vocabulary):
    graph = parse(export(example))
    assert len(graph) > 0
    assert undefined(graph, vocabulary) == []


def test_every_term_of_the_mapping_is_defined_in_dpv(kitchen_sink, vocabulary):
    graph = parse(kitchen_sink)
    assert undefined(graph, vocabulary) == []


def test_countries_are_dpv_locations(kitchen_sink):
    """`loc:` is DPV 2.3's location extension, not vendored in shared/: the codes are checked
    to be ISO 3166-1 alpha-2 codes (or EEA30), as privlint accepts them."""
    used = [str(t)[len(str(LOC)) :] for t in terms(parse(kitchen_sink)) if str(t).startswith(str(LOC))]
    assert used
    assert all(code == "EEA30" or (len(code) == 2 and code.isupper()) for code in used), used


def test_each_purpose_is_a_process_with_its_legal_bases(kitchen_sink):
    graph = parse(kitchen_sink)
    processes = {
        s
        for s in graph.subjects(RDF.type, DPV.Process)
        if (s, DPV.hasPurpose, None) in graph
    }
    assert len(processes) == 4
    bases = {o for p in processes for o in graph.objects(p, DPV.hasLegalBasis)}
    for article in ["A6-1-a", "A6-1-b", "A6-1-c", "A6-1-d", "A6-1-e", "A6-1-f"]:
        assert EU_GDPR[article] in bases
    for point in "abcdefghij":
        assert EU_GDPR[f"A9-2-{point}"] in bases


def test_transfers_carry_their_mechanism(kitchen_sink):
    graph = parse(kitchen_sink)
    transfers = list(graph.subjects(DPV.hasProcessing, DPV.Transfer))
    assert len(transfers) == 17  # 8 processors and 9 recipients outside the EEA
    mechanisms = {o for t in transfers for o in graph.objects(t, DPV.hasLegalBasis)}
    expected = ["A45-3", "A46-2-b", "A46-2-c", "A46-2-e", "A46-2-f", "A46-3-a", "A49-2"]
    expected += [f"A49-1-{p}" for p in "abcdefg"]
    for article in expected:
        assert EU_GDPR[article] in mechanisms, article
    assert DPV.DataTransferLegalBasis in mechanisms
    countries = {o for t in transfers for o in graph.objects(t, DPV.hasThirdCountry)}
    assert LOC.US in countries and LOC.NO not in countries
    assert any((c, RDF.type, DPV.ThirdCountry) in graph for c in countries)


def test_labels_keep_their_language(kitchen_sink):
    document = json.loads(kitchen_sink)
    contact = next(n for n in document["@graph"] if n["@id"] == "_:category-contact")
    assert contact["@type"] == "pd:Contact"
    assert {"@value": "Contact", "@language": "en"} in contact["rdfs:label"]
    assert {"@value": "Kontakt", "@language": "nb"} in contact["rdfs:label"]


def test_the_output_is_stable(tmp_path):
    path = tmp_path / "alt.privacy"
    path.write_text(KITCHEN_SINK, encoding="utf-8")
    assert export(path) == export(path)
