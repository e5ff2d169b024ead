/// What a dataset file's bytes say about how it was saved, before they are
/// read as UTF-8 lines: a file saved as UTF-16 or with old Mac line endings
/// would otherwise be reported as invalid UTF-8 or as one very long line.
enum TextEncoding {
    /// Why the file cannot be read as UTF-8 text with LF or CRLF lines; nil when it can.
    static func problem(_ bytes: [UInt8]) -> String? {
        if isUTF16(bytes) {
            return "the file is saved as UTF-16 (expected UTF-8: save it again as UTF-8, e.g. \"CSV UTF-8\" in a spreadsheet)"
        }
        if hasOnlyCRLineEnds(bytes) {
            return "the lines end with a carriage return (CR) alone, as in old Mac files (expected LF or CRLF line endings: save it again with Unix or Windows line endings)"
        }
        return nil
    }

    /// A UTF-16 byte-order mark, or a NUL every other byte at the start
    /// (ASCII text in UTF-16 without a mark).
    static func isUTF16(_ bytes: [UInt8]) -> Bool {
        if bytes.count >= 2 && (bytes[0] == 0xFF && bytes[1] == 0xFE || bytes[0] == 0xFE && bytes[1] == 0xFF) {
            return true
        }
        guard bytes.count >= 4 else { return false }
        let little = bytes[0] != 0 && bytes[1] == 0 && bytes[2] != 0 && bytes[3] == 0
        let big = bytes[0] == 0 && bytes[1] != 0 && bytes[2] == 0 && bytes[3] != 0
        return little || big
    }

    /// A CR and no LF anywhere: every line ends with a CR alone. The search
    /// for an LF stops at the first line of an ordinary file.
    static func hasOnlyCRLineEnds(_ bytes: [UInt8]) -> Bool {
        !bytes.contains(UInt8(ascii: "\n")) && bytes.contains(UInt8(ascii: "\r"))
    }

    /// The bytes after a UTF-8 byte-order mark, if any.
    static func withoutByteOrderMark(_ bytes: [UInt8]) -> ArraySlice<UInt8> {
        bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes[3...] : bytes[...]
    }
}
