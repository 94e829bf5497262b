"""Demo data for nuit-tui: NUIT meetings 1/2023 and 2/2023, transcribed from a seed document.

Pure data, no logic. Transcribed from ``SOURCE`` (PDF-extracted text): the notice and agenda of
NUIT meeting 2/2023 (25 May 2023) with its cover notes (toppnotater), the minutes of NUIT
meeting 1/2023 (16 February 2023), and the nine earlier handlings in the council model cited in
the cover note of case 25/23. Wrapped lines are re-joined; paragraphs are separated by "\n\n";
bullet lists are lines starting "- "; numbered decisions are lines "1. ..."; a narrative line
"[innspill]" is where the remarks fall (4/23, 6/23: answers after them). Durations of
meeting 1/2023 are not in the seed and are plausible choices; those of 2/2023 reproduce the
agenda times. The meeting numbers of the earlier handlings are plausible choices too.
"""

from __future__ import annotations

from typing import Any

SOURCE = "nuit-2023-moete2-innkalling-og-moete1-referat.txt"

# Every organisation named as a member's, presenter's or speaker's organisation.
ORGANIZATIONS = [
    {"name": "Direktoratet for e-helse", "short_name": "E-helse"},
    {"name": "Helse Sør-Øst RHF"},
    {"name": "Helse Vest RHF"},
    {"name": "Helse Midt-Norge RHF", "short_name": "Helse Midt RHF"},
    {"name": "Helse Nord RHF"},
    {"name": "KS"},
    {"name": "Trondheim kommune"},
    {"name": "Oslo kommune"},
    {"name": "Bodø kommune"},
    {"name": "Bergen kommune"},
    {"name": "Moss kommune"},
    {"name": "Helsedirektoratet"},
    {"name": "Folkehelseinstituttet", "short_name": "FHI"},
    {"name": "Apotekforeningen"},
    {"name": "Fastlegerepresentant"},
    {"name": "Norsk Sykepleierforbund"},
    {"name": "Kreftforeningen"},
    {"name": "FFO"},
    {"name": "Norsk helsenett SF", "short_name": "NHN"},
    {"name": "Legeforeningen"},
    {"name": "Gartner"},
    {"name": "Helse- og omsorgsdepartementet", "short_name": "HOD"},
]

# The bodies of the council model ("rådsmodellen").
BODIES = [
    {"short_name": "NUIT", "name": "Prioriteringsutvalget"},
    {"short_name": "NEHS", "name": "Nasjonalt e-helsestyre"},
    {"short_name": "NEHR", "name": "Nasjonalt e-helseråd"},
    {"short_name": "NUFA", "name": "Fagutvalget"},
]

# Members, the substitute, secretariat staff, presenters and case officers.
PEOPLE = [
    {"name": "Mariann Hornnes", "organization": "Direktoratet for e-helse"},
    {"name": "Ole Johan Kvan", "organization": "Helse Sør-Øst RHF"},
    {"name": "Ole Jørgen Kirkeluten", "organization": "Helse Vest RHF"},
    {"name": "Per Olav Skjesol", "organization": "Helse Midt-Norge RHF"},
    {"name": "Bjørn Nilsen", "organization": "Helse Nord RHF"},
    {"name": "Asbjørn Finstad", "organization": "KS"},
    {"name": "Terje Wistner", "organization": "KS"},
    {"name": "Tor Erling Evjen", "organization": "Trondheim kommune"},
    {"name": "Harald Sundt-Ohlsen", "organization": "Oslo kommune"},
    {"name": "Terje Jørgensen", "organization": "Bodø kommune"},
    {"name": "Kristin Brekke", "organization": "Bergen kommune"},
    {"name": "Odd Ruud", "organization": "Moss kommune"},
    {"name": "Morten Fronth-Andersen", "organization": "Helsedirektoratet"},
    {"name": "Roger Schäffer", "organization": "Folkehelseinstituttet"},
    {"name": "Anne-Lise Härter", "organization": "Apotekforeningen"},
    {"name": "Egil Johannesen", "organization": "Fastlegerepresentant"},
    {"name": "Bente Christensen", "organization": "Norsk Sykepleierforbund"},
    {"name": "Jon Kirknes", "organization": "Kreftforeningen"},
    {"name": "Eva Buschmann", "organization": "FFO"},
    {"name": "Bodil Rabben", "organization": "Norsk helsenett SF"},
    {"name": "Maren Krogh", "organization": "Apotekforeningen"},
    {"name": "Siv Ingebrigtsen", "organization": "Direktoratet for e-helse"},
    {"name": "Lucie Aunan", "organization": "Direktoratet for e-helse"},
    {"name": "Karen Lima", "organization": "Direktoratet for e-helse"},
    {"name": "Vibeke Jonassen Wang", "organization": "Direktoratet for e-helse"},
    {"name": "Nina Linn Ulstein", "organization": "Norsk helsenett SF"},
    {"name": "Rita Jostad Midthaug", "organization": "Norsk helsenett SF"},
    {"name": "Øyvind Kvennås", "organization": "Norsk helsenett SF"},
    {"name": "Henrik Barstad", "organization": "Norsk helsenett SF"},
    {"name": "Kari Jørgensen", "organization": "Norsk helsenett SF"},
    {"name": "Pernille Parmer", "organization": "Direktoratet for e-helse"},
    {"name": "Elin Høyvik Kindingstad", "organization": "Direktoratet for e-helse"},
    {"name": "Erik Lehne", "organization": "Gartner"},
    {"name": "Mildrid Ræstad", "organization": "Direktoratet for e-helse"},
    {"name": "Gunnar Øiaas", "organization": "Norsk helsenett SF"},
    {"name": "Georg Ranhoff", "organization": "Direktoratet for e-helse"},
    {"name": "Håvard Kolle Riis"},
    {"name": "Heidi Amundsen"},
    {"name": "Anita Lindholt"},
    {"name": "Anne Greibrokk"},
    {"name": "Nina Bjørlykke"},
    {"name": "Erik Hedlund"},
    {"name": "Thor Steffensen"},
    {"name": "Merete Lassen"},
    {"name": "Norunn Elin Saure"},
    {"name": "Henrik Linnestad"},
    {"name": "Hans L. Larsen"},
    {"name": "Birgitte Egset"},
    {"name": "Jan Gunnar Broch"},
    {"name": "Kristian Skauli", "organization": "Helse- og omsorgsdepartementet"},
]

# NUIT: members in the order of the 2/2023 notice, then the substitute, then the secretariat.
MEMBERSHIPS = [
    {
        "body": "NUIT", "person": "Mariann Hornnes", "role": "member",
        "organization": "Direktoratet for e-helse", "valid_from": "2022-01-01",
    },
    {
        "body": "NUIT", "person": "Ole Johan Kvan", "role": "member",
        "organization": "Helse Sør-Øst RHF", "valid_from": "2022-01-01",
    },
    {
        "body": "NUIT", "person": "Ole Jørgen Kirkeluten", "role": "member",
        "organization": "Helse Vest RHF", "valid_from": "2022-01-01",
    },
    {
        "body": "NUIT", "person": "Per Olav Skjesol", "role": "member",
        "organization": "Helse Midt-Norge RHF", "valid_from": "2022-01-01",
    },
    {
        "body": "NUIT", "person": "Bjørn Nilsen", "role": "member",
        "organization": "Helse Nord RHF", "valid_from": "2022-01-01",
    },
    {
        "body": "NUIT", "person": "Asbjørn Finstad", "role": "member", "organization": "KS",
        "valid_from": "2022-01-01",
    },
    {
        "body": "NUIT", "person": "Terje Wistner", "role": "member", "organization": "KS",
        "valid_from": "2022-01-01",
    },
    {
        "body": "NUIT", "person": "Tor Erling Evjen", "role": "member",
        "organization": "Trondheim kommune", "valid_from": "2022-01-01",
    },
    {
        "body": "NUIT", "person": "Harald Sundt-Ohlsen", "role": "member",
        "organization": "Oslo kommune", "valid_from": "2022-01-01",
    },
    {
        "body": "NUIT", "person": "Terje Jørgensen", "role": "member",
        "organization": "Bodø kommune", "valid_from": "2022-01-01",
    },
    {
        "body": "NUIT", "person": "Kristin Brekke", "role": "member",
        "organization": "Bergen kommune", "valid_from": "2022-01-01",
    },
    {
        "body": "NUIT", "person": "Odd Ruud", "role": "member", "organization": "Moss kommune",
        "valid_from": "2023-03-01",
    },
    {
        "body": "NUIT", "person": "Morten Fronth-Andersen", "role": "member",
        "organization": "Helsedirektoratet", "valid_from": "2022-01-01",
    },
    {
        "body": "NUIT", "person": "Roger Schäffer", "role": "member",
        "organization": "Folkehelseinstituttet", "valid_from": "2022-01-01",
    },
    {
        "body": "NUIT", "person": "Anne-Lise Härter", "role": "member",
        "organization": "Apotekforeningen", "valid_from": "2022-01-01",
    },
    {
        "body": "NUIT", "person": "Egil Johannesen", "role": "member",
        "organization": "Fastlegerepresentant", "valid_from": "2022-01-01",
    },
    {
        "body": "NUIT", "person": "Bente Christensen", "role": "member",
        "organization": "Norsk Sykepleierforbund", "valid_from": "2022-01-01",
    },
    {
        "body": "NUIT", "person": "Jon Kirknes", "role": "member",
        "organization": "Kreftforeningen", "valid_from": "2022-01-01",
    },
    {
        "body": "NUIT", "person": "Eva Buschmann", "role": "member", "organization": "FFO",
        "valid_from": "2022-01-01",
    },
    {
        "body": "NUIT", "person": "Bodil Rabben", "role": "member",
        "organization": "Norsk helsenett SF", "valid_from": "2022-01-01",
    },
    {
        "body": "NUIT", "person": "Maren Krogh", "role": "substitute",
        "organization": "Apotekforeningen", "substitute_for": "Anne-Lise Härter",
        "valid_from": "2022-01-01",
    },
    {
        "body": "NUIT", "person": "Siv Ingebrigtsen", "role": "secretariat",
        "organization": "Direktoratet for e-helse", "valid_from": "2022-01-01",
    },
    {
        "body": "NUIT", "person": "Lucie Aunan", "role": "secretariat",
        "organization": "Direktoratet for e-helse", "valid_from": "2022-01-01",
    },
    {
        "body": "NUIT", "person": "Karen Lima", "role": "secretariat",
        "organization": "Direktoratet for e-helse", "valid_from": "2022-01-01",
    },
    {
        "body": "NUIT", "person": "Vibeke Jonassen Wang", "role": "secretariat",
        "organization": "Direktoratet for e-helse", "valid_from": "2022-01-01",
    },
]

