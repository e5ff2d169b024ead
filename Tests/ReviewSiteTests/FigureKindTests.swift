import Testing
@testable import ReviewSite

@Suite("Figure kinds on hand-computed datasets")
struct FigureKindTests {
    @Test(arguments: [(1, 8, 13), (1, 200, 1), (2, 3, 67), (1, 3, 33), (39, 48, 81), (0, 5, 0), (5, 5, 100)])
    func percentRoundsHalfUp(_ numerator: Int, _ denominator: Int, _ percent: Int) {
        #expect(Statistics.percent(numerator, denominator) == percent)
    }

    @Test func zeroDenominatorHasNoPercent() {
        #expect(Statistics.percent(0, 0) == nil)
        let figure = Build.figure("outcome.eswl.response", Build.dataset(patients: [Build.patient("P1")], steps: [Build.step("P1", 1, .laser)]))
        #expect(figure.values["percent"] == .some(nil))
        #expect(figure["denominator"] == 0)
        #expect(figure.display == "n/a (0/0)")
        #expect(FiguresJSON.render([figure]).contains("\"percent\": null"))
    }

    @Test(arguments: [([3.0], 3.0), ([1.0, 5, 3], 3.0), ([4.0, 1, 3, 2], 2.5), ([2.0, 2, 2, 9], 2.0), ([0.0, 9, 3, 3, 1, 7], 3.0)] as [([Double], Double)])
    func medianOfOddEvenAndTies(_ values: [Double], _ median: Double) {
        #expect(Statistics.median(values) == median)
    }

    @Test(arguments: [(0.25, 0.3), (0.15, 0.2), (4.85, 4.9), (4.84, 4.8), (4.9166, 4.9), (2.05, 2.1), (1.0, 1.0)])
    func roundToTenthHalfUp(_ value: Double, _ rounded: Double) {
        #expect(Statistics.roundToTenth(value) == rounded)
    }

    @Test func medianRangeOfVASReductionWithEvenCount() {
        let patients = [Build.patient("A", vas: (8, 2)), Build.patient("B", vas: (5, 4)), Build.patient("C", vas: (9, 0)),
                        Build.patient("D", vas: (6, 3)), Build.patient("E")]
        let steps = patients.map { Build.step($0.id, 1, .eswl) }
        let figure = Build.figure("pain.eswl.vas_reduction", Build.dataset(patients: patients, steps: steps))
        #expect(figure.values == ["median": 4.5, "min": 1, "max": 9, "n": 4])
        #expect(figure.rows == ["A", "B", "C", "D"])
        #expect(figure.display == "4.5 (range 1–9)")
    }

    @Test func meanWithImputedValues() {
        // Durations 2, 3 and 7 months; the fourth patient's is missing, the
        // fifth misses one of its two steps: both count as missing.
        let patients = ["A", "B", "C", "D", "E"].map { Build.patient($0) }
        let steps = [Build.step("A", 1, .topSTS, duration: 2), Build.step("B", 1, .topSTS, duration: 1),
                     Build.step("B", 2, .topSTS, duration: 2), Build.step("C", 1, .topSTS, duration: 7),
                     Build.step("D", 1, .topSTS), Build.step("E", 1, .topSTS, duration: 4), Build.step("E", 2, .topSTS)]
        let mean = Build.figure("top_sts.duration_months", Build.dataset(patients: patients, steps: steps, imputation: .mean))
        #expect(mean.values == ["mean": 4, "min": 2, "max": 7, "n": 5, "imputed": 2])
        #expect(mean.rows == ["A", "B", "C", "D", "E"])
        let plain = Build.figure("top_sts.duration_months", Build.dataset(patients: patients, steps: steps, imputation: .none))
        #expect(plain.values == ["mean": 4, "min": 2, "max": 7, "n": 3, "imputed": 0])
        #expect(plain.rows == ["A", "B", "C"])
    }

    @Test func meanRoundsHalfUpToOneDecimal() {
        let patients = ["A", "B"].map { Build.patient($0) }
        let steps = [Build.step("A", 1, .topSTS, duration: 2.1), Build.step("B", 1, .topSTS, duration: 2.2)]
        let figure = Build.figure("top_sts.duration_months", Build.dataset(patients: patients, steps: steps))
        #expect(figure["mean"] == 2.2)
    }

