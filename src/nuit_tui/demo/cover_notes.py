"""Demo data for the cover notes (toppnotater) of NUIT meeting 2/2023, from the seed.

Pure data, no logic; keyed by the case's number in 2023 (17 is NUIT 17/23). What data.py
already holds of each item (its purpose, background, proposal, presenters and case
officers) is not repeated here: only «Fra» where it is not the presenters, the
sections after Bakgrunn with their own headings, the words of «Vedtak fra tidligere
behandlinger i rådsmodellen», the earlier handlings the archive holds ("links"), and
those it does not ("external"), transcribed from the seed's cover notes. Wrapped lines
are re-joined; bullet lists are lines starting "- ". The seed gives no dates for the
external handlings, so none are typed.
"""

from __future__ import annotations

from typing import Any

COVER_NOTES: dict[int, dict[str, Any]] = {
    16: {
        "sections": [
            (
                "Til drøfting",
                "NUIT bes gi innspill til arbeidet og hva som er viktig å tydeliggjøre i et oppdatert målbilde for "
                "digitalisering i helse- og omsorgssektoren.\n\n"
                "I tillegg til de fem prioriterte tiltakene som Regjeringen foreslår skal fullføres før det startes "
                "utvikling og innføring av nye nasjonale løsninger, har direktoratet satt opp andre tiltak. Dette er "
                "allerede pågående tiltak som nødvendigvis ikke kan nedprioriteres, eksempelvis modernisering av "
                "journalløsningene. Vi ønsker NUITs overordnede vurdering av realismen i planen basert på sektorens "
                "kapasitet, ressurser og gjennomføringsevne.",
            ),
            (
                "Videre saksprosess",
                "Videre prosess for utarbeidelse av målbildet avklares i dialog med Helse- og omsorgsdepartementet.",
            ),
        ],
        "earlier_none": "N/A",
    },
    17: {
        "sections": [
            (
                "Videre saksprosess",
                "Direktoratet for e-helse planlegger å fullføre oppdraget i etterkant av behandlingen i NUIT og levere "
                "sin anbefaling til Helse- og omsorgsdepartementet som et innspill til Nasjonal helse- og "
                "samhandlingsplan. Det er også avtalt med KS videre dialog om indikatorene som spesielt knytter seg "
                "til digitalisering i kommunene. Det henvises til informasjon fra Helse- og omsorgsdepartementet for "
                "videre saksgang for Nasjonal helse- og samhandlingsplan.",
            ),
        ],
        "earlier_intro": (
            "Dette oppdraget har ikke vært behandlet i rådsmodellen tidligere, men målindikatorer i nasjonal "
            "e-helsestrategi som arbeidet bygger på har vært behandlet tidligere."
        ),
        "links": [{"body": "NUIT", "year": 2023, "seq": 8}],
        "external": [
            {
                "citation": "Nasjonalt e-helseråd 3/23",
                "topic": "Oppfølging av nasjonal e-helsestrategi første kvartal 2023",
                "decision": (
                    "Nasjonalt e-helseråd stiller seg bak hvordan strategien skal følges opp i 2023, som beskrevet "
                    "i «Plan for realisering av nasjonal e-helsestrategi» og ber Direktoratet for e-helse og eiere "
                    "av initiativer ta med seg tilbakemeldinger fra drøfting av måloppnåelse – med spesielt fokus "
                    "på indikatorarbeidet – og status i videre oppfølging."
                ),
            },
            {
                "citation": "NUFA 5/23",
                "topic": "Målindikatorer i Plan for realisering av Nasjonal e-helsestrategi",
                "decision": (
                    "NUFA drøftet målindikatorer og ba Direktoratet for e-helse ta med seg innspill fra møtet i det "
                    "videre arbeidet med målindikatorer i Plan for realisering."
                ),
            },
        ],
    },
    18: {
        "submitted_by": "Terje Wistner, KS",
        "sections": [
            (
                "Videre saksprosess",
                "Forslag til styringsdokument ver. 1.0 legges fram for styret i FKJI AS medio juni. "
                "Samarbeidsprosjektet FKJ for inneværende fase avsluttes (av styret i selskapet FKJI AS) medio juni, "
                "og selskapet FKJI AS avvikles ultimo juni. KS planlegger, med bakgrunn i behandlingen i styret i "
                "FKJI AS og med innspill fra den nasjonale rådsmodellen, å behandle saken i KS Hovedstyret den 23. "
                "juni. Saken er også tema i eget møte mellom HOD og KS på politisk nivå 15. juni. KS vil vurdere det "
                "videre arbeidet opp mot statens bidrag og gjenbruk av programvareinfrastruktur og løsningsmønstre i "
                "Norsk helsenett. I tillegg vil KS se hen til en videre konkretisering av en "
                "helseteknologiordning fra 2024 knyttet til tjenester for informasjonsdeling og tiltak for "
                "samordning av anskaffelser.",
            ),
        ],
    },
    19: {
        "sections": [
            (
                "Drøftingsspørsmål",
                "- Vi ber NUIT drøfte om aktørene i sektor vil kunne håndtere både utprøving av "
                "samhandlingstjenester knyttet til FKJ slik det er beskrevet i denne saken mht ressurser og "
                "kapasitet i kommunene, leverandørene, NHN og sektoren for øvrig, sett opp mot andre vesentlige "
                "oppgaver i den nasjonale e-helseporteføljen.\n"
                "- Vi ber NUIT drøfte hvordan utprøvingen bør rangeres opp mot prioriteringsrekkefølgen i PDS og "
                "PLL vist over.\n"
                "- Er det andre tiltak som i vesentlig grad belaster de samme ressursene og som derfor bør inngå i "
                "denne prioriteringen?",
            ),
            (
                "Videre saksprosess",
                "Denne saken skal også drøftes i Nasjonalt e-helseråd. Innspillene som kommer frem i NUIT vil bli "
                "oppsummert i underlaget som legges frem for behandling i nasjonalt e-helseråd 23. juni. Referatet "
                "fra saken i Nasjonal e-helseråd samt underlagt for saken vil bli sendt til departementet innen 3. "
                "juli.",
            ),
        ],
    },
    20: {
        "sections": [
            (
                "Drøftingsspørsmål",
                "- Har NUIT innspill til status eller utfordringer i porteføljen?\n"
                "- Har NUIT noen innspill på tiltakene?\n"
                "- Er det flere vesentlige tiltak i sektoren som burde være med?",
            ),
        ],
    },
    21: {
        "sections": [
            (
                "Videre saksprosess",
                "Saken skal videre til Nasjonalt e-helseråd hvis det er behov for ytterligere forankring.",
            ),
        ],
        "external": [
            {
                "citation": "NUFA 30/22",
                "topic": "Fagdag om digital hjemmeoppfølging",
                "decision": (
                    "NUFA drøfter og gir råd til pågående arbeid fra myndighetssiden med tilrettelegging for "
                    "spredning av digital hjemmeoppfølging og arbeid med konsept og målarkitektur for datadeling "
                    "innen digital hjemmeoppfølging. Innspill fra drøftinger og råd fra NUFA tas med i videre arbeid."
                ),
            },
            {
                "citation": "NUFA 18/23",
                "topic": "Målarkitektur for datadeling innen digital hjemmeoppfølging",
                "decision": (
                    "NUFA drøftet saken og anbefaler å arbeide videre med utprøving og spredning av "
                    "datadelingsløsninger innen DHO i tråd med arkitekturvalgene som er beskrevet i målarkitekturen."
                ),
            },
        ],
    },
    22: {
        "sections": [
            (
                "Videre prosess",
                "I neste fase, mai–juni, skal vi jobbe videre med definering av mulighetsrommet og "
                "fremtidsscenarioer som basis for tiltak og anbefalinger som skal overleveres HOD i november og som "
                "skal bidra til en lettere arbeidshverdag for helsepersonell.",
            ),
        ],
        "earlier_intro": "Saken har tidligere vært lagt frem for NUFA.",
        "external": [
            {
                "citation": "NUFA 14/23",
                "topic": "Portaler for rapportering for helsepersonell",
                "decision": (
                    "NUFA drøftet saken og ba Direktoratet for e-helse ta med seg innspill fra møtet i det videre "
                    "arbeidet."
                ),
            },
        ],
    },
    23: {
        "sections": [
            (
                "Videre saksprosess",
                "Det er planlagt at foreløpige vurderinger fra prosjektet legges frem for NUFA i august og NUIT i "
                "september.",
            ),
        ],
        "earlier_intro": (
            "NAV har fremlagt saken i NUFA i april 2021 og april 2022, og i NUIT i mai 2022. Direktoratet for "
            "e-helse har fremlagt saken i NUFA i april 2023."
        ),
        "external": [
            {
                "citation": "NUFA 15/23",
                "topic": "Informasjonsutveksling mellom NAV og helsetjenesten",
                "decision": "E-helse tar med seg innspillene videre inn i samarbeidsprosjektet med NAV.",
            },
            {
                "citation": "NUIT 19/22",
                "topic": "Utveksling av helseopplysninger mellom NAV og helsesektoren",
                "decision": "NUIT tar saken til orientering og partene tar med seg innspillene i det videre arbeidet.",
            },
            {
                "citation": "NUFA 18/22",
                "topic": "Utveksling av helseopplysninger mellom NAV og helsesektoren",
                "decision": (
                    "NUFA tar saken til etterretning og støtter videre samarbeid om organisering og gjennomføring "
                    "av kjøp av utviklingskapasitet for implementering av HL7 FHIR-profiler hos EPJ-leverandørene."
                ),
            },
            {
                "citation": "NUFA 15/21",
                "topic": "Informasjonsutveksling NAV og helsetjenesten",
                "decision": (
                    "Arbeids- og velferdsdirektoratet (NAV) tar med seg innspillene som fremkommer i møtet til "
                    "videre arbeid med rapporten."
                ),
            },
        ],
    },
    24: {
        "sections": [
            (
                "Videre saksprosess i nasjonal rådsmodell",
                "Nasjonal rådsmodell benyttes gjennom året. Det gis en innledende presentasjon av oppdraget i NUFA "
                "og NUIT i Q2, saken legges frem til ny behandling i Q3 og før ferdigstillelse og overlevering til "
                "departementet.",
            ),
        ],
        "earlier_intro": "Ingen i 2023",
    },
    25: {
        "sections": [
            (
                "Videre saksprosess",
                "Anbefalingen har så langt vært eller vil bli diskutert med samarbeidsforum for "
                "informasjonssikkerhet (RHF-ene, NHN og E-helse), Helsedirektoratet (Beredskap og "
                "informasjonssikkerhet), i åpent innspillswebinar der deltakere fra RHF-enes fagråd for "
                "informasjonssikkerhet og personvern er spesielt invitert til å delta, samt KS Fagråd for "
                "informasjonssikkerhet og personvern.\n\n"
                "Anbefalingen vil besluttes av Ledermøtet i Direktoratet for e-helse, før oversendelse til HOD 14. "
                "juni 2023.",
            ),
        ],
    },
}
