"""`privlint export --format fideslang`: the manifest is YAML that fideslang's own pydantic models
accept (the `fideslang` package, pinned in tests/requirements.in), and every data use, data
category and data subject key it writes, or that the mapping tables in
core/src/publish/fides.rs can write, is a key of Fides' default taxonomy.

The binary is target/release/privlint, as scripts/test.sh builds it.
"""

import pathlib
import re
import subprocess

import pytest
import yaml
from fideslang.default_taxonomy import DEFAULT_TAXONOMY
from fideslang.models import System, Taxonomy

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = ROOT / "target" / "release" / "privlint"
EXAMPLES = sorted((ROOT / "examples").glob("*.privacy")) + [ROOT / "examples" / "fjordbanken" / "organisation.privacy"]
MAPPING = ROOT / "core" / "src" / "publish" / "fides.rs"

USES = {u.fides_key for u in DEFAULT_TAXONOMY.data_use}
CATEGORIES = {c.fides_key for c in DEFAULT_TAXONOMY.data_category}
SUBJECTS = {s.fides_key for s in DEFAULT_TAXONOMY.data_subject}

# Every branch of the mapping: marketing by channel, cookies, camera, staff, the bases, a
# category and a group no row fits, labels with quotes and YAML's special words.
KITCHEN_SINK = """\
notice "Alt" {
  languages nb, en
  url "https://c.example/personvern"
}
controller c "C AS" {
  country NO
  address "Gate 1"
  email "post@c.example"
  security "Tilgangsstyring: rolle"
}
dpo "Ombudet" { email "dpo@c.example" }
category contact "Kontakt" { includes "navn", "e-post" }
category health "Helse" { special }
category crime "Straffedommer" { criminal }
category nid "Fødselsnummer"
category odd "yes"
subject staff "Ansatte" { employee }
subject customers "Kunder" { customer }
subject patients "Pasienter"
subject martians "Marsboere: \\"null\\""
joint_controller partner "Partner AS" {
  country NO
  arrangement "Vi svarer på innsyn"
  email "post@partner.example"
}
processor mailer "Utsender" {
  country US
  safeguard dpf
  agreement "DBA-1"
}
processor support "Støtte" {
  country IN
  safeguard derogation contract "Kunden ber om hjelp"
}
recipient bank "Banken" {
  country outside_eea
  safeguard scc
}
source reg "Registeret" { public }
purpose news "Nyhetsbrev" {
  basis consent
  direct_marketing email
  data contact
  subjects customers
  processors mailer
}
purpose sms "SMS" {
  basis consent
  direct_marketing sms, email
  data contact
  subjects customers
}
purpose ads "Annonser" {
  basis consent
  cookies marketing
  data odd
}
purpose stats "Statistikk" {
  basis consent
  cookies analytics
  data odd
}
purpose cctv "Kamera" {
  basis legitimate_interests "sikkerhet"
  camera
  data odd
  subjects martians
}
purpose hr "Personal" {
  basis contract
  basis legal_obligation
  data contact, crime, nid
  subjects staff
}
purpose care "Pleie" {
  basis public_task "lov"
  condition health_care "lov"
  condition explicit_consent
  data health
  subjects patients
  joint_controllers partner
  recipients bank
  processors support
  sources reg
  retention 10 years after "siste kontakt"
  dpia "DPIA-1"
  security "Logg"
}
purpose other "Annet" {
  basis vital_interests
}
"""


