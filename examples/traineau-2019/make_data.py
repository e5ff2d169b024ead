#!/usr/bin/env python3
"""Writes the constructed rows of the example review (data/*.csv).

Traineau et al. (J Am Acad Dermatol 2020) did not publish their extraction,
and the abstract gives few numbers. These rows are an ILLUSTRATION, built so
that their aggregates agree with what the abstract states: 30 studies, 288
patients, eleven therapeutic classes plus surgery and physical treatments,
low-dose warfarin studied in one small randomised trial (level 1b) and four
retrospective studies, and diltiazem, bisphosphonates, rituximab, TNF
inhibitors and intralesional sodium thiosulfate studied only at level 4.
Everything else (which study treated whom, ages, sites, doses, responses,
adverse events) is a plausible filling from a fixed seed, not data of the
review or of the original studies.

Run from anywhere: python3 make_data.py (same output every time).
"""

import csv
import io
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "data")
rng = random.Random(2019)

# Oxford CEBM level of each design, as the example grades them.
LEVEL = {"rct": "1b", "prospective": "2b", "retrospective": "4", "case_series": "4", "case_report": "4"}

# (study, year, design, {diagnosis: patients}, [(class, agent or None), ...])
# A study's patients are spread over its treatments; in the retrospective
# cohorts some patients have a second treatment of another class.
STUDIES = [
    ("T01", 2004, "rct", {"ssc": 2, "dm": 2}, [("vka", "warfarin")]),
    ("T02", 2005, "prospective", {"ssc": 8}, [("physical", "eswl")]),
    ("T03", 2012, "retrospective", {"ssc": 40, "dm": 32},
     [("vka", "warfarin"), ("ccb", "diltiazem"), ("bisphosphonate", None), ("colchicine", "colchicine"),
      ("tetracycline", "minocycline"), ("surgery", None), ("ivig", "ivig"), ("probenecid", "probenecid")]),
    ("T04", 2015, "retrospective", {"ssc": 50},
     [("vka", "warfarin"), ("ccb", "diltiazem"), ("bisphosphonate", None), ("surgery", None),
      ("tetracycline", "minocycline")]),
    ("T05", 2014, "retrospective", {"dm": 26, "jdm": 12},
     [("vka", "warfarin"), ("ccb", "diltiazem"), ("bisphosphonate", None), ("ivig", "ivig"),
      ("anti_cd20", "rituximab"), ("aluminium_hydroxide", "aluminium_hydroxide")]),
    ("T06", 2017, "retrospective", {"dm": 28},
     [("vka", "warfarin"), ("bisphosphonate", None), ("ccb", "diltiazem"), ("probenecid", "probenecid"),
      ("ivig", "ivig")]),
    ("T07", 2016, "retrospective", {"jdm": 20},
     [("bisphosphonate", None), ("tnf_inhibitor", None), ("ivig", "ivig")]),
    ("T08", 2018, "retrospective", {"ssc": 16},
     [("surgery", None), ("physical", "co2_laser"), ("sts", "intralesional")]),
    ("T09", 1999, "case_series", {"ssc": 3, "dm": 2}, [("ccb", "diltiazem")]),
    ("T10", 2006, "case_series", {"jdm": 4}, [("bisphosphonate", "pamidronate")]),
    ("T11", 2013, "case_series", {"ssc": 4}, [("anti_cd20", "rituximab")]),
    ("T12", 2014, "case_series", {"dm": 3}, [("anti_cd20", "rituximab")]),
    ("T13", 2011, "case_series", {"jdm": 4}, [("tnf_inhibitor", "infliximab")]),
    ("T14", 2017, "case_series", {"ssc": 5}, [("sts", "intralesional")]),
    ("T15", 2015, "case_series", {"ssc": 2, "dm": 2}, [("sts", "topical")]),
    ("T16", 1998, "case_series", {"ssc": 5}, [("tetracycline", "minocycline")]),
    ("T17", 2016, "case_series", {"dm": 2, "ssc": 1}, [("sts", "intravenous")]),
    ("T18", 2010, "case_series", {"ssc": 3}, [("physical", "co2_laser")]),
    ("T19", 1988, "case_report", {"dm": 1}, [("ccb", "diltiazem")]),
    ("T20", 2001, "case_report", {"jdm": 1}, [("bisphosphonate", "alendronate")]),
    ("T21", 2012, "case_report", {"dm": 1}, [("anti_cd20", "rituximab")]),
    ("T22", 2009, "case_report", {"jdm": 1}, [("tnf_inhibitor", "adalimumab")]),
    ("T23", 2013, "case_report", {"ssc": 1}, [("sts", "intralesional")]),
    ("T24", 2018, "case_report", {"dm": 1}, [("sts", "intralesional")]),
    ("T25", 1993, "case_report", {"jdm": 1}, [("probenecid", "probenecid")]),
    ("T26", 1996, "case_report", {"jdm": 1}, [("aluminium_hydroxide", "aluminium_hydroxide")]),
    ("T27", 2002, "case_report", {"dm": 1}, [("colchicine", "colchicine")]),
    ("T28", 2008, "case_report", {"dm": 1}, [("ivig", "ivig")]),
    ("T29", 1991, "case_report", {"ssc": 1}, [("surgery", "excision")]),
    ("T30", 2017, "case_report", {"jdm": 1}, [("sts", "topical")]),
]

