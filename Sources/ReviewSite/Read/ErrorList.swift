/// An error that is reported in a list sorted by file, then by place.
public protocol ListedError: Comparable, Sendable, CustomStringConvertible {
    var file: String { get set }
}

/// The first `limit` errors in report order (stable: errors at the same
/// place keep the order they were added in) and a count per file of all
/// of them, so that millions of errors take bounded memory.
public struct ErrorList<Element: ListedError>: Sendable {
    public static var limit: Int { 1_000 }

    /// Kept errors with the order they were added in, trimmed now and then.
    private var kept: [(error: Element, order: Int)] = []
    private var added = 0
    /// Every error's file, counted: errors past the limit are only counted.
    private var counts: [String: Int] = [:]

    public init() {}

    public init(_ errors: [Element]) {
        for error in errors { add(error) }
    }

    public var count: Int { added }
    public var isEmpty: Bool { added == 0 }

    public mutating func add(_ error: Element) {
        kept.append((error, added))
        added += 1
        counts[error.file, default: 0] += 1
        // Trimming at twice the limit sorts each error about once.
        if kept.count >= 2 * Self.limit { trim() }
    }

    /// Counts errors of `file` that were never kept: they come after
    /// `limit` others of the same file, so none of them would be listed.
    public mutating func count(file: String, _ omitted: Int) {
        guard omitted > 0 else { return }
        counts[file, default: 0] += omitted
        added += omitted
    }

    /// Adds another list's errors and counts (e.g. of a file read meanwhile).
    public mutating func add(_ other: ErrorList) {
        for (error, _) in other.sortedKept() { add(error) }
        for (file, count) in other.counts {
            let uncounted = count - other.kept.lazy.filter { $0.error.file == file }.count
            counts[file, default: 0] += uncounted
            added += uncounted
        }
    }

    private mutating func trim() {
        kept = sortedKept()
        kept.removeLast(max(0, kept.count - Self.limit))
    }

    private func sortedKept() -> [(error: Element, order: Int)] {
        kept.sorted { $0.error < $1.error || (!($1.error < $0.error) && $0.order < $1.order) }
    }

    /// The first `limit` errors, sorted.
    public var errors: [Element] {
        sortedKept().prefix(Self.limit).map(\.error)
    }

    /// Per file, the errors not in `errors`, by file name.
    public var omitted: [(file: String, count: Int)] {
        var left = counts
        for error in errors { left[error.file]! -= 1 }
        return left.filter { $0.value > 0 }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// Every kept error changed by `change`, which must not change its file.
    public mutating func changeKept(_ change: (inout Element) -> Void) {
        for index in kept.indices { change(&kept[index].error) }
    }

    /// Every kept error and file count with its file renamed.
    public mutating func renameFiles(_ rename: (String) -> String) {
        for index in kept.indices { kept[index].error.file = rename(kept[index].error.file) }
        counts = Dictionary(counts.map { (rename($0.key), $0.value) }, uniquingKeysWith: +)
    }

    /// The report: the kept errors, one line for the others, the total.
    public func report(noun: String) -> String {
        var lines = errors.map(\.description)
        let omitted = omitted
        if !omitted.isEmpty {
            let more = omitted.reduce(0) { $0 + $1.count }
            let files = omitted.map { "\($0.file): \(grouped($0.count))" }.joined(separator: ", ")
            lines.append("and \(grouped(more)) more \(more == 1 ? "error" : "errors") (\(files))")
        }
        lines.append("\(added == 1 ? "1 error" : "\(grouped(added)) errors") in the \(noun).")
        return lines.joined(separator: "\n")
    }
}

/// `4000` as `4,000`.
func grouped(_ value: Int) -> String {
    var digits = String(value.magnitude)
    var index = digits.endIndex
    while digits.distance(from: digits.startIndex, to: index) > 3 {
        index = digits.index(index, offsetBy: -3)
        digits.insert(",", at: index)
    }
    return value < 0 ? "-" + digits : digits
}
