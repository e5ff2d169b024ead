import Foundation

/// The date written into the published files' properties. The same inputs
/// make the same files, so it is not the clock's: SOURCE_DATE_EPOCH when
/// set (the reproducible-builds convention, which pandoc follows too), else
/// the date of the release the files are (data/versions.yaml), else
/// 1 January 1980, the earliest date a ZIP file (the Word file) holds.
struct PublishDate: Sendable {
    let epoch: Int

    static let earliest = 315_532_800

    init(environment: [String: String] = ProcessInfo.processInfo.environment, release: String? = nil) {
        let given = environment["SOURCE_DATE_EPOCH"].flatMap { Int($0) } ?? release.flatMap(Self.midnight)
        epoch = given.map { max($0, Self.earliest) } ?? Self.earliest
    }

    /// `2025-06-01` as seconds since 1970 at midnight UTC; nil when it is not such a date.
    static func midnight(_ date: String) -> Int? {
        let parts = date.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, date.count == 10 else { return nil }
        var time = tm()
        time.tm_year = Int32(parts[0] - 1900)
        time.tm_mon = Int32(parts[1] - 1)
        time.tm_mday = Int32(parts[2])
        return Int(timegm(&time))
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
