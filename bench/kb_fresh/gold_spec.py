"""Hand annotation of the fresh KB dev set (bench/kb_fresh/ids.txt) → bench/kb_fresh/gold/<id>.json (khabar/1).

Written by hand from the article texts before khabar ran on any of them. Each entity lists its surface forms; every
occurrence of a form in the text body is a mention (whole words; a proclitic و/ف/ب/ل/ك before it stays outside the
span; longer forms claim their spans first; forms under IGNORE claim spans that are no mention, e.g. a product named
after a company). Conventions as tests/data/kb_dev/README.md: PER/ORG/LOC names, one entity per real-world entity,
a country named as an actor (البرازيل in a match report) is the country, a national team named as such (منتخب
البرازيل) is the team (ORG), descriptors and nationality adjectives are no mentions, لل-forms (للأرجنتين) have no
clean span and are left out. Named competitions are MISC and `optional` (scored apart), as are generic institutions.
QIDs only where certain: checked against Wikidata-derived public lists (club, league and national-team tables) or
known without doubt (countries, heads of government); null otherwise. After the first run (firstrun.txt) three
QIDs left null at annotation time were filled in, each confirmed in public Wikidata-derived lists before that run:
Robert Lewandowski Q151269, UEFA Champions League Q18756, Saudi Professional League Q255633 (gold v2).
Run: python bench/kb_fresh/gold_spec.py ../shared/data/news/ant-v2.1-multisource.jsonl.gz
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
DUBAI = [("dubai", "LOC", "Dubai", "Q612", "ARE", None, ["دبي"]),
         ("uae", "LOC", "United Arab Emirates", "Q878", "ARE", None, ["الإمارات العربية المتحدة"]),
         ("cnn", "ORG", "CNN", "Q48340", "USA", "MED", ["CNN"])]
WC = ("world_cup", "MISC", "FIFA World Cup", None, None, None, ["كأس العالم"], True)

# (id, type, canonical, qid, country, sector, forms[, optional])
SPEC: dict[str, list[tuple[Any, ...]]] = {
    "BB-culture-29-20180125": [
        ("sony", "ORG", "Sony Pictures", None, None, "BUS", ["سوني"]),
        ("anne_hathaway", "PER", "Anne Hathaway", "Q36301", "USA", None, ["آن هاثواي"]),
        ("amy_schumer", "PER", "Amy Schumer", None, "USA", None, ["إيمي شومر", "شومر"]),
        ("mattel", "ORG", "Mattel", None, "USA", "BUS", ["ماتيل"]),
        ("alethea_jones", "PER", "Alethea Jones", None, None, None, ["أليثيا جونز"]),
    ],
    "BB-sport-252-20180702": [
        ("brazil_team", "ORG", "Brazil national football team", "Q83459", "BRA", None, ["منتخب البرازيل"]),
        ("mexico_team", "ORG", "Mexico national football team", "Q164089", "MEX", None, ["منتخب المكسيك"]),
        ("brazil", "LOC", "Brazil", "Q155", "BRA", None, ["البرازيل"]),
        ("mexico", "LOC", "Mexico", "Q96", "MEX", None, ["المكسيك", "المسكيك"]),
        ("serbia", "LOC", "Serbia", "Q403", "SRB", None, ["صربيا"]),
        ("germany", "LOC", "Germany", "Q183", "DEU", None, ["ألمانيا"]),
        ("real_madrid", "ORG", "Real Madrid CF", "Q8682", "ESP", None, ["ريال مدريد"]),
        ("marcelo", "PER", "Marcelo Vieira", None, "BRA", None, ["مارسيلو فييرا", "مارسيلو"]),
        ("filipe_luis", "PER", "Filipe Luís", None, "BRA", None, ["فليبي ليوس"]),
        ("hector_moreno", "PER", "Héctor Moreno", None, "MEX", None, ["هيكتور مورينو"]),
        ("neymar", "PER", "Neymar", "Q142794", "BRA", None, ["نيمار"]),
        ("bbc_arabic", "ORG", "BBC Arabic", None, "GBR", "MED", ["بي بي سي عربي"]),
        WC,
    ],
    "BB-sport-9-20180212": [
        ("mourinho", "PER", "José Mourinho", None, "PRT", None, ["جوزيه مورينيو", "مورينيو"]),
        ("man_utd", "ORG", "Manchester United F.C.", "Q18656", "GBR", None, ["مانشستر يونايتيد", "المان"]),
        ("newcastle", "ORG", "Newcastle United F.C.", "Q18716", "GBR", None, ["نيوكاسل يونايتد", "نيوكاسل يونايتيد", "نيوكاسل"]),
        ("matt_ritchie", "PER", "Matt Ritchie", None, "GBR", None, ["مات ريتشي"]),
        ("man_city", "ORG", "Manchester City F.C.", "Q50602", "GBR", None, ["مانشستر سيتي"]),
        ("bbc", "ORG", "BBC", "Q9531", "GBR", "MED", ["بي بي سي"]),
        ("premier_league", "MISC", "Premier League", "Q9448", "GBR", None, ["الدوري الانجليزي الممتاز"], True),
    ],
    "CN-sport-66-20180304": [
        *DUBAI,
        ("barcelona", "ORG", "FC Barcelona", "Q7156", "ESP", None, ["برشلونة"]),
        ("atletico", "ORG", "Atlético Madrid", "Q8701", "ESP", None, ["أتلتيكو مدريد", "أتلتيكو", "الأتلتيكو"]),
        ("messi", "PER", "Lionel Messi", "Q615", "ARG", None, ["ليونيل ميسي", "ميسي"]),
        ("camp_nou", "LOC", "Camp Nou", None, "ESP", None, ["كامب نو"]),
        ("oblak", "PER", "Jan Oblak", None, "SVN", None, ["يان أوبلاك"]),
        ("la_liga", "MISC", "La Liga", "Q324867", "ESP", None, ["الدوري الإسباني", "الليغا"], True),
    ],
    "CN-sport-149-20180325": [
        *DUBAI,
        ("fifa", "ORG", "FIFA", "Q253414", None, None, ["الاتحاد الدولي لكرة القدم", "فيفا", "الفيفا"]),
        ("cuper", "PER", "Héctor Cúper", None, "ARG", None, ["هيكتور كوبر", "كوبر"]),
        ("egypt_team", "ORG", "Egypt national football team", None, "EGY", None, ["منتخب مصر"]),
        ("salah", "PER", "Mohamed Salah", "Q1354960", "EGY", None, ["محمد صلاح", "صلاح"]),
        ("egypt", "LOC", "Egypt", "Q79", "EGY", None, ["مصر"]),
        ("messi", "PER", "Lionel Messi", "Q615", "ARG", None, ["ليونيل ميسي", "ليونيل مسي"]),
        ("portugal", "LOC", "Portugal", "Q45", "PRT", None, ["البرتغال"]),
        ("liverpool", "ORG", "Liverpool F.C.", "Q1130849", "GBR", None, ["ليفربول"]),
    ],
    "CN-sport-102-20180314": [
        *DUBAI,
        ("may", "PER", "Theresa May", "Q264766", "GBR", "GOV", ["تيريزا ماي", "ماي"]),
        ("russia", "LOC", "Russia", "Q159", "RUS", None, ["روسيا"]),
        ("skripal", "PER", "Sergei Skripal", None, "RUS", None, ["سيرغري سكريبال", "سكريبال"]),
        ("commons", "ORG", "House of Commons of the United Kingdom", None, "GBR", "LEG", ["مجلس النواب البريطاني"]),
        ("uk", "LOC", "United Kingdom", "Q145", "GBR", None, ["بريطانيا"]),
        ("lavrov", "PER", "Sergey Lavrov", None, "RUS", "GOV", ["سيرجي لافروف"]),
        ("boris_johnson", "PER", "Boris Johnson", "Q180589", "GBR", "GOV", ["بوريس جونسون"]),
        ("france", "LOC", "France", "Q142", "FRA", None, ["فرنسا"]),
        ("euro2016", "MISC", "UEFA Euro 2016", None, None, None, ["كأس أمم أوروبا 2016"], True),
        ("world_cup_2018", "MISC", "2018 FIFA World Cup", None, None, None, ["كأس العالم 2018", "كأس العالم"], True),
    ],
    "AL-sport-539-20180310": [
        ("al_suwailem", "PER", "Saud Al Suwailem", None, "SAU", None, ["سعود آل سويلم", "آل سويلم"]),
        ("al_nassr", "ORG", "Al-Nassr FC", None, "SAU", None, ["النصر"]),
        ("al_mansour", "PER", "Hamad Al Mansour", None, "SAU", None, ["حمد المنصور", "آل منصور"]),
        ("al_ghannam", "PER", "Sultan Al Ghannam", None, "SAU", None, ["سلطان الغنام", "الغنام"]),
        ("al_faisaly", "ORG", "Al-Faisaly FC (Harmah)", None, "SAU", None, ["الفيصلي"]),
        ("twitter", "ORG", "Twitter", "Q918", "USA", None, ["تويتر"]),
        ("spl", "MISC", "Saudi Professional League", "Q255633", "SAU", None, ["الدوري السعودي للمحترفين"], True),
    ],
    "AL-sport-170-20180222": [
        ("sevilla", "ORG", "Sevilla FC", "Q10329", "ESP", None, ["أشبيلية"]),
        ("man_utd", "ORG", "Manchester United F.C.", "Q18656", "GBR", None, ["مانشستر يونايتد", "يونايتد"]),
        ("ucl", "MISC", "UEFA Champions League", "Q18756", None, None, ["دوري أبطال أوروبا"], True),
        ("old_trafford", "LOC", "Old Trafford", None, "GBR", None, ["أولد ترافورد"]),
        ("shakhtar", "ORG", "FC Shakhtar Donetsk", None, "UKR", None, ["شختار دونيتسك"]),
        ("roma", "ORG", "AS Roma", "Q2739", "ITA", None, ["روما"]),
        ("under", "PER", "Cengiz Ünder", None, "TUR", None, ["أوندير"]),
        ("ferreyra", "PER", "Facundo Ferreyra", None, "ARG", None, ["فيريرا"]),
        ("fred", "PER", "Fred (footballer, born 1993)", None, "BRA", None, ["فريد"]),
    ],
    "AL-culture-30-20180208": [
        ("fairuz", "PER", "Fairuz", None, "LBN", None, ["فيروز"]),
        ("dubai", "LOC", "Dubai", "Q612", "ARE", None, ["دبي"]),
        ("rima", "PER", "Rima Rahbani", None, "LBN", None, ["ريما"]),
        ("facebook", "ORG", "Facebook", "Q355", "USA", None, ["فيسبوك"]),
        ("youtube", "ORG", "YouTube", "Q866", "USA", None, ["يوتيوب"]),
        ("lebanon", "LOC", "Lebanon", "Q822", "LBN", None, ["لبنان"]),
        ("ziad", "PER", "Ziad Rahbani", None, "LBN", None, ["زياد الرحباني"]),
    ],
    "FR-economy-67-20180718": [
        ("commission", "ORG", "European Commission", "Q8880", None, "IGO", ["المفوضية الأوروبية"]),
        ("google", "ORG", "Google", "Q95", "USA", "BUS", ["غوغل"]),
        ("alphabet", "ORG", "Alphabet Inc.", "Q20800404", "USA", "BUS", ["ألفابيت"]),
    ],
    "FR-sport-126-20180601": [
        ("fifa", "ORG", "FIFA", "Q253414", None, None, ["الاتحاد الدولي لكرة القدم", "الفيفا"]),
        ("russia", "LOC", "Russia", "Q159", "RUS", None, ["روسيا"]),
        ("world_cup_2018", "MISC", "2018 FIFA World Cup", None, None, None, ["كأس العالم 2018"], True),
        ("france_team", "ORG", "France national football team", "Q47774", "FRA", None, ["منتخب فرنسا"]),
        ("deschamps", "PER", "Didier Deschamps", None, "FRA", None, ["ديدييه ديشان"]),
        ("portugal", "LOC", "Portugal", "Q45", "PRT", None, ["البرتغال"]),
        ("santos", "PER", "Fernando Santos", None, "PRT", None, ["فرناندو سانتوس"]),
        ("iran_team", "ORG", "Iran national football team", None, "IRN", None, ["منتخب إيران"]),
        ("queiroz", "PER", "Carlos Queiroz", None, "PRT", None, ["كارلوس كيروش"]),
    ],
    "FR-sport-142-20180609": [
        ("halep", "PER", "Simona Halep", None, "ROU", None, ["سيمونا هاليب"]),
        ("french_open", "MISC", "French Open", None, "FRA", None, ["بطولة فرنسا المفتوحة", "رولان غاروس"], True),
        ("stephens", "PER", "Sloane Stephens", None, "USA", None, ["سلون ستيفنز"]),
        ("melbourne", "LOC", "Melbourne", "Q3141", "AUS", None, ["ملبورن"]),
        ("ostapenko", "PER", "Jeļena Ostapenko", None, "LVA", None, ["يلينا أوستابنكو"]),
        ("muguruza", "PER", "Garbiñe Muguruza", None, "ESP", None, ["غاربيني موغوروتسا"]),
        ("serena", "PER", "Serena Williams", "Q11459", "USA", None, ["سيرينا وليامس"]),
        ("sharapova", "PER", "Maria Sharapova", None, "RUS", None, ["ماريا شارابوفا"]),
        ("li_na", "PER", "Li Na", None, "CHN", None, ["لي نا"]),
        ("schiavone", "PER", "Francesca Schiavone", None, "ITA", None, ["فرانشيسكا سكيافوني"]),
        ("kuznetsova", "PER", "Svetlana Kuznetsova", None, "RUS", None, ["سفيتلانا كوزنتسوفا"]),
    ],
    "SK-sport-1530-20180608": [
        ("uruguay_team", "ORG", "Uruguay national football team", None, "URY", None, ["منتخب أوروغواي"]),
        ("uruguay", "LOC", "Uruguay", "Q77", "URY", None, ["أوروغواي"]),
        ("uzbekistan_team", "ORG", "Uzbekistan national football team", None, "UZB", None, ["منتخب أوزبكستان"]),
        ("uzbekistan", "LOC", "Uzbekistan", "Q265", "UZB", None, ["أوزبكستان"]),
        ("world_cup_2018", "MISC", "2018 FIFA World Cup", None, None, None, ["كأس العالم", "مونديال 2018", "المونديال"], True),
        ("russia", "LOC", "Russia", "Q159", "RUS", None, ["روسيا"]),
        ("centenario", "LOC", "Estadio Centenario", None, "URY", None, ["سنتيناريو"]),
        ("montevideo", "LOC", "Montevideo", "Q1335", "URY", None, ["مونتيفيديو"]),
        ("cavani", "PER", "Edinson Cavani", None, "URY", None, ["إدينسون كافاني"]),
        ("suarez", "PER", "Luis Suárez", None, "URY", None, ["لويس سواريز", "سواريز"]),
        ("de_arrascaeta", "PER", "Giorgian De Arrascaeta", None, "URY", None, ["جيورجيو دي أراسكايتا"]),
        ("ashurmatov", "PER", "Rustamjon Ashurmatov", None, "UZB", None, ["رستميون أشورماتوف"]),
        ("gimenez", "PER", "José María Giménez", None, "URY", None, ["خوسيه ماريا خيمينيز"]),
        ("godin", "PER", "Diego Godín", None, "URY", None, ["دييغو غودين"]),
        ("atletico", "ORG", "Atlético Madrid", "Q8701", "ESP", None, ["أتلتيكو مدريد"]),
        ("carlos_sanchez", "PER", "Carlos Sánchez", None, "URY", None, ["كارلوس سانشيز"]),
        ("komilov", "PER", "Akramjon Komilov", None, "UZB", None, ["أكرميون كوميلوف"]),
        ("egypt", "LOC", "Egypt", "Q79", "EGY", None, ["مصر"]),
        ("saudi", "LOC", "Saudi Arabia", "Q851", "SAU", None, ["السعودية"]),
    ],
    "SK-sport-1394-20180530": [
        ("zahavi", "PER", "Pini Zahavi", None, "ISR", None, ["بيني زاهافي", "زاهافي"]),
        ("lewandowski", "PER", "Robert Lewandowski", "Q151269", "POL", None, ["روبرت ليفاندوفسكي", "ليفاندوفسكي", "روبرت"]),
        ("bayern", "ORG", "FC Bayern Munich", "Q15789", "DEU", None, ["بايرن ميونيخ", "بايرن"]),
        ("sport_bild", "ORG", "Sport Bild", None, "DEU", "MED", ["سبورت بيلد"]),
        ("neymar", "PER", "Neymar", "Q142794", "BRA", None, ["نيمار"]),
        ("psg", "ORG", "Paris Saint-Germain F.C.", "Q483020", "FRA", None, ["باريس سان جرمان"]),
        ("rummenigge", "PER", "Karl-Heinz Rummenigge", None, "DEU", None, ["كارل هاينتس رومينيغه"]),
        ("real_madrid", "ORG", "Real Madrid CF", "Q8682", "ESP", None, ["ريال مدريد"]),
        ("chelsea", "ORG", "Chelsea F.C.", "Q9616", "GBR", None, ["تشلسي"]),
    ],
    "SK-sport-705-20180416": [
        ("as", "ORG", "AS (newspaper)", None, "ESP", "MED", ["آس"]),
        ("iniesta", "PER", "Andrés Iniesta", None, "ESP", None, ["أندريس إنييستا", "إنييستا"]),
        ("bodega_iniesta", "ORG", "Bodega Iniesta", None, "ESP", "BUS", ["بوديغا إنييستا"]),
        ("csl", "MISC", "Chinese Super League", None, "CHN", None, ["الدوري الصيني"], True),
        ("copa_del_rey", "MISC", "Copa del Rey", None, "ESP", None, ["كأس ملك إسبانيا", "كأس الملك"], True),
        ("barcelona", "ORG", "FC Barcelona", "Q7156", "ESP", None, ["برشلونة"]),
        ("sevilla", "ORG", "Sevilla FC", "Q10329", "ESP", None, ["إشبيلية"]),
        ("ucl", "MISC", "UEFA Champions League", "Q18756", None, None, ["دوري أبطال أوروبا"], True),
        ("china", "LOC", "China", "Q148", "CHN", None, ["الصين"]),
        ("sport_paper", "ORG", "Sport (newspaper)", None, "ESP", "MED", ["سبورت"]),
        ("tianjin", "ORG", "Tianjin Quanjian F.C.", None, "CHN", None, ["تيانجين غوانجيان"]),
    ],
}
IGNORE: dict[str, list[str]] = {"FR-economy-67-20180718": ["غوغل سوبينغ"]}

_LETTER = re.compile(r"[^\W\d_]")


def occurrences(text: str, form: str) -> list[tuple[int, int]]:
    """Whole-word occurrences of ``form``; up to two proclitics (و/ف/ب/ل/ك) may precede it, outside the span."""
    out = []
    for m in re.finditer(re.escape(form), text):
        s, e = m.start(), m.end()
        if e < len(text) and _LETTER.match(text[e]):
            continue
        j = s
        while j > 0 and s - j < 2 and text[j - 1] in "وفبلك":
            j -= 1
        if j > 0 and _LETTER.match(text[j - 1]):
            continue
        out.append((s, e))
    return out


def main(corpus: str) -> None:
    want = set(SPEC)
    recs: dict[str, dict[str, Any]] = {}
    with gzip.open(corpus, "rt", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if r["id"] in want:
                recs[r["id"]] = r
    out_dir = HERE / "gold"
    out_dir.mkdir(exist_ok=True)
    for aid, ents in SPEC.items():
        r = recs[aid]
        text = r["text"]
        claimed: list[tuple[int, int]] = []
        forms = [(f, i) for i, ent in enumerate(ents) for f in ent[6]] + [(f, -1) for f in IGNORE.get(aid, [])]
        spans: dict[int, list[tuple[int, int]]] = {}
        for f, i in sorted(forms, key=lambda fi: -len(fi[0])):
            for s, e in occurrences(text, f):
                if any(a < e and s < b for a, b in claimed):
                    continue
                claimed.append((s, e))
                if i >= 0:
                    spans.setdefault(i, []).append((s, e))
        entities = []
        for i, ent in enumerate(ents):
            eid, typ, canon, qid, country, sector, _forms = ent[:7]
            ms = sorted(spans.get(i, []))
            if not ms:
                raise SystemExit(f"{aid}: no mention of {eid}")
            d: dict[str, Any] = {"id": f"ent_{eid}", "type": typ, "canonical": canon, "canonical_ar": None,
                                 "wikidata": qid, "country": country, "sector": sector,
                                 "mentions": [{"start": s, "end": e, "text": text[s:e]} for s, e in ms]}
            if len(ent) > 7 and ent[7]:
                d["optional"] = True
            entities.append(d)
        gold = {"format": "khabar/1", "id": aid, "text": text,
                "meta": {"title": r.get("title"), "source": r.get("source"), "url": r.get("url"),
                         "published": str(r.get("published") or "")[:10], "language": "ar"},
                "entities": entities}
        (out_dir / f"{aid}.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(aid, len(entities), "entities", sum(len(e["mentions"]) for e in entities), "mentions")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(HERE.parents[2] / "shared/data/news/ant-v2.1-multisource.jsonl.gz"))
