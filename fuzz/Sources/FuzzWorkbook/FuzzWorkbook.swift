import Foundation
import FuzzSupport
@testable import ReviewSite

// Workbook: the first byte says what the rest is.
//   z  the whole .xlsx file (ZIP, inflation, relationships, every part);
//   p  the XML of the patients sheet,
//   s  a shared string table,
//   y  styles.xml (date formats),
//   w  workbook.xml (sheet names, hidden sheets):
// each put into the base workbook (fuzz/dataset's tables written by
// WorkbookWriter) and zipped again, so that mutations reach the XML rather
// than stop at a ZIP checksum. Then DatasetLoader.load reads the dataset
// (sheets through the CSV path's checks, errors moved to their cells) and,
// when it loads, Report computes.
//   l  the whole .xlsx file, opened with small limits (`bounded`) so that
//      inputs of a few KB reach every limit of Workbook.Limits, and every
//      visible sheet read: what is read must stay within them.
// Any other first byte: modulo 6.

let scratch = WorkbookScratch()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size >= 1 else { return 0 }
    let rest = UnsafeBufferPointer(start: data + 1, count: size - 1)
    switch pick(data[0], "zpsywl", count: 6) {
    case 0: scratch.load(Array(rest))
    case 1: scratch.load(replacing: "xl/worksheets/sheet3.xml", with: rest)
    case 2: scratch.load(replacing: "xl/sharedStrings.xml", with: rest)
    case 3: scratch.load(replacing: "xl/styles.xml", with: rest)
    case 4: scratch.load(replacing: "xl/workbook.xml", with: rest)
    default: scratch.readBounded(Array(rest))
    }
    return 0
}

/// Limits a few KB of input can reach (the real ones take megabytes).
let bounded: Workbook.Limits = {
    var limits = Workbook.Limits()
    limits.total = 256 << 10
    limits.part = 128 << 10
    limits.smallPart = 16 << 10
    limits.sharedStrings = 500
    limits.styles = 50
    limits.cellsPerSheet = 2_000
    limits.headerColumns = 40
    limits.emptyHeaderColumns = 8
    return limits
}()

/// A copy of the base dataset whose tables are a workbook, `extraction.xlsx`.
final class WorkbookScratch: @unchecked Sendable {
    let path: String
    let parts: [(path: String, text: String)]

    init() {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reviewsite-fuzz-\(ProcessInfo.processInfo.processIdentifier)-workbook")
        try? FileManager.default.removeItem(at: folder)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for name in try FileManager.default.contentsOfDirectory(atPath: baseDataPath) where !name.hasSuffix(".csv") {
                try FileManager.default.copyItem(atPath: "\(baseDataPath)/\(name)", toPath: folder.appendingPathComponent(name).path)
            }
            let (codebook, tables) = try WorkbookWriter.dataset(baseDataPath)
            var parts = WorkbookWriter.parts(codebook: codebook, tables: tables)
            // A shared string table the s inputs replace.
            parts.append(("xl/sharedStrings.xml", WorkbookParts.header + "<sst xmlns=\"\(WorkbookParts.main)\"><si><t>f</t></si></sst>"))
            let rels = parts.firstIndex { $0.path == "xl/_rels/workbook.xml.rels" }!
            parts[rels].text = parts[rels].text.replacingOccurrences(
                of: "</Relationships>",
                with: "<Relationship Id=\"rId99\" Type=\"\(WorkbookParts.relationshipsNamespace)/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>")
            self.parts = parts
        } catch {
            fatalError("fuzz setup: cannot make the base workbook in \(folder.path): \(error) (set REVIEWSITE_ROOT to the repository)")
        }
        path = folder.path
        atexit {
            try? FileManager.default.removeItem(atPath: scratch.path)
            try? FileManager.default.removeItem(atPath: scratch.boundedPath)
        }
        do {
            try Data(WorkbookWriter.zip(parts)).write(to: URL(fileURLWithPath: "\(path)/extraction.xlsx"))
            _ = try loadDataset(path)
        } catch {
            fatalError("fuzz setup: the base workbook does not load:\n\(error)")
        }
    }

    func load(replacing part: String, with bytes: UnsafeBufferPointer<UInt8>) {
        var parts = self.parts
        let index = parts.firstIndex { $0.path == part }!
        parts[index].text = String(decoding: bytes, as: UTF8.self)
        guard let zipped = try? WorkbookWriter.zip(parts) else { return }
        load(zipped)
    }

    /// The `l` inputs' file, beside the dataset's folder.
    var boundedPath: String { path + "-bounded.xlsx" }

    /// Opens the workbook with `bounded` and reads its sheets; a
    /// WorkbookProblem is the expected answer to a bad input, and whatever
    /// is read must be within the limits.
    func readBounded(_ bytes: [UInt8]) {
        guard FileManager.default.createFile(atPath: boundedPath, contents: Data(bytes)) else {
            fatalError("fuzz setup: cannot write \(boundedPath)")
        }
        guard let book = try? Workbook(file: "bounded.xlsx", path: boundedPath, limits: bounded) else { return }
        precondition(book.strings.count <= bounded.sharedStrings && book.dateStyles.count <= bounded.styles)
        for sheet in book.sheets {
            guard let xml = try? book.sheetXML(sheet) else { continue }
            precondition(xml.count <= bounded.part)
            var cells = 0
            var width = 0
            try? SheetReader(workbook: book, sheet: sheet).forEachRow(xml) { row in
                if cells == 0 {
                    width = row.width
                    precondition(width <= bounded.headerColumns && width - row.cells.count - row.problems.count <= bounded.emptyHeaderColumns)
                }
                cells += row.cells.count + row.problems.count
                precondition(cells <= bounded.cellsPerSheet)
                row.withRecord(width: width) { precondition($0.count == width) }
                return true
            }
        }
    }

    /// Writes the workbook and loads the dataset; DatasetErrors is the expected answer to a bad input.
    func load(_ bytes: [UInt8]) {
        guard FileManager.default.createFile(atPath: "\(path)/extraction.xlsx", contents: Data(bytes)) else {
            fatalError("fuzz setup: cannot write \(path)/extraction.xlsx")
        }
        loadReport(path)
    }
}
