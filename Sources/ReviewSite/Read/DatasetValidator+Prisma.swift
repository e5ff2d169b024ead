/// PRISMA arithmetic: no derived box below zero, sources that add up, and
/// an included count that matches both the flow and studies.csv.
extension DatasetValidator {
    func checkPrisma(_ prisma: Prisma, _ lines: PrismaLines, studyCount: Int?) {
        let file = "prisma.yaml"
        let db = prisma.databases
        let other = prisma.otherMethods
        func negative(_ value: Int, _ box: String, _ key: String, _ line: Int?, _ sum: String) {
            guard value < 0 else { return }
            fail(file, line, key, "leaves \(value) \(box) (\(sum)); a count cannot be below zero")
        }
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
        if db.sought >= 0 && db.screened >= 0 {
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
        let flow = db.included + other.included
        if db.included >= 0 && other.included >= 0 && flow != prisma.includedStudies {
            fail(file, lines.includedStudies, "included.studies",
                 "'\(prisma.includedStudies)' differs from the \(flow) the flow gives (databases: \(db.assessed) assessed − \(db.excluded) excluded; other methods: \(other.assessed) assessed − \(other.excluded) excluded)")
        }
        if let studyCount, studyCount != prisma.includedStudies {
            fail(file, lines.includedStudies, "included.studies",
                 "'\(prisma.includedStudies)' differs from the \(studyCount) rows of studies.csv")
        }
    }
}
