/// A query put together from fixed SQL and pieces of figures.yaml, knowing
/// which bytes came from which piece: SQLite's error offsets are placed
/// back in the YAML file.
struct ComposedSQL {
    private(set) var text = ""
    private var pieces: [(start: Int, piece: SQLPiece)] = []
    /// Where an error without a position of its own is placed.
    let anchor: SQLPiece

    init(anchor: SQLPiece) {
        self.anchor = anchor
    }

    mutating func add(_ sql: String) {
        text += sql
    }

    mutating func add(_ piece: SQLPiece) {
        pieces.append((text.utf8.count, piece))
        text += piece.text
    }

    /// The file position of a byte offset of the text, or the anchor's start.
    func position(_ offset: Int?) -> TextPosition {
        guard let offset else { return anchor.start }
        for (start, piece) in pieces where offset >= start && offset < start + piece.text.utf8.count {
            return piece.position(atByte: offset - start)
        }
        return anchor.start
    }
}
