/// The review's dataset as an SQLite database: one table per CSV file, with
/// the file's name and columns (docs/database.md), list columns as child
/// tables, the PRISMA counts, and the derived tables and views that figure
/// definitions share. The mapping from the dataset is in one place:
/// `ReviewDatabase+Load.swift`.
final class ReviewDatabase: @unchecked Sendable {
    /// The connection figures and `reviewsite sql` read through (guarded).
    let database: Database
    /// Rows loaded into all tables: the work limit of a query grows with it.
    let rowCount: Int
    /// The keys figures' rows point into, by key column (patient_id, study_id).
    let keyLists: [String: KeyList]

    init(database: Database, rowCount: Int, keyLists: [String: KeyList]) {
        self.database = database
        self.rowCount = rowCount
        self.keyLists = keyLists
    }

    /// Steps of work a single query may take: enough for any figure over
    /// every row many times over, too few for a join without a condition.
    var workLimit: Int { 10_000_000 + 200 * rowCount }

    /// Another guarded connection to the same database, for a second thread.
    func connect() throws(DatabaseError) -> Database {
        let connection = try database.connect()
        try connection.guardReads(workLimit: workLimit)
        return connection
    }

    /// The CREATE statements of every table and view, as `reviewsite sql --schema` prints them.
    func schema() throws(DatabaseError) -> String {
        let rows = try database.rows("SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite%' ORDER BY rowid")
        return rows.rows.map { row in
            if case .text(let sql) = row[0] { return sql + ";\n" }
            return ""
        }.joined(separator: "\n")
    }

    /// The tables of the CSV files: their names and columns; not reported is
    /// NULL. Rows are in key order (a table's rowid follows it); the keys'
    /// unique indexes are made once the rows are in, which is faster.
    static let tables = """
    CREATE TABLE studies ( -- studies.csv: one row per included study
      study_id TEXT NOT NULL,      -- key
      ref INTEGER NOT NULL,
      first_author TEXT,
      year INTEGER,
      title TEXT,
      design TEXT NOT NULL,        -- pilot_rct, case_series, case_report
      publication TEXT NOT NULL,   -- article, conference_abstract
      language TEXT NOT NULL,
      control_group TEXT NOT NULL, -- yes, no
      rob_tool TEXT NOT NULL,      -- the appraisal checklist
      source_note TEXT
    );
    CREATE TABLE risk_of_bias ( -- risk_of_bias.csv: one row per study and checklist question
      study_id TEXT NOT NULL,
      question INTEGER NOT NULL,
      answer TEXT NOT NULL         -- yes, no, unclear, not_applicable
    );
    CREATE TABLE patients ( -- patients.csv: one row per patient
      patient_id TEXT NOT NULL,    -- key
      study_id TEXT NOT NULL,
      age_years REAL,
      sex TEXT,
      diagnosis TEXT,
      diagnosis_detail TEXT,
      cc_type TEXT,
      symptom_months REAL,
      lesion_cm REAL,
      ulceration TEXT,
      infection TEXT,
      pain TEXT,
      limited_mobility TEXT,
      previous_treatment TEXT,
      response TEXT NOT NULL,      -- complete, partial, none, unknown
      pain_outcome TEXT,
      vas_before REAL,
      vas_after REAL,
      follow_up_months REAL,
      recurrence TEXT,
      recurrence_note TEXT
    );
    CREATE TABLE patients_sites ( -- the list column patients.sites: one row per patient and site, in the cell's order
      patient_id TEXT NOT NULL,
      site TEXT NOT NULL
    );
    CREATE TABLE treatments ( -- treatments.csv: one row per treatment step of a patient
      patient_id TEXT NOT NULL,
      step INTEGER NOT NULL,
      modality TEXT NOT NULL,
      variant TEXT,
      concentration REAL,
      dose_mg REAL,
      sessions INTEGER,
      duration_months REAL,
      shock_waves INTEGER,
      energy_mj_mm2 REAL,
      anaesthesia TEXT,
      aftercare TEXT
    );
    CREATE TABLE adverse_events ( -- adverse_events.csv: one row per adverse event of a patient, in file order
      patient_id TEXT NOT NULL,
      step INTEGER NOT NULL,
      event TEXT NOT NULL,
      transient TEXT,
      detail TEXT
    );
    CREATE TABLE prisma_flow ( -- prisma.yaml: one row per column of the flow diagram, 'databases' and 'other_methods'
      flow TEXT NOT NULL,
      records_identified INTEGER NOT NULL,
      registers_records INTEGER,   -- databases only
      removed_duplicates INTEGER,  -- databases only
      removed_automation INTEGER,  -- databases only
      removed_other INTEGER,       -- databases only
      records_excluded INTEGER,    -- databases only
      reports_not_retrieved INTEGER NOT NULL
    );
    CREATE TABLE prisma_sources ( -- prisma.yaml: databases.by_source (with records) and other_methods.sources (records NULL)
      flow TEXT NOT NULL,
      name TEXT NOT NULL,
      records INTEGER
    );
    CREATE TABLE prisma_reports_excluded ( -- prisma.yaml: reports_excluded of both columns
      flow TEXT NOT NULL,
      code TEXT NOT NULL,
      reason TEXT NOT NULL,
      reports INTEGER NOT NULL
    );
    CREATE TABLE prisma_included ( -- prisma.yaml: included (one row)
      studies INTEGER NOT NULL,
      reports INTEGER NOT NULL
    );
    """

