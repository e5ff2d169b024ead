@testable import ReviewSite

/// A small valid codebook, edited by the tests of bad codebooks: every core
/// column, one checklist and a list within another.
let smallCodebook = """
tables:
  studies:
    columns:
      - {column: study_id, type: id}
      - {column: design, type: code, required: yes}
      - {column: rob_tool, type: checklist}
  risk_of_bias:
    columns:
      - {column: study_id, type: reference, to: studies}
      - {column: question, type: integer, min: 1}
      - {column: answer, type: answer}
  patients:
    columns:
      - {column: patient_id, type: id}
      - {column: study_id, type: reference, to: studies}
      - {column: age_years, type: number, min: 0, unit: years}
      - {column: sex, type: code}
  treatments:
    columns:
      - {column: patient_id, type: reference, to: patients}
      - {column: step, type: integer, min: 1}
      - {column: modality, type: code, required: yes}
      - {column: variant, type: code}
  adverse_events:
    columns:
      - {column: patient_id, type: reference, to: patients}
      - {column: step, type: integer, min: 1}
codes:
  design:
    - {code: case_series, label: case series, checklist: jbi_case_series}
  sex: [f, m]
  modality:
    - {code: laser, label: Laser}
    - {code: eswl, label: ESWL}
  variant:
    within: modality
    codes:
      - {code: co2, label: CO₂, of: laser}
      - {code: focused, of: eswl}
appraisal:
  answers:
    - {code: yes, met: yes}
    - {code: no}
  overall: {low_above: 75, high_below: 50}
  checklists:
    - {code: jbi_case_series, label: JBI case series, questions: 10}

"""

/// The error lines of reading a codebook; empty when it reads.
func codebookErrors(_ yaml: String) -> [String] {
    do {
        _ = try Codebook.read(yaml: yaml, file: "codebook.yaml")
        return []
    } catch {
        return error.errors.map(\.description)
    }
}
