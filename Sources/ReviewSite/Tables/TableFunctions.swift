/// The SQL functions tables of this kind need (docs/tables.md), over the
/// codebook's labels: a declared table cell is one SQL expression, and
/// `reviewsite sql` can try each out. Code lists are named as in the
/// codebook's `codes:`; every text they return is data, escaped on output.
struct TableFunctions: Sendable {
    let codebook: Codebook

    /// Code lists by name, indexed once.
    private let lists: CodeListIndex
    /// Each column's unit and units per code by 'table.column', for unit():
    /// it is called once per row, so not a copy of the whole column each time.
    private let units: [String: (byCode: [String: String], unit: String?)]

    init(codebook: Codebook) {
        self.codebook = codebook
        lists = CodeListIndex(codebook)
        var units: [String: (byCode: [String: String], unit: String?)] = [:]
        for table in codebook.tables {
            for column in table.allColumns where units["\(table.name).\(column.name)"] == nil { units["\(table.name).\(column.name)"] = (column.units, column.unit) }
        }
        self.units = units
    }

    private func label(_ list: DatabaseValue, _ code: String, short: Bool = false) -> String {
        lists[list]?.label(code, short: short) ?? code
    }

    /// Codes of `list` in codebook order, then the codes it does not hold in byte order.
    private func ordered(_ codes: some Sequence<String>, _ list: DatabaseValue) -> [String] {
        Self.inListOrder(Self.distinct(codes), code: { $0 }, lists[list])
    }

    /// Items by their codes: those of the list in codebook order, then the
    /// others in byte order.
    private static func inListOrder<Item>(_ items: [Item], code: (Item) -> String, _ list: CodeListIndex.Entry?) -> [Item] {
        let place = list?.place ?? [:]
        var placed = items.map { (place: place[code($0)] ?? Int.max, item: $0) }
        placed.stableSort { a, b in a.place != b.place ? a.place < b.place : ByteOrder.precedes(code(a.item), code(b.item)) }
        return placed.map(\.item)
    }

    /// The distinct values, in no order: a group's few codes are compared
    /// one by one, which is much cheaper than hashing them; many use a set.
    private static func distinct(_ values: some Sequence<String>) -> [String] {
        var found: [String] = [], set: Set<String>? = nil
        for value in values {
            if set == nil {
                if found.contains(value) { continue }
                found.append(value)
                if found.count > 32 { set = Set(found) }
            } else if set!.insert(value).inserted {
                found.append(value)
            }
        }
        return found
    }

