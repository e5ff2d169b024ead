/// Collects every problem of a run so that all are reported together; past
/// `ErrorList.limit` only a count per file is kept.
final class ErrorSink {
    private(set) var list = ErrorList<DataError>()

    func add(_ error: DataError) {
        list.add(error)
    }

    func add(file: String, line: Int?, column: String? = nil, _ message: String) {
        list.add(DataError(file: file, line: line, column: column, message: message))
    }

    /// Another sink's errors, e.g. of a file read on another thread.
    func add(_ other: ErrorList<DataError>) {
        list.add(other)
    }

    /// Errors of `file` that come after every kept one of it, only counted.
    func count(file: String, _ omitted: Int) {
        list.count(file: file, omitted)
    }

    /// Every error added, kept or only counted.
    var count: Int { list.count }
    var isEmpty: Bool { list.isEmpty }
}
