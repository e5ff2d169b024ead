import CSQLite
import Foundation

/// Runs a declared table: a query whose rows are the table's rows, with
/// every column's cell, sort key and figure link computed over the row
/// (`r`) and its patients (`p`, treated_patients; `table_members` lists
/// each row's patients for subqueries over their steps).
struct TableQuery {
    let table: TableDeclaration
    let path: String
    /// The id column of the patient table, by which members join treated_patients.
    let patientKey: String

    struct Result: Sendable {
        var table: TableDeclaration
        /// The key column of the rows (`study_id`): rows of a data table's key get anchors.
        var keyColumn: String
        var rows: ComputedRows
    }

    /// The table's rows, or the rows numbered `part` (from 1) of them: a
    /// row's cells depend only on the row and its patients, so the parts
    /// of a large table can run on two connections at once.
    func run(_ database: Database, figures: Set<String>, part: ClosedRange<Int>? = nil) -> Swift.Result<Result, TemplateErrors> {
        let label = "table '\(table.id)'"
        var probe = ComposedSQL(anchor: table.rows)
        probe.add("SELECT * FROM (\n")
        probe.add(table.rows)
        probe.add("\n) LIMIT 0")
        let columns: [String]
        do {
            columns = try database.rows(probe.text).columns
        } catch {
            return .failure(fail(probe.position(error.offset), "\(label): \(error.message)"))
        }
        if part.map({ $0.lowerBound == 1 }) ?? true, let repeated = repeatedMember(database) { return .failure(repeated) }
        let key = Database.identifier(columns.first ?? "rowid")
        let withSubgroup = columns.contains("subgroup")
        var rows = ComputedRows(width: table.columns.count)
        var numbers: [Int] = []
        // Each column's link to no figure in the first row that has one, by the rows' numbers.
        var badLinks: [Int: (row: Int, link: String)] = [:]
        // Each column's first cell (by the rows' numbers) with a control character, which must not reach a page.
        var badTexts: [Int: (row: Int, key: String, control: Unicode.Scalar)] = [:]
        // How many rows the rows query gives, when the query says (its last column).
        var rowCount: Int?
        let counted = table.patients != nil && divisible
        func read(_ sql: ComposedSQL) -> TemplateErrors? {
            do {
                let statement = try database.prepare(sql.text)
                while try statement.step() {
                    let number = statement.value(at: 0).integer ?? 0
                    numbers.append(number)
                    rows.startRow(key: statement.value(at: 1).display, subgroup: (statement.value(at: 2).integer ?? 0) != 0)
                    for index in table.columns.indices {
                        let base = Int32(3 + 3 * index)
                        let link = statement.value(at: base + 2).text
                        if let link, !figures.contains(link), number < badLinks[index]?.row ?? .max {
                            badLinks[index] = (number, link)
                        }
                        statement.withShownText(at: base) { text in
                            if let control = TextRule.scanCell(text, isASCII: !text.contains { $0 >= 0x80 }).control,
                               number < badTexts[index]?.row ?? .max {
                                badTexts[index] = (number, statement.value(at: 1).display, control)
                            }
                            statement.withSortValue(at: base + 1) { rows.addCell(text: text, sort: $0, link: link) }
                        }
                    }
                    if counted, rowCount == nil { rowCount = statement.value(at: Int32(3 + 3 * table.columns.count)).integer }
                }
                return nil
            } catch {
                if let unfinished = unfinishedPiece(database) { return unfinished }
                return fail(sql.position(error.offset), "\(label): \(error.message)")
            }
        }
        if let failed = read(composed(key: key, subgroup: withSubgroup, part: part)) { return .failure(failed) }
        // The rows without patients, if any: one empty group each.
        if counted {
            let all = 1...max(1, rowCount ?? 0), range = part.map { $0.clamped(to: all) } ?? all
            let seen = Set(numbers), missing = rowCount.map { _ in range.filter { !seen.contains($0) } }
            if missing.map({ !$0.isEmpty }) ?? true, let failed = read(withoutPatients(key: key, subgroup: withSubgroup, part: part, rows: missing)) {
                return .failure(failed)
            }
        }
        var errors = ErrorList<TemplateError>()
        for (index, bad) in badLinks.sorted(by: { ($0.value.row, $0.key) < ($1.value.row, $1.key) }) {
            guard let piece = table.columns[index].link else { continue }
            errors.add(TemplateError(file: path, line: piece.start.line, column: piece.start.column,
                                     message: "\(label), column '\(table.columns[index].heading)': the link \(Echo.quoted(bad.link)) is no figure of \(FigureFile.path(beside: path)) (expected a figure id, or NULL for no link)"))
        }
        for (index, bad) in badTexts.sorted(by: { ($0.value.row, $0.key) < ($1.value.row, $1.key) }) {
            let start = table.columns[index].cell.start
            errors.add(TemplateError(file: path, line: start.line, column: start.column,
                                     message: "\(label), column '\(table.columns[index].heading)': the cell of row \(Echo.quoted(bad.key)) " + TextRule.controlMessage(bad.control)))
        }
        guard errors.isEmpty else { return .failure(TemplateErrors(errors)) }
        // In the rows' order by their numbers, here rather than by an ORDER BY:
        // SQLite would sort every finished row, long texts and all.
        rows.order(by: numbers)
        return .success(Result(table: table, keyColumn: columns.first ?? "", rows: rows))
    }

