// The templates of a new review: a few figures, both tables, two charts and
// short pages that quote them, each a starting point the team rewrites.

extension ReviewSkeleton {
    static let figures = """
    # The figures of your review, each a query on the review's database
    # (docs/database.md). Add a figure here and quote it in a page as
    # {{id}}; try a piece of SQL first with `reviewsite sql`.
    - id: prisma.records_databases
      kind: count
      definition: records found in the databases
      value: SELECT records_identified FROM prisma_flow WHERE flow = 'databases'
    - id: studies.included
      kind: count
      definition: studies included in the review
      from: studies
    - id: patients.total
      kind: count
      definition: patients included in the review
      from: patients
    - id: patients.age
      kind: median_range
      definition: age of the patients, where reported
      from: patients
      value: age_years
    - id: outcome.response
      kind: proportion
      definition: patients with a complete or partial response, among all patients
      from: treated_patients
      numerator: response IN ('complete', 'partial')
    - id: outcome.treatment_a.response
      kind: proportion
      definition: responded, among the patients treated with treatment A alone
      from: treated_patients
      where: monotherapy = 'treatment_a'
      numerator: response IN ('complete', 'partial')
    - id: adverse.patients
      kind: count
      definition: patients with at least one adverse event
      from: patient_summary
      where: events IS NOT NULL

    """

    static let tables = """
    # The report's tables (docs/tables.md): the rows' query, then an SQL
    # expression per column over r (the row) and p (the row's patients).

    - id: table-1
      title: Table 1. Characteristics of the included studies
      introduction: One row per study.
      caption: Characteristics of the {rows} included studies
      rows: SELECT * FROM studies ORDER BY study_id
      patients: SELECT study_id, patient_id FROM patients
      columns:
        - heading: Study
          cell: coalesce(r.first_author || ' et al. ', '') || coalesce(r.year, '')
        - heading: Design
          cell: label('design', r.design)
        - heading: Level of evidence
          cell: r.evidence_level
        - heading: Patients
          cell: count(p.patient_id)
          style: num
        - heading: Age, years
          cell: median_range(p.age_years)
          sort: coalesce(median(p.age_years), '')
          style: num
        - heading: Treatments
          cell: |
            (SELECT join_codes('treatment', s.treatment, ', ')
             FROM patients AS q JOIN treatments AS s USING (patient_id) WHERE q.study_id = r.study_id)

    - id: table-2
      title: Table 2. Summary of the treatments
      introduction: >-
        One row per treatment given alone, then one per combination of
        treatments.
      caption: Treatments and their outcomes
      rows: |
        SELECT option, label FROM (
          SELECT monotherapy AS option, label('treatment', monotherapy) AS label, code_order('treatment', monotherapy) AS place
            FROM patient_summary WHERE monotherapy IS NOT NULL GROUP BY monotherapy
          UNION ALL
          SELECT 'combined:' || treatments, 'Combined: ' || labels('treatment', sequence, ' then '), 1000
            FROM patient_summary WHERE combined GROUP BY treatments)
        ORDER BY place, option
      patients: |
        SELECT monotherapy, patient_id FROM patient_summary WHERE monotherapy IS NOT NULL
        UNION ALL SELECT 'combined:' || treatments, patient_id FROM patient_summary WHERE combined
      columns:
        - heading: Treatment
          cell: r.label
        - heading: Patients (studies)
          cell: count(p.patient_id) || ' (' || count(DISTINCT p.study_id) || ')'
          sort: count(p.patient_id)
          style: num
        - heading: Response
          cell: shares('response', p.response)
          style: wide
        - heading: Responded
          cell: share(sum(p.response IN ('complete', 'partial')), count(p.patient_id))
          sort: percent(sum(p.response IN ('complete', 'partial')), count(p.patient_id))
          # a row links to its figure: add a WHEN for each treatment's figure
          link: CASE r.option WHEN 'treatment_a' THEN 'outcome.treatment_a.response' END
          style: num
        - heading: Adverse events (patients)
          cell: coalesce(tally_lists('event', p.events), 'none reported')

    """

    static let charts = """
    # The report's charts, drawn as SVG from the data and the figures. A page
    # places one with {{chart ID}} on a line of its own.

    - id: appraisal-summary
      kind: appraisal
      title: Level of evidence of the included studies
      description: The included studies at each level of evidence, strongest first.

    - id: response-by-treatment
      kind: proportions
      title: Response by treatment
      description: >-
        Patients with a complete or partial response, with the 95% Wilson
        score interval.
      rows:
        - {figure: outcome.treatment_a.response, label: Treatment A}

    """

    static let abstract = """
    ## Abstract

    **Background.** What the review is about, and why it was needed.

    **Methods.** We searched {{review.databases}}.

    **Results.** We included {{studies.included}} studies describing
    {{patients.total}} patients. A complete or partial response was seen in
    {{outcome.response}} of the patients.

    **Conclusions.** What the review found.

    """

    static let methods = """
    ## Methods in brief

    {{review.databases}} were searched; reports in {{review.languages}} were
    eligible. Describe here how the studies were selected, what was
    extracted from them and how they were appraised. Missing values were
    {{review.imputation}}.

    """

    static let results = """
    ## Results

    The searches found {{prisma.records_databases}} records, and
    {{studies.included}} studies were included ([flow diagram](prisma.html);
    [Table 1](table-1.html)).

    {{chart appraisal-summary}}

    The {{patients.total}} patients were {{patients.age}} years old (median
    and range). Treated with treatment A alone, {{outcome.treatment_a.response}}
    responded ([Table 2](table-2.html)); {{adverse.patients}} had an adverse
    event.

    {{chart response-by-treatment}}

    """

    static let site = """
    # The site's pages, in the order of the navigation (docs/site.md). The
    # first page is the home page; a built-in page is made from the data, a
    # table page is a table of tables.yaml.
    pages:
      - {text: abstract.md, title: Abstract}
      - {text: methods.md, title: Methods, heading: Methods in brief}
      - {text: results.md, title: Results}
      - {table: table-1, title: Table 1, about: characteristics of the included studies}
      - {table: table-2, title: Table 2, about: summary of the treatments}
      - {builtin: prisma, title: PRISMA flow, heading: PRISMA 2020 flow diagram, about: how the studies were selected}
      - {builtin: appraisal, title: Level of evidence, about: each study's level of evidence}
      - {builtin: figures, title: Figures, about: every number of the report with its definition and rows}
      - {builtin: patients, title: Patients, about: the individual patients' data}
      - {builtin: changes, title: Changes, about: what changed since the baseline data}
    files: []

    """
}
