import Foundation
import ZIPFoundation

/// Writes the extraction workbook (docs/dataset.md): one sheet per table of
/// the codebook with its rows, a frozen header whose notes say what each
/// column holds, a drop-down list on every code column, number checks with
/// the codebook's bounds, and a `codes` sheet listing every code. Read back,
/// it gives the same dataset as the CSV files it was written from.
public enum WorkbookWriter {
    /// A table's rows as text, as a CSV file holds them; `header` names the columns.
    public struct TableText: Sendable {
        public var name: String
        public var header: [String]
        public var rows: [[String]]

        public init(name: String, header: [String], rows: [[String]]) {
            self.name = name
            self.header = header
            self.rows = rows
        }
    }

    /// The sheet listing every code.
    public static let codesSheet = "codes"

    /// The workbook's bytes: the codebook's tables in its order, each with
    /// the rows of `tables` (a table without any gets the codebook's columns
    /// and no rows), then the codes sheet.
    public static func workbook(codebook: Codebook, tables: [TableText]) throws(WorkbookWriteError) -> [UInt8] {
        try zip(parts(codebook: codebook, tables: tables))
    }

    /// The package's parts: paths and XML. The sheets carried over from
    /// the team's workbook come last, after the codes sheet.
    static func parts(codebook: Codebook, tables: [TableText], carried: [CarriedSheet] = []) -> [(path: String, text: String)] {
        let codes = CodesSheet(codebook)
        var sheets: [(name: String, xml: String, comments: String?, vml: String?)] = []
        for table in codebook.tables {
            let text = tables.first { $0.name == table.name }
                ?? TableText(name: table.name, header: table.allColumns.map(\.name), rows: [])
            let sheet = TableSheet(table: table, text: text, codebook: codebook, codes: codes)
            sheets.append((table.name, sheet.xml(), sheet.commentsXML(), sheet.vml()))
        }
        sheets.append((codesSheet, codes.xml(), nil, nil))
        for sheet in carried { sheets.append((sheet.name, sheet.xml(), nil, nil)) }
        var parts: [(path: String, text: String)] = [
            ("[Content_Types].xml", WorkbookParts.contentTypes(sheets.map { $0.comments != nil })),
            ("_rels/.rels", WorkbookParts.rootRelationships),
            ("xl/workbook.xml", WorkbookParts.workbook(sheets.map(\.name))),
            ("xl/_rels/workbook.xml.rels", WorkbookParts.workbookRelationships(sheets.count)),
            ("xl/styles.xml", WorkbookParts.styles),
        ]
        for (index, sheet) in sheets.enumerated() {
            let number = index + 1
            parts.append(("xl/worksheets/sheet\(number).xml", sheet.xml))
            if let comments = sheet.comments, let vml = sheet.vml {
                parts.append(("xl/worksheets/_rels/sheet\(number).xml.rels", WorkbookParts.sheetRelationships(number)))
                parts.append(("xl/comments\(number).xml", comments))
                parts.append(("xl/drawings/vmlDrawing\(number).vml", vml))
            }
        }
        return parts
    }

    /// The parts in a ZIP archive, deflated, all dated 1 January 1980 so
    /// that the same workbook gives the same bytes.
    static func zip(_ parts: [(path: String, text: String)]) throws(WorkbookWriteError) -> [UInt8] {
        let date = Calendar(identifier: .gregorian).date(from: DateComponents(year: 1980, month: 1, day: 1)) ?? Date(timeIntervalSince1970: 315_532_800)
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            for part in parts {
                let data = Data(part.text.utf8)
                try archive.addEntry(with: part.path, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
                                     compressionMethod: .deflate) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let data = archive.data else { throw WorkbookWriteError(message: "the archive has no bytes") }
            return [UInt8](data)
        } catch let error as WorkbookWriteError {
            throw error
        } catch {
            throw WorkbookWriteError(message: "cannot make the workbook's archive (\(error))")
        }
    }
}

public struct WorkbookWriteError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// Text for XML: the five special characters escaped, and characters XML
/// cannot hold (controls, a carriage return, which parsers turn into a line
/// feed) written as `_xHHHH_`, as spreadsheets do; a literal `_xHHHH_` is
/// itself escaped (`_x005F_`), so that reading gives back the same text.
func xmlText(_ text: String, escapeControls: Bool = true) -> String {
    var output = ""
    output.reserveCapacity(text.utf8.count)
    let scalars = Array(text.unicodeScalars)
    for (index, scalar) in scalars.enumerated() {
        switch scalar {
        case "&": output += "&amp;"
        case "<": output += "&lt;"
        case ">": output += "&gt;"
        case "\"": output += "&quot;"
        case "_" where escapeControls && index + 6 < scalars.count && scalars[index + 1] == "x" && scalars[index + 6] == "_"
            && scalars[index + 2...index + 5].allSatisfy({ $0.properties.isASCIIHexDigit }):
            output += "_x005F_"
        default:
            if scalar.value < 0x20 && scalar != "\n" && scalar != "\t" || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                output += escapeControls ? "_x" + String(format: "%04X", scalar.value) + "_" : ""
            } else {
                output.unicodeScalars.append(scalar)
            }
        }
    }
    return output
}
