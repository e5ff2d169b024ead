/// figures.json: `{"figures": [{"id", "kind", <fields>, "rows", ...}]}` with
/// sorted keys and no timestamps, so the same data give the same bytes. A
/// proportion also carries its 95 % Wilson interval, `ci_low` and `ci_high`
/// in percent to one decimal (null with denominator 0).
public enum FiguresJSON {
    public static func render(_ figures: [Figure]) -> String {
        String(decoding: bytes(figures), as: UTF8.self)
    }

    /// Written into one byte buffer: a million-row figure is millions of
    /// strings, and concatenating Strings would copy them again and again.
    public static func bytes(_ figures: [Figure]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(figures.reduce(256) { $0 + 96 + 16 * ($1.rows.count + ($1.numeratorRows?.count ?? 0)) })
        write(figures, into: &out) { _ in }
        return out
    }

    /// The whole file handed to `put` in pieces of about `size` bytes, the
    /// last one shorter: memory holds one piece at a time.
    public static func write(_ figures: [Figure], inPiecesOf size: Int, put: ([UInt8]) -> Void) {
        var out: [UInt8] = []
        out.reserveCapacity(size + size / 4)
        write(figures, into: &out) { written in
            guard written.count >= size else { return }
            put(written)
            written.removeAll(keepingCapacity: true)
        }
        put(out)
    }

    /// The rows of a million patients make figures.json hundreds of
    /// megabytes: `spill` may take what is written so far, after each
    /// figure and every `piece` rows of a list.
    public static func write(_ figures: [Figure], into out: inout [UInt8], piece: Int = 65_536, spill: (inout [UInt8]) -> Void) {
        out.append(contentsOf: "{\n  \"figures\": [".utf8)
        // The members are written in the order of their names, so each is a closure in a list.
        withoutActuallyEscaping(spill) { spill in
            for (index, figure) in figures.enumerated() {
                out.append(contentsOf: (index == 0 ? "\n" : ",\n").utf8)
                var members: [(String, (inout [UInt8]) -> Void)] = [
                    ("id", { append(quoted: figure.id, to: &$0) }),
                    ("kind", { append(quoted: figure.kind.rawValue, to: &$0) }),
                    ("rows", { append(list: figure.rows, to: &$0, piece: piece, spill: spill) }),
                ]
                for field in figure.kind.fields {
                    // The runner refuses a figure with an infinite value; JSON has no word for one.
                    let text = figure[field].flatMap { $0.isFinite ? formatNumber($0) : nil } ?? "null"
                    members.append((field, { $0.append(contentsOf: text.utf8) }))
                }
                if let numeratorRows = figure.numeratorRows { members.append(("numerator_rows", { append(list: numeratorRows, to: &$0, piece: piece, spill: spill) })) }
                if figure.kind == .proportion {
                    let interval = figure.interval
                    members.append(("ci_low", { $0.append(contentsOf: (interval.map { WilsonInterval.tenth($0.low) } ?? "null").utf8) }))
                    members.append(("ci_high", { $0.append(contentsOf: (interval.map { WilsonInterval.tenth($0.high) } ?? "null").utf8) }))
                }
                members.sort { $0.0 < $1.0 }
                out.append(contentsOf: "    {\n".utf8)
                for (position, (name, value)) in members.enumerated() {
                    out.append(contentsOf: "      \"\(name)\": ".utf8)
                    value(&out)
                    out.append(contentsOf: (position == members.count - 1 ? "\n" : ",\n").utf8)
                }
                out.append(contentsOf: "    }".utf8)
                spill(&out)
            }
        }
        out.append(contentsOf: "\n  ]\n}\n".utf8)
    }

    /// Each key was quoted once for all figures (`KeyList.json`): a row is a copy.
    private static func append(list rows: FigureRows, to out: inout [UInt8], piece: Int, spill: (inout [UInt8]) -> Void) {
        out.append(UInt8(ascii: "["))
        if !rows.isEmpty {
            let json = rows.keys.json
            json.bytes.withUnsafeBufferPointer { bytes in
                for (index, position) in rows.positions.enumerated() {
                    if index > 0 {
                        if index % piece == 0 { spill(&out) }
                        out.append(UInt8(ascii: ","))
                        out.append(UInt8(ascii: " "))
                    }
                    let end = json.ends[Int(position)], start = position == 0 ? 0 : json.ends[Int(position) - 1]
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end]))
                }
            }
        }
        out.append(UInt8(ascii: "]"))
    }

    /// A JSON string literal (RFC 8259 escaping).
    static func quoted(_ text: String) -> String {
        var out: [UInt8] = []
        append(quoted: text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    static func append(quoted text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // Ids rarely need escaping: copy them whole.
        var text = text
        let plain = text.withUTF8 { bytes in
            guard !bytes.contains(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 < 0x20 }) else { return false }
            out.append(contentsOf: bytes)
            return true
        }
        if plain {
            out.append(UInt8(ascii: "\""))
            return
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case UInt8(ascii: "\n"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case UInt8(ascii: "\r"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case UInt8(ascii: "\t"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 15)]])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
