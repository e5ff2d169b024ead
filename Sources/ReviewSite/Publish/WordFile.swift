import Foundation
import ZIPFoundation

/// What pandoc's DOCX lacks for an editor, added to its word/document.xml
/// (pandoc's own, known structure, edited as text): no table row splits
/// across pages, and a table's heading, introduction and caption stay on
/// the table's page, and each drawing its size on its page. pandoc already
/// repeats each header row (tblHeader).
enum WordFile {
    /// `ownStyles`: the team's reference.docx styles the file, and its table style stays as it is.
    static func finish(_ path: String, drawings: [String: Size], ownStyles: Bool) throws(PublishFailure) {
        let date = Calendar(identifier: .gregorian).date(from: DateComponents(year: 1980, month: 1, day: 1)) ?? Date(timeIntervalSince1970: 315_532_800)
        do {
            let source = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
            let target = try Archive(data: Data(), accessMode: .create)
            for entry in source where entry.type == .file {
                var data = Data()
                _ = try source.extract(entry, skipCRC32: false) { data.append($0) }
                if entry.path == "word/document.xml" { data = Data(sized(finished(String(decoding: data, as: UTF8.self)), drawings).utf8) }
                if entry.path == "word/styles.xml" && !ownStyles { data = Data(smallTables(String(decoding: data, as: UTF8.self)).utf8) }
                let part = data
                try target.addEntry(with: entry.path, type: .file, uncompressedSize: Int64(part.count), modificationDate: date,
                                    compressionMethod: .deflate) { position, size in
                    part.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let bytes = target.data else { throw CocoaError(.fileWriteUnknown) }
            try bytes.write(to: URL(fileURLWithPath: path))
        } catch {
            throw .output("\(path): pandoc's Word file could not be finished (its archive could not be read or written again)")
        }
    }

    /// The document with every row kept whole and every table's lead-in kept with it.
    static func finished(_ xml: String) -> String {
        let rows = xml.replacingOccurrences(of: "<w:tr><w:trPr>", with: "<w:tr><w:trPr><w:cantSplit />")
            .replacingOccurrences(of: "<w:tr><w:tc", with: "<w:tr><w:trPr><w:cantSplit /></w:trPr><w:tc")
            // The last section (where the data come from) on A4 too, unless a reference.docx gave it a page.
            .replacingOccurrences(of: "<w:sectPr /></w:body>", with: PrintFilter.properties(landscape: false) + "</w:body>")
        let parts = rows.components(separatedBy: "<w:tbl>")
        // The tables after the portrait pages stand on landscape ones.
        let landscape = parts.firstIndex { $0.contains(PrintFilter.section(landscape: false)) } ?? parts.count
        return parts.enumerated().map { index, part in
            let kept = index < parts.count - 1 ? keptWithNext(part) : part
            return index == 0 ? kept : widened(kept, to: index > landscape ? landscapeText : portraitText)
        }.joined(separator: "<w:tbl>")
    }

    /// pandoc's table style with 9-point text, so that the tables' many columns hold their words whole.
    static func smallTables(_ styles: String) -> String {
        guard let style = styles.range(of: #"w:styleId="Table" w:type="table">"#),
              let properties = styles[style.upperBound...].range(of: "<w:tblPr>") else { return styles }
        return styles[..<properties.lowerBound] + #"<w:rPr><w:sz w:val="18" /><w:szCs w:val="18" /></w:rPr>"# + styles[properties.lowerBound...]
    }

    /// The text width of a page (twips), which pandoc's column widths (of its own page) are scaled to.
    static let portraitText = 11906 - 2 * 1134, landscapeText = 16838 - 2 * 851

    /// A table (`part` begins with its properties) with its grid's columns scaled to fill `width`.
    static func widened(_ part: String, to width: Int) -> String {
        guard let start = part.range(of: "<w:tblGrid>"), let end = part.range(of: "</w:tblGrid>"), start.upperBound < end.lowerBound else { return part }
        let grid = part[start.upperBound..<end.lowerBound]
        let columns = grid.matches(of: #/<w:gridCol w:w="(\d+)" \/>/#).compactMap { Int($0.1) }
        let total = columns.reduce(0, +)
        guard total > 0 else { return part }
        let scaled = columns.map { "<w:gridCol w:w=\"\($0 * width / total)\" />" }.joined()
        return String(part[..<start.upperBound]) + scaled + String(part[end.lowerBound...])
    }

    /// `text` (all before a table) with its last paragraphs, up to the table's heading, kept with the next.
    static func keptWithNext(_ text: String) -> String {
        var head = Substring(text), tail = ""
        for _ in 0..<4 {
            while head.hasSuffix("/>"), let start = head.range(of: "<w:bookmark", options: .backwards), !head[start.upperBound...].contains("<") {
                tail = head[start.lowerBound...] + tail
                head = head[..<start.lowerBound]
            }
            guard head.hasSuffix("</w:p>"), let start = head.range(of: "<w:p>", options: .backwards) else { break }
            let paragraph = head[start.lowerBound...]
            if paragraph.contains("<w:sectPr") || paragraph.contains("<w:br w:type=\"page\"") { break }
            tail = keepNext(paragraph) + tail
            head = head[..<start.lowerBound]
            if paragraph.contains("<w:pStyle w:val=\"Heading") { break }
        }
        return head + tail
    }

    /// A paragraph with keepNext in its properties (after its style, where the schema puts it).
    static func keepNext(_ paragraph: Substring) -> String {
        if paragraph.contains("<w:keepNext") { return String(paragraph) }
        guard let properties = paragraph.range(of: "<w:pPr>") else {
            return "<w:p><w:pPr><w:keepNext /></w:pPr>" + paragraph.dropFirst("<w:p>".count)
        }
        var at = properties.upperBound
        if paragraph[at...].hasPrefix("<w:pStyle "), let end = paragraph[at...].range(of: "/>") { at = end.upperBound }
        return paragraph[..<at] + "<w:keepNext />" + paragraph[at...]
    }

    /// A drawing's size: pixels of a PNG, or EMU (1/360000 cm) in Word.
    struct Size: Equatable {
        var width: Int
        var height: Int

        /// The largest size of the same shape inside `box` (centimetres), in EMU.
        func fitted(_ box: (width: Double, height: Double)) -> Size {
            let scale = min(box.width / Double(max(width, 1)), box.height / Double(max(height, 1))) * 360_000
            return Size(width: Int(Double(width) * scale), height: Int(Double(height) * scale))
        }
    }

    /// Room for a drawing under its heading: A4 portrait with 2 cm margins, landscape with 1.5 cm ones.
    static let portrait = (width: 16.9, height: 22.0)
    static let landscape = (width: 26.6, height: 15.5)

    /// A PNG file's width and height in pixels (its IHDR chunk).
    static func pngSize(_ path: String) -> Size? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let bytes = try? handle.read(upToCount: 24), bytes.count == 24 else { return nil }
        let number = { (at: Int) in bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        return Size(width: number(16), height: number(20))
    }

    /// Each drawing named in `sizes` (by its file, which pandoc keeps as the
    /// picture's description) given that size: pandoc fits an image to its
    /// own idea of the page, not to the section the drawing stands in.
    static func sized(_ xml: String, _ sizes: [String: Size]) -> String {
        guard !sizes.isEmpty else { return xml }
        let parts = xml.components(separatedBy: "<w:drawing>")
        return ([parts[0]] + parts.dropFirst().map { part -> String in
            guard let end = part.range(of: "</w:drawing>"),
                  let name = part[..<end.lowerBound].firstMatch(of: #/<pic:cNvPr descr="([^"]*)"/#)?.1,
                  let size = sizes.first(where: { Escape.html($0.key) == name })?.value else { return part }
            let drawing = String(part[..<end.lowerBound])
                .replacing(#/<wp:extent cx="\d+" cy="\d+"/#, with: "<wp:extent cx=\"\(size.width)\" cy=\"\(size.height)\"")
                .replacing(#/<a:ext cx="\d+" cy="\d+"/#, with: "<a:ext cx=\"\(size.width)\" cy=\"\(size.height)\"")
            return drawing + String(part[end.lowerBound...])
        }).joined(separator: "<w:drawing>")
    }
}
