import Foundation
import ZIPFoundation

/// An .xlsx workbook opened for reading: its sheets by name, its shared
/// strings, and which cell styles show a date. A sheet's XML is inflated
/// when it is read (`sheetXML`), each part bounded by `maxPartSize`, so
/// that a zip bomb ends with an error rather than all memory.
final class Workbook: @unchecked Sendable {
    /// The file as errors name it: `data/extraction.xlsx`.
    let file: String
    /// The visible sheets, in the workbook's order.
    let sheets: [Sheet]
    /// Hidden sheets, which are not read.
    let hiddenSheets: [String]
    let strings: SharedStrings
    /// Per cell style (`s="3"`), whether its number format shows a date or time.
    let dateStyles: [Bool]
    /// The file, opened anew for each sheet. ZIPFoundation's archive in
    /// memory traps on a directory that points past the end (found by
    /// FuzzWorkbook); on a file, such a read is only short, and an error.
    private let url: URL

    struct Sheet {
        var name: String
        /// The part's path in the archive: `xl/worksheets/sheet1.xml`.
        var part: String
    }

    /// At most this much XML per part: a 100,000-patient sheet is about 100 MB.
    static let maxPartSize = 1 << 30

    /// `path` is the workbook's file, `file` its name in errors.
    init(file: String, path: String) throws(WorkbookProblem) {
        self.file = file
        url = URL(fileURLWithPath: path)
        let archive = try Self.archive(url)
        let workbookPart = try Self.officeDocument(archive)
        let base = workbookPart.split(separator: "/").dropLast().joined(separator: "/")
        let targets = try Self.relationships(archive, of: workbookPart)
        var sheets: [Sheet] = [], hidden: [String] = []
        try Self.parse(Self.part(archive, workbookPart), part: workbookPart) { scanner, name, tag throws(XMLProblem) in
            guard scanner.isName(name, "sheet") else { return }
            let sheetName = try scanner.string("name", in: tag) ?? ""
            let state = try scanner.string("state", in: tag) ?? "visible"
            guard let id = try scanner.string("r:id", in: tag), let target = targets[id] else { return }
            if state == "visible" {
                sheets.append(Sheet(name: sheetName, part: Self.resolve(target, base: base)))
            } else {
                hidden.append(sheetName)
            }
        }
        self.sheets = sheets
        hiddenSheets = hidden
        let sharedPart = targets.first { $0.key.hasPrefix("#sharedStrings:") }.map { Self.resolve($0.value, base: base) }
        strings = try sharedPart.map { part throws(WorkbookProblem) in try SharedStrings(Self.part(archive, part), part: part) } ?? SharedStrings()
        let stylesPart = targets.first { $0.key.hasPrefix("#styles:") }.map { Self.resolve($0.value, base: base) }
        dateStyles = try stylesPart.map { part throws(WorkbookProblem) in try NumberFormats.dateStyles(Self.part(archive, part), part: part) } ?? []
    }

    func sheet(named name: String) -> Sheet? {
        sheets.first { $0.name == name }
    }

    /// A sheet's XML; a new archive reader per call, as sheets are read on two threads.
    func sheetXML(_ sheet: Sheet) throws(WorkbookProblem) -> [UInt8] {
        try Self.part(Self.archive(url), sheet.part)
    }

    private static func archive(_ url: URL) throws(WorkbookProblem) -> Archive {
        do {
            return try Archive(url: url, accessMode: .read)
        } catch {
            throw WorkbookProblem("is not a readable .xlsx workbook (not a ZIP archive; expected a workbook saved by a spreadsheet program as .xlsx)")
        }
    }

