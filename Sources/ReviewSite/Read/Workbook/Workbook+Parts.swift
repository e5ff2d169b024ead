/// The workbook's table of shared strings, as UTF-8 bytes one after
/// another: a million strings take two arrays, not a million Strings.
struct SharedStrings {
    private(set) var bytes: [UInt8] = []
    private(set) var ends: [Int] = []

    var count: Int { ends.count }

    init() {}

    /// Reads `<sst>`: each `<si>` is one string, its rich-text runs joined
    /// and its phonetic guides (`<rPh>`) left out; at most `limit` strings.
    init(_ xml: [UInt8], part: String, limit: Int = Workbook.Limits.standard.sharedStrings) throws(WorkbookProblem) {
        var bytes: [UInt8] = [], ends: [Int] = []
        var tooMany = false
        do throws(XMLProblem) {
            try xml.withUnsafeBufferPointer { buffer throws(XMLProblem) in
                var scanner = XMLScanner(buffer)
                var start = 0
                while true {
                    switch try scanner.next() {
                    case .start(let name, _, let empty):
                        if scanner.isName(name, "si") {
                            guard ends.count < limit else { tooMany = true; return }
                            start = bytes.count
                            if !empty { try readRichText(&scanner, into: &bytes) }
                            decodeEscapes(&bytes, from: start)
                            ends.append(bytes.count)
                        }
                    case .done: return
                    default: break
                    }
                }
            }
        } catch {
            throw WorkbookProblem(error, part: part)
        }
        if tooMany { throw WorkbookProblem.tooManyStrings(part, limit) }
        self.bytes = bytes
        self.ends = ends
    }

    func range(_ index: Int) -> Range<Int> {
        (index == 0 ? 0 : ends[index - 1])..<ends[index]
    }
}

/// Appends the text of the `<t>` elements up to the end of the element just
/// opened (`<si>` or `<is>`), skipping phonetic runs.
func readRichText(_ scanner: inout XMLScanner, into bytes: inout [UInt8]) throws(XMLProblem) {
    var depth = 1
    var inText = false
    while depth > 0 {
        switch try scanner.next() {
        case .start(let name, _, let empty):
            if empty { continue }
            if scanner.isName(name, "rPh") {
                try scanner.skipElement()
            } else {
                depth += 1
                inText = scanner.isName(name, "t")
            }
        case .end:
            depth -= 1
            inText = false
        case .text(let range): if inText { try scanner.appendDecoded(range, to: &bytes) }
        case .cdata(let range): if inText { bytes.append(contentsOf: scanner.bytes[range]) }
        case .done: throw XMLProblem("an element is not closed", at: scanner.position)
        }
    }
}

/// Decodes the `_xHHHH_` escapes spreadsheets write for characters XML
/// cannot hold (`_x000D_` is a carriage return, `_x005F_` an underscore),
/// in `bytes[start...]`. A UTF-16 pair of escapes is one character; a
/// lone surrogate stays as written.
func decodeEscapes(_ bytes: inout [UInt8], from start: Int) {
    guard bytes[start...].contains(UInt8(ascii: "_")) else { return }
    var output: [UInt8] = []
    var index = start
    func unit(at index: Int) -> UInt16? {
        guard index + 7 <= bytes.count, bytes[index] == UInt8(ascii: "_"), bytes[index + 1] == UInt8(ascii: "x"),
              bytes[index + 6] == UInt8(ascii: "_") else { return nil }
        return UInt16(String(decoding: bytes[index + 2..<index + 6], as: UTF8.self), radix: 16)
    }
    while index < bytes.count {
        guard let first = unit(at: index) else {
            output.append(bytes[index])
            index += 1
            continue
        }
        if UTF16.isLeadSurrogate(first), let second = unit(at: index + 7), UTF16.isTrailSurrogate(second) {
            let scalar = Unicode.Scalar(0x10000 + (UInt32(first - 0xD800) << 10) + UInt32(second - 0xDC00))!
            output.append(contentsOf: String(Character(scalar)).utf8)
            index += 14
        } else if let scalar = Unicode.Scalar(first) {
            output.append(contentsOf: String(Character(scalar)).utf8)
            index += 7
        } else {
            output.append(bytes[index])
            index += 1
        }
    }
    bytes.replaceSubrange(start..., with: output)
}

/// Which cell styles show numbers as dates or times (styles.xml).
enum NumberFormats {
    /// Per `<xf>` of `<cellXfs>`, whether its number format is a date or
    /// time; at most `limit` formats, and as many number formats.
    static func dateStyles(_ xml: [UInt8], part: String, limit: Int = Workbook.Limits.standard.styles) throws(WorkbookProblem) -> [Bool] {
        var codes: [Int: String] = [:]
        var styles: [Bool] = []
        var inCellStyles = false
        var tooMany = false
        do throws(XMLProblem) {
            try xml.withUnsafeBufferPointer { buffer throws(XMLProblem) in
                var scanner = XMLScanner(buffer)
                while true {
                    switch try scanner.next() {
                    case .start(let name, let tag, _):
                        if scanner.isName(name, "numFmt"), let id = try scanner.string("numFmtId", in: tag).flatMap({ Int($0) }) {
                            guard codes.count < limit || codes[id] != nil else { tooMany = true; return }
                            codes[id] = try scanner.string("formatCode", in: tag) ?? ""
                        } else if scanner.isName(name, "cellXfs") {
                            inCellStyles = true
                        } else if inCellStyles && scanner.isName(name, "xf") {
                            guard styles.count < limit else { tooMany = true; return }
                            let id = try scanner.string("numFmtId", in: tag).flatMap { Int($0) } ?? 0
                            styles.append(codes[id].map(isDateFormat) ?? builtInDates.contains(id))
                        }
                    case .end(let name): if scanner.isName(name, "cellXfs") { inCellStyles = false }
                    case .done: return
                    default: break
                    }
                }
            }
        } catch {
            throw WorkbookProblem(error, part: part)
        }
        if tooMany { throw WorkbookProblem.tooManyStyles(part, limit) }
        return styles
    }

    /// The built-in formats that show a date or time (ECMA-376 18.8.30, and the East Asian ones).
    static let builtInDates: Set<Int> = Set(14...22).union(27...36).union(45...47).union(50...58)

    /// Whether a format code shows a date or time: a d, m, y, h or s outside
    /// quoted text, escapes and `[…]` (colours, locales; `[h]` is a duration,
    /// and so a time). openpyxl saves dates with its own codes (ids ≥ 164),
    /// so the code is read rather than the id.
    static func isDateFormat(_ code: String) -> Bool {
        var characters = code.lowercased()[...]
        // Only the first section (positive numbers) says how a date shows.
        while let character = characters.popFirst() {
            switch character {
            case "\"": while let next = characters.popFirst(), next != "\"" {}
            case "\\", "_", "*": _ = characters.popFirst()
            case "[":
                var inside = ""
                while let next = characters.popFirst(), next != "]" { inside.append(next) }
                if !inside.isEmpty && inside.allSatisfy({ "hms".contains($0) }) { return true }
            case ";": return false
            case "d", "m", "y", "h", "s": return true
            default: break
            }
        }
        return false
    }
}
