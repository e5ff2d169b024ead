extension Dataset {
    /// `40 studies, 136 patients, 144 treatment steps, 26 adverse events`.
    public var summary: String {
        func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
        return [count(studies.count, "study").replacingOccurrences(of: "studys", with: "studies"),
                count(patients.count, "patient"),
                count(treatments.count, "treatment step"),
                count(adverseEvents.count, "adverse event")].joined(separator: ", ")
    }
}
