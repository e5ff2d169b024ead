import Foundation

/// A CSV file of both sides compared row by row by key, in the head's file
/// order: rows only on one side, and every changed cell. Rows whose cells
/// are the same bytes are passed over without making any String.
struct RawTable {
    let file: String
    let owner: String?
    var added: [String] = []
    var removed: [String] = []
    var cells: [CellChange] = []
    /// The owner (study or patient) of each added or removed row.
    var owners: [String: String] = [:]

    init(file: String, sheet: String, base: String, head: String, owner: String? = nil, key: [KeyPart]) {
        self.file = file
        self.owner = owner
        // The same bytes on both sides (a release's tables mostly are the
        // next one's): every row matches itself, nothing to report.
        var status = stat()
        if lstat("\(head)/\(file)", &status) == 0 && ReleasedData.sameFile("\(base)/\(file)", "\(head)/\(file)") { return }
        let old = KeyedRows(folder: base, file: file, sheet: sheet, key: key)
        let new = KeyedRows(folder: head, file: file, sheet: sheet, key: key)
        // Columns in the head's header order, then any the base alone had.
        let columns = new.header + old.header.filter { !new.header.contains($0) }
        let oldColumns = columns.map { old.header.firstIndex(of: $0) }
        let newColumns = columns.map { new.header.firstIndex(of: $0) }
        let sameHeader = old.header == new.header
        let newOwner = owner.flatMap { new.header.firstIndex(of: $0) }
        let oldOwner = owner.flatMap { old.header.firstIndex(of: $0) }
        var matched = [Bool](repeating: false, count: old.count)
        for row in 0..<new.count {
            guard let before = old.row(matching: row, of: new) else {
                let key = new.key(row)
                added.append(key)
                if owner != nil { owners[key] = new.value(row, newOwner) }
                continue
            }
            matched[before] = true
            if sameHeader && new.cells.sameRow(row, as: old.cells, before) { continue }
            for (index, column) in columns.enumerated() {
                let was = old.value(before, oldColumns[index]), now = new.value(row, newColumns[index])
                if was != now {
                    cells.append(CellChange(file: file, key: new.key(row), column: column, old: was, new: now,
                                            cell: new.cell(row, newColumns[index]) ?? old.cell(before, oldColumns[index])))
                }
            }
        }
        for row in 0..<old.count where !matched[row] {
            let key = old.key(row)
            removed.append(key)
            if owner != nil { owners[key] = old.value(row, oldOwner) }
        }
    }
}
