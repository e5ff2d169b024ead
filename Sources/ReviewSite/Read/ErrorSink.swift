/// Collects every problem of a run so that all are reported together.
final class ErrorSink {
    private(set) var errors: [DataError] = []

    func add(_ error: DataError) {
        errors.append(error)
    }

    func add(file: String, line: Int?, column: String? = nil, _ message: String) {
        errors.append(DataError(file: file, line: line, column: column, message: message))
    }

    var isEmpty: Bool { errors.isEmpty }
}
