import Foundation
import ZIPFoundation

/// An .xlsx workbook opened for reading: its sheets by name, its shared
/// strings, and which cell styles show a date. A sheet's XML is inflated
/// when it is read (`sheetXML`). Every part to read is budgeted at opening
/// from the sizes the archive declares (`Limits`), and inflated no further
/// than its declared size, so that a zip bomb ends with an error rather
/// than all memory.
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
    let limits: Limits
    /// The file, opened anew for each sheet. ZIPFoundation's archive in
    /// memory traps on a directory that points past the end (found by
    /// FuzzWorkbook); on a file, such a read is only short, and an error.
    private let url: URL
    /// The archive's entries by name, each name once.
    private let entries: [String: Entry]

    struct Sheet {
        var name: String
        /// The part's path in the archive: `xl/worksheets/sheet1.xml`.
        var part: String
    }

    /// `path` is the workbook's file, `file` its name in errors.
    init(file: String, path: String, limits: Limits = .standard) throws(WorkbookProblem) {
        self.file = file
        self.limits = limits
        url = URL(fileURLWithPath: path)
        let archive = try Self.archive(url)
        var parts = try Parts(archive, limits: limits)
        entries = parts.entries
        let workbookPart = try Self.officeDocument(&parts)
        let base = workbookPart.split(separator: "/").dropLast().joined(separator: "/")
        let targets = try Self.relationships(&parts, of: workbookPart)
        var sheets: [Sheet] = [], hidden: [String] = []
        try Self.parse(parts.readSmall(workbookPart), part: workbookPart) { scanner, name, tag throws(XMLProblem) in
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
        let stylesPart = targets.first { $0.key.hasPrefix("#styles:") }.map { Self.resolve($0.value, base: base) }
        // Everything still to read is budgeted before any of it is inflated.
        if let sharedPart { try parts.plan(sharedPart, limit: limits.part) }
        if let stylesPart { try parts.plan(stylesPart, limit: limits.smallPart) }
        for sheet in sheets { try parts.plan(sheet.part, sheet: sheet.name, limit: limits.part) }
        strings = try sharedPart.map { part throws(WorkbookProblem) in
            try SharedStrings(parts.read(part, limit: limits.part), part: part, limit: limits.sharedStrings)
        } ?? SharedStrings()
        dateStyles = try stylesPart.map { part throws(WorkbookProblem) in
            try NumberFormats.dateStyles(parts.read(part, limit: limits.smallPart), part: part, limit: limits.styles)
        } ?? []
    }

    func sheet(named name: String) -> Sheet? {
        sheets.first { $0.name == name }
    }

    /// A sheet's XML; a new archive reader per call, as sheets are read on two threads.
    func sheetXML(_ sheet: Sheet) throws(WorkbookProblem) -> [UInt8] {
        try Self.part(Self.archive(url), entries[sheet.part], sheet.part, limit: limits.part)
    }

    private static func archive(_ url: URL) throws(WorkbookProblem) -> Archive {
        do {
            return try Archive(url: url, accessMode: .read)
        } catch {
            throw WorkbookProblem("is not a readable .xlsx workbook (not a ZIP archive; expected a workbook saved by a spreadsheet program as .xlsx)")
        }
    }

    /// A part's bytes, inflated up to `limit` and no further than the size
    /// the archive declares for it (which may lie: what is inflated is counted).
    static func part(_ archive: Archive, _ entry: Entry?, _ path: String, limit: Int) throws(WorkbookProblem) -> [UInt8] {
        guard let entry else {
            throw WorkbookProblem("has no part \(Echo.quoted(path)) (expected a workbook saved by a spreadsheet program as .xlsx)")
        }
        guard entry.uncompressedSize <= UInt64(limit) else { throw WorkbookProblem.tooLarge(path, limit) }
        let declared = Int(entry.uncompressedSize)
        var bytes: [UInt8] = []
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                guard bytes.count + chunk.count <= declared else { throw LongerThanDeclared() }
                bytes.append(contentsOf: chunk)
            }
        } catch is LongerThanDeclared {
            throw WorkbookProblem.longerThanDeclared(path, declared)
        } catch {
            throw WorkbookProblem("part \(Echo.quoted(path)) cannot be unpacked (the file is damaged; save the workbook again)")
        }
        return bytes
    }

    private struct LongerThanDeclared: Error {}

    /// A part of the archive at `file`, for tests.
    static func part(inFile file: String, _ path: String, limit: Int) throws(WorkbookProblem) -> [UInt8] {
        let archive = try archive(URL(fileURLWithPath: file))
        return try part(archive, Parts(archive, limits: .standard).entries[path], path, limit: limit)
    }

    /// The archive's entries by name, and the unpacked bytes planned so far against `Limits.total`.
    struct Parts {
        let archive: Archive
        let entries: [String: Entry]
        let limits: Limits
        private var planned = 0

        /// Two entries of one name are refused: programs differ on which they read.
        init(_ archive: Archive, limits: Limits) throws(WorkbookProblem) {
            var entries: [String: Entry] = [:]
            for entry in archive {
                guard entries.updateValue(entry, forKey: entry.path) == nil else { throw WorkbookProblem.duplicate(entry.path) }
            }
            self.archive = archive
            self.entries = entries
            self.limits = limits
        }

        /// Counts a part to read against the total; a missing one is an error when read.
        mutating func plan(_ path: String, sheet: String? = nil, limit: Int) throws(WorkbookProblem) {
            guard let entry = entries[path] else { return }
            guard entry.uncompressedSize <= UInt64(limit) else { throw WorkbookProblem.tooLarge(path, limit) }
            planned += Int(entry.uncompressedSize)
            guard planned <= limits.total else { throw WorkbookProblem.overTotal(path, sheet: sheet, limits.total) }
        }

        /// A small part, planned as it is read.
        mutating func readSmall(_ path: String) throws(WorkbookProblem) -> [UInt8] {
            try plan(path, limit: limits.smallPart)
            return try read(path, limit: limits.smallPart)
        }

        /// A part planned already.
        func read(_ path: String, limit: Int) throws(WorkbookProblem) -> [UInt8] {
            try Workbook.part(archive, entries[path], path, limit: limit)
        }

        func has(_ path: String) -> Bool {
            entries[path] != nil
        }
    }

    /// The main part, from the package's relationships (`xl/workbook.xml` as a rule).
    private static func officeDocument(_ parts: inout Parts) throws(WorkbookProblem) -> String {
        guard parts.has("_rels/.rels") else { return "xl/workbook.xml" }
        let targets = try relationships(&parts, of: "")
        return targets.first { $0.key.hasPrefix("#officeDocument:") }.map { resolve($0.value, base: "") } ?? "xl/workbook.xml"
    }

    /// A part's relationships by id, and `#kind:id` for each relationship's type.
    private static func relationships(_ parts: inout Parts, of part: String) throws(WorkbookProblem) -> [String: String] {
        var components = part.split(separator: "/").map(String.init)
        let name = components.popLast() ?? ""
        let path = (components + ["_rels", "\(name).rels"]).joined(separator: "/")
        guard parts.has(path) else { return [:] }
        var targets: [String: String] = [:]
        try parse(parts.readSmall(path), part: path) { scanner, element, tag throws(XMLProblem) in
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
    /// The sheet's row and column (from 0) when the problem is one cell's.
    var row: Int?
    var column: Int?

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