    @Test func combinedPatientIsLeftOutOfMonotherapyDenominators() {
        let patients = [Build.patient("A", response: .complete), Build.patient("B", response: .none),
                        Build.patient("C", response: .partial), Build.patient("D", response: .unknown)]
        let steps = [Build.step("A", 1, .ilSTS), Build.step("B", 1, .ilSTS), Build.step("D", 1, .ilSTS),
                     Build.step("C", 1, .eswl), Build.step("C", 2, .ilSTS)]
        let dataset = Build.dataset(patients: patients, steps: steps)
        let response = Build.figure("outcome.il_sts.response", dataset)
        // D (unknown response) stays in the denominator; C (combined) does not.
        #expect(response.values == ["numerator": 1, "denominator": 3, "percent": 33])
        #expect(response.rows == ["A", "B", "D"])
        #expect(response.numeratorRows == ["A"])
        #expect(Build.figure("combined.patients", dataset)["n"] == 1)
        #expect(Build.figure("outcome.combined.partial", dataset).values == ["numerator": 1, "denominator": 1, "percent": 100])
    }

    @Test func picosecondPlusCO2IsLeftOutOfTheCO2Subgroup() {
        let patients = ["A", "B", "C"].map { Build.patient($0) }
        let steps = [Build.step("A", 1, .laser, variant: .co2), Build.step("B", 1, .laser, variant: .picosecond),
                     Build.step("B", 2, .laser, variant: .co2), Build.step("C", 1, .laser, variant: .co2)]
        let events = [Build.event("B", .infection), Build.event("A", .scarring), Build.event("A", .hyperkeratosis)]
        let dataset = Build.dataset(patients: patients, steps: steps, events: events)
        #expect(Build.figure("adverse.co2.infection", dataset).values == ["numerator": 0, "denominator": 2, "percent": 0])
        #expect(Build.figure("adverse.co2.infection", dataset).rows == ["A", "C"])
        #expect(Build.figure("adverse.other_laser.infection", dataset)["n"] == 1)
        // A patient counts once per event type, however many rows.
        #expect(Build.figure("adverse.co2.scarring_hyperkeratosis", dataset).values == ["numerator": 1, "denominator": 2, "percent": 50])
        #expect(Build.figure("outcome.laser.response", dataset)["denominator"] == 3)
    }

    @Test func stepCountsCountStepsAndRowsArePatients() {
        let patients = ["A", "B"].map { Build.patient($0) }
        let steps = [Build.step("A", 1, .topSTS, variant: .gel, concentration: 10), Build.step("A", 2, .topSTS, variant: .gel, concentration: 10),
                     Build.step("B", 1, .topSTS, variant: .zincOxide, concentration: 25)]
        let dataset = Build.dataset(patients: patients, steps: steps)
        #expect(Build.figure("top_sts.concentration.10", dataset)["n"] == 2)
        #expect(Build.figure("top_sts.concentration.10", dataset).rows == ["A"])
        #expect(Build.figure("top_sts.vehicle.gel", dataset)["n"] == 1)
    }

    @Test func emptyRangeHasNullValuesAndNZero() {
        let figure = Build.figure("lesion.eswl_max_cm", Build.dataset(patients: [Build.patient("A")], steps: [Build.step("A", 1, .eswl)]))
        let expected: [String: Double?] = ["min": nil, "max": nil, "n": 0]
        #expect(figure.values == expected)
        #expect(FiguresJSON.render([figure]).contains("\"max\": null"))
    }

    @Test func rowsSortInByteOrder() {
        let patients = ["R4-01", "R10-01", "R10-02"].map { Build.patient($0) }
        let steps = patients.map { Build.step($0.id, 1, .laser) }
        #expect(Build.figure("patients.total", Build.dataset(patients: patients, steps: steps)).rows == ["R10-01", "R10-02", "R4-01"])
    }

    @Test(arguments: [
        ([Answer.yes, .yes, .yes, .no], "moderate"),              // exactly 75 %: not above
        ([.yes, .yes, .yes, .yes, .no], "low"),                              // 80 %
        ([.yes, .no, .no, .unclear], "high"),                                // 25 %
        ([.yes, .no], "moderate"),                                           // exactly 50 %: not below
        ([.yes, .yes, .yes, .no, .notApplicable, .notApplicable], "moderate"),
        ([.yes, .yes, .yes, .notApplicable], "low"),                         // 3 of 3 applicable
        ([.notApplicable, .notApplicable], "high"),                          // none applicable
    ])
    func overallRiskOfBias(_ answers: [Answer], _ level: String) throws {
        let rows = answers.enumerated().map { RiskOfBiasAnswer(studyID: "S1", question: $0.offset + 1, answer: $0.element) }
        let dataset = Build.dataset(patients: [], steps: [], answers: rows)
        let database = try ReviewDatabase(tables: dataset.tables, codebook: dataset.codebook, prisma: dataset.prisma).database
        #expect(try database.rows("SELECT risk_of_bias FROM study_appraisal").rows == [[.text(level)]])
        // The rob.* figures count it.
        #expect(Build.figure("rob.\(level)", dataset)["n"] == 1)
    }
}
