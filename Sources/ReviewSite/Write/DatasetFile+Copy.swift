extension DatasetFile {
    /// Adds the file to the site. A file of the folder is copied in
    /// pieces, and the build fails when it no longer holds the bytes the
    /// build was made from: the site offers the data its figures were
    /// computed from, or no site is made.
    func add(as name: String, to site: any SiteOutput) throws(BuildFailure) {
        switch source {
        case .sheet(let csv): try site.add(name, bytes: csv)
        case .folder(let path, let size, let hash):
            try Stopwatch.time("copy \(path)") { () throws(BuildFailure) in
                try site.add(name) { destination throws(BuildFailure) in try Self.copy(path, size: size, hash: hash, to: destination) }
            }
        }
    }

    private static func copy(_ path: String, size: Int, hash expected: UInt64, to destination: String) throws(BuildFailure) {
        let file = try PieceFile(destination)
        var hash = ByteHash()
        let read = RegularFile.chunks(path) { chunk in
            hash.add(chunk)
            file.write(chunk)
        }
        try file.close()
        if case .failure(let problem) = read {
            throw .output("\(path): \(problem.message(inputs: "a dataset")) (while it was copied to the site)")
        }
        guard hash.length == size && hash.value == expected else {
            let how = hash.length == size ? "its bytes are not those that were read" : "\(size) bytes were read, \(hash.length) are there now"
            throw .output("\(path) changed while the site was being built (\(how)): build again")
        }
    }
}