    /// The table's query: its rows numbered, then each row's cells over
    /// its patients. A row and its patients are an inner join, and its
    /// last column the number of rows; the rows without patients are a
    /// second query (`withoutPatients`) over an empty `p`, run only when
    /// some row is missing. As one LEFT JOIN, SQLite copies the whole
    /// treated_patients view for every table (a join is never flattened
    /// into the right of a LEFT JOIN), and as a second branch of one query
    /// each row's NOT EXISTS check (an automatic index over all members)
    /// costs even when every row has patients. A cell that looks across
    /// rows (`OVER`) must see all rows in one SELECT, so such a table
    /// keeps the LEFT JOIN.
    private func composed(key: String, subgroup: Bool, part: ClosedRange<Int>?) -> ComposedSQL {
        var sql = ComposedSQL(anchor: table.rows)
        with(&sql)
        guard table.patients != nil else {
            branch(&sql, key: key, subgroup: subgroup, from: "table_rows AS r", part: part)
            return sql
        }
        let members = "table_members AS m ON m.row_key = r.\(key)"
        guard divisible else {
            branch(&sql, key: key, subgroup: subgroup, from: "table_rows AS r LEFT JOIN \(members) LEFT JOIN \(patient)", part: part)
            return sql
        }
        branch(&sql, key: key, subgroup: subgroup, from: "table_rows AS r JOIN \(members) JOIN \(patient)", part: part, counted: true)
        return sql
    }

    /// The rows numbered `rows` (nil: every row without patients, found by
    /// a NOT EXISTS check), each over an empty `p`.
    private func withoutPatients(key: String, subgroup: Bool, part: ClosedRange<Int>?, rows: [Int]?) -> ComposedSQL {
        var sql = ComposedSQL(anchor: table.rows)
        with(&sql)
        // A long list of numbers costs more to parse than the check does to run.
        let condition = rows.flatMap { $0.count <= 10_000 ? "r.table_row IN (\($0.map(String.init).joined(separator: ", ")))" : nil }
        branch(&sql, key: key, subgroup: subgroup, from: "table_rows AS r LEFT JOIN (SELECT * FROM treated_patients LIMIT 0) AS p",
               where: condition ?? "NOT EXISTS (SELECT 1 FROM table_members AS m JOIN \(patient) WHERE m.row_key = r.\(key))",
               part: condition == nil ? part : nil)
        return sql
    }

    /// The numbered rows and, if the table has them, each row's patients (`table_members`).
    private func with(_ sql: inout ComposedSQL) {
        sql.add("WITH table_rows AS (SELECT row_number() OVER () AS table_row, * FROM (\n")
        sql.add(table.rows)
        sql.add("\n))")
        guard let patients = table.patients else { return }
        sql.add(", table_members(row_key, patient_id) AS NOT MATERIALIZED (\n")
        sql.add(patients)
        sql.add("\n)")
    }

    /// A member's patient, by the id column of the patient table.
    private var patient: String { "treated_patients AS p ON p.\(Database.identifier(patientKey)) = m.patient_id" }

    /// One SELECT of the table's query: the row's number, key and subgroup, then each column's pieces
    /// (and, `counted`, the number of rows).
    private func branch(_ sql: inout ComposedSQL, key: String, subgroup: Bool, from: String, where condition: String? = nil,
                        part: ClosedRange<Int>?, counted: Bool = false) {
        sql.add("\nSELECT r.table_row, r.\(key), \(subgroup ? "r.subgroup" : "0")")
        for column in table.columns {
            for piece in [column.cell, column.sort, column.link] {
                sql.add(",\n(")
                if let piece { sql.add(piece) } else { sql.add("NULL") }
                sql.add(")")
            }
        }
        if counted { sql.add(",\n(SELECT count(*) FROM table_rows)") }
        sql.add("\nFROM \(from)")
        let conditions = [condition, part.map { "r.table_row BETWEEN \($0.lowerBound) AND \($0.upperBound)" }].compactMap { $0 }
        if !conditions.isEmpty { sql.add("\nWHERE " + conditions.joined(separator: " AND ")) }
        sql.add("\nGROUP BY r.table_row")
    }

