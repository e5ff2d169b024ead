extension SiteBuilder {
    /// figures.json in pieces of a megabyte: with the rows of a million
    /// patients it is hundreds of megabytes.
    static func addFiguresJSON(_ figures: [Figure], to site: any SiteOutput) throws(BuildFailure) {
        try site.add("data/figures.json") { path throws(BuildFailure) in
            let file = try PieceFile(path)
            var out: [UInt8] = []
            out.reserveCapacity(PieceFile.piece + PieceFile.piece / 4)
            FiguresJSON.write(figures, into: &out) { file.write(&$0, atLeast: PieceFile.piece) }
            file.write(&out)
            try file.close()
        }
    }
}
