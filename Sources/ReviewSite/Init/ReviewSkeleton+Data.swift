// The dataset of a new review: a codebook of the core columns with a few
// placeholder codes, and one example row per CSV file, so that `check`
// passes at once and every file shows its format. Neutral wording only:
// the team replaces the placeholders with its own review's words.

extension ReviewSkeleton {
    static let codebook = """
    # The data dictionary of your review (docs/dataset.md, "codebook.yaml").
    # Every cell of the CSV files is checked against it. Rename, add and
    # remove tables, columns and codes to fit your review. Each table's role
    # tells the program what it holds (study, patient, step, event, or
    # appraisal); a table without a role is your own, with any columns.
    # A table is read from <name>.csv unless it names its file (file:).

    tables:
      studies:
        role: study
        columns:
          - {column: study_id, type: id, label: Study}
          - {column: first_author, type: text, label: First author}
          - {column: year, type: integer, min: 1900, max: 2100, label: Year}
          - {column: design, type: code, required: yes, label: Design}
          - {column: evidence_level, type: level, required: yes, label: Level of evidence}

      patients:
        role: patient
        columns:
          - {column: patient_id, type: id, label: Patient}
          - {column: study_id, type: reference, to: studies, label: Study}
          - {column: age_years, type: number, min: 0, max: 120, unit: years, label: Age}
          - {column: sex, type: code, label: Sex}
          - {column: category, type: code, label: Category}
          - {column: response, type: code, required: yes, label: Response}
          - {column: follow_up_months, type: number, min: 0, unit: months, label: Follow-up}

      treatments:
        role: step
        key: [patient_id, step]   # a patient's steps are numbered 1, 2, …
        label: treatment steps
        label_one: treatment step
        columns:
          - {column: patient_id, type: reference, to: patients, label: Patient}
          - {column: step, type: integer, min: 1, required: yes, label: Step}
          - {column: treatment, type: code, required: yes, label: Treatment}
          - {column: months, type: number, min: 0, min_exclusive: yes, unit: months, label: Duration}

      adverse_events:
        role: event
        key: [patient_id, step, event]   # the step an event followed
        label: adverse events
        label_one: adverse event
        columns:
          - {column: patient_id, type: reference, to: patients, label: Patient}
          - {column: step, type: integer, min: 1, required: yes, label: Step}
          - {column: event, type: code, required: yes, label: Adverse event}

    # Which column holds each step's treatment and each adverse event: the
    # database derives monotherapy and combined treatment from them.
    summary:
      treatment: treatment
      events: event

    codes:
      design:
        - {code: trial, label: randomised trial}
        - {code: cohort, label: cohort study}
        - {code: case_series, label: case series}
        - {code: case_report, label: case report}
      sex:
        - {code: f, label: female}
        - {code: m, label: male}
      category:
        - {code: category_a, label: Category A}
        - {code: category_b, label: Category B}
      response:   # responded: counted as a response in the figures
        - {code: complete, label: complete, responded: yes}
        - {code: partial, label: partial, responded: yes}
        - {code: none, label: no response}
        - {code: unknown, label: unknown, not_reported: yes}
      treatment:
        - {code: treatment_a, label: Treatment A}
        - {code: treatment_b, label: Treatment B}
      event:
        - {code: event_a, label: Event A}
        - {code: other, label: other}

    # How the studies were appraised: a level-of-evidence scale, strongest
    # first (or checklists, answered in a table with the role appraisal:
    # docs/dataset.md, "appraisal").
    appraisal:
      levels:
        - {code: "1", label: strongest}
        - {code: "2", label: intermediate}
        - {code: "3", label: weakest}

    """

    static let review = """
    title: "Title of your review"
    authors: [First Author, Second Author]
    databases: [Database A, Database B]
    languages: [English]
    imputation: none
    provenance: >-
      Placeholder rows written by reviewsite init. Replace this paragraph with
      where your rows come from: who extracted them, from which reports, and
      how they were checked.

    """

    static let prisma = """
    # The counts of the PRISMA 2020 flow diagram (docs/dataset.md,
    # "prisma.yaml"); every box not given here is derived from these.
    databases:
      records_identified: 10
      removed_duplicates: 2
      records_excluded: 6
      reports_not_retrieved: 0
      reports_excluded:
        - {code: other_reason, reason: "other reason", count: 1}
    other_methods:
      records_identified: 0
    included:
      studies: 1
      reports: 1

    """

    static let studies = """
    study_id,first_author,year,design,evidence_level
    S1,Author,2024,case_series,3

    """

    static let patients = """
    patient_id,study_id,age_years,sex,category,response,follow_up_months
    S1-01,S1,50,f,category_a,partial,12

    """

    static let treatments = """
    patient_id,step,treatment,months
    S1-01,1,treatment_a,6

    """

    static let adverseEvents = """
    patient_id,step,event
    S1-01,1,event_a

    """
}
