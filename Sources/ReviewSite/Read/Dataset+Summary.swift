extension Dataset {
    /// `40 studies, 136 patients, 144 treatment steps, 26 adverse events`.
    public var summary: String {
        func count(_ n: Int, _ singular: String, _ plural: String) -> String { "\(n) \(n == 1 ? singular : plural)" }
        return [count(studies.count, "study", "studies"),
                count(patients.count, "patient", "patients"),
                count(treatments.count, "treatment step", "treatment steps"),
                count(adverseEvents.count, "adverse event", "adverse events")].joined(separator: ", ")
    }
}
