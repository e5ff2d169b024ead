/// Cell texts shared by the tables, so a number reads the same everywhere.
enum Cells {
    static func number(_ value: Double?) -> String { value.map(formatNumber) ?? "–" }

    /// `44 (12–68)`, the median and range; `–` without values.
    static func medianRange(_ spread: Spread) -> String {
        guard let median = spread.median else { return "–" }
        return spread.min == spread.max ? formatNumber(median) : "\(formatNumber(median)) (\(rangeText(spread)))"
    }

    static func rangeText(_ spread: Spread) -> String {
        guard let min = spread.min, let max = spread.max else { return "–" }
        return min == max ? formatNumber(min) : "\(formatNumber(min))–\(formatNumber(max))"
    }

    /// `39/48 (81%)`.
    static func share(_ count: Int, of total: Int) -> String {
        "\(count)/\(total) (\(Statistics.percent(count, total).map { "\($0)%" } ?? "n/a"))"
    }

    /// A link to a figure of the catalogue page around `text`.
    static func figureLink(_ id: String, _ text: String) -> String {
        "<a href=\"figures.html#\(Escape.fragment(id))\">\(text)</a>"
    }

    /// A group's regimen of one modality: `**IL-STS**: 250 mg/ml; 250 mg; 4 sessions`
    /// (variants, concentrations, doses, sessions, …).
    static func regimen(_ regimen: Regimen, _ labels: CodeLabels, into out: inout some TableOutput) {
        var parts: [String] = []
        let variants = regimen.variants.map { "\($0.variant.map { labels[$0] } ?? "not reported") \($0.patients)" }
        if !variants.isEmpty { parts.append(variants.joined(separator: ", ")) }
        if !regimen.concentrations.isEmpty {
            parts.append(regimen.concentrations.map { formatNumber($0) + labels.concentrationUnit(regimen.modality) }.joined(separator: ", "))
        }
        if regimen.dose.n > 0 { parts.append("\(rangeText(regimen.dose)) mg") }
        if regimen.sessions.n > 0 { parts.append("\(rangeText(regimen.sessions)) session\(regimen.sessions.max == 1 ? "" : "s")") }
        if regimen.duration.n > 0 { parts.append("\(rangeText(regimen.duration)) months") }
        if regimen.shockWaves.n > 0 { parts.append("\(rangeText(regimen.shockWaves)) shock waves") }
        if regimen.energy.n > 0 { parts.append("\(rangeText(regimen.energy)) mJ/mm²") }
        let anaesthesia = regimen.anaesthesia.filter { $0 != .none }.map(\.rawValue)
        if !anaesthesia.isEmpty { parts.append("\(anaesthesia.joined(separator: " or ")) anaesthesia") }
        out.markup("<strong>")
        // Labels come from the codebook: data, escaped.
        out.text(labels.short(regimen.modality))
        out.markup("</strong>")
        out.raw(": ")
        out.text(parts.joined(separator: "; "))
    }

}
