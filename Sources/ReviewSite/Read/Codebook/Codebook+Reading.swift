// Reading a codebook: from a dataset folder, or from text (tests).

extension Codebook {
    /// `codebook.yaml` of a dataset folder, with every problem of it at once.
    public static func read(folder: String) throws(CodebookErrors) -> Codebook {
        let directory = DataDirectory(folder)
        let file = directory.display(fileName)
        let sink = ErrorSink()
        guard let bytes = directory.bytes(fileName, sink: sink, expected: "expected the review's codebook") else {
            throw CodebookErrors(sink.list.errors.map { CodebookError(file: $0.file, line: $0.line, message: $0.message) })
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw CodebookErrors([CodebookError(file: file, line: nil, message: "invalid UTF-8 (expected a UTF-8 text file)")])
        }
        return try read(yaml: text, file: file)
    }

    /// A codebook's text; `file` names it in errors.
    /// The codebooks read last, by file name and text (DatasetLoader.readCodebook).
    static let memo = TextMemo<Result<Codebook, CodebookErrors>>(entries: 4, largestText: 1 << 22)

    public static func read(yaml: String, file: String) throws(CodebookErrors) -> Codebook {
        let reader = CodebookReader(file: file)
        let codebook = reader.codebook(yaml)
        guard let codebook, reader.errors.isEmpty else { throw CodebookErrors(reader.errors) }
        return codebook
    }
}