    /// A part's bytes, inflated up to `maxPartSize`.
    static func part(_ archive: Archive, _ path: String, limit: Int = maxPartSize) throws(WorkbookProblem) -> [UInt8] {
        guard let entry = archive[path] else {
            throw WorkbookProblem("has no part \(Echo.quoted(path)) (expected a workbook saved by a spreadsheet program as .xlsx)")
        }
        guard entry.uncompressedSize <= UInt64(limit) else { throw tooLarge(path, limit) }
        var bytes: [UInt8] = []
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                // The declared size may lie: count what is inflated.
                guard bytes.count + chunk.count <= limit else { throw TooLarge() }
                bytes.append(contentsOf: chunk)
            }
        } catch is TooLarge {
            throw tooLarge(path, limit)
        } catch {
            throw WorkbookProblem("part \(Echo.quoted(path)) cannot be unpacked (the file is damaged; save the workbook again)")
        }
        return bytes
    }

    private struct TooLarge: Error {}

    private static func tooLarge(_ path: String, _ limit: Int) -> WorkbookProblem {
        WorkbookProblem("part \(Echo.quoted(path)) unpacks to more than \(grouped(limit >> 20)) MB (expected a smaller workbook, or the tables as CSV files)")
    }

    /// A part of the archive at `file`, for tests.
    static func part(inFile file: String, _ path: String, limit: Int) throws(WorkbookProblem) -> [UInt8] {
        try part(archive(URL(fileURLWithPath: file)), path, limit: limit)
    }

    /// The main part, from the package's relationships (`xl/workbook.xml` as a rule).
    private static func officeDocument(_ archive: Archive) throws(WorkbookProblem) -> String {
        guard archive["_rels/.rels"] != nil else { return "xl/workbook.xml" }
        let targets = try relationships(archive, of: "")
        return targets.first { $0.key.hasPrefix("#officeDocument:") }.map { resolve($0.value, base: "") } ?? "xl/workbook.xml"
    }

    /// A part's relationships by id, and `#kind:id` for each relationship's type.
    private static func relationships(_ archive: Archive, of part: String) throws(WorkbookProblem) -> [String: String] {
        var components = part.split(separator: "/").map(String.init)
        let name = components.popLast() ?? ""
        let path = (components + ["_rels", "\(name).rels"]).joined(separator: "/")
        guard archive[path] != nil else { return [:] }
        var targets: [String: String] = [:]
        try parse(Self.part(archive, path), part: path) { scanner, element, tag throws(XMLProblem) in
            guard scanner.isName(element, "Relationship"), let id = try scanner.string("Id", in: tag),
                  let target = try scanner.string("Target", in: tag) else { return }
            targets[id] = target
            let kind = (try scanner.string("Type", in: tag) ?? "").split(separator: "/").last.map(String.init) ?? ""
            targets["#\(kind):\(id)"] = target
        }
        return targets
    }

    /// A target relative to the folder of its part, or absolute (`/xl/…`).
    private static func resolve(_ target: String, base: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        var parts = base.split(separator: "/").map(String.init)
        for piece in target.split(separator: "/") {
            if piece == ".." { _ = parts.popLast() } else if piece != "." { parts.append(String(piece)) }
        }
        return parts.joined(separator: "/")
    }

    /// Calls `body` for every start tag of a small part.
    static func parse(_ bytes: [UInt8], part: String, _ body: (XMLScanner, Range<Int>, Range<Int>) throws(XMLProblem) -> Void) throws(WorkbookProblem) {
        do throws(XMLProblem) {
            try bytes.withUnsafeBufferPointer { buffer throws(XMLProblem) in
                var scanner = XMLScanner(buffer)
                while true {
                    switch try scanner.next() {
                    case .start(let name, let tag, _): try body(scanner, name, tag)
                    case .done: return
                    default: break
                    }
                }
            }
        } catch {
            throw WorkbookProblem(error, part: part)
        }
    }
}

/// A problem with the workbook as a whole (not a cell): reported at its file.
struct WorkbookProblem: Error {
    var message: String

    init(_ message: String) {
        self.message = message
    }

    init(_ problem: XMLProblem, part: String) {
        message = "part \(Echo.quoted(part)) is not well-formed XML (\(problem.message), at byte \(problem.offset + 1); save the workbook again in a spreadsheet program)"
    }

    /// A sheet's XML, reported at the sheet.
    init(_ problem: XMLProblem, sheetPart part: String) {
        message = "is not well-formed XML (\(problem.message), at byte \(problem.offset + 1) of \(Echo.quoted(part)); save the workbook again in a spreadsheet program)"
    }
}
