import Testing
@testable import ReviewSite

/// One invalid fixture per rule of dataset.md, each with the exact message.
struct ValidationCase: CustomTestStringConvertible, Sendable {
    var name: String
    var change: @Sendable (DatasetFixture) throws -> Void
    var expected: [String]
    var testDescription: String { name }
}

@Suite("Dataset validation")
struct DatasetValidationTests {
    @Test func defaultDatasetLoadsWithoutErrors() throws {
        let dataset = try loadDataset(defaultDataPath)
        #expect(dataset.tables.map(\.name) == ["studies", "risk_of_bias", "patients", "treatments", "adverse_events"])
        #expect(dataset.tables.map(\.count) == [40, 343, 136, 144, 26])
        #expect(dataset.prisma.includedStudies == 40)
        #expect(dataset.review.imputation == .mean)
        #expect(dataset.published["outcome.top_sts.response"]?["numerator"] == 39)
    }

    static let cellRules: [ValidationCase] = [
        ValidationCase(name: "code not in the list", change: { try $0.edit("patients.csv", line: 17, ",f,", ",female,") },
                       expected: ["data/patients.csv:17: column 'sex': 'female' is not one of f, m (empty when not reported)"]),
        ValidationCase(name: "required code empty", change: { try $0.edit("patients.csv", line: 2, ",complete,", ",,") },
                       expected: ["data/patients.csv:2: column 'response': is empty (expected one of complete, partial, none, unknown)"]),
        ValidationCase(name: "required code wrong", change: { try $0.edit("studies.csv", line: 2, ",case_series,", ",series,") },
                       expected: ["data/studies.csv:2: column 'design': 'series' is not one of pilot_rct, case_series, case_report"]),
        ValidationCase(name: "NR means not reported", change: { try $0.edit("patients.csv", line: 2, ",44,f,", ",NR,NR,") },
                       expected: []),
        ValidationCase(name: "not a number", change: { try $0.edit("patients.csv", line: 2, ",44,", ",44y,") },
                       expected: ["data/patients.csv:2: column 'age_years': '44y' is not a number (expected a number ≥ 0, with . as the decimal separator)"]),
        ValidationCase(name: "decimal comma", change: { try $0.edit("patients.csv", line: 2, ",44,", ",\"44,5\",") },
                       expected: ["data/patients.csv:2: column 'age_years': '44,5' is not a number (expected a number ≥ 0, with . as the decimal separator)"]),
        ValidationCase(name: "negative age", change: { try $0.edit("patients.csv", line: 2, ",44,", ",-1,") },
                       expected: ["data/patients.csv:2: column 'age_years': '-1' is out of range (expected a number ≥ 0)"]),
        ValidationCase(name: "VAS above 10", change: { try $0.edit("patients.csv", line: 2, "complete,,,,12", "complete,,11,2,12") },
                       expected: ["data/patients.csv:2: column 'vas_before': '11' is out of range (expected a number from 0 to 10)"]),
        ValidationCase(name: "lesion size zero", change: { try $0.edit("patients.csv", line: 2, "fingers,2,", "fingers,0,") },
                       expected: ["data/patients.csv:2: column 'lesion_cm': '0' is out of range (expected a number > 0)"]),
        ValidationCase(name: "sessions not whole", change: { try $0.edit("treatments.csv", line: 2, ",250,4,", ",250,4.5,") },
                       expected: ["data/treatments.csv:2: column 'sessions': '4.5' is not a whole number (expected an integer ≥ 1)"]),
        ValidationCase(name: "integer too large for a whole number (found by fuzzing)",
                       change: { try $0.edit("risk_of_bias.csv", line: 3, "R4,2,yes", "R4,28888888888888888888888888888888,yes") },
                       expected: ["data/risk_of_bias.csv:3: column 'question': '28888888888888888888888888888888' is too large (expected an integer ≥ 1)"]),
        ValidationCase(name: "number too large", change: { try $0.edit("patients.csv", line: 2, ",44,", ",1\(String(repeating: "0", count: 400)),") },
                       expected: ["data/patients.csv:2: column 'age_years': '1\(String(repeating: "0", count: 79))…' is too large (expected a number ≥ 0)"]),
        ValidationCase(name: "list item not a site", change: { try $0.edit("patients.csv", line: 3, "fingers;upper_limb", "fingers;knee") },
                       expected: ["data/patients.csv:3: column 'sites': 'knee' in 'fingers;knee' is not one of fingers, hand, upper_limb, lower_limb, foot, trunk, buttock, pelvis, face, earlobe, eyelid, other (a list separated by ;)"]),
        ValidationCase(name: "required text empty", change: { try $0.edit("treatments.csv", line: 2, "R4-01,1,", ",1,") },
                       expected: ["data/patients.csv:2: column 'patient_id': patient 'R4-01' has no treatment step in treatments.csv",
                                  "data/treatments.csv:2: column 'patient_id': is empty (expected a value)"]),
        ValidationCase(name: "variant of another modality", change: { try $0.edit("treatments.csv", line: 8, "eswl,focused", "eswl,co2") },
                       expected: ["data/treatments.csv:8: column 'variant': 'co2' is not a variant of eswl (expected one of focused, unfocused, or empty)"]),
        ValidationCase(name: "il_sts takes no variant", change: { try $0.edit("treatments.csv", line: 2, "il_sts,,", "il_sts,gel,") },
                       expected: ["data/treatments.csv:2: column 'variant': 'gel': il_sts steps take no variant (expected empty)"]),
        ValidationCase(name: "shock waves outside eswl", change: { try $0.edit("treatments.csv", line: 2, ",4,,,,,", ",4,,2500,,,") },
                       expected: ["data/treatments.csv:2: column 'shock_waves': '2500' is given for a il_sts step (shock_waves is for eswl steps only)"]),
        ValidationCase(name: "several bad cells of one row", change: { try $0.edit("patients.csv", line: 2, "R4,44,f,ssc", "R4,old,x,sc") },
                       expected: ["data/patients.csv:2: column 'age_years': 'old' is not a number (expected a number ≥ 0, with . as the decimal separator)",
                                  "data/patients.csv:2: column 'sex': 'x' is not one of f, m (empty when not reported)",
                                  "data/patients.csv:2: column 'diagnosis': 'sc' is not one of ssc, dm, jdm, overlap, sle, mctd, ckd, idiopathic, iatrogenic, trauma, other (empty when not reported)"]),
    ]

