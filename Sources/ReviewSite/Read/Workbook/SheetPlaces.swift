import Foundation

/// Cell references as spreadsheets write them: `patients!C17`.
enum SheetCell {
    /// `C` for column 2 (from 0), `AA` for 26.
    static func letters(_ column: Int) -> String {
        var number = column + 1
        var letters: [Character] = []
        while number > 0 {
            let digit = (number - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(65 + digit))))
            number = (number - 1) / 26
        }
        return String(letters.reversed())
    }

    /// The column (from 0) of letters `A`…`XFD`; nil for anything else.
    static func column(_ letters: some Sequence<UInt8>) -> Int? {
        var number = 0
        var count = 0
        for byte in letters {
            guard byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"), count < 3 else { return nil }
            number = number * 26 + Int(byte - UInt8(ascii: "A")) + 1
            count += 1
        }
        return count > 0 && number <= maxColumns ? number - 1 : nil
    }

    /// `patients!C17`; a row alone is `patients!17:17`, a sheet alone its name.
    /// A name other than letters, digits and `_` is quoted, as spreadsheets do.
    static func reference(sheet: String, row: Int?, column: Int?) -> String {
        let plain = sheet.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "_") }
            && !(sheet.first?.isNumber ?? true)
        let name = plain ? sheet : "'\(sheet.replacingOccurrences(of: "'", with: "''"))'"
        guard let row else { return name }
        guard let column else { return "\(name)!\(row):\(row)" }
        return "\(name)!\(letters(column))\(row)"
    }

    /// The limits of the format: 16,384 columns (XFD) and 1,048,576 rows.
    static let maxColumns = 16_384
    static let maxRows = 1_048_576
}

/// The tables read from a workbook's sheets, and where their columns are.
/// Their rows are checked as a CSV file's are, reported against the table's
/// CSV name and line (the sheet's row); `locate` then moves each error to
/// the workbook and its cell. Sheets are read on two threads: hence the lock.
final class SheetPlaces: @unchecked Sendable {
    struct Place {
        /// The workbook as errors name it: `data/extraction.xlsx`.
        var workbook: String
        var sheet: String
        /// Each header name's column, from 0 (the first if it repeats).
        var columns: [String: Int]
    }

    private let lock = NSLock()
    private var places: [String: Place] = [:]

    /// `file` is the table's CSV name as errors give it (`data/cases.csv`).
    func set(_ file: String, _ place: Place) {
        lock.withLock { places[file] = place }
    }

    func place(of file: String) -> Place? {
        lock.withLock { places[file] }
    }

    /// The errors of tables read from sheets, at their workbook and cell.
    func locate(_ list: ErrorList<DataError>) -> ErrorList<DataError> {
        let places = lock.withLock { self.places }
        guard !places.isEmpty else { return list }
        var list = list
        list.changeKept { error in
            guard let place = places[error.file] else { return }
            error.sheet = place.sheet
            error.cellColumn = error.column.flatMap { place.columns[$0] }
        }
        list.renameFiles { places[$0]?.workbook ?? $0 }
        return list
    }
}