    var all: [SQLFunction] {
        [
            labelFunction("label", short: false),
            labelFunction("short_label", short: true),
            .scalar("code_order", 2) { [self] arguments in
                .integer(Int64(arguments[1].text.flatMap { lists[arguments[0]]?.place[$0] } ?? Int(Int32.max)))
            },
            .scalar("unit", 2) { [units] arguments in
                // unit('treatments.concentration', code of the column it depends on)
                guard let column = arguments[0].text.flatMap({ units[$0] }) else { return .null }
                return (arguments[1].text.flatMap { column.byCode[$0] } ?? column.unit).map { .text($0) } ?? .null
            },
            .scalar("share", 2) { arguments in
                guard let n = arguments[0].integer, let total = arguments[1].integer, let percent = Self.percent(n, total) else { return .null }
                return .text("\(n)/\(total) (\(percent.map { "\($0)%" } ?? "n/a"))")
            },
            labelsFunction("labels", short: false),
            labelsFunction("short_labels", short: true),
            .scalar("format_number", 1) { arguments in arguments[0].number.flatMap { $0.isFinite ? .text(formatNumber($0)) : nil } ?? .null },
            .scalar("percent", 2) { arguments in
                guard let n = arguments[0].integer, let total = arguments[1].integer, let p = Self.percent(n, total) ?? nil else { return .null }
                return .integer(Int64(p))
            },
            .scalar("join_parts", -1) { arguments throws(SQLFunction.Failure) in
                let parts = arguments.dropFirst().compactMap(\.text).filter { !$0.isEmpty }
                return parts.isEmpty ? .null : .text(try Self.joined(parts, arguments.first?.text ?? ", ", "join_parts"))
            },
            .aggregate("median_range", 1) { rows in
                guard let values = Self.finite(rows)?.sorted() else { return .null }
                guard let median = Statistics.median(sorted: values) else { return .text("–") }
                let range = values.first! == values.last! ? "" : " (\(formatNumber(values.first!))–\(formatNumber(values.last!)))"
                return .text(formatNumber(median) + range)
            },
            .aggregate("median", 1) { rows in
                // The mean of two middle values may overflow: no number then.
                Self.finite(rows).flatMap { Statistics.median($0) }.flatMap { $0.isFinite ? DatabaseValue.real($0) : nil } ?? .null
            },
            .aggregate("range_text", 1) { rows in
                guard let values = Self.finite(rows), let low = values.min(), let high = values.max() else { return .null }
                return .text(low == high ? formatNumber(low) : "\(formatNumber(low))–\(formatNumber(high))")
            },
            .aggregate("numbers", 2) { rows throws(SQLFunction.Failure) in
                guard let values = Self.finite(rows).map({ Set($0).sorted() }) else { return .null }
                // `3%`, but `150 mg/ml`.
                let unit = rows.first?[1].text.map { $0 == "%" ? $0 : " " + $0 } ?? ""
                return values.isEmpty ? .null : .text(try Self.joined(values.map { formatNumber($0) + unit }, ", ", "numbers"))
            },
            .aggregate("tally", 4) { [self] rows in tally(rows) },
            .aggregate("tally_by_count", 3) { [self] rows in tallyByCount(rows) },
            .aggregate("counts", 2) { [self] rows in
                guard let first = rows.first, rows.contains(where: { $0[1].text != nil }) else { return .null }
                let codes = lists[first[0]]?.names ?? []
                var counts: [String: Int] = [:]
                for row in rows { if let code = row[1].text { counts[code, default: 0] += 1 } }
                return .text(codes.map { "\(label(first[0], $0)) \(counts[$0] ?? 0)" }.joined(separator: ", "))
            },
            .aggregate("shares", 2) { [self] rows in
                guard let first = rows.first else { return .null }
                var counts: [String: Int] = [:]
                for row in rows { if let code = row[1].text { counts[code, default: 0] += 1 } }
                return .text((lists[first[0]]?.names ?? []).map { code in
                    "\(label(first[0], code)) \(counts[code] ?? 0) (\(Statistics.percent(counts[code] ?? 0, rows.count).map { "\($0)%" } ?? "n/a"))"
                }.joined(separator: "\n"))
            },
            .aggregate("tally_lists", 2) { [self] rows in
                guard let first = rows.first else { return .null }
                var counts: [String: Int] = [:]
                for row in rows { for code in Set((row[1].text ?? "").split(separator: ";").map(String.init)) { counts[code, default: 0] += 1 } }
                let codes = ordered(counts.keys, first[0])
                return codes.isEmpty ? .null : .text(codes.map { "\(label(first[0], $0)) \(counts[$0]!)" }.joined(separator: ", "))
            },
            .aggregate("join_codes", 3) { [self] rows throws(SQLFunction.Failure) in
                guard let first = rows.first else { return .null }
                let codes = ordered(rows.compactMap { $0[1].text }, first[0])
                return codes.isEmpty ? .null : .text(try Self.joined(codes.map { label(first[0], $0) }, first[2].text ?? ", ", "join_codes"))
            },
        ]
    }

    /// `round(100 n / total)` (Statistics.percent) when `200 n + total`
    /// fits: nil (no value) when it does not; .some(nil) for no total.
    static func percent(_ n: Int, _ total: Int) -> Int?? {
        guard total > 0 else { return .some(nil) }
        let (twice, overflow) = n.multipliedReportingOverflow(by: 200)
        guard !overflow, !twice.addingReportingOverflow(total).overflow, !total.multipliedReportingOverflow(by: 2).overflow else { return nil }
        return Statistics.percent(n, total)
    }

    /// The numbers of an aggregate's first argument; nil when one is not
    /// finite (an infinity has no place in a table: the cell is empty).
    static func finite(_ rows: AggregateRows) -> [Double]? {
        var values: [Double] = []
        for row in rows {
            guard let value = row[0].number else { continue }
            guard value.isFinite else { return nil }
            values.append(value)
        }
        return values
    }

    /// The parts with the separator between them, unless that would be
    /// longer than SQLite takes for one value: its length is known before
    /// it is made (a long separator between many codes would be gigabytes).
    static func joined(_ parts: [String], _ separator: String, _ function: String) throws(SQLFunction.Failure) -> String {
        var length = separator.utf8.count.multipliedReportingOverflow(by: max(parts.count - 1, 0))
        for part in parts where !length.overflow { length = length.partialValue.addingReportingOverflow(part.utf8.count) }
        guard !length.overflow, length.partialValue <= QueryLimits.valueBytes else {
            throw SQLFunction.Failure(message: "\(function)(): the text would be longer than \(QueryLimits.valueBytes >> 20) MiB (a long separator between many codes?)")
        }
        return parts.joined(separator: separator)
    }

    /// `label(list, code)`: a code's label, or its short label.
    private func labelFunction(_ name: String, short: Bool) -> SQLFunction {
        .scalar(name, 2) { [self] arguments in arguments[1].text.map { .text(label(arguments[0], $0, short: short)) } ?? .null }
    }

    /// `labels(list, codes, separator)`: each code of a `;`-list by its label (or short label).
    private func labelsFunction(_ name: String, short: Bool) -> SQLFunction {
        .scalar(name, 3) { [self] arguments throws(SQLFunction.Failure) in
            guard let codes = arguments[1].text else { return .null }
            return .text(try Self.joined(codes.split(separator: ";").map { label(arguments[0], String($0), short: short) }, arguments[2].text ?? ", ", name))
        }
    }

