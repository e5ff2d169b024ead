import Foundation
@testable import ReviewSite

/// A team's extraction workbook as `reviewsite workbook` found it in issue
/// 24: the default dataset's tables, an `x_notes` column in studies, and a
/// sheet of their own ("screening log") with a text, a number, a formula's
/// saved result and a TRUE cell.
enum TeamWorkbook {
    static let tableFiles = ["studies.csv", "risk_of_bias.csv", "patients.csv", "treatments.csv", "adverse_events.csv"]
    static let log = "screening log"

    /// `moreCells` go at the end of the log's row 3.
    static func bytes(from data: String = defaultDataPath, hiddenSheet: Bool = false, moreCells: String = "") throws -> [UInt8] {
        var (codebook, tables) = try WorkbookWriter.dataset(data)
        let studies = tables.firstIndex { $0.name == "studies" }!
        tables[studies].header.append("x_notes")
        for row in tables[studies].rows.indices {
            tables[studies].rows[row].append(row == 0 ? "ask the authors" : row == 1 ? "42" : "")
        }
        var parts = WorkbookWriter.parts(codebook: codebook, tables: tables)
        let cells = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>record</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>decision</t></is></c></row>"
            + "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>PMID 123</t></is></c><c r=\"B3\"><v>3.5</v></c>"
            + "<c r=\"C3\"><f>1+1</f><v>2</v></c><c r=\"E3\" t=\"b\"><v>1</v></c>\(moreCells)</row>"
        add(&parts, sheet: log, number: 7, xml: WorkbookParts.header + "<worksheet \(WorkbookParts.namespaces)><sheetData>\(cells)</sheetData></worksheet>")
        if hiddenSheet {
            add(&parts, sheet: "old", number: 8, xml: WorkbookParts.header + "<worksheet \(WorkbookParts.namespaces)><sheetData/></worksheet>", state: " state=\"hidden\"")
        }
        return try WorkbookWriter.zip(parts)
    }

    /// Adds a worksheet part and its entries in the workbook and its relationships.
    static func add(_ parts: inout [(path: String, text: String)], sheet: String, number: Int, xml: String, state: String = "") {
        func edit(_ path: String, _ change: (String) -> String) {
            let index = parts.firstIndex { $0.path == path }!
            parts[index].text = change(parts[index].text)
        }
        edit("xl/workbook.xml") { $0.replacingOccurrences(of: "</sheets>", with: "<sheet name=\"\(sheet)\"\(state) sheetId=\"\(number)\" r:id=\"rId9\(number)\"/></sheets>") }
        edit("xl/_rels/workbook.xml.rels") {
            $0.replacingOccurrences(of: "</Relationships>", with: "<Relationship Id=\"rId9\(number)\" Type=\"\(WorkbookParts.relationshipsNamespace)/worksheet\" Target=\"worksheets/sheet\(number).xml\"/></Relationships>")
        }
        edit("[Content_Types].xml") {
            $0.replacingOccurrences(of: "</Types>", with: "<Override PartName=\"/xl/worksheets/sheet\(number).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>")
        }
        parts.append(("xl/worksheets/sheet\(number).xml", xml))
    }

    /// Makes `folder` a workbook review: `workbook` in place of its CSV files.
    static func install(_ workbook: [UInt8], in folder: String, as name: String = "extraction.xlsx") throws {
        for file in tableFiles { try FileManager.default.removeItem(atPath: "\(folder)/\(file)") }
        try Data(workbook).write(to: URL(fileURLWithPath: "\(folder)/\(name)"))
    }

    /// Every entry below `root` with its kind, permissions, link target or
    /// bytes: unlike Scratch.snapshot, a binary file is compared byte for byte.
    static func snapshot(_ root: String) throws -> [String: [UInt8]] {
        var entries: [String: [UInt8]] = [:]
        func walk(_ relative: String) throws {
            for name in try FileManager.default.contentsOfDirectory(atPath: relative.isEmpty ? root : "\(root)/\(relative)") {
                let child = relative.isEmpty ? name : "\(relative)/\(name)"
                var status = stat()
                guard lstat("\(root)/\(child)", &status) == 0 else { continue }
                let mode = Array("\(status.st_mode) ".utf8)
                switch status.st_mode & S_IFMT {
                case S_IFLNK: entries[child] = mode + Array(try FileManager.default.destinationOfSymbolicLink(atPath: "\(root)/\(child)").utf8)
                case S_IFDIR:
                    entries[child] = mode
                    try walk(child)
                default: entries[child] = mode + [UInt8](try Data(contentsOf: URL(fileURLWithPath: "\(root)/\(child)")))
                }
            }
        }
        try walk("")
        return entries
    }

    /// The tables of a folder as the loader reads them (the CSV text of each sheet or file).
    static func tables(of folder: String) throws -> [String: DatasetFile] {
        let files = try loadDataset(folder).files
        return files.filter { tableFiles.contains($0.key) }
    }
}
