import Testing
@testable import ReviewSite

/// figures.json is written in pieces (hundreds of megabytes with a million
/// patients): the pieces, taken after every figure and every few rows of
/// a list, are the file written whole.
@Suite("figures.json in pieces")
struct FiguresJSONPiecesTests {
    @Test func thePiecesMakeTheWholeFile() throws {
        let figures = try loadReport(defaultDataPath).figures
        let whole = FiguresJSON.bytes(figures)
        var pieces: [[UInt8]] = []
        var out: [UInt8] = []
        FiguresJSON.write(figures, into: &out, piece: 3) { piece in
            pieces.append(piece)
            piece.removeAll()
        }
        pieces.append(out)
        let rows = figures.reduce(0) { $0 + $1.rows.count + ($1.numeratorRows?.count ?? 0) }
        #expect(pieces.count > figures.count + rows / 3 - figures.count * 2)
        #expect(pieces.flatMap { $0 } == whole)
        #expect(String(decoding: whole, as: UTF8.self) == FiguresJSON.render(figures))
    }
}
