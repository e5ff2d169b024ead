import Testing
@testable import ReviewSite

@Suite("CSV reader")
struct CSVReaderTests {
    func read(_ text: String) -> (fields: [[String]], lines: [Int], errors: [String]) {
        read(Array(text.utf8))
    }

    func read(_ bytes: [UInt8]) -> (fields: [[String]], lines: [Int], errors: [String]) {
        let (records, errors) = CSVReader(bytes: bytes).records()
        return (records.map(\.fields), records.map(\.line), errors.map { "\($0.line): \($0.message)" })
    }

    @Test func plainRecordsWithLineNumbers() {
        let result = read("a,b\n1,2\n3,4\n")
        #expect(result.fields == [["a", "b"], ["1", "2"], ["3", "4"]])
        #expect(result.lines == [1, 2, 3])
        #expect(result.errors.isEmpty)
    }

    @Test func byteOrderMarkIsDropped() {
        let result = read([0xEF, 0xBB, 0xBF] + Array("id,name\n1,x\n".utf8))
        #expect(result.fields == [["id", "name"], ["1", "x"]])
    }

    @Test func crlfLineEndings() {
        let result = read("a,b\r\n1,2\r\n\"q\",3\r\n")
        #expect(result.fields == [["a", "b"], ["1", "2"], ["q", "3"]])
        #expect(result.lines == [1, 2, 3])
    }

    @Test func quotedFieldsWithCommasQuotesAndNewlines() {
        let result = read("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n4,5,6\n")
        #expect(result.fields == [["a", "b", "c"], ["x, y", "say \"hi\"", "two\nlines"], ["4", "5", "6"]])
        // The record after a quoted newline starts on physical line 4.
        #expect(result.lines == [1, 2, 4])
    }

    @Test func quotedNewlineMovesTheLineOfLaterFields() {
        let (records, _) = CSVReader(bytes: Array("a,b\n\"1\n2\",x\n".utf8)).records()
        #expect(records[1].fieldLines == [2, 3])
    }

    @Test func lastLineWithoutNewlineAndEmptyLastLine() {
        #expect(read("a,b\n1,2").fields == [["a", "b"], ["1", "2"]])
        #expect(read("a,b\n1,2\n\n").fields == [["a", "b"], ["1", "2"]])
    }

    @Test func blankLinesAreSkippedButCounted() {
        let result = read("a,b\n\n1,2\n")
        #expect(result.fields == [["a", "b"], ["1", "2"]])
        #expect(result.lines == [1, 3])
    }

    @Test func trailingCommasGiveEmptyFields() {
        #expect(read("a,b,\n1,2,\n").fields == [["a", "b", ""], ["1", "2", ""]])
    }

    @Test func emptyQuotedFieldIsARecord() {
        #expect(read("a\n\"\"\n").fields == [["a"], [""]])
    }

    @Test func unterminatedQuoteNamesTheLineWhereTheRecordStarts() {
        let result = read("a,b\n1,2\n3,\"open\n4,5\n6,7\n")
        #expect(result.fields == [["a", "b"], ["1", "2"]])
        #expect(result.errors == ["3: unterminated quoted field: the closing quote is missing"])
    }

    @Test func textAfterClosingQuoteIsAnErrorAndReadingGoesOn() {
        let result = read("a,b\n\"x\"y,2\n3,4\n")
        #expect(result.fields == [["a", "b"], ["3", "4"]])
        #expect(result.errors == ["2: text after the closing quote of a field (expected a comma or the end of the line)"])
    }

    @Test func quoteInsideUnquotedField() {
        let result = read("a,b\n5\" lesion,2\n")
        #expect(result.errors == ["2: a quote inside an unquoted field (quote the whole field and double the quote: \"\")"])
    }

    @Test func invalidUTF8NamesTheRecordLine() {
        let result = read(Array("a,b\n1,2\n".utf8) + [0x78, 0xFF, 0x2C, 0x33, 0x0A] + Array("4,5\n".utf8))
        #expect(result.fields == [["a", "b"], ["1", "2"], ["4", "5"]])
        #expect(result.errors == ["3: invalid UTF-8 in this record"])
    }

    @Test func nonLatinTextSurvives() {
        #expect(read("name\nMichał Żółć 日本\n").fields == [["name"], ["Michał Żółć 日本"]])
    }
}
