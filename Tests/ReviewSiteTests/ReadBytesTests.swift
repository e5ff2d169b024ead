import Testing
@testable import ReviewSite

/// The byte-level readers must answer exactly as the String operations they
/// replace: String(validating:), Double(String), String equality.
@Suite("Reading cells as bytes")
struct ReadBytesTests {
    @Test func utf8CheckAgreesWithStringValidation() {
        var sequences: [[UInt8]] = []
        for a in 0...255 {
            sequences.append([UInt8(a)])
            for b in 0...255 { sequences.append([UInt8(a), UInt8(b)]) }
        }
        // The boundaries of table 3-7, in 3- and 4-byte sequences.
        let edges: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF,
                              0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF]
        for a in edges {
            for b in edges {
                for c in edges {
                    sequences.append([a, b, c])
                    for d in edges { sequences.append([a, b, c, d]) }
                }
            }
        }
        let disagreements = sequences.filter { bytes in
            bytes.withUnsafeBufferPointer(isValidUTF8) != (String(validating: bytes, as: UTF8.self) != nil)
        }
        #expect(disagreements.isEmpty)
    }

    /// parseDecimal as it was: the grammar, then Double(String).
    func parseText(_ text: String) -> Double? {
        var sawDigit = false, sawPoint = false, digitsAfterPoint = 0
        for (index, byte) in text.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                sawDigit = true
                if sawPoint { digitsAfterPoint += 1 }
            case UInt8(ascii: "."):
                if sawPoint || !sawDigit { return nil }
                sawPoint = true
            case UInt8(ascii: "-") where index == 0:
                continue
            default:
                return nil
            }
        }
        guard sawDigit, !sawPoint || digitsAfterPoint > 0 else { return nil }
        return Double(text)
    }

    @Test func numbersAreExactlyDoubleOfTheirText() {
        var texts = ["0", "-0", "-0.0", "0.1", "0.2", "0.3", "2.675", "4.35", "1.005", "9007199254740992", "9007199254740993",
                     "9007199254740993.5", "18446744073709551615", "18446744073709551616", "99999999999999999999",
                     "0.0000000000000000000001", "0.00000000000000000000001", "1.7976931348623157", "123456789.123456789",
                     "000000000000000000000000000000.5", "1" + String(repeating: "0", count: 400), "", "-", ".", "1.", ".5",
                     "1.2.3", "--1", "1-", "+1", "1e5", " 1", "1 ", "٤", "0x10", "inf", "nan"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            var text = Bool.random(using: &generator) ? "-" : ""
            let integerDigits = Int.random(in: 1...20, using: &generator)
            text += String((0..<integerDigits).map { _ in "0123456789".randomElement(using: &generator)! })
            if Bool.random(using: &generator) {
                let fractionDigits = Int.random(in: 1...25, using: &generator)
                text += "." + String((0..<fractionDigits).map { _ in "0123456789".randomElement(using: &generator)! })
            }
            texts.append(text)
        }
        let disagreements = texts.filter { text in
            var bytes = Array(text.utf8)
            let fast = bytes.withUnsafeMutableBufferPointer { parseDecimal(UnsafeBufferPointer($0)) }
            return fast?.bitPattern != parseText(text)?.bitPattern
        }
        #expect(disagreements.isEmpty)
    }

    func insert(_ keys: inout KeyIndex, _ key: String, line: Int) -> (number: Int, isNew: Bool) {
        let bytes = Array(key.utf8)
        return bytes.withUnsafeBufferPointer { keys.insert($0, isASCII: $0.allSatisfy { $0 < 0x80 }, line: line) }
    }

    @Test func keysFollowStringEquality() {
        var keys = KeyIndex()
        for number in 0..<5_000 {
            #expect(insert(&keys, "P\(number)K", line: number + 2) == (number, true))
        }
        #expect(insert(&keys, "P17K", line: 9_999) == (17, false))
        #expect(keys.lines[17] == 19)
        // U+212A KELVIN SIGN is canonically "K": probes, then keys.
        #expect(keys.number(of: "P42\u{212A}") == 42)
        #expect(keys.number(of: "P42\u{212A}x") == nil)
        #expect(keys.number(of: "P4999K", hint: 4_999) == 4_999)
        #expect(keys.number(of: "P4999K", hint: 3) == 4_999)
        #expect(insert(&keys, "P43\u{212A}", line: 10_000) == (43, false))
        #expect(insert(&keys, "caf\u{E9}", line: 10_001) == (5_000, true))
        #expect(keys.number(of: "cafe\u{301}") == 5_000)
        #expect(insert(&keys, "P44K", line: 10_002) == (44, false))
        #expect(insert(&keys, "new", line: 10_003) == (5_001, true))
        #expect(keys.number(of: "new") == 5_001)
    }

    @Test func quotedFieldsWithDoubledQuotesAndNonASCIIText() {
        let (records, errors) = CSVReader(bytes: Array("a,b\n\"é\"\"x\"\"\",\"ü\n\"\"\"\n".utf8)).records()
        #expect(records.map(\.fields) == [["a", "b"], ["é\"x\"", "ü\n\""]])
        #expect(records[1].fieldLines == [2, 2])
        #expect(errors.isEmpty)
        let broken = CSVReader(bytes: Array("a\n\"x\"\"".utf8) + [0xC3] + Array("\"\n1\n".utf8)).records()
        #expect(broken.records.map(\.fields) == [["a"], ["1"]])
        #expect(broken.errors == [CSVSyntaxError(line: 2, message: "invalid UTF-8 in this record")])
    }

    @Test func equivalentSpellingsOfIdsAndSeparators() throws {
        // An id spelt with U+212A is a duplicate of the one with K.
        let duplicate = try errorsAfter { data in
            try data.edit("patients.csv", line: 2, "R4-01,", "R4-0K,")
            try data.edit("patients.csv", line: 3, "R4-02,", "R4-0\u{212A},")
            try data.edit("treatments.csv", line: 2, "R4-01,", "R4-0K,")
            try data.edit("treatments.csv", line: 3, "R4-02,", "R4-0K,")
            try data.edit("treatments.csv", line: 3, ",1,", ",2,")
        }
        #expect(duplicate == ["data/patients.csv:3: column 'patient_id': 'R4-0\u{212A}' is a duplicate (first on line 2)"])
        // U+037E GREEK QUESTION MARK is canonically ";", and splits a list.
        let list = try errorsAfter { try $0.edit("patients.csv", line: 3, "fingers;upper_limb", "fingers\u{37E}upper_limb") }
        #expect(list.isEmpty)
    }
}
