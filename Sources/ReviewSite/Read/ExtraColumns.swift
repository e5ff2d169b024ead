/// The extra columns a codebook declares for a table (extracted by the
/// team, used by no figure), ready to show: a heading per column and each
/// row's cell as escaped HTML, in the order the page lists the rows.
public struct ExtraColumns: Sendable {
    /// Each column's codebook label, escaped.
    public var headings: [String] = []
    /// `cells[column][row]`: the value as text readers see (code labels,
    /// lists joined by commas), escaped; nil when not reported.
    public var cells: [[String?]] = []

    public init() {}

    /// `order[i]` is the row of `table` that the page shows i-th.
    init(_ table: DataTable?, codebook: Codebook, order: [Int]) {
        guard let table else { return }
        for (index, column) in table.columns.enumerated() where column.isExtra {
            headings.append(Escape.html(column.label))
            let labels = Self.labels(column, codes: table.codes[index], codebook: codebook)
            let text: (Int) -> String? = switch table.values[index] {
            case .text(let values): { values[$0] }
            case .integers(let values): { values[$0].map(String.init) }
            case .numbers(let values): { values[$0].map(formatNumber) }
            case .codes(let values): { values[$0] < 0 ? nil : labels[Int(values[$0])] }
            case .codeLists(let values): { values[$0].isEmpty ? nil : values[$0].map { labels[Int($0)] }.joined(separator: ", ") }
            }
            cells.append(order.map { text($0).map(Escape.html) })
        }
    }

    /// The label of each code a column takes, in the order of `codes`.
    private static func labels(_ column: Codebook.Column, codes: [String], codebook: Codebook) -> [String] {
        let declared: [Codebook.Code] = switch column.type {
        case .code, .codeList: codebook.codes(of: column)?.codes ?? []
        case .checklist: codebook.appraisal.checklists.map { Codebook.Code(code: $0.code, label: $0.label) }
        case .answer: codebook.appraisal.checklists.flatMap(\.answers)
        case .level: codebook.appraisal.levels
        default: []
        }
        return codes.map { code in declared.first { $0.code == code }?.label ?? code }
    }
}
