extension Dataset {
    /// `40 studies, 136 patients, 144 treatment steps, 26 adverse events`:
    /// the tables of the roles, then the review's own, by their words.
    public var summary: String {
        let roles: [Codebook.Role] = [.study, .patient, .step, .event]
        let shown = roles.compactMap(codebook.table(for:)) + codebook.tables.filter { $0.role == nil }
        return shown.map { table in
            let n = self.table(table.name)?.count ?? 0
            let words = codebook.firstForm ? Codebook.firstFormTable(table.name)?.counted : nil
            return "\(n) \(n == 1 ? words?.one ?? table.nounOne : words?.many ?? table.nounMany)"
        }.joined(separator: ", ")
    }

    /// Whether the dataset has a published.yaml: an unpublished review has nothing to compare.
    public var isPublished: Bool { files["published.yaml"] != nil }
}
