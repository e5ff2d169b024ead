extension Dataset {
    /// `40 studies, 136 patients, 144 treatment steps, 26 adverse events`.
    public var summary: String {
        func count(_ n: Int, _ singular: String, _ plural: String) -> String { "\(n) \(n == 1 ? singular : plural)" }
        func rows(_ table: String) -> Int { self.table(table)?.count ?? 0 }
        return [count(rows("studies"), "study", "studies"), count(rows("patients"), "patient", "patients"),
                count(rows("treatments"), "treatment step", "treatment steps"),
                count(rows("adverse_events"), "adverse event", "adverse events")].joined(separator: ", ")
    }

    /// Whether the dataset has a published.yaml: an unpublished review has nothing to compare.
    public var isPublished: Bool { files["published.yaml"] != nil }
}