# Agents of a class when the study names none: one is drawn per patient.
AGENTS = {
    "bisphosphonate": ["alendronate", "pamidronate", "etidronate", "risedronate"],
    "tnf_inhibitor": ["infliximab", "etanercept", "adalimumab"],
    "surgery": ["excision", "curettage"],
}
# Doses by agent (units in the codebook), and treatment length in months.
DOSES = {
    "warfarin": [1, 1, 2], "diltiazem": [120, 180, 240, 360, 480], "alendronate": [70],
    "pamidronate": [60, 90], "etidronate": [400, 800], "risedronate": [35], "minocycline": [50, 100],
    "colchicine": [0.5, 1, 1.5], "probenecid": [500, 1000, 1500], "aluminium_hydroxide": [1800, 2400],
    "intralesional": [150, 250], "topical": [10, 20, 25], "intravenous": [12.5, 25],
    "ivig": [2], "rituximab": [375, 1000], "infliximab": [5, 10], "etanercept": [25, 50], "adalimumab": [40],
}
MONTHS = [3, 6, 6, 9, 12, 12, 18, 24]
SESSIONS = {"eswl": [3, 4, 6], "co2_laser": [1, 2, 3], "intralesional": [1, 2, 3, 4, 6]}

# Response of a treatment step: chances of complete, partial, stable, progression.
RESPONSE = {
    "vka": (0.0, 0.12, 0.58, 0.30), "ccb": (0.05, 0.45, 0.40, 0.10), "bisphosphonate": (0.12, 0.43, 0.35, 0.10),
    "tetracycline": (0.05, 0.50, 0.35, 0.10), "colchicine": (0.0, 0.35, 0.50, 0.15),
    "probenecid": (0.15, 0.45, 0.30, 0.10), "aluminium_hydroxide": (0.15, 0.40, 0.35, 0.10),
    "sts": (0.20, 0.50, 0.25, 0.05), "ivig": (0.10, 0.35, 0.45, 0.10), "anti_cd20": (0.20, 0.45, 0.30, 0.05),
    "tnf_inhibitor": (0.25, 0.45, 0.25, 0.05), "surgery": (0.55, 0.25, 0.05, 0.15), "physical": (0.15, 0.50, 0.30, 0.05),
}
# Adverse events a step may cause, with their chances.
EVENTS = {
    "vka": [("bleeding", 0.06)], "ccb": [("hypotension", 0.08), ("oedema", 0.08)],
    "bisphosphonate": [("gastrointestinal", 0.10)], "tetracycline": [("pigmentation", 0.10)],
    "colchicine": [("gastrointestinal", 0.30)], "probenecid": [("gastrointestinal", 0.10)],
    "aluminium_hydroxide": [("gastrointestinal", 0.15)], "sts": [("injection_pain", 0.0), ("gastrointestinal", 0.0)],
    "ivig": [("infusion_reaction", 0.12)], "anti_cd20": [("infusion_reaction", 0.10), ("infection", 0.06)],
    "tnf_inhibitor": [("infection", 0.08), ("infusion_reaction", 0.05)],
    "surgery": [("wound_complication", 0.20), ("infection", 0.06)], "physical": [("pain", 0.20)],
}
STS_EVENTS = {"intralesional": [("injection_pain", 0.50)], "intravenous": [("gastrointestinal", 0.35)], "topical": [("irritation", 0.15)]}
SITES = ["fingers", "hand", "upper_limb", "lower_limb", "trunk", "buttock", "face", "other"]
SITE_WEIGHTS = {"ssc": [8, 5, 4, 2, 1, 1, 1, 1], "dm": [2, 2, 5, 5, 4, 4, 1, 1], "jdm": [1, 1, 5, 6, 3, 4, 1, 1]}
FEMALE = {"ssc": 0.85, "dm": 0.70, "jdm": 0.60}
AGE = {"ssc": (32, 76), "dm": (22, 72), "jdm": (3, 17)}