def export(path: pathlib.Path) -> subprocess.CompletedProcess:
    if not BINARY.exists():
        pytest.skip(f"{BINARY} is not built (cargo build --release)")
    out = subprocess.run(
        [str(BINARY), "export", str(path), "--format", "fideslang"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    return out


def validate(text: str) -> Taxonomy:
    document = yaml.safe_load(text)
    assert set(document) == {"system"}
    taxonomy = Taxonomy.model_validate(document)
    for system in taxonomy.system:
        for declaration in system.privacy_declarations:
            assert declaration.data_use in USES, declaration.data_use
            assert set(declaration.data_categories) <= CATEGORIES, declaration.data_categories
            assert set(declaration.data_subjects) <= SUBJECTS, declaration.data_subjects
    return taxonomy


@pytest.fixture(scope="module")
def kitchen_sink(tmp_path_factory) -> subprocess.CompletedProcess:
    path = tmp_path_factory.mktemp("fides") / "alt.privacy"
    path.write_text(KITCHEN_SINK, encoding="utf-8")
    return export(path)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_is_a_valid_fides_system(example):
    taxonomy = validate(export(example).stdout)
    assert len(taxonomy.system) == 1
    purposes = sum(
        1
        for file in example.parent.glob("**/*.privacy" if example.parent.name == "fjordbanken" else example.name)
        for line in file.read_text(encoding="utf-8").splitlines()
        if line.startswith("purpose ")
    )
    assert len(taxonomy.system[0].privacy_declarations) == purposes


def test_every_branch_of_the_mapping_is_a_valid_fides_system(kitchen_sink):
    system: System = validate(kitchen_sink.stdout).system[0]
    uses = {d.name: d.data_use for d in system.privacy_declarations}
    assert uses == {
        "Nyhetsbrev": "marketing.communications.email",
        "SMS": "marketing.communications",
        "Annonser": "marketing.advertising",
        "Statistikk": "analytics",
        "Kamera": "essential.service.security",
        "Personal": "employment",
        "Pleie": "essential",
        "Annet": "essential",
    }
    care = next(d for d in system.privacy_declarations if d.name == "Pleie")
    assert care.data_categories == ["user.health_and_medical"]
    assert care.data_subjects == ["patient"]
    assert care.special_category_legal_basis == "Health or social care (with a basis in law)"
    assert care.retention_period == "10 år etter siste kontakt"
    assert care.third_parties == "Banken; Partner AS"
    assert system.legal_basis_for_transfers == ["Adequacy Decision", "Other", "SCCs"]
    assert system.joint_controller_info == "Partner AS; Vi svarer på innsyn; post@partner.example"
    assert system.data_security_practices == "Tilgangsstyring: rolle\nPleie: Logg"
    assert system.dpo == "Ombudet, dpo@c.example"
    hr = next(d for d in system.privacy_declarations if d.name == "Personal")
    assert hr.data_categories == [
        "user.contact",
        "user.criminal_history",
        "user.government_id.national_identification_number",
    ]
    kamera = next(d for d in system.privacy_declarations if d.name == "Kamera")
    assert kamera.data_categories == ["user"], "a label no row fits: the most general key"
    assert kamera.data_subjects == []


def test_what_fides_cannot_hold_is_reported(kitchen_sink):
    report = kitchen_sink.stderr
    for said in [
        "where `mailer` is (US)",
        "the agreement with `mailer` (DBA-1",
        "the source `reg`",
        "`martians` fit no Fides data subject",
        "one legal basis per declaration; `legal_obligation`",
        "one Art. 9 condition per declaration; `explicit_consent`",
        "the reason given for `support`'s safeguard `derogation`",
    ]:
        assert said in report, f"{said!r} not in {report}"


def test_every_key_of_the_mapping_tables_is_in_the_default_taxonomy():
    source = MAPPING.read_text(encoding="utf-8")
    keys = set(re.findall(r'"((?:user|marketing|essential|analytics|employment)(?:\.[a-z_]+)*)"', source))
    assert keys, "the mapping tables are where this test expects them"
    unknown = sorted(k for k in keys if k not in USES | CATEGORIES | SUBJECTS)
    assert not unknown, unknown
    subjects = set(re.findall(r'\],\s*"([a-z_]+)",?\s*\),', source)) - CATEGORIES
    assert subjects and subjects <= SUBJECTS, subjects - SUBJECTS
