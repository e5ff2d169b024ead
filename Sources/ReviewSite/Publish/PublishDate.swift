import Foundation

/// The date written into the published files' properties. The same inputs
/// make the same files, so it is not the clock's: SOURCE_DATE_EPOCH when
/// set (the reproducible-builds convention, which pandoc follows too),
/// else 1 January 1980, the earliest date a ZIP file (the Word file) holds.
struct PublishDate: Sendable {
    let epoch: Int

    static let earliest = 315_532_800

    init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let given = environment["SOURCE_DATE_EPOCH"].flatMap { Int($0) }
        epoch = given.map { max($0, Self.earliest) } ?? Self.earliest
    }

    /// As a PDF writes a date: `D:YYYYMMDDHHmmSS+00'00'`.
    var pdf: String {
        var time = time_t(epoch), parts = tm()
        gmtime_r(&time, &parts)
        return String(format: "D:%04d%02d%02d%02d%02d%02d+00'00'", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1,
                      Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec))
    }

    /// The PDF with its creation and modification dates set to this date.
    /// Chromium writes both as `D:YYYYMMDDHHmmSS+00'00'`; a date of the same
    /// length keeps every offset of the file's cross-reference table right.
    func stamp(_ pdf: [UInt8]) -> [UInt8] {
        var bytes = pdf
        let date = Array(self.pdf.utf8)
        for key in ["/CreationDate (", "/ModDate ("] {
            let key = Array(key.utf8)
            // The document information dictionary is near the start; look no further than its first kilobytes.
            let window = bytes.prefix(16_384)
            guard let found = window.firstRange(ofBytes: key) else { continue }
            let start = found.upperBound
            guard let close = bytes[start...].prefix(64).firstIndex(of: UInt8(ascii: ")")), close - start == date.count else { continue }
            bytes.replaceSubrange(start..<close, with: date)
        }
        return bytes
    }
}