def pick(options):
    return options[int(rng.random() * len(options))]


def weighted(options, weights):
    x = rng.random() * sum(weights)
    for option, weight in zip(options, weights):
        x -= weight
        if x < 0:
            return option
    return options[-1]


def response(treatment, cohort):
    if cohort and rng.random() < 0.05:
        return "not_assessed"
    return weighted(["complete", "partial", "stable", "progression"], RESPONSE[treatment])


def diagnoses(mix):
    out = []
    for diagnosis, count in mix.items():
        out += [diagnosis] * count
    return out


def main():
    studies, patients, treatments, events = [], [], [], []
    for study_id, year, design, mix, arms in STUDIES:
        studies.append([study_id, year, design, LEVEL[design], "constructed row: see README.md"])
        cohort = design == "retrospective"
        # Every treatment of a study has at least one patient (first passes
        # go round the arms); the rest are drawn.
        people = diagnoses(mix)
        rng.shuffle(people)
        for number, diagnosis in enumerate(people, start=1):
            patient_id = f"{study_id}-{number:02d}"
            low, high = AGE[diagnosis]
            age = low + int(rng.random() * (high - low + 1))
            sex = "" if cohort and rng.random() < 0.06 else ("f" if rng.random() < FEMALE[diagnosis] else "m")
            sites = []
            for _ in range(1 + int(rng.random() * 3)):
                site = weighted(SITES, SITE_WEIGHTS[diagnosis])
                if site not in sites:
                    sites.append(site)
            follow_up = "" if rng.random() < 0.12 else pick([3, 6, 6, 9, 12, 12, 18, 24, 36, 48, 60])
            first = arms[(number - 1) % len(arms)] if number <= len(arms) else pick(arms)
            plan = [first]
            if cohort and len(arms) > 1 and rng.random() < 0.25:
                second = pick([arm for arm in arms if arm[0] != first[0]])
                plan.append(second)
            patients.append([patient_id, study_id, age, sex, diagnosis, ";".join(sites), follow_up])
            for step, (treatment, agent) in enumerate(plan, start=1):
                agent = agent or pick(AGENTS[treatment])
                dose = pick(DOSES[agent]) if agent in DOSES else ""
                months = pick(MONTHS) if treatment not in ("surgery", "physical") and agent != "intralesional" else ""
                sessions = pick(SESSIONS[agent]) if agent in SESSIONS else ""
                treatments.append([patient_id, step, treatment, agent, dose, months, sessions, response(treatment, cohort)])
                for event, chance in (STS_EVENTS[agent] if treatment == "sts" else EVENTS[treatment]):
                    if rng.random() < chance:
                        events.append([patient_id, step, event])
    write("studies.csv", ["study_id", "year", "design", "evidence_level", "source_note"], studies)
    write("patients.csv", ["patient_id", "study_id", "age_years", "sex", "diagnosis", "calcinosis_sites", "follow_up_months"], patients)
    write("treatments.csv", ["patient_id", "step", "treatment", "agent", "dose", "months", "sessions", "response"], treatments)
    write("adverse_events.csv", ["patient_id", "step", "event"], events)
    print(f"{len(studies)} studies, {len(patients)} patients, {len(treatments)} treatment steps, {len(events)} adverse events")


def write(name, header, rows):
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if value is None else value for value in row])
    with open(os.path.join(DATA, name), "w", encoding="utf-8", newline="") as file:
        file.write(out.getvalue())


if __name__ == "__main__":
    main()