    /// A patient listed twice for one row would count twice in every cell
    /// over the row's patients (lines of treatment taken for patients): an
    /// error naming the table, the row and the patient, never a silent double count.
    private func repeatedMember(_ database: Database) -> TemplateErrors? {
        guard let patients = table.patients, mayRepeat(database, patients) else { return nil }
        var sql = ComposedSQL(anchor: patients)
        sql.add("WITH table_members(row_key, patient_id) AS (\n")
        sql.add(patients)
        sql.add("\n) SELECT row_key, patient_id, count(*) FROM table_members GROUP BY row_key, patient_id HAVING count(*) > 1 ORDER BY row_key, patient_id LIMIT 1")
        // A query that fails is reported by the table's own query, where it runs.
        guard let row = (try? database.rows(sql.text))?.rows.first, row.count == 3 else { return nil }
        return fail(patients.start, "table '\(table.id)': the patients of row \(Echo.quoted(row[0].display)) list patient \(Echo.quoted(row[1].display)) "
                    + "\(row[2].integer ?? 2) times (expected each patient once per row: select from the patients, or SELECT DISTINCT)")
    }

    /// Whether a member may be listed twice for its row: a hash of each
    /// (row, patient) in a set, in one pass, where a GROUP BY would sort
    /// every pair. Two pairs of one hash only run that GROUP BY, which
    /// decides; so does a collation, under which two texts may be one.
    private func mayRepeat(_ database: Database, _ patients: SQLPiece) -> Bool {
        guard !patients.text.containsWord("collate"),
              let statement = try? database.prepare("WITH table_members(row_key, patient_id) AS (\n\(patients.text)\n) SELECT row_key, patient_id FROM table_members")
        else { return true }
        var seen = Set<UInt64>()
        do {
            while try statement.step() {
                var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a
                func mix(_ byte: UInt64) { hash = (hash ^ byte) &* 0x100_0000_01b3 }
                for column: Int32 in 0...1 {
                    switch sqlite3_column_type(statement.handle, column) {
                    case SQLITE_INTEGER, SQLITE_FLOAT:
                        // As SQLite groups them: 1 and 1.0 are one value, and 0.0 and -0.0.
                        let number = sqlite3_column_double(statement.handle, column)
                        let bits = number == 0 ? 0 : number.bitPattern
                        for shift in stride(from: 0, to: 64, by: 8) { mix(bits >> UInt64(shift) & 0xff) }
                        mix(1)
                    case let type:
                        statement.withShownText(at: column) { for byte in $0 { mix(UInt64(byte)) } }
                        mix(UInt64(type) + 0x100)
                    }
                }
                if !seen.insert(hash).inserted { return true }
            }
        } catch {
            return true
        }
        return false
    }

    /// How many rows the rows query gives; nil when it fails (run reports why).
    func rowCount(_ database: Database) -> Int? {
        var sql = ComposedSQL(anchor: table.rows)
        sql.add("SELECT count(*) FROM (\n")
        sql.add(table.rows)
        sql.add("\n)")
        return (try? database.rows(sql.text))?.rows.first?.first?.integer
    }

    /// Whether the table may run in parts (and its rows with and without
    /// patients apart): not when a cell may look across rows, which only a
    /// window function (`… OVER …`) does.
    var divisible: Bool {
        !table.columns.contains { column in
            [column.cell, column.sort, column.link].contains { piece in
                piece.map { $0.text.containsWord("over") } ?? false
            }
        }
    }

    /// A cell, sort or link whose SQL does not parse on its own (`count(p.age`):
    /// in the whole query its open bracket takes in the text after it, and
    /// SQLite stops far from it, so each piece is tried alone to place it.
    private func unfinishedPiece(_ database: Database) -> TemplateErrors? {
        for column in table.columns {
            for piece in [column.cell, column.sort, column.link].compactMap({ $0 }) {
                var probe = ComposedSQL(anchor: piece)
                probe.add("SELECT (")
                probe.add(piece)
                probe.add("\n)")
                do {
                    _ = try database.prepare(probe.text)
                } catch where ["syntax error", "incomplete input", "unrecognized token"].contains(where: error.message.contains) {
                    return fail(probe.position(error.offset), "table '\(table.id)', column '\(column.heading)': \(error.message)")
                } catch {
                    continue
                }
            }
        }
        return nil
    }

    private func fail(_ position: TextPosition, _ message: String) -> TemplateErrors {
        TemplateErrors(errors: [TemplateError(file: path, line: position.line, column: position.column, message: message)])
    }
}

extension DatabaseValue {
    /// The value as a cell shows it: as `reviewsite sql` prints it, NULL empty.
    var display: String { SQLOutput.cell(self) ?? "" }
}
