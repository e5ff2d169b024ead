import Foundation

/// Runs a declared table: one query whose rows are the table's rows, with
/// every column's cell, sort key and figure link computed over the row
/// (`r`) and its patients (`p`, treated_patients; `table_members` lists
/// each row's patients for subqueries over their steps).
struct TableQuery {
    let table: TableDeclaration
    let path: String

    /// One computed row.
    struct Row: Sendable {
        var key: String
        var subgroup: Bool
        var cells: [Cell]
    }

    struct Cell: Sendable {
        var text: String
        var sort: DatabaseValue
        var link: String?
    }

    struct Result: Sendable {
        var table: TableDeclaration
        /// The key column of the rows (`study_id`): rows of a data table's key get anchors.
        var keyColumn: String
        var rows: [Row]
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
        let key = Database.identifier(columns.first ?? "rowid")
        var sql = ComposedSQL(anchor: table.rows)
        sql.add("WITH table_rows AS (SELECT row_number() OVER () AS table_row, * FROM (\n")
        sql.add(table.rows)
        sql.add("\n))")
        if let patients = table.patients {
            sql.add(", table_members(row_key, patient_id) AS (\n")
            sql.add(patients)
            sql.add("\n)")
        }
        sql.add("\nSELECT r.\(key), \(columns.contains("subgroup") ? "r.subgroup" : "0")")
        for column in table.columns {
            for piece in [column.cell, column.sort, column.link] {
                sql.add(",\n(")
                if let piece { sql.add(piece) } else { sql.add("NULL") }
                sql.add(")")
            }
        }
        sql.add("\nFROM table_rows AS r")
        if table.patients != nil {
            sql.add(" LEFT JOIN table_members AS m ON m.row_key = r.\(key) LEFT JOIN treated_patients AS p ON p.patient_id = m.patient_id")
        }
        if let part { sql.add("\nWHERE r.table_row BETWEEN \(part.lowerBound) AND \(part.upperBound)") }
        sql.add("\nGROUP BY r.table_row ORDER BY r.table_row")
        let result: ResultRows
        do {
            result = try database.rows(sql.text)
        } catch {
            return .failure(fail(sql.position(error.offset), "\(label): \(error.message)"))
        }
        var errors = ErrorList<TemplateError>()
        var reported = Set<Int>()
        let rows = result.rows.map { values in
            Row(key: values[0].display, subgroup: (values[1].integer ?? 0) != 0, cells: table.columns.indices.map { index in
                let base = 2 + 3 * index
                let link = values[base + 2].text
                if let link, !figures.contains(link), let piece = table.columns[index].link, reported.insert(index).inserted {
                    errors.add(TemplateError(file: path, line: piece.start.line, column: piece.start.column,
                                             message: "\(label), column '\(table.columns[index].heading)': the link \(Echo.quoted(link)) is no figure of figures.yaml (expected a figure id, or NULL for no link)"))
                }
                return Cell(text: values[base].display, sort: values[base + 1], link: link)
            })
        }
        guard errors.isEmpty else { return .failure(TemplateErrors(errors)) }
        return .success(Result(table: table, keyColumn: columns.first ?? "", rows: rows))
    }

    /// How many rows the rows query gives; nil when it fails (run reports why).
    func rowCount(_ database: Database) -> Int? {
        var sql = ComposedSQL(anchor: table.rows)
        sql.add("SELECT count(*) FROM (\n")
        sql.add(table.rows)
        sql.add("\n)")
        return (try? database.rows(sql.text))?.rows.first?.first?.integer
    }

    /// Whether the table may run in parts: not when a cell may look across
    /// rows, which only a window function (`… OVER …`) does.
    var divisible: Bool {
        !table.columns.contains { column in
            [column.cell, column.sort, column.link].contains { piece in
                piece.map { $0.text.range(of: #"\bover\b"#, options: [.regularExpression, .caseInsensitive]) != nil } ?? false
            }
        }
    }

    private func fail(_ position: TextPosition, _ message: String) -> TemplateErrors {
        TemplateErrors(errors: [TemplateError(file: path, line: position.line, column: position.column, message: message)])
    }
}

extension DatabaseValue {
    /// The value as a cell shows it: as `reviewsite sql` prints it, NULL empty.
    var display: String { SQLOutput.cell(self) ?? "" }
}