    @Test(arguments: cellRules)
    func cellRule(_ rule: ValidationCase) throws {
        let actual = try errorsAfter(rule.change)
        #expect(actual == rule.expected)
    }

    static let fileRules: [ValidationCase] = [
        ValidationCase(name: "missing file", change: { try $0.remove("adverse_events.csv") },
                       expected: ["data/adverse_events.csv: file not found (expected the adverse_events.csv table of the dataset format)"]),
        ValidationCase(name: "empty file", change: { try $0.write("adverse_events.csv", "") },
                       expected: ["data/adverse_events.csv:1: the file is empty (expected a header line naming the columns)"]),
        ValidationCase(name: "missing required column", change: { try $0.edit("adverse_events.csv", line: 1, "event", "evnt") },
                       expected: ["data/adverse_events.csv:1: column 'evnt': unknown column (expected one of patient_id, step, event, transient, detail; a column whose name starts with x_ is ignored)",
                                  "data/adverse_events.csv:1: column 'event': required column is missing from the header"]),
        ValidationCase(name: "unknown column", change: { fixture in
            let text = try fixture.read("risk_of_bias.csv").replacingOccurrences(of: "\n", with: ",\n")
            try fixture.write("risk_of_bias.csv", text.replacingOccurrences(of: "answer,\n", with: "answer,notes\n"))
        }, expected: ["data/risk_of_bias.csv:1: column 'notes': unknown column (expected one of study_id, question, answer; a column whose name starts with x_ is ignored)"]),
        ValidationCase(name: "x_ columns are ignored", change: { fixture in
            let text = try fixture.read("risk_of_bias.csv").replacingOccurrences(of: "\n", with: ",anything\n")
            try fixture.write("risk_of_bias.csv", text.replacingOccurrences(of: "answer,anything\n", with: "answer,x_reviewer\n"))
        }, expected: []),
        ValidationCase(name: "optional column left out", change: { fixture in
            let lines = try fixture.read("adverse_events.csv").split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).prefix(4).joined(separator: ",") }
            try fixture.write("adverse_events.csv", lines.joined(separator: "\n") + "\n")
        }, expected: []),
        ValidationCase(name: "duplicate column", change: { try $0.edit("risk_of_bias.csv", line: 1, "answer", "answer,answer") },
                       expected: ["data/risk_of_bias.csv:1: column 'answer': the column appears twice (fields 3 and 4)"]),
        ValidationCase(name: "row with too few fields", change: { try $0.edit("risk_of_bias.csv", line: 3, "R4,2,yes", "R4,2") },
                       expected: ["data/risk_of_bias.csv:3: the row has 2 fields; the header has 3",
                                  "data/studies.csv:2: column 'rob_tool': study 'R4' has no answer in risk_of_bias.csv for question 2 of jbi_case_series"]),
        ValidationCase(name: "row with a value past the header", change: { try $0.edit("risk_of_bias.csv", line: 3, "R4,2,yes", "R4,2,yes,oops") },
                       expected: ["data/risk_of_bias.csv:3: the row has a value in field 4 ('oops'), but the header has 3 columns",
                                  "data/studies.csv:2: column 'rob_tool': study 'R4' has no answer in risk_of_bias.csv for question 2 of jbi_case_series"]),
        ValidationCase(name: "unterminated quote", change: { try $0.append("adverse_events.csv", "R4-04,1,fever,yes,\"no closing quote\n") },
                       expected: ["data/adverse_events.csv:28: unterminated quoted field: the closing quote is missing"]),
        ValidationCase(name: "invalid UTF-8", change: { fixture in
            var bytes = Array(try fixture.read("adverse_events.csv").utf8)
            let secondLine = bytes.firstIndex(of: UInt8(ascii: "\n"))! + 1
            bytes.insert(0xC3, at: secondLine + 3)
            try fixture.writeBytes("adverse_events.csv", bytes)
        }, expected: ["data/adverse_events.csv:2: invalid UTF-8 in this record"]),
        ValidationCase(name: "BOM and CRLF are accepted", change: { fixture in
            let text = try fixture.read("patients.csv").replacingOccurrences(of: "\n", with: "\r\n")
            try fixture.writeBytes("patients.csv", [0xEF, 0xBB, 0xBF] + Array(text.utf8))
        }, expected: []),
    ]

    @Test(arguments: fileRules)
    func fileRule(_ rule: ValidationCase) throws {
        let actual = try errorsAfter(rule.change)
        #expect(actual == rule.expected)
    }

    static let crossRules: [ValidationCase] = [
        ValidationCase(name: "duplicate patient_id", change: { try $0.edit("patients.csv", line: 3, "R4-02,", "R4-01,") },
                       expected: ["data/patients.csv:3: column 'patient_id': 'R4-01' is a duplicate (first on line 2)",
                                  "data/treatments.csv:3: column 'patient_id': 'R4-02' is not a patient_id of patients.csv"]),
        ValidationCase(name: "duplicate study_id", change: { try $0.edit("studies.csv", line: 3, "R5,5,", "R4,5,") },
                       expected: (8...15).map { "data/patients.csv:\($0): column 'study_id': 'R5' is not a study_id of studies.csv" }
                           + (12...21).map { "data/risk_of_bias.csv:\($0): column 'study_id': 'R5' is not a study_id of studies.csv" }
                           + ["data/studies.csv:3: column 'study_id': 'R4' is a duplicate (first on line 2)"]),
        ValidationCase(name: "duplicate ref", change: { try $0.edit("studies.csv", line: 3, "R5,5,", "R5,4,") },
                       expected: ["data/studies.csv:3: column 'ref': '4' is a duplicate (first on line 2)"]),
        ValidationCase(name: "patient of an unknown study", change: { try $0.edit("patients.csv", line: 2, "R4-01,R4,", "R4-01,R99,") },
                       expected: ["data/patients.csv:2: column 'study_id': 'R99' is not a study_id of studies.csv"]),
        ValidationCase(name: "step of an unknown patient", change: { try $0.append("treatments.csv", "R4-99,1,il_sts,,250,250,4,,,,,\n") },
                       expected: ["data/treatments.csv:146: column 'patient_id': 'R4-99' is not a patient_id of patients.csv"]),
        ValidationCase(name: "patient without steps", change: { try $0.edit("treatments.csv", line: 2, "R4-01,1,il_sts", "R4-02,2,il_sts") },
                       expected: ["data/patients.csv:2: column 'patient_id': patient 'R4-01' has no treatment step in treatments.csv"]),
        ValidationCase(name: "duplicate step", change: { try $0.append("treatments.csv", "R4-01,1,il_sts,,250,250,4,,,,,\n") },
                       expected: ["data/treatments.csv:146: column 'step': step 1 of patient 'R4-01' appears twice (first on line 2)"]),
        ValidationCase(name: "steps not consecutive", change: { try $0.append("treatments.csv", "R4-01,3,il_sts,,250,250,4,,,,,\n") },
                       expected: ["data/treatments.csv:146: column 'step': '3' skips step 2 of patient 'R4-01' (expected consecutive steps from 1)"]),
        ValidationCase(name: "adverse event of an unknown patient", change: { try $0.edit("adverse_events.csv", line: 2, "R4-04,", "R4-77,") },
                       expected: ["data/adverse_events.csv:2: column 'patient_id': 'R4-77' is not a patient_id of patients.csv"]),
        ValidationCase(name: "adverse event of an unknown step", change: { try $0.edit("adverse_events.csv", line: 2, "R4-04,1,", "R4-04,2,") },
                       expected: ["data/adverse_events.csv:2: column 'step': '2' is not a step of patient 'R4-04' in treatments.csv"]),
        ValidationCase(name: "answer of an unknown study", change: { try $0.append("risk_of_bias.csv", "R98,1,yes\n") },
                       expected: ["data/risk_of_bias.csv:345: column 'study_id': 'R98' is not a study_id of studies.csv"]),
        ValidationCase(name: "question beyond the checklist", change: { try $0.append("risk_of_bias.csv", "R4,11,yes\n") },
                       expected: ["data/risk_of_bias.csv:345: column 'question': '11' is not a question of jbi_case_series (expected 1 to 10)"]),
        ValidationCase(name: "question answered twice", change: { try $0.append("risk_of_bias.csv", "R4,3,yes\n") },
                       expected: ["data/risk_of_bias.csv:345: column 'question': question 3 of study 'R4' is answered twice (first on line 4)"]),
        ValidationCase(name: "question not answered", change: { try $0.edit("risk_of_bias.csv", line: 10, "R4,9,", "R4,10,") },
                       expected: ["data/risk_of_bias.csv:11: column 'question': question 10 of study 'R4' is answered twice (first on line 10)",
                                  "data/studies.csv:2: column 'rob_tool': study 'R4' has no answer in risk_of_bias.csv for question 9 of jbi_case_series"]),
    ]

    @Test(arguments: crossRules)
    func crossRule(_ rule: ValidationCase) throws {
        let actual = try errorsAfter(rule.change)
        #expect(actual == rule.expected)
    }

    static let yamlRules: [ValidationCase] = [
        ValidationCase(name: "derived box below zero", change: { try $0.edit("prisma.yaml", line: 14, "230", "300") },
                       expected: ["data/prisma.yaml:14: key 'databases.records_excluded': leaves -32 reports sought for retrieval (screened 268 − excluded 300); a count cannot be below zero"]),
        ValidationCase(name: "included differs from studies.csv and the flow", change: { try $0.edit("prisma.yaml", line: 27, "40", "41") },
                       expected: ["data/prisma.yaml:27: key 'included.studies': '41' differs from the 40 the flow gives (databases: 38 assessed − 5 excluded; other methods: 10 assessed − 3 excluded)",
                                  "data/prisma.yaml:27: key 'included.studies': '41' differs from the 40 rows of studies.csv"]),
        ValidationCase(name: "exclusions that do not add up", change: { try $0.edit("prisma.yaml", line: 18, "count: 3", "count: 4") },
                       expected: ["data/prisma.yaml:27: key 'included.studies': '40' differs from the 39 the flow gives (databases: 38 assessed − 6 excluded; other methods: 10 assessed − 3 excluded)"]),
        ValidationCase(name: "sources that do not add up", change: { try $0.edit("prisma.yaml", line: 9, "410", "410\n  by_source: [{name: PubMed, records: 400}]") },
                       expected: ["data/prisma.yaml:10: key 'databases.by_source': the sources add up to 400, but records_identified is 410"]),
        ValidationCase(name: "unknown key", change: { try $0.edit("prisma.yaml", line: 13, "removed_other", "removed_others") },
                       expected: ["data/prisma.yaml:13: key 'databases.removed_others': unknown key (expected one of records_identified, by_source, registers_records, removed_duplicates, removed_automation, removed_other, records_excluded, reports_not_retrieved, reports_excluded)"]),
        ValidationCase(name: "missing required key", change: { try $0.edit("prisma.yaml", line: 20, "records_identified: 10", "records: 10") },
                       expected: ["data/prisma.yaml:20: key 'other_methods.records': unknown key (expected one of records_identified, sources, reports_not_retrieved, reports_excluded)",
                                  "data/prisma.yaml:20: key 'other_methods.records_identified': required key is missing"]),
        ValidationCase(name: "negative count", change: { try $0.edit("prisma.yaml", line: 10, "0", "-2") },
                       expected: ["data/prisma.yaml:10: key 'databases.registers_records': '-2' is out of range (expected an integer ≥ 0)"]),
        ValidationCase(name: "exclusion code not a code", change: { try $0.edit("prisma.yaml", line: 17, "code: duplicate_patients", "code: Duplicates") },
                       expected: ["data/prisma.yaml:17: key 'databases.reports_excluded[1].code': 'Duplicates' is not a code (expected lower-case letters and _, e.g. insufficient_data)"]),
        ValidationCase(name: "YAML syntax error", change: { try $0.edit("prisma.yaml", line: 17, "count: 2}", "count: 2") },
                       expected: ["data/prisma.yaml:18: YAML syntax error at column 7: did not find expected ',' or '}'"]),
        ValidationCase(name: "imputation not a method", change: { try $0.edit("review.yaml", line: 9, "mean", "median") },
                       expected: ["data/review.yaml:9: key 'imputation': 'median' is not one of mean, none"]),
        ValidationCase(name: "review without a title", change: { try $0.edit("review.yaml", line: 1, "title:", "tilte:") },
                       expected: ["data/review.yaml:1: key 'tilte': unknown key (expected one of title, authors, journal, year, doi, registration, databases, languages, provenance, imputation)",
                                  "data/review.yaml:1: key 'title': required key is missing"]),
        ValidationCase(name: "published field unknown", change: { try $0.edit("published.yaml", line: 4, "prisma.records_databases: 410", "prisma.records_databases: {total: 410}") },
                       expected: ["data/published.yaml:4: key 'prisma.records_databases.total': not a field of this figure (expected one of n, explained)"]),
        ValidationCase(name: "an explanation that is not text", change: { try $0.edit("published.yaml", line: 4, "prisma.records_databases: 410", "prisma.records_databases: {n: 411, explained: [a, b]}") },
                       expected: ["data/published.yaml:4: key 'prisma.records_databases.explained': expected text"]),
        ValidationCase(name: "published value not a number", change: { try $0.edit("published.yaml", line: 4, "410", "many") },
                       expected: ["data/published.yaml:4: key 'prisma.records_databases': 'many' is not a number (expected a number, with . as the decimal separator)"]),
    ]

    @Test(arguments: yamlRules)
    func yamlRule(_ rule: ValidationCase) throws {
        let actual = try errorsAfter(rule.change)
        #expect(actual == rule.expected)
    }

    @Test func everyErrorOfARunIsReportedSortedByFileAndLine() throws {
        let actual = try errorsAfter { fixture in
            try fixture.edit("treatments.csv", line: 3, "il_sts", "injection")
            try fixture.edit("patients.csv", line: 17, ",f,", ",female,")
            try fixture.edit("patients.csv", line: 2, ",44,", ",-4,")
            try fixture.edit("studies.csv", line: 2, ",article,", ",book,")
            try fixture.edit("prisma.yaml", line: 27, "40", "39")
            try fixture.remove("review.yaml")
        }
        #expect(actual == [
            "data/patients.csv:2: column 'age_years': '-4' is out of range (expected a number ≥ 0)",
            "data/patients.csv:17: column 'sex': 'female' is not one of f, m (empty when not reported)",
            "data/prisma.yaml:27: key 'included.studies': '39' differs from the 40 the flow gives (databases: 38 assessed − 5 excluded; other methods: 10 assessed − 3 excluded)",
            "data/prisma.yaml:27: key 'included.studies': '39' differs from the 40 rows of studies.csv",
            "data/review.yaml: file not found (expected review.yaml of the dataset format)",
            "data/studies.csv:2: column 'publication': 'book' is not one of article, conference_abstract",
            "data/treatments.csv:3: column 'modality': 'injection' is not one of top_sts, il_sts, laser, eswl",
        ])
    }

    @Test func missingFolderIsOneLine() {
        #expect(throws: DatasetErrors.self) { try loadDataset("/nonexistent/reviewsite") }
        do {
            _ = try loadDataset("/nonexistent/reviewsite")
        } catch {
            #expect(error.description == "/nonexistent/reviewsite: no such folder (expected the review's data folder, with codebook.yaml, review.yaml, prisma.yaml and its tables)\n1 error in the dataset.")
        }
    }
}
