/// Rows given column by column, as DataTable holds them, for a bulk INSERT
/// that binds a batch one column at a time: a column's kind is looked at
/// once per batch, not once per cell.
struct ColumnRows: Sendable {
    enum Column: Sendable {
        case text([String?])
        case integers(OptionalColumn<Int>)
        case numbers(OptionalColumn<Double>)
        /// An index into `names` per row, -1 for NULL.
        case codes([Int32], names: [String?])
    }

    var columns: [Column]
    var count: Int

    /// A validated table's columns other than code lists.
    init(_ table: DataTable) {
        columns = table.columns.indices.compactMap { column in
            switch table.values[column] {
            case .text(let values): .text(values)
            case .integers(let values): .integers(values)
            case .numbers(let values): .numbers(values)
            case .codes(let values): .codes(values, names: table.codes[column])
            case .codeLists: nil
            }
        }
        count = table.count
    }

    init(columns: [Column], count: Int) {
        self.columns = columns
        self.count = count
    }
}

/// Each distinct text once, for a column whose few values repeat over many
/// rows (a patient's treatments): four bytes a row instead of a String.
final class TextCodes {
    private var numbers: [String: Int32] = [:]
    private(set) var names: [String?] = []
    private(set) var rows: [Int32] = []

    init(capacity: Int) {
        rows.reserveCapacity(capacity)
    }

    func append(_ text: String?) {
        guard let text else { return rows.append(-1) }
        if let number = numbers[text] { return rows.append(number) }
        let number = Int32(names.count)
        numbers[text] = number
        names.append(text)
        rows.append(number)
    }

    var column: ColumnRows.Column { .codes(rows, names: names) }
}

extension ReviewDatabase {
    /// Inserts the rows in order, many per statement, the last few one by
    /// one; the number of rows.
    static func insert(_ database: Database, _ table: String, _ rows: ColumnRows) throws(DatabaseError) -> Int {
        let width = rows.columns.count, perBatch = max(1, 600 / max(1, width))
        var statements: [Int: Statement] = [:]
        var bytes: [UInt8] = [], texts: [(index: Int32, start: Int, end: Int)] = []
        var start = 0
        while start < rows.count {
            // The last rows one by one: a statement of their own count would cost more to prepare.
            let size = rows.count - start >= perBatch ? perBatch : 1
            let statement: Statement
            if let prepared = statements[size] {
                statement = prepared
            } else {
                statement = try ReviewDatabase.insertStatement(database, table, columns: width, rows: size)
                statements[size] = statement
            }
            let end = start + size
            func text(_ value: String?, _ index: Int32) {
                guard let value else { return statement.bind(.null, at: index) }
                let first = bytes.count
                bytes.append(contentsOf: value.utf8)
                texts.append((index, first, bytes.count))
            }
            for (offset, column) in rows.columns.enumerated() {
                var index = Int32(offset + 1)
                switch column {
                case .text(let values):
                    for row in start..<end { text(values[row], index); index += Int32(width) }
                case .integers(let values):
                    for row in start..<end { statement.bind(values[row].map { .integer(Int64($0)) } ?? .null, at: index); index += Int32(width) }
                case .numbers(let values):
                    for row in start..<end { statement.bind(values[row].map { .real($0) } ?? .null, at: index); index += Int32(width) }
                case .codes(let values, let names):
                    for row in start..<end { text(values[row] < 0 ? nil : names[Int(values[row])], index); index += Int32(width) }
                }
            }
            let result: Result<Void, DatabaseError> = bytes.withUnsafeBufferPointer { buffer in
                for text in texts { statement.bindUncopied(UnsafeBufferPointer(rebasing: buffer[text.start..<text.end]), at: text.index) }
                do throws(DatabaseError) {
                    _ = try statement.step()
                    return .success(())
                } catch {
                    return .failure(error)
                }
            }
            statement.rewind()
            try result.get()
            bytes.removeAll(keepingCapacity: true)
            texts.removeAll(keepingCapacity: true)
            start = end
        }
        return rows.count
    }
}