    /// `tally(list, code, key, parent)`: each code's label and the number of
    /// distinct keys with it, in codebook order, not reported last. NULL
    /// when no code is reported, unless `parent` has codes in the list
    /// (a list `within` another): then its rows without one are counted.
    private func tally(_ rows: AggregateRows) -> DatabaseValue {
        guard let first = rows.first else { return .null }
        let list = lists[first[0]]
        let parent = rows.lazy.compactMap { $0[3].text }.first
        let expected = parent.map { parent in list?.list.codes.contains { $0.of == parent } ?? false } ?? false
        guard expected || rows.contains(where: { $0[1].text != nil }) else { return .null }
        var text = ""
        for (code, keys) in reportedFirst(keysByCode(rows, key: 2), list) {
            if !text.isEmpty { text += ", " }
            text += code.isEmpty ? "not reported" : list?.label(code) ?? code
            text += " " + String(keys)
        }
        return .text(text)
    }

    /// `tally_by_count(list, code, key)`: the labels, most frequent first
    /// (ties in codebook order), not reported last; each with its number of
    /// distinct keys when the group has more than one key. NULL for no code.
    private func tallyByCount(_ rows: AggregateRows) -> DatabaseValue {
        guard let first = rows.first, rows.contains(where: { $0[1].text != nil }) else { return .null }
        let list = lists[first[0]]
        let ranked = reportedFirst(keysByCode(rows, key: 2), list)
        // A NULL key is a key of its own.
        let counted = rows.count > 1 && (first[2].text == nil || rows.contains { $0[2].text != first[2].text })
        let reported = ranked.last?.code.isEmpty == true ? ranked.count - 1 : ranked.count
        // Most keys first, ties in the codebook's order; none stays last.
        var codes = ranked
        codes[..<reported].stableSort { $0.keys > $1.keys }
        var text = ""
        for (code, keys) in codes {
            if !text.isEmpty { text += ", " }
            text += code.isEmpty ? "not reported" : list?.label(code) ?? code
            if counted { text += " " + String(keys) }
        }
        return .text(text)
    }

    /// The counts in codebook order of their codes, none ("") last.
    private func reportedFirst(_ counts: [(code: String, keys: Int)], _ list: CodeListIndex.Entry?) -> [(code: String, keys: Int)] {
        Self.inListOrder(counts.filter { !$0.code.isEmpty }, code: \.code, list) + counts.filter(\.code.isEmpty)
    }

    /// The number of distinct keys (argument `key`) of each code ("" for
    /// none), codes in byte order: the (code, key) pairs sorted, then counted
    /// run by run. A group has a few codes, so a list, not a dictionary.
    private func keysByCode(_ rows: AggregateRows, key: Int) -> [(code: String, keys: Int)] {
        var pairs: [(code: String, key: String)] = []
        pairs.reserveCapacity(rows.count)
        for (index, row) in rows.enumerated() {
            pairs.append((row[1].text ?? "", row[key].text ?? row[key].integer.map(String.init) ?? String(index)))
        }
        pairs.stableSort { a, b in a.code != b.code ? ByteOrder.precedes(a.code, b.code) : ByteOrder.precedes(a.key, b.key) }
        var counts: [(code: String, keys: Int)] = []
        for (index, pair) in pairs.enumerated() where index == 0 || pair != pairs[index - 1] {
            if counts.last?.code == pair.code { counts[counts.count - 1].keys += 1 } else { counts.append((pair.code, 1)) }
        }
        return counts
    }

}

extension DatabaseValue {
    var text: String? {
        if case .text(let text) = self { return text }
        return nil
    }

    /// A whole number; nil for a real that is not one or lies past Int's range (1e300, inf).
    var integer: Int? {
        switch self {
        case .integer(let value): Int(value)
        case .real(let value): Int(exactly: value)
        default: nil
        }
    }

    var number: Double? {
        switch self {
        case .integer(let value): Double(value)
        case .real(let value): value
        default: nil
        }
    }
}

extension MutableCollection where Self: RandomAccessCollection {
    /// Sorted in place with equal items in their order. A group's few items
    /// are sorted by insertion, which needs no buffer; many by Swift's sort,
    /// which is stable too.
    mutating func stableSort(by precedes: (Element, Element) -> Bool) {
        guard count > 16 else {
            var sorted = startIndex
            while sorted != endIndex {
                let item = self[sorted]
                var place = sorted
                while place != startIndex, precedes(item, self[index(before: place)]) {
                    self[place] = self[index(before: place)]
                    formIndex(before: &place)
                }
                self[place] = item
                formIndex(after: &sorted)
            }
            return
        }
        sort(by: precedes)
    }
}
