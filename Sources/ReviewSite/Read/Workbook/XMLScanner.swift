/// A pull reader of the XML of a workbook's parts, over bytes.
///
/// Foundation's XMLParser fails silently on parts over 10 MB when given
/// data, and calls a delegate per piece of text; a workbook needs far less
/// than XML in general (no DTD, no namespaces beyond prefixes), so the
/// project reads it itself: tags, attributes, text and CDATA, with the five
/// named entities and character references. A DOCTYPE is refused, so no
/// entity can expand.
struct XMLScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    private(set) var position = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    enum Event {
        /// A start tag: its local name (without prefix) and the whole tag's bytes, for attributes.
        case start(name: Range<Int>, tag: Range<Int>, empty: Bool)
        case end(name: Range<Int>)
        /// Character data, entities not yet decoded.
        case text(Range<Int>)
        /// A CDATA section's content, taken as is.
        case cdata(Range<Int>)
        case done
    }

    /// The next tag or piece of text; comments and processing instructions are skipped.
    mutating func next() throws(XMLProblem) -> Event {
        while position < bytes.count {
            if bytes[position] != lessThan {
                let start = position
                while position < bytes.count && bytes[position] != lessThan { position += 1 }
                return .text(start..<position)
            }
            let start = position
            guard position + 1 < bytes.count else { throw XMLProblem("a tag is not closed", at: start) }
            switch bytes[position + 1] {
            case UInt8(ascii: "/"):
                let end = try find(greaterThan, from: position + 2)
                let name = localName(position + 2..<trimmedEnd(position + 2, end))
                position = end + 1
                return .end(name: name)
            case UInt8(ascii: "?"):
                position = try find("?>", from: position + 2) + 2
            case UInt8(ascii: "!"):
                if hasPrefix("<!--", at: position) {
                    position = try find("-->", from: position + 4) + 3
                } else if hasPrefix("<![CDATA[", at: position) {
                    let end = try find("]]>", from: position + 9)
                    defer { position = end + 3 }
                    return .cdata(position + 9..<end)
                } else {
                    throw XMLProblem("a DOCTYPE or other declaration, which workbooks do not use", at: start)
                }
            default:
                let end = try tagEnd(from: position + 1)
                let empty = bytes[end - 1] == UInt8(ascii: "/")
                var nameEnd = position + 1
                while nameEnd < end && !isSpace(bytes[nameEnd]) && bytes[nameEnd] != UInt8(ascii: "/") { nameEnd += 1 }
                position = end + 1
                return .start(name: localName(start + 1..<nameEnd), tag: start..<end, empty: empty)
            }
        }
        return .done
    }

    /// Skips to the end of the element whose start tag was just read.
    mutating func skipElement() throws(XMLProblem) {
        var depth = 1
        while depth > 0 {
            switch try next() {
            case .start(_, _, let empty): if !empty { depth += 1 }
            case .end: depth -= 1
            case .text, .cdata: break
            case .done: throw XMLProblem("an element is not closed", at: position)
            }
        }
    }

    func isName(_ range: Range<Int>, _ name: StaticString) -> Bool {
        guard range.count == name.utf8CodeUnitCount else { return false }
        let expected = UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
        for offset in 0..<range.count where bytes[range.lowerBound + offset] != expected[offset] { return false }
        return true
    }

    /// An attribute's raw value (entities not decoded) by its name, prefix included (`r:id`).
    func attribute(_ name: StaticString, in tag: Range<Int>) -> Range<Int>? {
        var index = tag.lowerBound + 1
        while index < tag.upperBound && !isSpace(bytes[index]) { index += 1 }
        while index < tag.upperBound {
            while index < tag.upperBound && isSpace(bytes[index]) { index += 1 }
            let nameStart = index
            while index < tag.upperBound && bytes[index] != UInt8(ascii: "=") && !isSpace(bytes[index]) { index += 1 }
            let nameRange = nameStart..<index
            while index < tag.upperBound && bytes[index] != UInt8(ascii: "\"") && bytes[index] != UInt8(ascii: "'") { index += 1 }
            guard index < tag.upperBound else { return nil }
            let quote = bytes[index]
            let valueStart = index + 1
            index = valueStart
            while index < tag.upperBound && bytes[index] != quote { index += 1 }
            if isName(nameRange, name) { return valueStart..<index }
            index += 1
        }
        return nil
    }

    /// An attribute's value as text.
    func string(_ name: StaticString, in tag: Range<Int>) throws(XMLProblem) -> String? {
        guard let range = attribute(name, in: tag) else { return nil }
        var decoded: [UInt8] = []
        try appendDecoded(range, to: &decoded)
        return String(decoding: decoded, as: UTF8.self)
    }

    /// Appends text with its entities and character references decoded.
    func appendDecoded(_ range: Range<Int>, to output: inout [UInt8]) throws(XMLProblem) {
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = bytes[index]
            guard byte == ampersand else {
                output.append(byte)
                index += 1
                continue
            }
            var end = index + 1
            while end < range.upperBound && bytes[end] != UInt8(ascii: ";") && end - index < 12 { end += 1 }
            guard end < range.upperBound, bytes[end] == UInt8(ascii: ";") else { throw XMLProblem("an & that starts no entity", at: index) }
            let name = String(decoding: bytes[index + 1..<end], as: UTF8.self)
            switch name {
            case "lt": output.append(lessThan)
            case "gt": output.append(greaterThan)
            case "amp": output.append(ampersand)
            case "quot": output.append(UInt8(ascii: "\""))
            case "apos": output.append(UInt8(ascii: "'"))
            default:
                let number: UInt32?
                if name.hasPrefix("#x") { number = UInt32(name.dropFirst(2), radix: 16) } else if name.hasPrefix("#") { number = UInt32(name.dropFirst(), radix: 10) } else { number = nil }
                guard let number, let scalar = Unicode.Scalar(number) else { throw XMLProblem("an unknown entity &\(name);", at: index) }
                output.append(contentsOf: String(Character(scalar)).utf8)
            }
            index = end + 1
        }
    }

    private func localName(_ range: Range<Int>) -> Range<Int> {
        var start = range.lowerBound
        for index in range where bytes[index] == UInt8(ascii: ":") { start = index + 1 }
        return start..<range.upperBound
    }

    private func trimmedEnd(_ start: Int, _ end: Int) -> Int {
        var end = end
        while end > start && isSpace(bytes[end - 1]) { end -= 1 }
        return end
    }

    /// The `>` closing a start tag, past any quoted attribute value.
    private func tagEnd(from start: Int) throws(XMLProblem) -> Int {
        var index = start
        var quote: UInt8 = 0
        while index < bytes.count {
            let byte = bytes[index]
            if quote != 0 {
                if byte == quote { quote = 0 }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == greaterThan {
                return index
            } else if byte == lessThan {
                break
            }
            index += 1
        }
        throw XMLProblem("a tag is not closed", at: start - 1)
    }

    private func find(_ byte: UInt8, from start: Int) throws(XMLProblem) -> Int {
        var index = start
        while index < bytes.count {
            if bytes[index] == byte { return index }
            index += 1
        }
        throw XMLProblem("a tag is not closed", at: start)
    }

    private func find(_ text: StaticString, from start: Int) throws(XMLProblem) -> Int {
        var index = start
        while index < bytes.count {
            if hasPrefix(text, at: index) { return index }
            index += 1
        }
        throw XMLProblem("a comment or section is not closed", at: start)
    }

    private func hasPrefix(_ text: StaticString, at index: Int) -> Bool {
        let count = text.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        let expected = UnsafeBufferPointer(start: text.utf8Start, count: count)
        for offset in 0..<count where bytes[index + offset] != expected[offset] { return false }
        return true
    }
}

/// Malformed XML in a workbook part, at a byte offset of the part.
struct XMLProblem: Error {
    var message: String
    var offset: Int

    init(_ message: String, at offset: Int) {
        self.message = message
        self.offset = offset
    }
}

private let lessThan = UInt8(ascii: "<")
private let greaterThan = UInt8(ascii: ">")
private let ampersand = UInt8(ascii: "&")

private func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
}
