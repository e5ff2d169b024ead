/// One figure's query, run and turned into its kind's values. The query's
/// rows are (key) for a count, (key, numerator) for a proportion, and
/// (key, value) for the other kinds; keys come back in byte order.
struct FigureQuery {
    let declaration: FigureDeclaration
    let database: Database
    let keys: KeyPositions
    let imputation: Imputation
    let path: String
    /// Key columns by `from:` text, found once per connection: most figures share a population.
    let keyNames: KeyNames

    /// A problem placed in figures.yaml.
    private struct Placed: Error {
        var position: TextPosition
        var message: String
    }

    private var label: String { "figure '\(declaration.id)'" }

    func compute() -> Result<Figure, FigureError> {
        do {
            return .success(try figure())
        } catch let placed as Placed {
            return .failure(FigureError(path, placed.position, "\(label): \(placed.message)"))
        } catch {
            return .failure(FigureError(path, declaration.position, "\(label): \(error)"))
        }
    }

    private func figure() throws -> Figure {
        switch declaration.method {
        case .number(let piece):
            var sql = ComposedSQL(anchor: piece)
            sql.add("SELECT (")
            sql.add(piece)
            sql.add("\n)")
            let statement = try prepare(sql)
            guard try step(statement, sql) else { throw Placed(position: piece.start, message: "value: gives no row (expected one number)") }
            let value = statement.value(at: 0)
            guard let number = number(value), number >= 0, number == number.rounded() else {
                throw Placed(position: piece.start, message: "value: gives \(shown(value)) (expected one whole number ≥ 0, a count)")
            }
            return Figure(id: declaration.id, kind: .count, values: ["n": number], rows: [])
        case .population(let from, let condition, let measure, let countsRows):
            let key: String
            if let known = keyNames.names[from.text] {
                key = known
            } else {
                var probe = ComposedSQL(anchor: from)
                probe.add("SELECT * FROM ")
                probe.add(from)
                key = try prepare(probe).columnNames.first ?? ""
                keyNames.names[from.text] = key
            }
            var sql = ComposedSQL(anchor: from)
            sql.add("SELECT \"\(key.replacingOccurrences(of: "\"", with: "\"\""))\"")
            if let measure {
                sql.add(", (")
                sql.add(measure)
                sql.add("\n)")
            }
            sql.add(" FROM ")
            sql.add(from)
            if let condition {
                sql.add("\nWHERE (")
                sql.add(condition)
                sql.add("\n)")
            }
            return try rows(sql, key: key, measure: measure ?? from, countsRows: countsRows)
        case .query(let piece):
            var sql = ComposedSQL(anchor: piece)
            sql.add(piece)
            return try rows(sql, key: nil, measure: piece, countsRows: false)
        case .range:
            throw Placed(position: declaration.position, message: "a range over figures is computed after the others")
        }
    }

    /// Runs the query and reads its rows into the kind's values.
    private func rows(_ sql: ComposedSQL, key: String?, measure: SQLPiece, countsRows: Bool) throws -> Figure {
        let statement = try prepare(sql)
        let kind = declaration.kind
        let expected = kind == .count ? 1 : 2
        let columns = statement.columnNames
        if key == nil && (kind == .count ? columns.isEmpty : columns.count != 2) {
            let what = switch kind {
            case .count: "1 column, the key of each row counted"
            case .proportion: "2 columns, each row's key and whether it is in the numerator"
            default: "2 columns, each row's key and its value"
            }
            throw Placed(position: measure.start, message: "the query returns \(columns.count) column\(columns.count == 1 ? "" : "s") (a \(kind.rawValue) needs \(what))")
        }
        var reader = keys.reader(key ?? columns[0])
        var values: [Double?] = []
        while try step(statement, sql) {
            guard statement.withText(at: 0, { reader.add($0) }) != nil else {
                throw Placed(position: measure.start, message: "a row's key is \(shown(statement.value(at: 0))) (expected the text key of a row, e.g. a patient_id)")
            }
            guard expected == 2 else { continue }
            let value = statement.value(at: 1)
            if kind == .proportion {
                switch value {
                case .null: values.append(0)
                case .integer(let number): values.append(number != 0 ? 1 : 0)
                case .real(let number): values.append(number != 0 ? 1 : 0)
                case .text: throw Placed(position: measure.start, message: "the numerator of row \(rowKey(statement)) is \(shown(value)) (expected a condition: true or false)")
                }
            } else {
                if case .text = value { throw Placed(position: measure.start, message: "the value of row \(rowKey(statement)) is \(shown(value)) (expected a number)") }
                values.append(number(value))
            }
        }
        let rows = reader.rows(values: values)
        return FigureKinds.figure(declaration.id, kind, rows, countsRows: countsRows, imputation: imputation)
    }

    private func prepare(_ sql: ComposedSQL) throws -> Statement {
        do {
            return try database.prepare(sql.text)
        } catch {
            throw Placed(position: sql.position(error.offset), message: error.message)
        }
    }

    private func step(_ statement: Statement, _ sql: ComposedSQL) throws -> Bool {
        do {
            return try statement.step()
        } catch {
            throw Placed(position: sql.position(error.offset), message: error.message)
        }
    }

    private func rowKey(_ statement: Statement) -> String {
        shown(statement.value(at: 0))
    }

    private func number(_ value: DatabaseValue) -> Double? {
        switch value {
        case .integer(let number): Double(number)
        case .real(let number): number
        default: nil
        }
    }

    private func shown(_ value: DatabaseValue) -> String {
        switch value {
        case .null: "NULL"
        case .integer(let number): String(number)
        case .real(let number): formatNumber(number)
        case .text(let text): Echo.quoted(text)
        }
    }
}

/// The key column of each population a connection has seen; each thread
/// of the figure runner has its own.
final class KeyNames: @unchecked Sendable {
    var names: [String: String] = [:]
}