    /// What every review of this kind asks of its patients and studies,
    /// derived once when loading (a view would redo it for every figure).
    static let derived = """
    CREATE TABLE patient_summary ( -- one row per patient, in the order of patients: its treatment as a whole and its adverse events
      patient_id TEXT NOT NULL,    -- key
      steps INTEGER NOT NULL,      -- treatment steps
      sequence TEXT,               -- the steps' modalities in step order, ';'-separated
      modalities TEXT,             -- the distinct modalities, sorted, ';'-separated
      monotherapy TEXT,            -- the modality when all steps share one; NULL for combined treatment
      combined INTEGER NOT NULL,   -- 1 when the steps have two or more modalities, else 0
      sessions INTEGER NOT NULL,   -- sessions over all steps; a missing count as 0
      duration_months REAL,        -- duration_months over all steps; NULL when a step lacks it
      variants TEXT,               -- the distinct variants, sorted, ';'-separated; a step without one as NR
      events TEXT                  -- the distinct adverse event types, sorted, ';'-separated; NULL when none
    );
    CREATE TABLE study_appraisal ( -- one row per study, in the order of studies: its overall risk of bias from its checklist answers
      study_id TEXT NOT NULL,      -- key
      yes INTEGER NOT NULL,        -- answers yes
      applicable INTEGER NOT NULL, -- answers other than not_applicable
      yes_share REAL,              -- yes / applicable; NULL when none is applicable
      risk_of_bias TEXT NOT NULL   -- low above 75 % yes, high below 50 % (or none applicable), else moderate
    );
    """

    /// The indexes and views, once the tables are filled. Keys are unique
    /// (the dataset is checked before it is loaded); the indexes are those
    /// the views and the figures' populations need, and the keys of patients
    /// and studies: each index of a million rows costs a build time.
    static let views = """
    CREATE UNIQUE INDEX studies_key ON studies (study_id);
    CREATE UNIQUE INDEX patients_key ON patients (patient_id);
    CREATE INDEX treatments_by_patient ON treatments (patient_id);
    CREATE INDEX adverse_events_by_patient ON adverse_events (patient_id, event);
    CREATE UNIQUE INDEX patient_summary_key ON patient_summary (patient_id);
    CREATE INDEX patient_summary_by_monotherapy ON patient_summary (monotherapy);
    CREATE UNIQUE INDEX study_appraisal_key ON study_appraisal (study_id);
    CREATE VIEW treated_patients AS -- every patient with its treatment and adverse events: most figures' population
      SELECT p.*, s.steps, s.sequence, s.modalities, s.monotherapy, s.combined, s.sessions,
             s.duration_months AS total_duration_months, s.variants, s.events
      FROM patients AS p JOIN patient_summary AS s ON s.rowid = p.rowid;
    CREATE VIEW treatment_steps AS -- every treatment step with its patient's treatment as a whole
      SELECT t.*, s.modalities, s.monotherapy, s.combined
      FROM treatments AS t JOIN patient_summary AS s USING (patient_id);
    """
}
