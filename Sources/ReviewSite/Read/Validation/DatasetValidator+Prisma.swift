/// PRISMA arithmetic: no derived box below zero, sources that add up, and
/// an included count that matches both the flow and the studies table.
extension DatasetValidator {
    /// `studyCount` is the rows of the studies table, named `studies` in a
    /// message (`source`); nil when the codebook could not be read.
    func checkPrisma(_ prisma: Prisma, _ lines: PrismaLines, studyCount: Int?, in studies: String) {
        let file = "prisma.yaml"
        let db = prisma.databases
        let other = prisma.otherMethods
        func negative(_ value: Int, _ box: String, _ key: String, _ line: Int?, _ sum: String) {
            guard value < 0 else { return }
            fail(file, line, key, "leaves \(value) \(box) (\(sum)); a count cannot be below zero")
        }
        guard sumsFit(prisma, lines) else { return }
        if !db.bySource.isEmpty {
            let total = db.bySource.reduce(0) { $0 + $1.records }
            if total != db.recordsIdentified {
                fail(file, lines.databases["by_source"], "databases.by_source",
                     "the sources add up to \(total), but records_identified is \(db.recordsIdentified)")
            }
        }
        negative(db.screened, "records screened", "databases.removed_duplicates", lines.databases["removed_duplicates"],
                 "identified \(db.recordsIdentified) + registers \(db.registersRecords) − removed \(db.removedBeforeScreening)")
        if db.screened >= 0 {
            negative(db.sought, "reports sought for retrieval", "databases.records_excluded", lines.databases["records_excluded"],
                     "screened \(db.screened) − excluded \(db.recordsExcluded)")
        }
        // screened first: below zero, the differences after it could overflow.
        if db.screened >= 0 && db.sought >= 0 {
            negative(db.assessed, "reports assessed for eligibility", "databases.reports_not_retrieved", lines.databases["reports_not_retrieved"],
                     "sought \(db.sought) − not retrieved \(db.reportsNotRetrieved)")
            if db.assessed >= 0 {
                negative(db.included, "reports included", "databases.reports_excluded", lines.databases["reports_excluded"],
                         "assessed \(db.assessed) − excluded \(db.excluded)")
            }
        }
        negative(other.assessed, "reports assessed for eligibility", "other_methods.reports_not_retrieved", lines.otherMethods["reports_not_retrieved"],
                 "identified \(other.recordsIdentified) − not retrieved \(other.reportsNotRetrieved)")
        if other.assessed >= 0 {
            negative(other.included, "reports included", "other_methods.reports_excluded", lines.otherMethods["reports_excluded"],
                     "assessed \(other.assessed) − excluded \(other.excluded)")
        }
        let boxesFit = db.screened >= 0 && db.sought >= 0 && db.assessed >= 0 && other.assessed >= 0
        if boxesFit && db.included >= 0 && other.included >= 0, case let flow = db.included + other.included, flow != prisma.includedStudies {
            fail(file, lines.includedStudies, "included.studies",
                 "'\(prisma.includedStudies)' differs from the \(flow) the flow gives (databases: \(db.assessed) assessed − \(db.excluded) excluded; other methods: \(other.assessed) assessed − \(other.excluded) excluded)")
        }
        if let studyCount, studyCount != prisma.includedStudies {
            fail(file, lines.includedStudies, "included.studies",
                 "'\(prisma.includedStudies)' differs from the \(studyCount) rows of \(studies)")
        }
    }

    /// Every sum the flow takes, checked: with one past Int.max the
    /// arithmetic above and the diagram's boxes would trap. Counts are
    /// never negative, so the differences cannot overflow once these fit.
    private func sumsFit(_ prisma: Prisma, _ lines: PrismaLines) -> Bool {
        let db = prisma.databases, other = prisma.otherMethods
        var fits = true
        func check(_ values: [Int], _ key: String, _ line: Int?, _ what: String) -> Int {
            var total = 0
            for value in values {
                let (sum, overflow) = total.addingReportingOverflow(value)
                if overflow {
                    fail("prisma.yaml", line, key, "\(what) is too large (more than \(grouped(Int.max)))")
                    fits = false
                    return 0
                }
                total = sum
            }
            return total
        }
        _ = check(db.bySource.map(\.records), "databases.by_source", lines.databases["by_source"], "the sum of the sources' records")
        _ = check([db.recordsIdentified, db.registersRecords], "databases.registers_records", lines.databases["registers_records"],
                  "records_identified + registers_records")
        _ = check([db.removedDuplicates, db.removedAutomation, db.removedOther], "databases.removed_duplicates",
                  lines.databases["removed_duplicates"], "the sum of the records removed before screening")
        let dbExcluded = check(db.reportsExcluded.map(\.count), "databases.reports_excluded", lines.databases["reports_excluded"],
                               "the sum of the reports excluded")
        let otherExcluded = check(other.reportsExcluded.map(\.count), "other_methods.reports_excluded",
                                  lines.otherMethods["reports_excluded"], "the sum of the reports excluded")
        _ = check([dbExcluded, otherExcluded], "other_methods.reports_excluded", lines.otherMethods["reports_excluded"],
                  "the reports excluded of both columns together")
        guard fits else { return false }
        // Each column's included count is at most its identified records.
        _ = check([db.recordsIdentified + db.registersRecords, other.recordsIdentified], "included.studies", lines.includedStudies,
                  "the records identified of both columns together")
        return fits
    }
}