# Nested and uneven (items, attendance, remarks): the builder reads it by key.
MEETINGS: list[dict[str, Any]] = [
    # NUIT 1/2023: minutes (referat), items 1/23-12/23.
    {
        "body": "NUIT", "year": 2023, "number": 1, "date": "2023-02-16", "start": "09:00",
        "end": "16:00", "location": "Microsoft Teams", "status": "held",
        "attendance": [
            {
                "person": "Mariann Hornnes", "role": "member",
                "organization": "Direktoratet for e-helse", "status": "present",
            },
            {
                "person": "Ole Johan Kvan", "role": "member", "organization": "Helse Sør-Øst RHF",
                "status": "present",
            },
            {
                "person": "Ole Jørgen Kirkeluten", "role": "member",
                "organization": "Helse Vest RHF", "status": "present",
            },
            {
                "person": "Per Olav Skjesol", "role": "member",
                "organization": "Helse Midt-Norge RHF", "status": "present",
            },
            {
                "person": "Bjørn Nilsen", "role": "member", "organization": "Helse Nord RHF",
                "status": "present",
            },
            {
                "person": "Asbjørn Finstad", "role": "member", "organization": "KS",
                "status": "present", "left_at": "13:30",
            },
            {"person": "Terje Wistner", "role": "member", "organization": "KS", "status": "present"},
            {
                "person": "Tor Erling Evjen", "role": "member", "organization": "Trondheim kommune",
                "status": "present", "left_at": "14:45",
            },
            {
                "person": "Harald Sundt-Ohlsen", "role": "member", "organization": "Oslo kommune",
                "status": "present",
            },
            {
                "person": "Terje Jørgensen", "role": "member", "organization": "Bodø kommune",
                "status": "present",
            },
            {
                "person": "Kristin Brekke", "role": "member", "organization": "Bergen kommune",
                "status": "present", "arrived_at": "13:20",
            },
            {
                "person": "Morten Fronth-Andersen", "role": "member",
                "organization": "Helsedirektoratet", "status": "present",
            },
            {
                "person": "Roger Schäffer", "role": "member",
                "organization": "Folkehelseinstituttet", "status": "present",
            },
            {
                "person": "Egil Johannesen", "role": "member",
                "organization": "Fastlegerepresentant", "status": "present",
            },
            {
                "person": "Bente Christensen", "role": "member",
                "organization": "Norsk Sykepleierforbund", "status": "present", "remote": True,
            },
            {
                "person": "Jon Kirknes", "role": "member", "organization": "Kreftforeningen",
                "status": "present",
            },
            {
                "person": "Eva Buschmann", "role": "member", "organization": "FFO",
                "status": "present",
            },
            {
                "person": "Bodil Rabben", "role": "member", "organization": "Norsk helsenett SF",
                "status": "present",
            },
            {
                "person": "Anne-Lise Härter", "role": "member", "organization": "Apotekforeningen",
                "status": "absent_with_notice",
            },
            {
                "person": "Maren Krogh", "role": "substitute", "organization": "Apotekforeningen",
                "status": "present", "substitute_for": "Anne-Lise Härter",
            },
            {
                "person": "Siv Ingebrigtsen", "role": "secretariat",
                "organization": "Direktoratet for e-helse", "status": "present",
            },
            {
                "person": "Lucie Aunan", "role": "secretariat",
                "organization": "Direktoratet for e-helse", "status": "present",
            },
            {
                "person": "Karen Lima", "role": "secretariat",
                "organization": "Direktoratet for e-helse", "status": "present",
            },
            {
                "person": "Vibeke Jonassen Wang", "role": "secretariat",
                "organization": "Direktoratet for e-helse", "status": "present",
            },
        ],
        "items": [
            {
                "kind": "item", "seq": 1, "title": "Godkjenning av innkalling og dagsorden",
                "item_type": "Godkjenning", "duration": 5, "state": "handled",
                "narrative": "Det kom ingen innspill til innkalling og dagsorden.",
                "decision": "NUIT godkjenner innkalling og dagsorden.",
            },
            {
                "kind": "item", "seq": 2,
                "title": "Godkjenning av referat fra NUIT 17. november 2022",
                "item_type": "Godkjenning", "duration": 5, "state": "handled",
                "narrative": "Det kom ingen innspill til referatet fra NUIT 17. november 2022.",
                "decision": "NUIT godkjenner referatet fra NUIT 17. november 2022.",
            },
            {
                "kind": "item", "seq": 3, "title": "Orientering fra Direktoratet for e-helse",
                "item_type": "Orientering", "duration": 20, "state": "handled",
                "narrative": (
                    "Direktoratet for e-helse, orienterte om følgende saker:\n"
                    "- Nasjonal helse- og samhandlingsplan\n"
                    "- Løypemelding og status for Program digital samhandling\n"
                    "- Status fra Helsedataservice og Helseanalyseplattformen"
                ),
                "remarks": [
                    {
                        "speaker": "Helse Sør-Øst RHF", "organization": "Helse Sør-Øst RHF",
                        "text": (
                            "kommenterte at det har vært en positiv utvikling i program digital "
                            "samhandling, og at Norsk helsenett SF sin leveranseplan er et viktig "
                            "gjennombrudd. Videre er det ønskelig å få lagt til på listen at dette "
                            "muliggjør intern deling i Helse Sør-Øst. Dette er en stor region med "
                            "et betydelig pasientvolum. Det betyr mye for en stor del av "
                            "helsetjenesten."
                        ),
                    },
                ],
                "decision": "NUIT tar sakene til orientering.",
            },
            {
                "kind": "item", "seq": 4, "title": "Målbilde og veikart for Helsenorge",
                "item_type": "Drøfting", "duration": 40, "state": "handled",
                "presenters": ["Nina Linn Ulstein"],
                "narrative": (
                    "Nina Linn Ulstein, Norsk helsenett SF, orienterte NUIT om revidert veikart "
                    "for Helsenorge. Videre var det ønskelig med innspill til det videre arbeidet "
                    "med realisering av veikart for Helsenorge.\n\n"
                    "[innspill]\n\n"
                    "Norsk helsenett SF slo fast at drift- og forvaltningskostnader ikke bare kan "
                    "være det å ha lyset på. Norsk helsenett SF må imidlertid holde drift- og "
                    "forvaltningskostnader så lave som mulig, derfor er ikke videreutvikling "
                    "inkludert i drift- og forvaltningskostnadene. Det er imidlertid noen "
                    "behandlergrupper som er mer utsatt da de i mindre grad har mulighet til å "
                    "finansiere arbeidet. Helsedirektoratet har bidratt med å forbedre "
                    "fastlegetjenestene. Videre ble det nevnt at Norsk helsenett SF skal sette seg "
                    "inn i arbeidet med digital dialog avtalespesialister.\n\n"
                    "Norsk helsenett SF har sammen med kommunesektoren laget "
                    "gevinstrealiseringsplaner for de tjenestene de tar i bruk og deler mellom "
                    "seg. KS bistår kommunene med å ta tjenestene i bruk. Videre ble det "
                    "kommentert av Norsk helsenett SF at når det kommer til finansiering har de "
                    "arbeidet med å få til en felles pott for å få til investeringer i "
                    "videreutvikling, men ikke lyktes. Tidligere hadde de det med RHF-ene. Dette "
                    "må diskuteres videre i Teknisk beregningsutvalg."
                ),
                "remarks": [
                    {
                        "speaker": "Legeforeningen", "organization": "Legeforeningen",
                        "text": (
                            "uttrykte bekymring for finansieringen av digital dialog "
                            "avtalespesialister på helsenorge.no. Tidligere var ressurser fra "
                            "driftsmiljøet inne i planleggingen, men nå er det kjøp av "
                            "konsulenttjenester fra Norsk helsenett SF. Legeforeningen mener at "
                            "det å tilpasse produktet til markedets behov er en del av drift og "
                            "forvaltning, og ikke videreutvikling med fakturering. Det kan ikke "
                            "være slik at drift- og forvaltningskostnader kun er lyset på og "
                            "feilretting."
                        ),
                    },
                    {
                        "speaker": "Representant fra kommunal sektor",
                        "text": (
                            "stilte spørsmål om det foretas noen vurderinger av hvordan løsningene "
                            "skal tas i bruk når det gjøres prioriteringer. Videre ble det stilt "
                            "spørsmål om bruk av ordet beslutning om endring av veikart i "
                            "produktstyret til Helsenorge. Det er viktig å være tydelig på hvilket "
                            "fora som beslutter."
                        ),
                    },
                    {
                        "speaker": "Helsedirektoratet", "organization": "Helsedirektoratet",
                        "text": (
                            "stilte spørsmål om hvordan det sørges for at brukernes behov står i "
                            "sentrum og hvordan måle nytten i etterkant."
                        ),
                    },
                    {
                        "speaker": "Helse Midt-Norge RHF", "organization": "Helse Midt-Norge RHF",
                        "text": (
                            "uttrykte at veikartet er bra og har god støtte i produktstyret. Det "
                            "er en utfordring med gjennomføring av veikartet grunnet lite felles "
                            "finansiering. Finansieringsmodellen er en utfordring. De som ikke har "
                            "penger, får ikke sine produkter på Helsenorge."
                        ),
                    },
                    {
                        "speaker": "Helse Nord RHF", "organization": "Helse Nord RHF",
                        "text": (
                            "ga skryt til Helsenorge og mener det er bra med en behovsdrevet "
                            "utvikling av sektor. Det er mye som har stor gjenbruksverdi for "
                            "resten av sektoren. Det er en fin modell, der aktørene utvikler det "
                            "vi ser vi har behov for og tar kostnaden med å koble seg på."
                        ),
                    },
                ],
                "decision": (
                    "1. NUIT er orientert om målbilde og revidert veikart for Helsenorge.\n"
                    "2. Aktørene i sektoren og Norsk helsenett SF tar med seg innspill fra NUIT i "
                    "videre arbeid med realisering av veikart for Helsenorge."
                ),
            },
            {
                "kind": "item", "seq": 5,
                "title": (
                    "Vekst i kostnader til drift og forvaltning av de nasjonale e-helseløsningene, "
                    "som en konsekvens av investering og tiltak i den nasjonale e-helseportefølje"
                ),
                "item_type": "Drøfting", "duration": 40, "state": "handled",
                "presenters": ["Rita Jostad Midthaug", "Øyvind Kvennås", "Bodil Rabben"],
                "narrative": (
                    "Rita Jostad Midthaug, Øyvind Kvennås og Bodil Rabben, Norsk helsenett SF, la "
                    "frem for NUIT samlet vekst i kostnader til forvaltning og drift for de "
                    "nasjonale e-helseløsningene som en konsekvens av nye investeringer eller "
                    "tiltak i porteføljen."
                ),
                "remarks": [
                    {
                        "speaker": "Direktoratet for e-helse",
                        "organization": "Direktoratet for e-helse",
                        "text": (
                            "uttalte at det er vanskelig for NUIT å uttale seg om tallene i denne "
                            "saken fordi underlaget for tallene ikke er beskrevet. Hvert av "
                            "programmene og prosjektene som medfører drift- og "
                            "forvaltningskostnader skal behandles mens de er i planleggingsfasen. "
                            "Direktoratet for e-helse får noen henvendelser fra aktører som sier "
                            "de har lite innsikt i tallgrunnlaget som øker drift- og "
                            "forvaltningskostnader totalt. Her må Teknisk beregningsutvalg være "
                            "sitt ansvar bevisst. Det er viktig med transparens i disse krevende "
                            "tider."
                        ),
                    },
                    {
                        "speaker": "Helse Nord RHF", "organization": "Helse Nord RHF",
                        "text": (
                            "sa seg uenig i at NUIT ikke har forståelse for drift- og "
                            "forvaltningskostnadene da kostnadene oppstår som følge av "
                            "investeringer som aktørene her har tatt initiativ til. Nivået på "
                            "kostnaden er ikke avskrekkende når vi vet at dette er "
                            "sektorovergripende aktiviteter. Aktørene må få trygghet for at "
                            "kostnadsutviklingen hos Norsk helsenett SF er på et akseptabelt nivå, "
                            "men det som er gjort på Helsenorge er tillitsbasert og behovsbasert."
                        ),
                    },
                    {
                        "speaker": "Norsk helsenett SF", "organization": "Norsk helsenett SF",
                        "text": (
                            "uttalte at de også ønsker transparens. Samlet vekst i drift- og "
                            "forvaltningskostnader behandles i Teknisk beregningsutvalg og "
                            "rådsmodellen."
                        ),
                    },
                    {
                        "speaker": "Representant fra kommunal sektor",
                        "text": (
                            "uttalte at drift- og forvaltningskostnadene drøftes i dybden i "
                            "Teknisk beregningsutvalg. Det er god orientering til aktørene på "
                            "dette området."
                        ),
                    },
                    {
                        "speaker": "Helse Sør-Øst RHF", "organization": "Helse Sør-Øst RHF",
                        "text": (
                            "stilte spørsmål om hvordan private aktører håndteres når det gjelder "
                            "betaling. Offentlige aktører betaler, litt forskjellig avhengig av "
                            "bruk og nytte. Norsk helsenett SF svarte at det er en aktuell sak og "
                            "at private ikke betaler i dag."
                        ),
                    },
                    {
                        "speaker": "Helse Midt-Norge RHF", "organization": "Helse Midt-Norge RHF",
                        "text": (
                            "uttalte at aktørene må ha tillit til Norsk helsenett SF. Det aktørene "
                            "må være gode på er å vurdere konsekvenser for drift- og "
                            "forvaltningskostnader når investeringsbeslutninger tas. Representant "
                            "fra kommunal sektor uttalte at det må tydelig fremgå av "
                            "saksunderlaget at eksempelvis sentral forskrivningsmodul ikke er "
                            "forskriftsfestet enda. Det ble i møtet påpekt at det er beskrevet i "
                            "toppnotatet."
                        ),
                    },
                ],
                "decision": (
                    "1. NUIT er orientert om endringene i drift og forvaltningskostnader for "
                    "Helsenorge som skyldes investering i tiltak i den nasjonale "
                    "e-helseporteføljen og Helsenorge.\n"
                    "2. NUIT er orientert om justerte estimater for drift og forvaltningskost for "
                    "Program for pasientens legemiddelliste, inkludert økninger for SFM og "
                    "reduksjoner for FM.\n"
                    "3. NUIT er orientert om endringene i drift og forvaltningskostnader for de "
                    "nasjonale e-helseløsningene som følge av Program digital samhandling.\n"
                    "4. NUIT drøfter fremlagt økning i drift og forvaltningskostnader for de "
                    "nasjonale e-helseløsninger, der økningen skyldes investering i tiltak i den "
                    "nasjonale e-helseporteføljen og Helsenorge."
                ),
            },
            {"kind": "break", "title": "Pause", "duration": 10},
            {
                "kind": "item", "seq": 6, "title": "Evaluering av prismodeller",
                "item_type": "Drøfting", "duration": 40, "state": "handled",
                "presenters": ["Henrik Barstad", "Kari Jørgensen", "Pernille Parmer"],
                "narrative": (
                    "Henrik Barstad og Kari Jørgensen, Norsk helsenett SF, og Pernille Parmer, "
                    "Direktoratet for e-helse, ønsket å drøfte med NUIT Stortingets anmodning til "
                    "regjeringen ved endringer i pasientjournalloven og om at prismodellene for de "
                    "nasjonale e-helseløsningene evalueres og justeres basert på erfaringer med "
                    "ordningene innen 2024, og at kommunenes andel av kostnadsveksten skal ta "
                    "utgangspunkt i en vurdering av nytten for den kommunale helse- og "
                    "omsorgstjenesten.\n\n"
                    "[innspill]\n\n"
                    "Norsk helsenett SF kommenterte at de ser på de eksisterende nasjonale "
                    "e-helseløsningene innenfor forskrift, men er også bedt om å se på sentral "
                    "forskrivningsmodul, pasientens prøvesvar og velferdsteknologisk knutepunkt. "
                    "Når det gjelder private aktører ser Norsk helsenett SF på mulighetene for at "
                    "de skal betale."
                ),
                "remarks": [
                    {
                        "speaker": "Helse Midt-Norge RHF", "organization": "Helse Midt-Norge RHF",
                        "text": (
                            "uttalte at dette er en kompleks sak og stilte seg undrende til om det "
                            "blir for komplekst når vi ser nivået på kostnadene. Det ble så stilt "
                            "spørsmål om det er noe incitament for å få ned kostnadene for "
                            "aktørene som bruker løsningene. Det er viktig med forutsigbarhet og "
                            "at vi ikke bruker for mye tid på å fordele små summer."
                        ),
                    },
                    {
                        "speaker": "Legeforeningen", "organization": "Legeforeningen",
                        "text": (
                            "uttalte at vi ikke kan ha modeller som gjør at det medisinske kommer "
                            "etter økonomi. Dette er løsninger som vi vil ha og vil ha volum på."
                        ),
                    },
                    {
                        "speaker": "Helse Nord RHF", "organization": "Helse Nord RHF",
                        "text": (
                            "sa at dette er et av de viktigste virkemidlene for å styre "
                            "volumøkning eller reduksjon. Når man ser på disse "
                            "finansieringsmodellene, må man stille seg spørsmålet om dette "
                            "stimulerer til økt bruk og digitalisering av sektor. Hvis det ikke "
                            "stimulerer til økt bruk, vil aktører i presset økonomi "
                            "suboptimalisere."
                        ),
                    },
                    {
                        "speaker": "Apotekforeningen", "organization": "Apotekforeningen",
                        "text": (
                            "uttalte at det er viktig å få frem at apotekene også er med på å "
                            "betale for e-resept. Det å få til mer forutsigbarhet er viktig. "
                            "Nyttebetraktninger må holdes på et overordnet nivå, det blir fort "
                            "veldig komplekst. Apotekforeningen mener andre private aktører som "
                            "bruker de nasjonale e-helseløsningene også må være med å betale. Den "
                            "skjønnsmessige fordelingen blir viktig i det videre arbeidet."
                        ),
                    },
                    {
                        "speaker": "Helse Sør-Øst RHF", "organization": "Helse Sør-Øst RHF",
                        "text": (
                            "sa det er viktig å ikke gjøre det for komplisert, det bør være enkle "
                            "modeller med lite vedlikehold. Videre er det viktig med incentiver "
                            "til å ta løsningene i bruk. Fellesskapet har besluttet en investering "
                            "og nytten øker for alle jo flere som bruker løsningene. I og med at "
                            "dette er et monopol må det være en mekanisme som gir aktørene en viss "
                            "trygghet for at dette er et fornuftig kostnadsnivå gjennom for "
                            "eksempel benchmarking."
                        ),
                    },
                    {
                        "speaker": "Representant fra kommunal sektor",
                        "text": (
                            "sa at det er vanskelig å få noen omforente innspill fordi det er "
                            "divergerende interesser i NUIT. Stortingsvedtak som sier at "
                            "kostnadsutviklingen skal sees i sammenheng med nytten. Det må ikke "
                            "være byråkratiserende prosesser slik at det blir vanskelig å følge "
                            "opp og lite transparent."
                        ),
                    },
                    {
                        "speaker": "Helse Nord RHF", "organization": "Helse Nord RHF",
                        "text": (
                            "uttalte at det var kritikkverdig av Norsk helsenett SF å ta inn "
                            "private aktører som er i direkte konkurranse til deres laber og som "
                            "sektor finansierer. Sektoren må få en redegjørelser for hvorfor Fürst "
                            "ble tatt inn i pasientens prøvesvar. Dette er strategiske "
                            "beslutninger som ikke Norsk helsenett SF kan ta på egenhånd."
                        ),
                    },
                ],
                "decision": (
                    "NUIT drøftet foreløpig arbeid med prismodeller og ba Norsk helsenett SF og "
                    "Direktoratet for e-helse ta med seg innspill inn i videre arbeid."
                ),
            },
            {
                "kind": "item", "seq": 7, "title": "Kartlegging av EPJ-leverandørmarkedet i Norge",
                "item_type": "Drøfting", "duration": 30, "state": "handled",
                "presenters": ["Elin Høyvik Kindingstad", "Erik Lehne"],
                "narrative": (
                    "Elin Høyvik Kindingstad, Direktoratet for e-helse, og Erik Lehne, Gartner, la "
                    "frem for NUIT foreløpige resultater fra kartleggingen av "
                    "journalleverandørmarkedet. Dette er under arbeid.\n\n"
                    "Medlemmene i NUIT kjente seg ikke helt igjen i kartleggingen som er basert på "
                    "innspill fra journalleverandørene og ønsker at brukersiden involveres."
                ),
                "decision": (
                    "NUIT ble orientert om de foreløpige resultatene fra kartleggingen av "
                    "journalleverandørene, og disse ble drøftet. Direktoratet for e-helse tar med "
                    "seg råd fra NUIT i det videre arbeidet og inviterer til gjennomgang med "
                    "aktørene."
                ),
            },
            {"kind": "break", "title": "Lunsj", "duration": 30},
            {
                "kind": "item", "seq": 8,
                "title": "Oppfølging av nasjonal e-helsestrategi første kvartal 2023",
                "item_type": "Drøfting", "duration": 40, "state": "handled",
                "presenters": ["Siv Ingebrigtsen"],
                "narrative": (
                    "Siv Ingebrigtsen, Direktoratet for e-helse, orienterte NUIT om versjon 1.0 av "
                    "Plan for realisering og status på måloppnåelse. Videre var det ønskelig å "
                    "drøfte med NUIT hvilke strategiske problemstillinger fra oppfølgingen av "
                    "strategien som bør tas videre i nasjonal rådsmodell."
                ),
                "remarks": [
                    {
                        "speaker": "Helse Nord RHF", "organization": "Helse Nord RHF",
                        "text": (
                            "etterlyser følgeforskning og en forskningsbasert tilnærming. Hvor "
                            "berører forskning disse indikatorene, og hvordan tar direktoratet med "
                            "seg forskningsrapportene inn i indikatorarbeidet? Direktoratet for "
                            "e-helse kommenterte at det er et viktig poeng, og at de har kontakt "
                            "med forskningsmiljøer. Direktoratet følger også med på om det er satt "
                            "av midler til følgeforskning i tiltakene."
                        ),
                    },
                    {
                        "speaker": "Representant fra kommunal sektor",
                        "text": (
                            "mener målindikatorene i større grad må settes i fellesskap av "
                            "sektoren. For å få med helhetsperspektivet er det helt avgjørende å "
                            "gjøre dette sammen. Direktoratet for e-helse svarte at her vil det "
                            "være mer dialog, og at de strategiske spørsmålene vil trenge videre "
                            "bearbeidelse."
                        ),
                    },
                    {
                        "speaker": "Norsk helsenett SF", "organization": "Norsk helsenett SF",
                        "text": (
                            "likte de strategiske vurderingene. Videre ville de vite hvordan "
                            "direktoratet har innhentet resultatene, og hvorvidt de har vært "
                            "involvert i formuleringene. Direktoratet for e-helse svarte at det er "
                            "rapportering fra tiltakseierne i porteføljemøtene som ser grunnlag "
                            "for status i rapporten"
                        ),
                    },
                    {
                        "speaker": "Helse Midt-Norge RHF", "organization": "Helse Midt-Norge RHF",
                        "text": (
                            "var positive til strategien og mente at oppfølgingen av den kunne bli "
                            "bra, men at strategiske problemstillinger bør diskuteres i "
                            "porteføljemøtene."
                        ),
                    },
                    {
                        "speaker": "FHI", "organization": "Folkehelseinstituttet",
                        "text": (
                            "mener det er gjort en god innsats med strategien. Videre uttrykte de "
                            "usikkerhet om saken handlet om å gi innspill til instrumentene, eller "
                            "innspill til resultatene. Videre ble det nevnt at direktoratet må ha "
                            "en god interaksjon med sektor for å få det rette bildet. FHI "
                            "etterlyste så Nasjonalt legeregister i oversikten."
                        ),
                    },
                    {
                        "speaker": "Representant fra pasient- og brukerorganisasjonene",
                        "text": (
                            "kommenterte at brukerperspektivet også må knytte til seg digital "
                            "hjemmeoppfølging."
                        ),
                    },
                ],
                "decision": (
                    "NUIT drøftet versjon 1.0 av plan for realisering og oppfølging av "
                    "e-helsestrategien og ba Direktoratet for e-helse ta med seg innspill i videre "
                    "arbeid med rapporteringen. Rapporteringen er basert på rapportering til "
                    "nasjonal portefølje, men ikke alle kjente seg igjen i den aggregerte "
                    "fremstillingen. Enighet om at prosesstilnærmingen er i henhold til "
                    "forventninger."
                ),
            },
            {
                "kind": "item", "seq": 9,
                "title": (
                    "Plan for digitalisering på legemiddelområdet – oppsummering av "
                    "høringsinnspill og konkrete problemstillinger til drøfting"
                ),
                "item_type": "Drøfting", "duration": 45, "state": "handled",
                "presenters": ["Mildrid Ræstad"],
                "narrative": (
                    "Mildrid Ræstad Direktoratet for e-helse, orienterte NUIT om mottatte "
                    "høringsinnspill til plan for digitalisering på legemiddelområdet. Videre ble "
                    "det en drøfting av noen konkrete problemstillinger knyttet til "
                    "ferdigstillelse av planen."
                ),
                "remarks": [
                    {
                        "speaker": "Helse Midt-Norge RHF", "organization": "Helse Midt-Norge RHF",
                        "text": (
                            "påpekte viktigheten av gjennomføringsevne og at det trengs både en "
                            "realistisk og ambisiøs plan. Videre ble det spilt inn at det må "
                            "gjøres mer på grunndataområdet før nye løsninger lages og at dette "
                            "arbeidet må bli tilstrekkelig prioritert. Helse Midt-Norge RHF hadde "
                            "også innspill om at denne prosesser har tatt tid og at det er viktig "
                            "at ny utvikling inkluderes underveis i arbeidet."
                        ),
                    },
                    {
                        "speaker": "Apotekforeningen", "organization": "Apotekforeningen",
                        "text": (
                            "takket for forslaget og god gjennomgang og støtter forslaget om å ta "
                            "ut noen av tiltaksområdene. De er også positive til at det foreslås å "
                            "ta inn nye tiltak som digital fullmaktsløsning. Videre mener de det "
                            "er fornuftig å følge opp arbeidet gjennom rådsmodellen, og å avvente "
                            "en referansegruppe. Apotekforeningen ser frem til å bli involvert i "
                            "det videre arbeidet."
                        ),
                    },
                    {
                        "speaker": "Representant fra kommunal sektor",
                        "text": (
                            "mener det er gjort mye godt arbeid her. Det gir en god oversikt over "
                            "hva som pågår, og hva som er viktig. Støtter Helse Midt-Norge RHF "
                            "sitt innspill om å inkludere ny utvikling som skjer på området. Rådet "
                            "som ble gitt var å bevege seg i en retning hvor vi sammen ser på hva "
                            "de viktigste strategiske tiltakene er, som bør gjøres i fellesskap."
                        ),
                    },
                    {
                        "speaker": "FHI", "organization": "Folkehelseinstituttet",
                        "text": (
                            "takket for en veldig fin gjennomgang og anerkjente at det var gjort "
                            "et godt arbeid. De var positive til at Legemiddelregisteret var "
                            "inkludert i planen. FHI har fått 10 MNOK for å jobbe med å inkludere "
                            "legemiddeldata fra institusjon."
                        ),
                    },
                    {
                        "speaker": "Helsedirektoratet", "organization": "Helsedirektoratet",
                        "text": (
                            "nevnte at de har vært godt involvert i arbeidet, og mente "
                            "oppsummeringsnotatet var veldig godt. De spilte så inn behovet for å "
                            "se helhetlig på legemiddelområdet. De støttet også at noen av "
                            "tiltakene var tatt ut."
                        ),
                    },
                    {
                        "speaker": "Legeforeningen", "organization": "Legeforeningen",
                        "text": (
                            "mener dette er et godt stykke arbeid, og påpekte at de viktigste "
                            "kvalitetsforbedringsprosessene i helsetjenesten skjer på "
                            "legemiddelområdet. Legeforeningen er tydelig på at det må være en "
                            "klar prioritering på målene. Dette må kretse rundt det å få "
                            "pasientens legemiddelliste opp å gå."
                        ),
                    },
                    {
                        "speaker": "Representant fra kommunal sektor",
                        "text": (
                            "mener det er viktig med fokus på teknologiske komponenter, men det "
                            "hjelper ikke om det ikke kan tas i bruk ute i tjenesten. "
                            "Endringsledelse og opplæring blir viktig, i tillegg til samarbeid med "
                            "helsefellesskapene og spesialisthelsetjenesten."
                        ),
                    },
                    {
                        "speaker": "Representant fra pasient- og brukerorganisasjonene",
                        "text": (
                            "minnet om at det er pasienten som til syvende og sist skal ta "
                            "legemiddelet og som er mottaker av helsehjelpen, og det må "
                            "reflekteres i målbildet og komme først."
                        ),
                    },
                    {
                        "speaker": "Direktoratet for e-helse",
                        "organization": "Direktoratet for e-helse",
                        "text": (
                            "takket for innspillene og erkjente at det er krevende ønsker om både "
                            "høye ambisjoner og ønske om prioriteringer."
                        ),
                    },
                ],
                "decision": (
                    "Direktoratet for e-helse tar med seg mottatte innspill i videre arbeid med å "
                    "ferdigstille 1.0 versjon av Plan for digitalisering på legemiddelområdet."
                ),
            },
            {"kind": "break", "title": "Pause", "duration": 10},
            {
                "kind": "item", "seq": 10, "title": "MyHealth@EU – Norsk kontaktpunkt",
                "item_type": "Drøfting", "duration": 40, "state": "handled",
                "presenters": ["Gunnar Øiaas", "Georg Ranhoff"],
                "narrative": (
                    "Gunnar Øiaas, Norsk helsenett SF, og Georg Ranhoff, Direktoratet for e-helse, "
                    "orienterte NUIT om foreslått innretning og organisering av arbeidet knyttet "
                    "til etablering av et norsk kontaktpunkt for å koble seg til den europeiske "
                    "infrastrukturen for utveksling av helsedata til primærbruk (MyHealth@EU)."
                ),
                "remarks": [
                    {
                        "speaker": "Legeforeningen", "organization": "Legeforeningen",
                        "text": (
                            "etterspurte planene for å kunne sende reseptdata til pasienter som "
                            "befinner seg i utlandet. I dag er det mer omfattende reisevirksomhet "
                            "og digital kommunikasjon med egne borgere. Norsk helsenett SF svarte "
                            "at det først kommer i neste prosjekt. Nå handler det om å ta imot "
                            "opplysninger, ikke sende ut."
                        ),
                    },
                    {
                        "speaker": "Representant fra kommunal sektor",
                        "text": (
                            "uttrykte bekymring knyttet til sektor sin kapasitet til å kunne "
                            "håndtere dette. Kommunene er pålagt å gi helsehjelp til de som er "
                            "innenfor kommunens grenser. Derfor er det ønskelig å få et perspektiv "
                            "på konsekvenser for sektoren over tid, og hva som forventes av "
                            "sektoren i dette arbeidet."
                        ),
                    },
                    {
                        "speaker": "Helse Nord RHF", "organization": "Helse Nord RHF",
                        "text": (
                            "informerte om at leverandørindustrien etterlyser tydelighet på når "
                            "dette treffer de. Vår sektor skal åpne mye data til delingsformål, og "
                            "det må være en forutsetning at direktoratet evner å normere til dette "
                            "formålet."
                        ),
                    },
                    {
                        "speaker": "Helse Midt-Norge RHF", "organization": "Helse Midt-Norge RHF",
                        "text": (
                            "ga støtte til innspillet fra Helse Nord RHF, og understreket i "
                            "tillegg viktigheten av det å være tidlig ute med normeringen knyttet "
                            "til sending av data."
                        ),
                    },
                    {
                        "speaker": "Helse Sør-Øst RHF", "organization": "Helse Sør-Øst RHF",
                        "text": (
                            "sa at primærnytten av dette er utydelig, men at noe sekundærnytte kan "
                            "komme ut av dette. Videre var det ønskelig å få opp noen usercase for "
                            "å se et tydeligere behov, gjerne da med litt flere internasjonale "
                            "pasienter. Det ble så spurt om det er gjort en helsefaglig vurdering "
                            "knyttet til dette."
                        ),
                    },
                    {
                        "speaker": "Helse Nord RHF", "organization": "Helse Nord RHF",
                        "text": (
                            "Som svar til Helse Sør-Øst RHF kommenterte Helse Nord RHF at behovene "
                            "er der, blant annet til den samiske befolkningen og det faktum at "
                            "flere og flere nordmenn reiser mer og for lengre perioder."
                        ),
                    },
                    {
                        "speaker": "Helse Nord RHF", "organization": "Helse Nord RHF",
                        "text": (
                            "mener det er gitt tydelige signaler fra statsråden om at dette skal "
                            "realiseres."
                        ),
                    },
                    {
                        "speaker": "Representant fra kommunal sektor",
                        "text": "mente dette bør utnyttes for å normere samhandling i Norge.",
                    },
                    {
                        "speaker": "Representant fra kommunal sektor",
                        "text": (
                            "spilte inn ideen om å vise nytten gjennom eksisterende initiativ. "
                            "Klarer en å gjøre den knytningen blir det lettere å se nytten av "
                            "dette."
                        ),
                    },
                    {
                        "speaker": "Helse Nord RHF", "organization": "Helse Nord RHF",
                        "text": (
                            "nevnte at om vi skal dele data felleseuropeisk så må det norske "
                            "regelverket tilpasse seg det Europeiske regelverket. Her forventes "
                            "det god drahjelp fra EU."
                        ),
                    },
                    {
                        "speaker": "Helsedirektoratet", "organization": "Helsedirektoratet",
                        "text": (
                            "kommenterte viktigheten av tett dialog mellom aktørene knyttet til "
                            "dette arbeidet."
                        ),
                    },
                    {
                        "speaker": "FHI", "organization": "Folkehelseinstituttet",
                        "text": (
                            "På spørsmål fra Direktoratet for e-helse om det er andre utvalg som "
                            "bør involveres i dette så spilte FHI inn at det nyetablerte "
                            "samarbeidsorganet for digital helseberedskap bør vurderes som en "
                            "arena for dette."
                        ),
                    },
                ],
                "decision": (
                    "NUIT er orientert om innretning og organisering av arbeidet knyttet til "
                    "etablering av et norsk kontaktpunkt for å koble seg til den europeiske "
                    "infrastrukturen for utveksling av helsedata til primærbruk (MyHealth@EU), og "
                    "støtter foreslått involvering av nasjonale utvalg og fora underveis i "
                    "prosjektperioden. NUIT ber Direktoratet for e-helse og Norsk helsenett SF "
                    "ivareta innspillene fra møtet i det videre arbeidet."
                ),
            },
            {
                "kind": "item", "seq": 11, "title": "Styrke normeringskraften",
                "item_type": "Drøfting", "duration": 40, "state": "handled",
                "presenters": ["Georg Ranhoff"],
                "narrative": (
                    "Direktoratet for e-helse har identifisert det å styrke normeringskraften som "
                    "et viktig satsningsområde. Oppgaven har høy prioritet og er etterspurt av "
                    "både sektor og Helse- og omsorgsdepartementet.\n\n"
                    "Georg Ranhoff, Direktoratet for e-helse, presenterte arbeidet for NUIT og "
                    "ønsket innspill om hvordan normeringskraften bør styrkes og hvordan sektoren "
                    "skal involveres i arbeidet."
                ),
                "remarks": [
                    {
                        "speaker": "Helse Nord RHF", "organization": "Helse Nord RHF",
                        "text": (
                            "mener aktører i sektoren som ikke følger de normerende produktene bør "
                            "få tydelig beskjed om det. Det er viktig med tillit aktørene imellom "
                            "på dette området slik at det kan være en åpen diskusjon. Husk på at "
                            "vi jobber mot et større formål. Dette fikk bred støtte i NUIT."
                        ),
                    },
                    {
                        "speaker": "Helse Nord RHF", "organization": "Helse Nord RHF",
                        "text": (
                            "sa det trengs kunnskap for å kunne normere. Videre må sektor "
                            "tilslutte seg de ulike delene av prosessen over et nytt normerende "
                            "produkt. Denne sektoren vil alltid ha utfordringer på "
                            "implementeringssiden. Det er der vi må ta grep."
                        ),
                    },
                    {
                        "speaker": "Helse Midt-Norge RHF", "organization": "Helse Midt-Norge RHF",
                        "text": (
                            "støtter intensjonen bak normering, og ønsker mer tydelighet knyttet "
                            "til dette. Videre ble det oppfordret til mer effektive prosesser. For "
                            "å få til mer normering må aktørene i sektor også akseptere at noen "
                            "bestemmer dette."
                        ),
                    },
                    {
                        "speaker": "Representant fra kommunal sektor",
                        "text": (
                            "kommenterte at hele sektoren må jobbe sammen for å sikre at "
                            "leverandørene leverer på dette samtidig og i takt. Dette er noe KS "
                            "tar tak i inn mot kommunene."
                        ),
                    },
                    {
                        "speaker": "Helse Nord RHF", "organization": "Helse Nord RHF",
                        "text": (
                            "mener det kan være på tide å modernisere de særnorske standardene for "
                            "å kunne koble seg på internasjonalt."
                        ),
                    },
                    {
                        "speaker": "Helse Midt RHF", "organization": "Helse Midt-Norge RHF",
                        "text": (
                            "mener det bør være et avklart forhold i alle prosjekter om de skal "
                            "utvikle standarder og hvor langt de skal bringes i normeringsaksen."
                        ),
                    },
                ],
                "decision": (
                    "NUIT drøftet skisserte aktiviteter/tiltak og innspillene fra møtet tas med "
                    "inn i arbeidet knyttet til styrking av normeringskraften."
                ),
            },
            {
                "kind": "item", "seq": 12, "title": "Eventuelt", "duration": 10, "state": "handled",
                "narrative": (
                    "Direktoratet for e-helse tok til orde for å flytte møtet i NUIT for Q3 fra "
                    "video til fysisk møte. Det fikk bred støtte i NUIT. Direktoratet for e-helse "
                    "vil sende ut en oppdatert innkalling til dette møte."
                ),
            },
        ],
    },
    # NUIT 2/2023: notice (innkalling), agenda and cover notes, items 13/23-26/23.
    {
        "body": "NUIT", "year": 2023, "number": 2, "date": "2023-05-25", "start": "09:00",
        "end": "15:45",
        "location": "Direktoratet for e-helse, Verkstedveien 1, Oslo. Møterom 4117",
        "status": "notice_sent",
        "items": [
            {
                "kind": "item", "seq": 13, "title": "Godkjenning av innkalling og dagsorden",
                "item_type": "Godkjenning", "duration": 5, "state": "planned",
                "proposed_decision": "NUIT godkjenner innkalling og dagsorden.",
            },
            {
                "kind": "item", "seq": 14,
                "title": "Godkjenning av referat fra NUIT 16. februar 2023",
                "item_type": "Godkjenning", "duration": 10, "state": "planned",
                "proposed_decision": "NUIT godkjenner referatet fra NUIT 16. februar 2023.",
                "attachments": [
                    {"label": "Vedlegg 1", "title": "Referat fra møtet i NUIT 16. februar 2023"},
                ],
            },
            {
                "kind": "item", "seq": 15, "title": "Orientering fra Direktoratet for e-helse",
                "item_type": "Orientering", "duration": 25, "state": "planned",
                "description": (
                    "Direktoratet for e-helse vil orientere NUIT om følgende sak:\n"
                    "- Nytt organisasjonskart i Direktoratet for e-helse\n"
                    "- Status overtagelse av vedtaksmyndighet til Direktoratet for e-helse v/ "
                    "Helsedataservice\n"
                    "- Samarbeidsorgan for digital helseberedskap"
                ),
                "presenters": ["Siv Ingebrigtsen", "Håvard Kolle Riis", "Heidi Amundsen"],
                "case_officers": ["Vibeke Jonassen Wang"],
                "purpose": (
                    "Direktoratet for e-helse ønsker å orientere NUIT om følgende sak:\n"
                    "1. Nytt organisasjonskart i Direktoratet for e-helse\n"
                    "2. Status overtagelse av vedtaksmyndighet til Direktoratet for e-helse v/ "
                    "Helsedataservice\n"
                    "3. Samarbeidsorgan for digital helseberedskap"
                ),
                "background": (
                    "Direktoratet redegjør gjennom dette notatet for innholdet i saken. I møtet "
                    "vil direktoratet gå kort gjennom saken.\n\n"
                    "1. Nytt organisasjonskart i Direktoratet for e-helse\n\n"
                    "Direktoratet for e-helse gjennomførte en kartlegging både eksternt og internt "
                    "våren 2022 om behovet for omorganisering. Det var bred enighet om "
                    "nødvendigheten av en omorganisering, men ulik oppfatning av hvor store "
                    "endringer som var nødvendige. Gjennom høsten har vi jobbet med å ta frem en "
                    "ny organisasjonsmodell iht statens retningslinjer for slike prosesser. Dette "
                    "er gjort i tett samarbeid med de tillitsvalgte. Omorganisering har "
                    "virkningsdato fra 1.april 2023.\n\n"
                    "Nytt organisasjonskart er vist under og vil bli presentert i møtet. Målene "
                    "for omorganiseringer er:\n\n"
                    "Gjennom nytt organisasjonskart har vi hensyntatt behov vi oppfatter at "
                    "aktørene i sektoren har for tjenester fra Direktoratet.\n\n"
                    "2. Status overtagelse av vedtaksmyndighet til Direktoratet for e-helse v/ "
                    "Helsedataservice\n\n"
                    "15. mars 2023 overtok Direktoratet for e-helse vedtaksmyndigheten for 11 "
                    "sentrale helseregistre. Endringen omfatter også dispensasjon fra "
                    "taushetsplikt fra Helsedirektoratet og Regionale komiteer for medisinsk og "
                    "helsefaglig forskningsetikk (REK). Selv om Direktoratet for e-helse ved "
                    "Helsedataservice fra og med nå vil behandle søknader og fatte vedtak, vil det "
                    "fortsatt være registerforvalterne som står for tilrettelegging og "
                    "tilgjengeliggjøring av helsedataene."
                ),
                "proposed_decision": "NUIT tar sakene til orientering.",
                "attachments": [
                    {
                        "label": "Vedlegg 2",
                        "title": "Toppnotat Orientering fra Direktoratet for e-helse",
                    },
                ],
            },
            {
                "kind": "item", "seq": 16,
                "title": "Forslag til målbilde til Nasjonal helse- og samhandlingsplan",
                "item_type": "Drøfting", "duration": 45, "state": "planned",
                "description": (
                    "Direktoratet for e-helse skal levere kunnskapsgrunnlag til departementets "
                    "arbeid med utarbeidelse av Nasjonal helse- og samhandlingsplan, jf. "
                    "tildelingsbrev for 2023. Som en del av dette skal direktoratet utarbeide et "
                    "oppdatert målbilde for digitalisering i helse- og omsorgssektoren.\n\n"
                    "Formålet med saken er å få innspill til direktoratets arbeid med å utarbeide "
                    "et oppdatert målbilde for digitalisering i helse- og omsorgssektoren, som "
                    "skal presenteres i Nasjonal helse- og samhandlingsplan."
                ),
                "presenters": ["Siv Ingebrigtsen"],
                "case_officers": ["Anita Lindholt"],
                "purpose": (
                    "Formålet med saken er å få innspill til direktoratets arbeid med å utarbeide "
                    "et oppdatert målbilde for digitalisering i helse- og omsorgssektoren, som "
                    "skal presenteres i Nasjonal helse- og samhandlingsplan.\n\n"
                    "Forslag til oppdatert målbilde er under arbeid og det tas forbehold om det i "
                    "møtet presenteres oppdatert underlag som utgangspunkt for diskusjonen."
                ),
                "background": (
                    "Nasjonal helse- og samhandlingsplan skal etter planen fremmes i slutten av "
                    "2023. I meldingen vil regjeringen bl.a. legge frem en helhetlig fremstilling "
                    "av e-helsepolitikken for de neste fire årene, og meldingen vil bli det nye "
                    "referansedokumentet for digitalisering i helse- og omsorgssektoren.\n\n"
                    "Direktoratet for e-helse skal levere kunnskapsgrunnlag til departementets "
                    "arbeid med utarbeidelse av Nasjonal helse- og samhandlingsplan, jf. "
                    "tildelingsbrev for 2023. Som en del av dette skal direktoratet utarbeide et "
                    "oppdatert målbilde for digitalisering i helse- og omsorgssektoren:\n\n"
                    "Direktoratet skal utarbeide et oppdatert målbilde for digitalisering i helse- "
                    "og omsorgssektoren som skal presenteres i Nasjonal helse- og "
                    "samhandlingsplan. Ambisjonsnivå og innretning skal justeres i tråd med "
                    "rammebetingelsene som fremkommer i Prop 1 S (2022-2023), og skal erstatte "
                    "eksisterende plan for utviklingsretningen for Én innbygger – én journal. "
                    "Målbildet skal inkludere sektorens arbeid med bedre journalløsninger og "
                    "digital samhandling, herunder forventede effekter av helseteknologien."
                ),
                "proposed_decision": (
                    "NUIT drøftet foreløpig forslag til målbilde for digitalisering i helse- og "
                    "omsorgssektoren og ba Direktoratet for e-helse ta med seg innspill fra møtet "
                    "i det videre arbeidet."
                ),
                "attachments": [
                    {
                        "label": "Vedlegg 3",
                        "title": (
                            "Toppnotat Forslag til målbilde til Nasjonal helse- og samhandlingsplan"
                        ),
                    },
                ],
            },
            {
                "kind": "item", "seq": 17,
                "title": "Forslag til måleindikatorer til Nasjonal helse- og samhandlingsplan",
                "item_type": "Drøfting", "duration": 30, "state": "planned",
                "description": (
                    "I oppdrag i tildelingsbrevet for 2023 er Direktoratet for e-helse bedt om å "
                    "utarbeide forslag til indikatorer for å måle utviklingen og effekter på "
                    "e-helseområdet i planperioden for nasjonal helse- og samhandlingsplan "
                    "(2024-2027).\n\n"
                    "Direktoratet for e-helse ønsker å få tilbakemelding på oppdrag om "
                    "måleindikatorer for Nasjonal helse- og samhandlingsplan.\n\n"
                    "Vedlegg 4A «Notat_Oppdrag om indikatorer TB 2023» er lenket opp til NUIT sine "
                    "sider på ehelse.no i toppnotatet og her i agendaen."
                ),
                "presenters": ["Siv Ingebrigtsen"],
                "case_officers": ["Anne Greibrokk"],
                "purpose": (
                    "Formålet med saken er å få tilbakemelding på oppdrag om måleindikatorer for "
                    "Nasjonal helse- og samhandlingsplan."
                ),
                "background": (
                    "I oppdraget TB 2023-04 i tildelingsbrevet for 2023 er Direktoratet for "
                    "e-helse bedt om å utarbeide forslag til indikatorer for å måle utviklingen og "
                    "effekter på e-helseområdet (innførte løsninger, antall/andel som har tatt i "
                    "bruk løsninger, effekter og gevinster for helsepersonell og innbyggere etc.) "
                    "i planperioden for nasjonal helse- og samhandlingsplan (2024-2027).\n\n"
                    "Indikatorer henger tett sammen med helsepolitiske mål og målbildet for "
                    "Nasjonal helse- og samhandlingsplan som direktoratet jobber i parallell med. "
                    "I arbeidet med målbildet, se egen sak, Direktoratet har vurdert målene for "
                    "digitalisering som sektoren i fellesskap satte gjennom arbeidet med Nasjonal "
                    "e-helsestrategi, opp mot regjeringens overordnede mål for helse- og "
                    "omsorgspolitikken. Direktoratet vurderer at det er godt samsvar mellom "
                    "målene, og foreslår at oppdatert målbilde tar utgangspunkt i de strategiske "
                    "målene i nasjonal e-helsestrategi. Denne vurderingen danner et viktig premiss "
                    "for arbeidet med dette oppdraget hvor vi i stor grad lener oss på arbeidet "
                    "som er gjort med indikatorer for nasjonal e-helsestrategi."
                ),
                "proposed_decision": (
                    "NUIT drøftet innspill til indikatorer for Nasjonal helse- og samhandlingsplan "
                    "og ba Direktoratet for e-helse ta med seg innspill fra møtet i det videre "
                    "arbeidet med indikatorer for å måle utviklingen og effekter på e-helseområdet."
                ),
                "attachments": [
                    {
                        "label": "Vedlegg 4",
                        "title": (
                            "Toppnotat Forslag til måleindikatorer til Nasjonal helse- og "
                            "samhandlingsplan"
                        ),
                    },
                    {
                        "label": "Vedlegg 4A", "title": "Notat_Oppdrag om indikatorer TB 2023",
                        "location": (
                            "https://www.ehelse.no/r%C3%A5d-og-utvalg/nuit-prioriteringsutvalget#25.05.2023"
                        ),
                    },
                ],
            },
            {"kind": "break", "title": "Pause", "duration": 10},
            {
                "kind": "item", "seq": 18,
                "title": "Status og veien videre for felles journalløft i kommunal sektor",
                "item_type": "Drøfting", "duration": 25, "state": "planned",
                "description": (
                    "KS ønsker med denne saken å gi NUIT en overordnet status i prosjektet for "
                    "felles journalløft, og beskriver planer og rammer for eventuell videreføring "
                    "av konkrete utprøvingstiltak, samt arbeid med felles rammer og anbefalinger "
                    "for anskaffelser, etter prosjektavslutning.\n\n"
                    "Det er ønskelig at NUIT drøfter saken sett i forhold til behovet for å øke "
                    "farten for digital samhandling innad og mellom kommuner og med "
                    "spesialisthelsetjenesten.\n\n"
                    "Vedlegg 5A «Felles journalløft for kommuner utenfor helseregionen Midt-Norge» "
                    "er lenker opp til NUIT sine sider på ehelse.no i toppnotatet og her i "
                    "agendaen."
                ),
                "presenters": ["Terje Wistner"],
                "case_officers": ["Terje Wistner"],
                "purpose": (
                    "I brev til KS den 8. mars 2023 ber Helse- og omsorgsdepartementet om «en "
                    "vurdering i Nasjonal rådsmodell for e-helse angående hvordan en eventuell "
                    "utprøving skal gjennomføres og prioriteres opp mot andre vesentlige "
                    "oppgaver».\n\n"
                    "Dette notatet gir i første omgang en overordnet status i prosjektet for "
                    "felles journalløft og beskriver planer og rammer for eventuell videreføring "
                    "av konkrete utprøvingstiltak, samt arbeid med felles rammer og anbefalinger "
                    "for anskaffelser, etter prosjektavslutning. I vedlagt notat til KDU og KS "
                    "fylkesstyrer gis mer utfyllende informasjon (vedlegg 5A). Arbeidet med "
                    "styringsdokument ver. 1.0 pågår og endelig behandling i styret i Felles "
                    "kommunal journal interim A/S skjer medio juni. I tillegg planlegger KS en "
                    "behandling i KS Hovedstyre den 23. juni samt i nasjonalt rådsmøte samme "
                    "dag.\n\n"
                    "Denne saken er å anse som en oppfølging av forespørselen fra HOD til KS. Vi "
                    "ber om at NUIT drøfter saken sett i forhold til behovet for å øke farten for "
                    "digital samhandling innad og mellom kommuner og med spesialisthelsetjenesten. "
                    "Det er særlig kritisk at vi får på plass tjenester for informasjonsdeling på "
                    "områder som vil bidra til å øke omsorgskapasiteten og kvaliteten. Dette må "
                    "sees også i lys av Helsepersonellkommisjonens rapport som er tydelig på at "
                    "bærekraftsutfordringene er størst i den kommunale helse- og omsorgstjenesten. "
                    "Begge utprøvingsprosjektene foreslått av felles journalløft (oversikt over "
                    "kommunale tjenester og NEWS-score) vurderes å kunne bidra til det..\n\n"
                    "Vi ber også om NUIT sine synspunkter, råd og støtte til å videreføre et "
                    "stegvis arbeid der Norsk helsenett sin programvareinfrastruktur og "
                    "løsningsmønstre gjenbrukes med formål å utvikle og forvalte nasjonale "
                    "samhandlingstjenester for de kommunale helse- og omsorgstjenestene, samt å "
                    "utvikle disse til tjenester også for spesialisthelsetjenesten der det er "
                    "hensiktsmessig. Norsk helsenett er i denne sammenheng å anse som et "
                    "virkemiddel for realisering av nasjonale samhandlingskomponenter og "
                    "tjenester, innenfor deres mandat å levere digitale tjenester til helse- og "
                    "omsorgssektoren i sin helhet."
                ),
                "background": (
                    "Et løft for styrket kvalitet i kommunenes journalløsninger har vært et høyt "
                    "prioritert innsatsområde for først nasjonalt e-helsestyre, siden nasjonalt "
                    "e-helseråd og har alltid inngått som en hovedinnsats i nasjonal portefølje "
                    "samt hovedgrep for realisering av det langsiktige målbildet om en "
                    "sammenhengende helsetjeneste og realisering av visjonen som ligger bak Én "
                    "innbygger – én journal.\n\n"
                    "Selskapet Felles kommunal journal interim A/S ble stiftet etter oppdrag fra "
                    "Stortinget om å utvikle et oppdatert styringsdokument for felles kommunal "
                    "journal med utgangspunkt i en stegvis utviklet plattform-orientert tilnærming "
                    "for utvikling av bedre journalløsninger der ulike lokale og nasjonale "
                    "løsninger kan spille sammen i et økosystem.\n\n"
                    "Selskapet er juridisk vertskapsorganisasjon for samarbeidsprosjektet mellom "
                    "stat og kommune, og ble stiftet av KS i oktober 2021 etter inngåelse av "
                    "samarbeidsavtale med Helse- og omsorgsdepartementet og åtte "
                    "samarbeidskommuner. Avtalen ble videreført av ny regjering i januar 2022. "
                    "Samme måned ble det gitt oppdrag til Norsk Helsenett SF om å bidra inn i "
                    "arbeidet og vurdere alternativer for hvordan arbeidet kunne realiseres, både "
                    "med og uten Norsk Helsenett på eiersiden. Dette oppdraget ble levert i juni "
                    "2022, der det ble anbefalt etablering av et felleseid selskap."
                ),
                "proposed_decision": (
                    "NUIT gir sin støtte til at Norsk helsenett SF bidrar i utprøvingene slik det "
                    "er skissert i styringsdokumentet for felles journalløft, med gjenbruk av "
                    "løsningsmønstre og programvareinfrastrukturen i Norsk helsenett SF."
                ),
                "attachments": [
                    {
                        "label": "Vedlegg 5",
                        "title": (
                            "Toppnotat Status og veien videre for felles journalløft i kommunal "
                            "sektor"
                        ),
                    },
                    {
                        "label": "Vedlegg 5A",
                        "title": "Felles journalløft for kommuner utenfor helseregionen Midt-Norge",
                        "location": (
                            "https://www.ehelse.no/r%C3%A5d-og-utvalg/nuit-prioriteringsutvalget#25.05.2023"
                        ),
                    },
                ],
            },
            {
                "kind": "item", "seq": 19,
                "title": (
                    "Prioritering av utprøving av samhandlingstjenester knyttet til Felles "
                    "kommunal journal"
                ),
                "item_type": "Drøfting", "duration": 20, "state": "planned",
                "description": (
                    "Direktoratet for e-helse ønsker å drøfte med NUIT prioritering av utprøving "
                    "av samhandlingstjenester i forbindelse med Felles kommunal journal opp mot "
                    "annen prioritert aktivitet."
                ),
                "presenters": ["Siv Ingebrigtsen"],
                "case_officers": ["Siv Ingebrigtsen"],
                "purpose": (
                    "Hensikten med saken er å drøfte prioritering av utprøving av "
                    "samhandlingstjenester i forbindelse med Felles kommunal journal opp mot annen "
                    "prioritert aktivitet."
                ),
                "background": (
                    "Direktoratet for e-helse har fått et tilleggsoppdrag (Tillegg til "
                    "tildelingsbrev nr. 4) om felles journalløft for kommunene og NHNs rolle. En "
                    "av oppgavene i dette oppdraget er:\n\n"
                    "En vurdering i Nasjonal rådsmodell for e-helse angående hvordan en eventuell "
                    "utprøving skal gjennomføres og prioriteres opp mot andre vesentlige oppgaver. "
                    "Direktoratet bes legge til rette for at FKJI legger fram en sak for nasjonalt "
                    "e-helseråd om hvordan utprøving skal gjennomføres. Vi ønsker at e-helserådet "
                    "vurderer eventuell utprøving opp mot ressurser og kapasitet i kommunene, "
                    "leverandørene, NHN og sektoren for øvrig, sett opp mot andre vesentlige "
                    "oppgaver i den nasjonale e-helseporteføljen. Vurdering skal sees opp mot "
                    "kommunenes behov for å sikre bærekraftige kommunale helse- og "
                    "omsorgstjenester slik de er dokumentert gjennom \"Tid for handling\".\n\n"
                    "Under rundebordskonferansene som Helseministeren arrangerte i forbindelse med "
                    "utarbeidelse av Nasjonal helse- og samhandlingsplan i mars i år, var ett av "
                    "de sentrale temaene de viktigste prioritering av e-helsetiltak på "
                    "planperioden. Det ble stilt spørsmål om det er behov i tjenesten, utover de "
                    "prioriterte digitale samhandlingsområdene (pasientens legemiddelliste, "
                    "dokumentdeling, pasientens prøvesvar, kritisk informasjon og datadeling for "
                    "digital hjemmeoppfølging), som bør prioriteres i planperioden og på lenger "
                    "sikt."
                ),
                "proposed_decision": (
                    "NUIT drøftet om aktørene i sektor vil kunne håndtere både utprøving av "
                    "samhandlingstjenester knyttet til Felles kommunal journal og annen prioritert "
                    "aktivitet."
                ),
                "attachments": [
                    {
                        "label": "Vedlegg 6",
                        "title": (
                            "Toppnotat Prioritering av utprøving av samhandlingstjenester knyttet "
                            "til Felles kommunal journal"
                        ),
                    },
                ],
            },
            {
                "kind": "item", "seq": 20,
                "title": (
                    "Nasjonal e-helseportefølje – status og tiltak for 2024 for å nå mål i "
                    "veikartet"
                ),
                "item_type": "Drøfting", "duration": 35, "state": "planned",
                "description": (
                    "Direktoratet for e-helse ønsker å drøfte med NUIT status på den nasjonale "
                    "e-helseporteføljen, samt tiltak for 2024 for å nå mål i veikartet."
                ),
                "presenters": ["Siv Ingebrigtsen"],
                "case_officers": ["Nina Bjørlykke", "Anne Greibrokk"],
                "purpose": (
                    "Hensikt med saken er å rapportere status på den nasjonale e-helseporteføljen "
                    "samt drøfte tiltak for 2024."
                ),
                "proposed_decision": (
                    "1. NUIT drøfter status og fremlagte utfordringer i porteføljen og ber "
                    "relevante aktører ta med seg innspill gitt i møtet i det videre arbeidet.\n"
                    "2. NUIT drøfter fremlagte forslag til tiltak for 2024, og ber Direktoratet "
                    "for e-helse ta med seg relevante innspill i videre planer for tiltakene. "
                    "Aktører med ansvar for tiltak eller med koordineringsansvar i listen tar med "
                    "seg tiltakslisten til avstemming i egne virksomheter."
                ),
                "attachments": [
                    {
                        "label": "Vedlegg 7",
                        "title": (
                            "Toppnotat Nasjonal e-helseportefølje – status og tiltak for 2024 for "
                            "å nå mål i veikartet"
                        ),
                    },
                ],
            },
            {"kind": "break", "title": "Lunsj", "duration": 30},
            {
                "kind": "item", "seq": 21,
                "title": "Målarkitektur for datadeling innen digital hjemmeoppfølging",
                "item_type": "Anbefaling", "duration": 30, "state": "planned",
                "description": (
                    "Direktoratet for e-helse har sammen med virksomheter som er involvert i "
                    "utprøving og spredning av digital hjemmeoppfølging utarbeidet en "
                    "målarkitektur for hvordan datadeling kan etableres mellom virksomheter og "
                    "omsorgsnivå for å understøtte sammensatte pasientforløp best mulig.\n\n"
                    "Direktoratet søker anbefaling av målarkitekturen for datadeling innen digital "
                    "hjemmeoppfølging fra NUIT."
                ),
                "presenters": ["Lucie Aunan"],
                "case_officers": ["Erik Hedlund", "Thor Steffensen"],
                "purpose": (
                    "Direktoratet for e-helse har sammen med virksomheter som er involvert i "
                    "utprøving og spredning av digital hjemmeoppfølging utarbeidet en "
                    "målarkitektur for hvordan datadeling kan etableres mellom virksomheter og "
                    "omsorgsnivå for å understøtte sammensatte pasientforløp best mulig. "
                    "Målarkitekturen er fleksibel, legger til rette for datadeling mellom aktører "
                    "med ulike behov og modenhet, og vektlegger at vi ikke skal låse oss til "
                    "løsningsvalg før vi har tilstrekkelig erfaring med datadeling innen DHO. "
                    "Direktoratet for e-helse ønsker at sektoren høster erfaringer med datadeling "
                    "innen DHO før det gjøres mer konkrete anbefalinger."
                ),
                "background": (
                    "Digital hjemmeoppfølging innebærer at hele eller deler av et "
                    "behandlingstilbud foregår uten fysisk kontakt, der dialog og deling av data "
                    "mellom pasient/bruker og behandler(e) skjer digitalt. Gjennom Nasjonalt "
                    "velferdsteknologiprogram arbeider vi med en målarkitektur for deling av "
                    "målinger på tvers av virksomhetene. Målarkitekturen utarbeides i samarbeid "
                    "med regionene, KS, kommuner og Norsk helsenett, og skal være et verktøy for å "
                    "koordinere og samle innsatsen i sektoren slik at alle arbeider i samme "
                    "retning. På bakgrunn av dette inneholder målarkitekturen en beskrivelse av "
                    "bakgrunnen for arbeidet og behovene som skal løses, dokumenterer "
                    "arkitekturvalg på et ikke-teknisk nivå, og oppsummerer krav og anbefalinger. "
                    "Vi har en smidig tilnærming til arbeidet, og har lagt opp til at utprøving og "
                    "utforming av målarkitekturen gjennomføres i parallell. Målarkitekturen skal "
                    "legge rammene for utprøvingen, og erfaringer fra utprøving skal gi grunnlag "
                    "for videreutvikling og ferdigstilling av målarkitekturen. Arbeidet har nå "
                    "kommet til et kritisk punkt med tanke på arkitekturvalg som må tas for å "
                    "komme videre. Saken fremmes til drøfting av de overgripende arkitekturvalgene "
                    "i NUIT.\n\n"
                    "Målarkitekturen skal etter behandlingen i NUIT diskuteres i dialogmøtet med "
                    "arbeidsgruppen for målarkitekturen, deretter skal det gjennomføres en "
                    "innspillsrunde i sektoren før dokumentet normeres som en veileder i høst. "
                    "Etter dette skal det høstes erfaringer med bruk av datadeling i utprøving og "
                    "spredningsaktiviteter."
                ),
                "proposed_decision": (
                    "NUIT drøftet saken og anbefaler å arbeide videre med utprøving og spredning "
                    "av datadelingsløsninger innen DHO i tråd med arkitekturvalg som er beskrevet "
                    "i målarkitekturen."
                ),
                "attachments": [
                    {
                        "label": "Vedlegg 8",
                        "title": (
                            "Toppnotat Målarkitektur for datadeling innen digital hjemmeoppfølging"
                        ),
                    },
                ],
            },
            {
                "kind": "item", "seq": 22, "title": "Portaler for rapportering for helsepersonell",
                "item_type": "Drøfting", "duration": 30, "state": "planned",
                "description": (
                    "Direktoratet for e-helse ønsker å legge frem for drøfting med NUIT oppdrag i "
                    "tildelingsbrev for 2023 «Portaler for rapportering for helsepersonell». Det "
                    "er ønskelig med innspill på sentrale problemstillinger og utfordringsbilde."
                ),
                "presenters": ["Lucie Aunan"],
                "case_officers": ["Merete Lassen"],
                "purpose": (
                    "Basert på innsiktsarbeidet har vi dokumentert behov og utfordringsbildet, "
                    "samt oppsummert innsikten i noen omforente mulighetsområder.\n\n"
                    "Det er ønskelig å få innspill på følgende fra representantene i NUIT:\n"
                    "- Er sentrale problemstillinger og utfordringsbildet gjenkjennelig? Er det "
                    "noe dere ønsker å tilføre?\n"
                    "- Innen hvilket område opplever dere barrierene er størst?\n"
                    "- Hvor bør vi starte?"
                ),
                "background": (
                    "Det er i dag ingen omforent løsning for digital informasjonsutveksling mellom "
                    "helsepersonell og den sentrale helseforvaltningen eller andre "
                    "myndighetsorganer. Dette har medført ulike portaler og løsninger for "
                    "registrering og rapportering av data som fastlegene og annet helsepersonell "
                    "må forholde seg til ved siden av journalløsningen. Informasjonsflyten "
                    "fremstår som uoversiktlig, kompleks og innebærer en uhensiktsmessig "
                    "arbeidsbyrde. Konsekvensene ble tydeligere under koronapandemien, da det i "
                    "denne perioden ble etablert ytterligere løsninger.\n\n"
                    "Tilbakemeldingene fra helsepersonell er at de ulike digitale løsningene "
                    "samlet gir en fragmentert brukeropplevelse. Legene må logge inn og ut av "
                    "ulike eksterne portaler, det benyttes ulike påloggingsmetoder, det er "
                    "forskjellige brukergrensesnitt og det er ulik grad av integrasjon med "
                    "EPJ-systemene, nasjonale fellesløsninger og sentrale registre. Resultatet er "
                    "at de samme opplysninger må registreres flere ganger noe som er tidkrevende "
                    "og som gir risiko for feilregistreringer og redusert datakvalitet.\n\n"
                    "Det er et mål å redusere rapporteringsbyrden fra helsepersonell til "
                    "myndighetene, forenkle informasjonsutvekslingen, og skape tydeligere rammer "
                    "for leverandørene."
                ),
                "proposed_decision": (
                    "NUIT drøftet saken og ba Direktoratet for e-helse ta med seg innspill fra "
                    "møtet i det videre arbeidet."
                ),
                "attachments": [
                    {
                        "label": "Vedlegg 9",
                        "title": "Toppnotat Portaler for rapportering for helsepersonell",
                    },
                ],
            },
            {
                "kind": "item", "seq": 23,
                "title": "Informasjonsutveksling mellom NAV og helsetjenesten",
                "item_type": "Drøfting", "duration": 30, "state": "planned",
                "description": (
                    "Direktoratet for e-helse har sammen med NAV og Helsedirektoratet fått i "
                    "oppdrag om å samarbeide om forbedret informasjonsutveksling mellom "
                    "helsetjenesten og NAV. Direktoratet for e-helse skal gjennomføre et "
                    "forprosjekt for å anbefale hvilke samhandlingsområder som bør prioriteres og "
                    "hvordan man bør innrette arbeidet med å forbedre samhandlingen.\n\n"
                    "Direktoratet for e-helse ønsker å drøfte med NUIT utfordringer, hensyn som må "
                    "tas, og prioriteringer som må gjøres knyttet til dette arbeidet."
                ),
                "presenters": ["Siv Ingebrigtsen"],
                "case_officers": ["Norunn Elin Saure", "Henrik Linnestad"],
                "purpose": (
                    "Det er ønskelig å få innspill på følgende fra representantene i NUIT:\n"
                    "- Hva er de største utfordringene for helsesektoren i "
                    "informasjonsutvekslingen med NAV per i dag?\n"
                    "- Hvilke kriterier er det viktig å legge til grunn når det skal prioriteres "
                    "mellom ulike samhandlingsområder? Og hvilke(t) samhandlingsområder bør "
                    "prioriteres opp?\n"
                    "- Hvordan kan vi legge til rette for god ivaretakelse av helsesektorens "
                    "perspektiver i oppdraget?\n"
                    "- Hva er viktig å ta hensyn til i moderniseringen av samhandlingen med NAV?"
                ),
                "background": (
                    "Det foregår en omfattende utveksling av helseopplysninger mellom "
                    "helsetjenesten og NAV, både i forbindelse med saksbehandling knyttet til "
                    "søknad om konkrete ytelser og i forbindelse med oppfølging av brukere. "
                    "Betydelige mengder informasjon må tilgjengeliggjøres fra helsepersonell og "
                    "brukerne selv til NAV. Dette innebærer en betydelig arbeidsbelastning for "
                    "helsesektoren, ikke minst for fastlegene.\n\n"
                    "NAV fikk i oktober 2020 et oppdrag fra Arbeids- og sosialdepartementet om å "
                    "gjennomgå attester og erklæring som fastleger utsteder for Arbeids- og "
                    "velferdsetaten, herunder å vurdere om attester og erklæringer kan tas bort "
                    "eller forenkles, og om helsedata som foreligger kan gjenbrukes. NAVs rapport "
                    "fra oppdraget (2021) viser at sykmelding og legeerklæring ved arbeidsuførhet "
                    "representerer 94% av mengden skjemaer med helseopplysninger som fastlegene "
                    "sender til NAV. Det kommer frem at både fastlegene og NAV ser et stort "
                    "potensial for å forbedre informasjonsutvekslingen sett under ett. "
                    "Forbedringene forutsetter ikke bare digitalisering og modernisering av "
                    "løsninger, men vel så mye endringer i hvordan informasjonsinnhentingen "
                    "gjennomføres, herunder prosessen for dialog og samhandling. Rapporten "
                    "konkluderer med at det ikke vil være mulig å utløse større gevinster på "
                    "området uten å endre selve metoden for informasjonsutveksling mellom NAV og "
                    "helsetjenesten."
                ),
                "proposed_decision": (
                    "NUIT drøftet saken og ba Direktoratet for e-helse ta med seg innspill fra "
                    "møtet i det videre samarbeidsprosjektet med NAV."
                ),
                "attachments": [
                    {
                        "label": "Vedlegg 10",
                        "title": "Toppnotat Informasjonsutveksling mellom NAV og helsetjenesten",
                    },
                ],
            },
            {"kind": "break", "title": "Pause", "duration": 10},
            {
                "kind": "item", "seq": 24,
                "title": "Automatisert innrapportering og datafangst til helseregistre 2023",
                "item_type": "Drøfting", "duration": 30, "state": "planned",
                "description": (
                    "Direktoratet for e-helse ønsker å gi NUIT en orientering om oppdraget "
                    "«Automatisert innrapportering og datafangst til helseregistre 2023» og "
                    "hovedleveranser. Videre ønsker direktoratet innspill til foreløpig "
                    "oppsummering av arbeidet."
                ),
                "presenters": ["Håvard Kolle Riis"],
                "case_officers": ["Hans L. Larsen"],
                "purpose": (
                    "Hensikt med saken er å gi NUIT en orientering om oppdrag og hovedleveranser "
                    "etterfulgt av innspill til foreløpig oppsummering av arbeidet."
                ),
                "proposed_decision": (
                    "NUIT drøftet saken og ga sine innspill til foreløpig oppsummering av arbeidet."
                ),
                "attachments": [
                    {
                        "label": "Vedlegg 11",
                        "title": (
                            "Toppnotat Automatisert innrapportering og datafangst til "
                            "helseregistre 2023"
                        ),
                    },
                ],
            },
            {
                "kind": "item", "seq": 25,
                "title": (
                    "Prioritering av tiltak innen digital sikkerhet fra innspill til den kommende "
                    "helseberedskapsmeldingen"
                ),
                "item_type": "Drøfting", "duration": 30, "state": "planned",
                "description": (
                    "Direktoratet for e-helse har fått i oppdrag å følge opp mål og innsatsområder "
                    "fra deres innspill til den kommende helseberedskapsmeldingen og anbefale "
                    "hvilke tiltak som skal prioriteres. Direktoratet ønsker å drøfte saken med "
                    "NUIT for å forankre arbeidet og få innspill fra sektor."
                ),
                "presenters": ["Birgitte Egset"],
                "case_officers": ["Jan Gunnar Broch"],
                "purpose": (
                    "Direktoratet for e-helse har i årets tildelingsbrev fått følgende oppdrag med "
                    "frist 14. juni:\n\n"
                    "ID: TB2023-09 Digital sikkerhet\n\n"
                    "Direktoratet skal følge opp mål og innsatsområder fra sitt innspill til den "
                    "kommende helseberedskapsmeldingen og anbefale hvilke tiltak som skal "
                    "prioriteres, jf. også melding om helseberedskap som kan gi føringer for "
                    "arbeidet med digital sikkerhet i helse- og omsorgssektoren.\n\n"
                    "Saken ønskes drøftet i NUIT for å forankre arbeidet og få innspill fra sektor."
                ),
                "background": (
                    "Direktoratets innspill til den kommende helseberedskapsmeldingen ble "
                    "oversendt Helse- og omsorgsdepartementet (HOD) 14. oktober 2022. Innspillet "
                    "tok utgangspunkt i det påbegynte arbeidet med en strategi for digital "
                    "sikkerhet i helse- og omsorgssektoren.\n\n"
                    "I innspillet til stortingsmelding beskriver direktoratet en rekke "
                    "aktiviteter, tiltak og annet arbeid som representerer bredden av det som "
                    "gjøres i sektoren innen digital sikkerhet i dag. Videre gis en grundig "
                    "beskrivelse av utfordringsbildet innen digital sikkerhet i helse- og "
                    "omsorgssektoren. Oppsummert mener Direktoratet for e-helse at dette er de "
                    "viktigste utfordringene for helse- og omsorgssektoren i arbeidet med digital "
                    "sikkerhet:\n"
                    "- Sektoren står overfor et skjerpet digitalt trusselbilde.\n"
                    "- Et komplekst systemlandskap og mangelfull implementering av grunnleggende "
                    "sikkerhetstiltak.\n"
                    "- Udekket kompetansebehov.\n"
                    "- Varierende oppfølging av digital sikkerhet i verdikjeder.\n"
                    "- Teknologiskifter og nye samhandlingsformer og leveransemodeller for "
                    "helsehjelp.\n"
                    "- Roller og ansvar med betydning for digital sikkerhet."
                ),
                "proposed_decision": (
                    "NUIT tar direktoratets foreslåtte anbefaling til prioritering av tiltak innen "
                    "digital sikkerhet til orientering. Direktoratet for e-helse tar med seg "
                    "innspill som har kommet frem i drøftingen av saken i videre arbeid."
                ),
                "attachments": [
                    {
                        "label": "Vedlegg 12",
                        "title": (
                            "Toppnotat Prioritering av tiltak innen digital sikkerhet fra innspill "
                            "til den kommende helseberedskapsmeldingen"
                        ),
                    },
                ],
                "earlier_handlings": [
                    {"body": "NUFA", "year": 2021, "seq": 12},
                    {"body": "NUIT", "year": 2021, "seq": 15},
                    {"body": "NEHS", "year": 2021, "seq": 18},
                    {"body": "NUFA", "year": 2021, "seq": 30},
                    {"body": "NUIT", "year": 2021, "seq": 36},
                    {"body": "NEHS", "year": 2021, "seq": 36},
                    {"body": "NUIT", "year": 2022, "seq": 8},
                    {"body": "NEHS", "year": 2022, "seq": 22},
                    {"body": "NEHR", "year": 2022, "seq": 35},
                ],
            },
            {"kind": "item", "seq": 26, "title": "Eventuelt", "duration": 5, "state": "planned"},
        ],
    },
    # NUFA 12/21: earlier handling cited in the cover note of 25/23.
    {
        "body": "NUFA", "year": 2021, "number": 2, "date": "2021-04-21", "start": "09:00",
        "end": "15:00", "status": "minutes_approved",
        "items": [
            {
                "kind": "item", "seq": 12,
                "title": "Strategi digital sikkerhet i helse- og omsorgssektoren",
                "item_type": "Drøfting", "duration": 30, "state": "handled",
                "decision": (
                    "NUFA tar saken til orientering og ber Direktoratet for e-helse ta med seg "
                    "innspillene gitt i møtet i det videre arbeidet."
                ),
            },
        ],
    },
    # NUIT 15/21: earlier handling cited in the cover note of 25/23.
    {
        "body": "NUIT", "year": 2021, "number": 2, "date": "2021-05-20", "start": "09:00",
        "end": "15:00", "status": "minutes_approved",
        "items": [
            {
                "kind": "item", "seq": 15,
                "title": (
                    "Strategi digital sikkerhet i helse- og omsorgssektoren – innspill til "
                    "arbeidet med strategien og tiltaksoversikten"
                ),
                "item_type": "Drøfting", "duration": 30, "state": "handled",
                "decision": (
                    "NUIT tar saken til orientering og ber Direktoratet for e-helse ta med seg "
                    "innspill gitt i møtet i det videre arbeidet."
                ),
            },
        ],
    },
    # NEHS 18/21: earlier handling cited in the cover note of 25/23.
    {
        "body": "NEHS", "year": 2021, "number": 2, "date": "2021-06-10", "start": "09:00",
        "end": "15:00", "status": "minutes_approved",
        "items": [
            {
                "kind": "item", "seq": 18,
                "title": (
                    "Strategi digital sikkerhet i helse- og omsorgssektoren – tilslutning til "
                    "første leveranse tiltaksoversikten"
                ),
                "item_type": "Beslutning", "duration": 30, "state": "handled",
                "decision": (
                    "Nasjonalt e-helsestyre tilsluttet seg at tiltaksoversikten utarbeidet i "
                    "forbindelse med Strategi for digital sikkerhet i helse- og omsorgssektoren "
                    "som skal leveres til Helse- og omsorgsdepartementet 18. juni 2021 danner "
                    "utgangspunkt for et videre arbeid hvor det vil komme en bred høringsrunde"
                ),
            },
        ],
    },
    # NUFA 30/21: earlier handling cited in the cover note of 25/23.
    {
        "body": "NUFA", "year": 2021, "number": 4, "date": "2021-10-27", "start": "09:00",
        "end": "15:00", "status": "minutes_approved",
        "items": [
            {
                "kind": "item", "seq": 30,
                "title": "Strategi for digital sikkerhet i helse- og omsorgssektoren",
                "item_type": "Drøfting", "duration": 30, "state": "handled",
                "decision": (
                    "NUFA tar saken til orientering og ber Direktoratet for e-helse ta med seg "
                    "innspill gitt i møtet i det videre arbeidet"
                ),
            },
        ],
    },
    # NUIT 36/21: earlier handling cited in the cover note of 25/23.
    {
        "body": "NUIT", "year": 2021, "number": 4, "date": "2021-11-19", "start": "09:00",
        "end": "15:00", "status": "minutes_approved",
        "items": [
            {
                "kind": "item", "seq": 36,
                "title": "Strategi for digital sikkerhet i helse- og omsorgssektoren",
                "item_type": "Drøfting", "duration": 30, "state": "handled",
                "decision": (
                    "NUIT er enige i de strategiske områdene som er foreslått og ga flere råd til "
                    "videre arbeid"
                ),
            },
        ],
    },
    # NEHS 36/21: earlier handling cited in the cover note of 25/23.
    {
        "body": "NEHS", "year": 2021, "number": 4, "date": "2021-12-09", "start": "09:00",
        "end": "15:00", "status": "minutes_approved",
        "items": [
            {
                "kind": "item", "seq": 36,
                "title": "Strategi for digital sikkerhet i helse- og omsorgssektoren",
                "item_type": "Drøfting", "duration": 30, "state": "handled",
                "decision": (
                    "Nasjonalt e-helsestyre anbefaler at det videre arbeidet med strategi for "
                    "digital sikkerhet i sektoren tar med de foreslåtte strategiske temaer og ga "
                    "innspill til ambisjonsnivå."
                ),
            },
        ],
    },
    # NUIT 8/22: earlier handling cited in the cover note of 25/23.
    {
        "body": "NUIT", "year": 2022, "number": 1, "date": "2022-02-17", "start": "09:00",
        "end": "15:00", "status": "minutes_approved",
        "items": [
            {
                "kind": "item", "seq": 8,
                "title": "Strategi for digital sikkerhet – videre drøfting av strategiske områder",
                "item_type": "Drøfting", "duration": 30, "state": "handled",
                "decision": (
                    "NUIT anbefaler at høringsversjonen av strategi for digital sikkerhet i helse- "
                    "og omsorgssektoren tar utgangspunkt i de strategiske områdene som er "
                    "presentert og drøftet i møtet."
                ),
            },
        ],
    },
    # NEHS 22/22: earlier handling cited in the cover note of 25/23.
    {
        "body": "NEHS", "year": 2022, "number": 2, "date": "2022-06-08", "start": "09:00",
        "end": "15:00", "status": "minutes_approved",
        "items": [
            {
                "kind": "item", "seq": 22, "title": "Stortingsmelding om helseberedskap",
                "item_type": "Orientering", "duration": 30, "state": "handled",
                "presenters": ["Kristian Skauli"],
                "decision": (
                    "Kristian Skauli, Helse- og omsorgsdepartementet, orienterte Nasjonalt "
                    "e-helsestyre om at det skal legges frem en stortingsmelding om helseberedskap "
                    "våren 2023.\n\n"
                    "Nasjonalt e-helsestyre tar orienteringen fra departementet til etterretning"
                ),
            },
        ],
    },
    # NEHR 35/22: earlier handling cited in the cover note of 25/23.
    {
        "body": "NEHR", "year": 2022, "number": 3, "date": "2022-09-21", "start": "09:00",
        "end": "15:00", "status": "minutes_approved",
        "items": [
            {
                "kind": "item", "seq": 35,
                "title": "Innspill til stortingsmelding om helseberedskap - tema: Digital sikkerhet",
                "item_type": "Drøfting", "duration": 30, "state": "handled",
                "decision": (
                    "Nasjonalt e-helseråd tar oppsummering av høringsinnspill gitt i møtet til "
                    "orientering. Direktoratet for e.-helse tar med seg innspill som har kommet "
                    "frem i drøftingen av saken i videre arbeid"
                ),
            },
        ],
    },
]
